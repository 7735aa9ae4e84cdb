import OkrugTemplate

// The «Итоги» page's view models for templates (see TemplateFields.swift).

extension CountRowView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "label": self.label.templateValue
        case "value": self.value.templateValue
        case "url": self.url.templateValue
        default: .unknown
        }
    }
}

extension ChartView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "id": self.id.templateValue
        case "heading": self.heading.templateValue
        case "svg": self.svg.templateValue
        case "labelHeader": self.labelHeader.templateValue
        case "rows": self.rows.templateValue
        default: .unknown
        }
    }
}

extension SectionExecutionView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "title": self.title.templateValue
        case "activities": self.activities.templateValue
        case "withMaterials": self.withMaterials.templateValue
        case "without": self.without.templateValue
        default: .unknown
        }
    }
}

extension DirectionResultView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "title": self.title.templateValue
        case "url": self.url.templateValue
        case "activities": self.activities.templateValue
        case "hasActivities": self.hasActivities.templateValue
        case "activitiesCount": self.activitiesCount.templateValue
        case "materialsCount": self.materialsCount.templateValue
        default: .unknown
        }
    }
}

extension SatelliteResultView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "name": self.name.templateValue
        case "url": self.url.templateValue
        case "contributedCount": self.contributedCount.templateValue
        case "contributed": self.contributed.templateValue
        case "hasContributed": self.hasContributed.templateValue
        case "receivedCount": self.receivedCount.templateValue
        case "received": self.received.templateValue
        case "hasReceived": self.hasReceived.templateValue
        case "directions": self.directions.templateValue
        default: .unknown
        }
    }
}

extension ResultsPageView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "layout": self.layout.templateValue
        case "heading": self.heading.templateValue
        case "planTitle": self.planTitle.templateValue
        case "planURL": self.planURL.templateValue
        case "asOf": self.asOf.templateValue
        case "csvURL": self.csvURL.templateValue
        case "total": self.total.templateValue
        case "materialCharts": self.materialCharts.templateValue
        case "newAuthorsCount": self.newAuthorsCount.templateValue
        case "newAuthors": self.newAuthors.templateValue
        case "hasNewAuthors": self.hasNewAuthors.templateValue
        case "executionSummary": self.executionSummary.templateValue
        case "executionChart": self.executionChart.templateValue
        case "sections": self.sections.templateValue
        case "gaps": self.gaps.templateValue
        case "hasGaps": self.hasGaps.templateValue
        case "gapsCount": self.gapsCount.templateValue
        case "directions": self.directions.templateValue
        case "satellites": self.satellites.templateValue
        default: .unknown
        }
    }
}

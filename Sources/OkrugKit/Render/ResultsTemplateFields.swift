import Mustache

// The «Итоги» page's view models for templates (see TemplateFields.swift).

extension CountRowView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "value": self.value
        case "url": self.url
        default: nil
        }
    }
}

extension ChartView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "heading": self.heading
        case "svg": self.svg
        case "labelHeader": self.labelHeader
        case "rows": self.rows
        default: nil
        }
    }
}

extension SectionExecutionView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "activities": self.activities
        case "withMaterials": self.withMaterials
        case "without": self.without
        default: nil
        }
    }
}

extension DirectionResultView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "activities": self.activities
        case "hasActivities": self.hasActivities
        case "activitiesCount": self.activitiesCount
        case "materialsCount": self.materialsCount
        default: nil
        }
    }
}

extension SatelliteResultView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "url": self.url
        case "contributedCount": self.contributedCount
        case "contributed": self.contributed
        case "hasContributed": self.hasContributed
        case "receivedCount": self.receivedCount
        case "received": self.received
        case "hasReceived": self.hasReceived
        case "directions": self.directions
        default: nil
        }
    }
}

extension ResultsPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "heading": self.heading
        case "planTitle": self.planTitle
        case "planURL": self.planURL
        case "asOf": self.asOf
        case "csvURL": self.csvURL
        case "total": self.total
        case "materialCharts": self.materialCharts
        case "newAuthorsCount": self.newAuthorsCount
        case "newAuthors": self.newAuthors
        case "hasNewAuthors": self.hasNewAuthors
        case "executionSummary": self.executionSummary
        case "executionChart": self.executionChart
        case "sections": self.sections
        case "gaps": self.gaps
        case "hasGaps": self.hasGaps
        case "gapsCount": self.gapsCount
        case "directions": self.directions
        case "satellites": self.satellites
        default: nil
        }
    }
}

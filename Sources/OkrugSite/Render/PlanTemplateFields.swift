import OkrugTemplate

// The plan pages' view models, read by templates through `TemplateObject` (see
// TemplateFields.swift; `ViewModelFieldTests` checks these too).

extension ResponsiblePartView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "html": self.html.templateValue
        case "personURL": self.personURL.templateValue
        default: .unknown
        }
    }
}

extension StatusView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "code": self.code.templateValue
        case "label": self.label.templateValue
        default: .unknown
        }
    }
}

extension StageView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "roman": self.roman.templateValue
        case "titleHTML": self.titleHTML.templateValue
        case "period": self.period.templateValue
        case "items": self.items.templateValue
        case "hasItems": self.hasItems.templateValue
        case "current": self.current.templateValue
        case "status": self.status.templateValue
        default: .unknown
        }
    }
}

extension DefinitionView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "term": self.term.templateValue
        case "html": self.html.templateValue
        default: .unknown
        }
    }
}

extension ActivityRowView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "number": self.number.templateValue
        case "titleHTML": self.titleHTML.templateValue
        case "url": self.url.templateValue
        case "when": self.when.templateValue
        case "whenWords": self.whenWords.templateValue
        case "status": self.status.templateValue
        case "responsible": self.responsible.templateValue
        case "indicatorHTML": self.indicatorHTML.templateValue
        case "materials": self.materials.templateValue
        case "hasMaterials": self.hasMaterials.templateValue
        case "materialsCount": self.materialsCount.templateValue
        default: .unknown
        }
    }
}

extension PlanSectionView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "title": self.title.templateValue
        case "anchor": self.anchor.templateValue
        case "goalHTML": self.goalHTML.templateValue
        case "count": self.count.templateValue
        case "activities": self.activities.templateValue
        default: .unknown
        }
    }
}

extension PlanPageView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "layout": self.layout.templateValue
        case "titleHTML": self.titleHTML.templateValue
        case "year": self.year.templateValue
        case "asOf": self.asOf.templateValue
        case "partner": self.partner.templateValue
        case "satellites": self.satellites.templateValue
        case "goalHTML": self.goalHTML.templateValue
        case "definitions": self.definitions.templateValue
        case "hasDefinitions": self.hasDefinitions.templateValue
        case "directions": self.directions.templateValue
        case "hasDirections": self.hasDirections.templateValue
        case "roadmapTitle": self.roadmapTitle.templateValue
        case "stages": self.stages.templateValue
        case "hasStages": self.hasStages.templateValue
        case "sections": self.sections.templateValue
        case "summary": self.summary.templateValue
        case "expectedResults": self.expectedResults.templateValue
        case "hasExpectedResults": self.hasExpectedResults.templateValue
        case "executorHTML": self.executorHTML.templateValue
        case "calendarURL": self.calendarURL.templateValue
        case "resultsURL": self.resultsURL.templateValue
        case "otherPlans": self.otherPlans.templateValue
        case "hasOtherPlans": self.hasOtherPlans.templateValue
        default: .unknown
        }
    }
}

extension ActivityPageView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "layout": self.layout.templateValue
        case "titleHTML": self.titleHTML.templateValue
        case "planTitle": self.planTitle.templateValue
        case "planURL": self.planURL.templateValue
        case "section": self.section.templateValue
        case "when": self.when.templateValue
        case "whenWords": self.whenWords.templateValue
        case "startISO": self.startISO.templateValue
        case "status": self.status.templateValue
        case "responsible": self.responsible.templateValue
        case "indicatorHTML": self.indicatorHTML.templateValue
        case "direction": self.direction.templateValue
        case "materials": self.materials.templateValue
        case "hasMaterials": self.hasMaterials.templateValue
        case "materialsCount": self.materialsCount.templateValue
        case "calendarURL": self.calendarURL.templateValue
        case "previous": self.previous.templateValue
        case "next": self.next.templateValue
        default: .unknown
        }
    }
}

extension PlanSummaryView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "title": self.title.templateValue
        case "url": self.url.templateValue
        case "year": self.year.templateValue
        case "count": self.count.templateValue
        case "current": self.current.templateValue
        default: .unknown
        }
    }
}

extension PlanIndexView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "layout": self.layout.templateValue
        case "plans": self.plans.templateValue
        default: .unknown
        }
    }
}

extension ActivityLinkView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "title": self.title.templateValue
        case "url": self.url.templateValue
        case "whenWords": self.whenWords.templateValue
        case "status": self.status.templateValue
        default: .unknown
        }
    }
}

extension HomePlanView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "title": self.title.templateValue
        case "url": self.url.templateValue
        case "stageLabel": self.stageLabel.templateValue
        case "stage": self.stage.templateValue
        case "upcoming": self.upcoming.templateValue
        case "hasUpcoming": self.hasUpcoming.templateValue
        case "note": self.note.templateValue
        case "calendarURL": self.calendarURL.templateValue
        case "resultsURL": self.resultsURL.templateValue
        default: .unknown
        }
    }
}

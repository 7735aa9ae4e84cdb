import Mustache

// The plan pages' view models, read by templates through `MustacheParent` (see
// TemplateFields.swift; `ViewModelFieldTests` checks these too).

extension ResponsiblePartView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "html": self.html
        case "personURL": self.personURL
        default: nil
        }
    }
}

extension StatusView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "code": self.code
        case "label": self.label
        default: nil
        }
    }
}

extension StageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "roman": self.roman
        case "titleHTML": self.titleHTML
        case "period": self.period
        case "items": self.items
        case "hasItems": self.hasItems
        case "current": self.current
        case "status": self.status
        default: nil
        }
    }
}

extension DefinitionView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "term": self.term
        case "html": self.html
        default: nil
        }
    }
}

extension ActivityRowView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": self.number
        case "titleHTML": self.titleHTML
        case "url": self.url
        case "when": self.when
        case "whenWords": self.whenWords
        case "status": self.status
        case "responsible": self.responsible
        case "indicatorHTML": self.indicatorHTML
        case "materials": self.materials
        case "hasMaterials": self.hasMaterials
        case "materialsCount": self.materialsCount
        default: nil
        }
    }
}

extension PlanSectionView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "anchor": self.anchor
        case "goalHTML": self.goalHTML
        case "count": self.count
        case "activities": self.activities
        default: nil
        }
    }
}

extension PlanPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "titleHTML": self.titleHTML
        case "year": self.year
        case "asOf": self.asOf
        case "partner": self.partner
        case "satellites": self.satellites
        case "goalHTML": self.goalHTML
        case "definitions": self.definitions
        case "hasDefinitions": self.hasDefinitions
        case "directions": self.directions
        case "hasDirections": self.hasDirections
        case "roadmapTitle": self.roadmapTitle
        case "stages": self.stages
        case "hasStages": self.hasStages
        case "sections": self.sections
        case "summary": self.summary
        case "expectedResults": self.expectedResults
        case "hasExpectedResults": self.hasExpectedResults
        case "executorHTML": self.executorHTML
        case "calendarURL": self.calendarURL
        case "resultsURL": self.resultsURL
        case "otherPlans": self.otherPlans
        case "hasOtherPlans": self.hasOtherPlans
        default: nil
        }
    }
}

extension ActivityPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "titleHTML": self.titleHTML
        case "planTitle": self.planTitle
        case "planURL": self.planURL
        case "section": self.section
        case "when": self.when
        case "whenWords": self.whenWords
        case "startISO": self.startISO
        case "status": self.status
        case "responsible": self.responsible
        case "indicatorHTML": self.indicatorHTML
        case "direction": self.direction
        case "materials": self.materials
        case "hasMaterials": self.hasMaterials
        case "materialsCount": self.materialsCount
        case "calendarURL": self.calendarURL
        case "previous": self.previous
        case "next": self.next
        default: nil
        }
    }
}

extension PlanSummaryView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "year": self.year
        case "count": self.count
        case "current": self.current
        default: nil
        }
    }
}

extension PlanIndexView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "plans": self.plans
        default: nil
        }
    }
}

extension ActivityLinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "whenWords": self.whenWords
        case "status": self.status
        default: nil
        }
    }
}

extension HomePlanView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "stageLabel": self.stageLabel
        case "stage": self.stage
        case "upcoming": self.upcoming
        case "hasUpcoming": self.hasUpcoming
        case "note": self.note
        case "calendarURL": self.calendarURL
        case "resultsURL": self.resultsURL
        default: nil
        }
    }
}

import OkrugTemplate

// The plan pages' view models, read by templates through `TemplateObject` (see
// TemplateFields.swift; `ViewModelFieldTests` checks these too).

extension ResponsiblePartView: TemplateFields {
    package static let templateFields = FieldTable<ResponsiblePartView>(\.html, \.personURL)
}

extension StatusView: TemplateFields {
    package static let templateFields = FieldTable<StatusView>(\.code, \.label)
}

extension StageView: TemplateFields {
    package static let templateFields = FieldTable<StageView>(
        \.roman, \.titleHTML, \.period, \.items, \.hasItems, \.current, \.status)
}

extension DefinitionView: TemplateFields {
    package static let templateFields = FieldTable<DefinitionView>(\.term, \.html)
}

extension ActivityRowView: TemplateFields {
    package static let templateFields = FieldTable<ActivityRowView>(
        \.number, \.titleHTML, \.url, \.when, \.whenWords, \.status, \.responsible, \.indicatorHTML, \.materials,
        \.hasMaterials, \.materialsCount)
}

extension PlanSectionView: TemplateFields {
    package static let templateFields = FieldTable<PlanSectionView>(
        \.title, \.anchor, \.goalHTML, \.count, \.activities)
}

extension PlanPageView: TemplateFields {
    package static let templateFields = FieldTable<PlanPageView>(
        \.layout, \.titleHTML, \.year, \.asOf, \.partner, \.satellites, \.goalHTML, \.definitions, \.hasDefinitions,
        \.directions, \.hasDirections, \.roadmapTitle, \.stages, \.hasStages, \.sections, \.summary, \.expectedResults,
        \.hasExpectedResults, \.executorHTML, \.calendarURL, \.resultsURL, \.otherPlans, \.hasOtherPlans)
}

extension ActivityPageView: TemplateFields {
    package static let templateFields = FieldTable<ActivityPageView>(
        \.layout, \.titleHTML, \.planTitle, \.planURL, \.section, \.when, \.whenWords, \.startISO, \.status,
        \.responsible, \.indicatorHTML, \.direction, \.materials, \.hasMaterials, \.materialsCount, \.calendarURL,
        \.previous, \.next)
}

extension PlanSummaryView: TemplateFields {
    package static let templateFields = FieldTable<PlanSummaryView>(\.title, \.url, \.year, \.count, \.current)
}

extension PlanIndexView: TemplateFields {
    package static let templateFields = FieldTable<PlanIndexView>(\.layout, \.plans)
}

extension ActivityLinkView: TemplateFields {
    package static let templateFields = FieldTable<ActivityLinkView>(\.title, \.url, \.whenWords, \.status)
}

extension HomePlanView: TemplateFields {
    package static let templateFields = FieldTable<HomePlanView>(
        \.title, \.url, \.stageLabel, \.stage, \.upcoming, \.hasUpcoming, \.note, \.calendarURL, \.resultsURL)
}

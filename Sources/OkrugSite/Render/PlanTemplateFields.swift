import OkrugTemplate

// The plan pages' view models, read by templates through `TemplateObject` (see
// TemplateFields.swift; `ViewModelFieldTests` checks these too).

extension ResponsiblePartView: TemplateFields {
    package static let templateFields = FieldTable<ResponsiblePartView>(.field(\.html), .field(\.personURL))
}

extension StatusView: TemplateFields {
    package static let templateFields = FieldTable<StatusView>(.field(\.code), .field(\.label))
}

extension StageView: TemplateFields {
    package static let templateFields = FieldTable<StageView>(
        .field(\.roman), .field(\.titleHTML), .field(\.period), .field(\.items), .field(\.hasItems), .field(\.current),
        .field(\.status))
}

extension DefinitionView: TemplateFields {
    package static let templateFields = FieldTable<DefinitionView>(.field(\.term), .field(\.html))
}

extension ActivityRowView: TemplateFields {
    package static let templateFields = FieldTable<ActivityRowView>(
        .field(\.number), .field(\.titleHTML), .field(\.url), .field(\.when), .field(\.whenWords), .field(\.status),
        .field(\.responsible), .field(\.indicatorHTML), .field(\.materials), .field(\.hasMaterials),
        .field(\.materialsCount))
}

extension PlanSectionView: TemplateFields {
    package static let templateFields = FieldTable<PlanSectionView>(
        .field(\.title), .field(\.anchor), .field(\.goalHTML), .field(\.count), .field(\.activities))
}

extension PlanPageView: TemplateFields {
    package static let templateFields = FieldTable<PlanPageView>(
        .field(\.layout), .field(\.titleHTML), .field(\.year), .field(\.asOf), .field(\.partner), .field(\.satellites),
        .field(\.goalHTML), .field(\.definitions), .field(\.hasDefinitions), .field(\.directions),
        .field(\.hasDirections), .field(\.roadmapTitle), .field(\.stages), .field(\.hasStages), .field(\.sections),
        .field(\.months), .field(\.hasMonths), .field(\.yearRound), .field(\.hasYearRound), .field(\.yearRoundCount),
        .field(\.summary), .field(\.expectedResults), .field(\.hasExpectedResults), .field(\.executorHTML),
        .field(\.calendarURL), .field(\.resultsURL), .field(\.otherPlans), .field(\.hasOtherPlans))
}

extension ActivityPageView: TemplateFields {
    package static let templateFields = FieldTable<ActivityPageView>(
        .field(\.layout), .field(\.titleHTML), .field(\.planTitle), .field(\.planURL), .field(\.section),
        .field(\.when), .field(\.whenWords), .field(\.startISO), .field(\.status), .field(\.responsible),
        .field(\.indicatorHTML), .field(\.direction), .field(\.materials), .field(\.hasMaterials),
        .field(\.methodistHint),
        .field(\.materialsCount), .field(\.calendarURL), .field(\.previous), .field(\.next), .field(\.photos),
        .field(\.hasPhotos), .field(\.photosHeading), .field(\.photosScript))
}

extension PlanSummaryView: TemplateFields {
    package static let templateFields = FieldTable<PlanSummaryView>(
        .field(\.title), .field(\.url), .field(\.year), .field(\.count), .field(\.current))
}

extension PlanIndexView: TemplateFields {
    package static let templateFields = FieldTable<PlanIndexView>(.field(\.layout), .field(\.plans))
}

extension ActivityLinkView: TemplateFields {
    package static let templateFields = FieldTable<ActivityLinkView>(
        .field(\.title), .field(\.url), .field(\.whenWords), .field(\.status))
}

extension HomePlanView: TemplateFields {
    package static let templateFields = FieldTable<HomePlanView>(
        .field(\.title), .field(\.url), .field(\.stageLabel), .field(\.stage), .field(\.upcoming),
        .field(\.hasUpcoming), .field(\.note), .field(\.calendarURL), .field(\.resultsURL))
}

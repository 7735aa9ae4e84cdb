import OkrugTemplate

// The «Итоги» page's view models for templates (see TemplateFields.swift).

extension CountRowView: TemplateFields {
    package static let templateFields = FieldTable<CountRowView>(.field(\.label), .field(\.value), .field(\.url))
}

extension ChartView: TemplateFields {
    package static let templateFields = FieldTable<ChartView>(
        .field(\.id), .field(\.heading), .field(\.svg), .field(\.labelHeader), .field(\.rows))
}

extension SectionExecutionView: TemplateFields {
    package static let templateFields = FieldTable<SectionExecutionView>(
        .field(\.title), .field(\.activities), .field(\.withMaterials), .field(\.without))
}

extension DirectionResultView: TemplateFields {
    package static let templateFields = FieldTable<DirectionResultView>(
        .field(\.title), .field(\.url), .field(\.activities), .field(\.hasActivities), .field(\.activitiesCount),
        .field(\.materialsCount))
}

extension SatelliteResultView: TemplateFields {
    package static let templateFields = FieldTable<SatelliteResultView>(
        .field(\.name), .field(\.url), .field(\.contributedCount), .field(\.contributed), .field(\.hasContributed),
        .field(\.receivedCount), .field(\.received), .field(\.hasReceived), .field(\.directions))
}

extension ResultsPageView: TemplateFields {
    package static let templateFields = FieldTable<ResultsPageView>(
        .field(\.layout), .field(\.heading), .field(\.planTitle), .field(\.planURL), .field(\.asOf), .field(\.csvURL),
        .field(\.total), .field(\.materialCharts), .field(\.newAuthorsCount), .field(\.newAuthors),
        .field(\.hasNewAuthors), .field(\.executionSummary), .field(\.executionChart), .field(\.sections),
        .field(\.gaps), .field(\.hasGaps), .field(\.gapsCount), .field(\.directions), .field(\.satellites),
        .field(\.photoReports), .field(\.hasPhotoReports), .field(\.photoReportsCount))
}

extension ResultsPhotoReportView: TemplateFields {
    package static let templateFields = FieldTable<ResultsPhotoReportView>(
        .field(\.title), .field(\.url), .field(\.count), .field(\.photos), .field(\.hasMore))
}

import OkrugTemplate

// The «Итоги» page's view models for templates (see TemplateFields.swift).

extension CountRowView: TemplateFields {
    package static let templateFields = FieldTable<CountRowView>(\.label, \.value, \.url)
}

extension ChartView: TemplateFields {
    package static let templateFields = FieldTable<ChartView>(\.id, \.heading, \.svg, \.labelHeader, \.rows)
}

extension SectionExecutionView: TemplateFields {
    package static let templateFields = FieldTable<SectionExecutionView>(
        \.title, \.activities, \.withMaterials, \.without)
}

extension DirectionResultView: TemplateFields {
    package static let templateFields = FieldTable<DirectionResultView>(
        \.title, \.url, \.activities, \.hasActivities, \.activitiesCount, \.materialsCount)
}

extension SatelliteResultView: TemplateFields {
    package static let templateFields = FieldTable<SatelliteResultView>(
        \.name, \.url, \.contributedCount, \.contributed, \.hasContributed, \.receivedCount, \.received, \.hasReceived,
        \.directions)
}

extension ResultsPageView: TemplateFields {
    package static let templateFields = FieldTable<ResultsPageView>(
        \.layout, \.heading, \.planTitle, \.planURL, \.asOf, \.csvURL, \.total, \.materialCharts, \.newAuthorsCount,
        \.newAuthors, \.hasNewAuthors, \.executionSummary, \.executionChart, \.sections, \.gaps, \.hasGaps, \.gapsCount,
        \.directions, \.satellites)
}

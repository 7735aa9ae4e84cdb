/// View models of `/plan/<year>/results/`, the «Итоги» page.

struct CountRowView: Sendable {
    var label: String
    var value: Int
    var url: String?
}

/// A chart and the same numbers as a table below it.
struct ChartView: Sendable {
    var id: String
    var heading: String
    /// Inline SVG made in Swift (text escaped there).
    var svg: String
    var labelHeader: String
    var rows: [CountRowView]
}

struct SectionExecutionView: Sendable {
    var title: String
    var activities: Int
    var withMaterials: Int
    var without: Int
}

struct DirectionResultView: Sendable {
    var title: String
    var url: String
    var activities: [LinkView]
    var hasActivities: Bool
    var activitiesCount: String
    var materialsCount: String
}

struct SatelliteResultView: Sendable {
    var name: String
    var url: String
    var contributedCount: String
    var contributed: [LinkView]
    var hasContributed: Bool
    var receivedCount: String
    var received: [LinkView]
    var hasReceived: Bool
    /// «Направления поддержки: …»
    var directions: String
}

/// A photo report of the year on «Итоги»: its first photos, each a plain link to its large
/// copy, and the way to the whole report (no viewer script: the page stays light).
struct ResultsPhotoReportView: Sendable {
    var title: String
    /// The report on its material's page.
    var url: String
    /// «12 фотографий»
    var count: String
    var photos: [PhotoView]
    var hasMore: Bool
}

struct ResultsPageView: Sendable {
    var layout: LayoutView
    var heading: String
    var planTitle: String
    var planURL: String
    var asOf: String
    var csvURL: String
    var total: String
    var materialCharts: [ChartView]
    var newAuthorsCount: String
    var newAuthors: [CountRowView]
    var hasNewAuthors: Bool
    var executionSummary: String
    var executionChart: ChartView
    var sections: [SectionExecutionView]
    var gaps: [ActivityLinkView]
    var hasGaps: Bool
    var gapsCount: String
    var directions: [DirectionResultView]
    var satellites: [SatelliteResultView]
    var photoReports: [ResultsPhotoReportView]
    var hasPhotoReports: Bool
    var photoReportsCount: String
}

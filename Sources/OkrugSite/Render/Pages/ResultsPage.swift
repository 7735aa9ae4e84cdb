import Foundation
import OkrugCore
import OkrugText

/// A year in numbers: `plan/<year>/results/`.
struct ResultsPage: PageRenderer {
    let context: SiteRenderer
    let plan: Plan
    let results: PlanResults

    func file() -> OutputFile {
        let path = Routes.results(plan.year)
        func url(_ target: String) -> String { RelativeURL.link(from: path, to: target) }
        func links(_ indices: [Int]) -> [LinkView] {
            indices.map { LinkView(title: context.site.materials[$0].title, url: url(context.site.materials[$0].path)) }
        }
        let year = plan.year
        let materialCharts = [
            context.chart(
                "chart-schools", "Материалы \(year) года по школам", labelHeader: "Школа", rows: results.bySchool,
                from: path),
            context.chart(
                "chart-directions", "Материалы по направлениям", labelHeader: "Направление", rows: results.byDirection,
                from: path),
            context.chart("chart-kinds", "Материалы по формам", labelHeader: "Форма", rows: results.byKind, from: path),
            context.chart(
                "chart-months", "Материалы по месяцам", labelHeader: "Месяц", rows: results.byMonth, from: path),
        ]
        let executionRows = results.sections.map {
            PlanResults.Count(label: $0.title, value: $0.withMaterials, path: nil)
        }
        var view = ResultsPageView(
            layout: context.layout(
                path: path, title: "Итоги \(year) года", section: "plan",
                breadcrumbs: [
                    LinkView(title: "Планы", url: Routes.plans),
                    LinkView(title: "План на \(year) год", url: Routes.plan(plan.year)),
                ],
                description:
                    "Итоги межшкольного партнерства за \(year) год: материалы, выполнение плана, школы-спутники."),
            heading: "Итоги \(year) года",
            planTitle: plan.title.plain, planURL: url(Routes.plan(plan.year)),
            asOf: plan.year < context.site.buildDay.year
                ? "Данные за весь \(year) год" : "Данные на \(context.site.buildDay.russian)",
            csvURL: url(Routes.resultsTable(plan.year)),
            total: RussianPlural.material.counted(results.materials.count),
            materialCharts: materialCharts,
            newAuthorsCount: RussianPlural.author.counted(results.newAuthors.count),
            newAuthors: results.newAuthors.map {
                CountRowView(label: $0.label, value: $0.value, url: $0.path.map(url))
            },
            hasNewAuthors: !results.newAuthors.isEmpty,
            executionSummary:
                "\(RussianPlural.activity.counted(results.activityCount)), из них с материалами — \(results.activitiesWithMaterials)",
            executionChart: context.chart(
                "chart-execution", "Мероприятия с материалами по разделам плана", labelHeader: "Раздел",
                rows: executionRows, from: path),
            sections: results.sections.map {
                SectionExecutionView(
                    title: $0.title, activities: $0.activities, withMaterials: $0.withMaterials,
                    without: $0.activities - $0.withMaterials)
            },
            gaps: results.pastWithoutMaterials.map { context.activityLink($0, from: path) },
            hasGaps: !results.pastWithoutMaterials.isEmpty,
            gapsCount: RussianPlural.activity.counted(results.pastWithoutMaterials.count),
            directions: results.directions.map { direction in
                DirectionResultView(
                    title: direction.title, url: url(Routes.direction(direction.id)),
                    activities: direction.activities.map {
                        LinkView(title: $0.title.plain, url: url(Routes.activity($0.id, year: $0.year)))
                    },
                    hasActivities: !direction.activities.isEmpty,
                    activitiesCount: RussianPlural.activity.counted(direction.activities.count),
                    materialsCount: RussianPlural.material.counted(direction.materials.count))
            },
            satellites: results.satellites.map { satellite in
                SatelliteResultView(
                    name: satellite.school.name, url: url(Routes.school(satellite.school.id)),
                    contributedCount: RussianPlural.material.counted(satellite.contributed.count),
                    contributed: links(satellite.contributed), hasContributed: !satellite.contributed.isEmpty,
                    receivedCount: RussianPlural.material.counted(satellite.received.count),
                    received: links(satellite.received), hasReceived: !satellite.received.isEmpty,
                    directions: satellite.directions.map(\.title).joined(separator: "; "))
            },
            photoReports: photoReports(from: path), hasPhotoReports: false, photoReportsCount: "")
        view.hasPhotoReports = !view.photoReports.isEmpty
        view.photoReportsCount = "\(view.photoReports.count)"
        return context.templates.page(Routes.file(of: path), view, template: Self.template)
    }

    /// Photos shown per report: a row on a wide screen, two on a phone.
    static let photosPerReport = 4

    /// The year's materials with photos, oldest first as the year went.
    private func photoReports(from path: String) -> [ResultsPhotoReportView] {
        results.materials.reversed().compactMap { index in
            let material = context.site.materials[index]
            guard !material.photos.isEmpty else { return nil }
            let page = MaterialPage(context: context, index: index)
            return ResultsPhotoReportView(
                title: material.title, url: RelativeURL.link(from: path, to: material.path) + "#photos-title",
                count: RussianPlural.photo.counted(material.photos.count),
                photos: material.photos.prefix(Self.photosPerReport).map { page.photoView($0, from: path) },
                hasMore: material.photos.count > Self.photosPerReport)
        }
    }
}

extension ResultsPage {
    static let template = "results"
}

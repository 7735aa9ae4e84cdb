import Foundation
import OkrugCore
import OkrugText

/// A year's plan: `plan/<year>/`.
struct PlanPage: PageRenderer {
    let context: SiteRenderer
    let plan: Plan

    func file() -> OutputFile {
        let path = Routes.plan(plan.year)
        func url(_ target: String) -> String { RelativeURL.link(from: path, to: target) }
        let people = context.peopleWithPages
        var number = 0
        var counts: [ActivityStatus: Int] = [:]
        let sections = plan.sections.map { section in
            PlanSectionView(
                title: section.title, anchor: section.anchor, goalHTML: section.goal?.html,
                count: RussianPlural.activity.counted(section.activities.count),
                activities: section.activities.map { activity in
                    number += 1
                    let status = ActivityStatus(activity.when, on: context.site.buildDay)
                    counts[status, default: 0] += 1
                    return ActivityRowView(
                        number: number, titleHTML: activity.title.html,
                        url: url(Routes.activity(activity.id, year: activity.year)),
                        when: activity.when.text, whenWords: activity.when.inWords,
                        status: StatusView(code: status.rawValue, label: status.russian),
                        responsible: context.responsible(activity, from: path, people: people),
                        indicatorHTML: activity.indicator.html,
                        materials: activity.materials.map {
                            LinkView(title: context.site.materials[$0].title, url: url(context.site.materials[$0].path))
                        },
                        hasMaterials: !activity.materials.isEmpty,
                        materialsCount: RussianPlural.material.counted(activity.materials.count))
                })
        }
        // Each dated activity under every month of the plan's year it runs in; the rest run all year.
        let monthNames = [
            "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь",
            "декабрь",
        ]
        var byMonth: [[MonthActivityView]] = Array(repeating: [], count: 12)
        var yearRound: [MonthActivityView] = []
        for activity in plan.activities {
            let item = MonthActivityView(
                title: activity.title.plain, url: url(Routes.activity(activity.id, year: activity.year)),
                whenWords: activity.when.inWords, responsible: activity.responsibleText)
            guard let span = activity.when.calendarSpan, span.start.year <= plan.year, span.end.year >= plan.year
            else {
                yearRound.append(item)
                continue
            }
            let first = span.start.year < plan.year ? 1 : span.start.month
            let last = span.end.year > plan.year ? 12 : span.end.month
            for month in first...max(first, last) { byMonth[month - 1].append(item) }
        }
        let months = byMonth.enumerated().compactMap { index, items -> PlanMonthView? in
            guard !items.isEmpty else { return nil }
            return PlanMonthView(
                name: monthNames[index], anchor: "mesiats-\(index + 1)", number: items.count,
                count: RussianPlural.activity.counted(items.count), activities: items)
        }
        let summaryParts = ActivityStatus.allCases.compactMap { status -> String? in
            guard let count = counts[status], count > 0 else { return nil }
            return "\(status.russian) — \(count)"
        }
        let summary =
            "\(RussianPlural.activity.counted(number))"
            + (summaryParts.isEmpty ? "" : ": " + summaryParts.joined(separator: ", "))
        let partner = context.site.school(plan.partnerID)
        var view = PlanPageView(
            layout: context.layout(
                path: path, title: plan.title.plain, section: "plan",
                breadcrumbs: [LinkView(title: "Планы", url: Routes.plans)], description: plan.goal?.plain),
            titleHTML: plan.title.html, year: plan.year,
            // A past year's plan is complete: the day of the build says nothing about it.
            asOf: plan.year < context.site.buildDay.year
                ? "План \(plan.year) года завершён" : "Состояние на \(context.site.buildDay.russian)",
            partner: partner.map { LinkView(title: $0.name, url: url(Routes.school($0.id))) },
            satellites: plan.satelliteIDs.compactMap { context.site.school($0) }.map {
                LinkView(title: $0.name, url: url(Routes.school($0.id)))
            },
            goalHTML: plan.goal?.html,
            definitions: plan.definitions.map { DefinitionView(term: $0.term, html: $0.text.html) },
            hasDefinitions: !plan.definitions.isEmpty,
            directions: plan.directionIDs.compactMap { context.site.direction($0) }.map {
                LinkView(title: $0.title, url: url(Routes.direction($0.id)))
            },
            hasDirections: !plan.directionIDs.isEmpty,
            roadmapTitle: plan.roadmapTitle,
            stages: plan.stages.map(context.stageView), hasStages: !plan.stages.isEmpty,
            sections: sections, summary: summary,
            expectedResults: plan.expectedResults.map(\.html), hasExpectedResults: !plan.expectedResults.isEmpty,
            executorHTML: plan.executor?.html,
            calendarURL: url(Routes.planCalendar(plan.year)),
            resultsURL: url(Routes.results(plan.year)),
            otherPlans: context.site.plans.filter { $0.year != plan.year }.reversed().map {
                LinkView(title: $0.title.plain, url: url(Routes.plan($0.year)))
            },
            hasOtherPlans: context.site.plans.count > 1)
        view.months = months
        view.hasMonths = !months.isEmpty
        view.yearRound = yearRound
        view.hasYearRound = !yearRound.isEmpty
        view.yearRoundCount = yearRound.count
        return context.templates.page(Routes.file(of: path), view, template: Self.template)
    }
}

extension PlanPage {
    static let template = "plan"
}

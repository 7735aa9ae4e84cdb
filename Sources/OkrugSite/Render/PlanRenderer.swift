import OkrugCore
import OkrugText

/// The plan pages: `/plan/`, `/plan/<year>/` with its roadmap and tables, one page per
/// activity, the calendar, and the plan's block on the home page.
extension SiteRenderer {
    func planFiles() -> [OutputFile] {
        guard !site.plans.isEmpty else { return [] }
        var files = [planIndex()]
        for plan in site.plans {
            files.append(planPage(plan))
            let activities = plan.activities
            for (offset, activity) in activities.enumerated() {
                files.append(
                    activityPage(
                        activity, plan: plan, previous: offset > 0 ? activities[offset - 1] : nil,
                        next: offset + 1 < activities.count ? activities[offset + 1] : nil))
            }
            files.append(.text(Routes.planCalendar(plan.year), ICalendar.plan(plan, site: site)))
            files += resultsFiles(plan)
        }
        return files
    }

    func status(_ date: FuzzyDate) -> StatusView {
        let status = ActivityStatus(date, on: site.buildDay)
        return StatusView(code: status.rawValue, label: status.russian)
    }

    func responsible(_ activity: PlanActivity, from path: String, people: Set<String>) -> [ResponsiblePartView] {
        activity.responsible.map { part in
            let url = part.person.flatMap { person in
                people.contains(person.slug) ? RelativeURL.link(from: path, to: Routes.person(person.slug)) : nil
            }
            return ResponsiblePartView(html: part.text.html, personURL: url)
        }
    }

    func stageView(_ stage: PlanStage) -> StageView {
        let today = site.buildDay
        let current = stage.period.interval?.contains(today) == true
        let code: ActivityStatus
        if let interval = stage.period.interval {
            code = interval.end < today ? .past : (today < interval.start ? .upcoming : .ongoing)
        } else {
            code = .unknown
        }
        let label = current ? "идёт сейчас" : code == .past ? "пройден" : code == .upcoming ? "впереди" : ""
        return StageView(
            roman: stage.roman, titleHTML: stage.title.html, period: stage.period.inWords,
            items: stage.items.map(\.html), hasItems: !stage.items.isEmpty, current: current,
            status: StatusView(code: code.rawValue, label: label))
    }

    func activityLink(_ activity: PlanActivity, from path: String) -> ActivityLinkView {
        ActivityLinkView(
            title: activity.title.plain,
            url: RelativeURL.link(from: path, to: Routes.activity(activity.id, year: activity.year)),
            whenWords: activity.when.inWords, status: status(activity.when))
    }

    func planIndex() -> OutputFile {
        let path = Routes.plans
        let plans = site.plans.reversed().map { plan in
            PlanSummaryView(
                title: plan.title.plain, url: RelativeURL.link(from: path, to: Routes.plan(plan.year)), year: plan.year,
                count: RussianPlural.activity.counted(plan.activities.count),
                current: plan.year == site.currentPlan?.year)
        }
        let view = PlanIndexView(
            layout: layout(path: path, title: "Планы партнерства", section: "plan", breadcrumbs: []), plans: plans)
        return templates.page(Routes.file(of: path), view, template: "plans")
    }

    func planPage(_ plan: Plan) -> OutputFile {
        let path = Routes.plan(plan.year)
        func url(_ target: String) -> String { RelativeURL.link(from: path, to: target) }
        let people = peopleWithPages
        var number = 0
        var counts: [ActivityStatus: Int] = [:]
        let sections = plan.sections.map { section in
            PlanSectionView(
                title: section.title, anchor: section.anchor, goalHTML: section.goal?.html,
                count: RussianPlural.activity.counted(section.activities.count),
                activities: section.activities.map { activity in
                    number += 1
                    let status = ActivityStatus(activity.when, on: site.buildDay)
                    counts[status, default: 0] += 1
                    return ActivityRowView(
                        number: number, titleHTML: activity.title.html,
                        url: url(Routes.activity(activity.id, year: activity.year)),
                        when: activity.when.text, whenWords: activity.when.inWords,
                        status: StatusView(code: status.rawValue, label: status.russian),
                        responsible: responsible(activity, from: path, people: people),
                        indicatorHTML: activity.indicator.html,
                        materials: activity.materials.map {
                            LinkView(title: site.materials[$0].title, url: url(site.materials[$0].path))
                        },
                        hasMaterials: !activity.materials.isEmpty,
                        materialsCount: RussianPlural.material.counted(activity.materials.count))
                })
        }
        let summaryParts = ActivityStatus.allCases.compactMap { status -> String? in
            guard let count = counts[status], count > 0 else { return nil }
            return "\(status.russian) — \(count)"
        }
        let summary =
            "\(RussianPlural.activity.counted(number))"
            + (summaryParts.isEmpty ? "" : ": " + summaryParts.joined(separator: ", "))
        let partner = site.school(plan.partnerID)
        let view = PlanPageView(
            layout: layout(
                path: path, title: plan.title.plain, section: "plan",
                breadcrumbs: [LinkView(title: "Планы", url: Routes.plans)], description: plan.goal?.plain),
            titleHTML: plan.title.html, year: plan.year,
            asOf: "Состояние на \(site.buildDay.russian)",
            partner: partner.map { LinkView(title: $0.name, url: url(Routes.school($0.id))) },
            satellites: plan.satelliteIDs.compactMap { site.school($0) }.map {
                LinkView(title: $0.name, url: url(Routes.school($0.id)))
            },
            goalHTML: plan.goal?.html,
            definitions: plan.definitions.map { DefinitionView(term: $0.term, html: $0.text.html) },
            hasDefinitions: !plan.definitions.isEmpty,
            directions: plan.directionIDs.compactMap { site.direction($0) }.map {
                LinkView(title: $0.title, url: url(Routes.direction($0.id)))
            },
            hasDirections: !plan.directionIDs.isEmpty,
            roadmapTitle: plan.roadmapTitle,
            stages: plan.stages.map(stageView), hasStages: !plan.stages.isEmpty,
            sections: sections, summary: summary,
            expectedResults: plan.expectedResults.map(\.html), hasExpectedResults: !plan.expectedResults.isEmpty,
            executorHTML: plan.executor?.html,
            calendarURL: url(Routes.planCalendar(plan.year)),
            resultsURL: url(Routes.results(plan.year)),
            otherPlans: site.plans.filter { $0.year != plan.year }.reversed().map {
                LinkView(title: $0.title.plain, url: url(Routes.plan($0.year)))
            },
            hasOtherPlans: site.plans.count > 1)
        return templates.page(Routes.file(of: path), view, template: "plan")
    }

    func activityPage(_ activity: PlanActivity, plan: Plan, previous: PlanActivity?, next: PlanActivity?)
        -> OutputFile
    {
        let path = Routes.activity(activity.id, year: activity.year)
        func url(_ target: String) -> String { RelativeURL.link(from: path, to: target) }
        let direction = activity.directionID.flatMap { site.direction($0) }
        let view = ActivityPageView(
            layout: layout(
                path: path, title: activity.title.plain, section: "plan",
                breadcrumbs: [
                    LinkView(title: "Планы", url: Routes.plans),
                    LinkView(title: "План на \(plan.year) год", url: Routes.plan(plan.year)),
                ], description: "\(activity.when.inWords). \(activity.indicator.plain)",
                structuredData: StructuredData.event(activity, plan: plan, site: site),
                searchFields: searchFields(for: activity, plan: plan)),
            titleHTML: activity.title.html, planTitle: plan.title.plain, planURL: url(Routes.plan(plan.year)),
            section: activity.sectionTitle, when: activity.when.text, whenWords: activity.when.inWords,
            startISO: activity.when.calendarSpan?.start.iso, status: status(activity.when),
            responsible: responsible(activity, from: path, people: peopleWithPages),
            indicatorHTML: activity.indicator.html,
            direction: direction.map { LinkView(title: $0.title, url: url(Routes.direction($0.id))) },
            materials: activity.materials.map { card($0, from: path) }, hasMaterials: !activity.materials.isEmpty,
            materialsCount: RussianPlural.material.counted(activity.materials.count),
            calendarURL: url(Routes.planCalendar(plan.year)),
            previous: previous.map { LinkView(title: $0.title.plain, url: url(Routes.activity($0.id, year: $0.year))) },
            next: next.map { LinkView(title: $0.title.plain, url: url(Routes.activity($0.id, year: $0.year))) })
        return templates.page(Routes.file(of: path), view, template: "activity")
    }

    /// The current plan on the home page: the stage now (or the next one) and the next dated
    /// activities that have not ended.
    func homePlan(from path: String) -> HomePlanView? {
        guard let plan = site.currentPlan else { return nil }
        let today = site.buildDay
        var stage: PlanStage? = plan.stage(on: today)
        var label = "Сейчас идёт"
        if stage == nil {
            stage = plan.stages.first { ($0.period.interval?.start ?? today) > today }
            label = "Следующий этап"
        }
        let upcoming = plan.activities.filter { activity in
            guard activity.when.isDated, let interval = activity.when.interval else { return false }
            return interval.end >= today
        }.sorted { $0.when.sortKey < $1.when.sortKey }.prefix(5)
        var note: String?
        if let last = plan.stages.compactMap(\.period.interval?.end).max(), last < today, upcoming.isEmpty {
            note = "Все мероприятия плана на \(plan.year) год с датами прошли; итоги — на странице плана."
        } else if upcoming.isEmpty {
            note = "Мероприятий с датами впереди нет: остальные идут в течение года."
        }
        return HomePlanView(
            title: plan.title.plain, url: RelativeURL.link(from: path, to: Routes.plan(plan.year)), stageLabel: label,
            stage: stage.map(stageView), upcoming: upcoming.map { activityLink($0, from: path) },
            hasUpcoming: !upcoming.isEmpty, note: note,
            calendarURL: RelativeURL.link(from: path, to: Routes.planCalendar(plan.year)),
            resultsURL: RelativeURL.link(from: path, to: Routes.results(plan.year)))
    }

    /// Activities each person is responsible for, by person slug, in plan order.
    func activitiesByPerson() -> [String: [PlanActivity]] {
        var out: [String: [PlanActivity]] = [:]
        for plan in site.plans.reversed() {
            for activity in plan.activities {
                for person in Set(activity.responsiblePeople.map(\.slug)).sorted() {
                    out[person, default: []].append(activity)
                }
            }
        }
        return out
    }
}

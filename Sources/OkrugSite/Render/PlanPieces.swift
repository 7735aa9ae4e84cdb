import OkrugCore
import OkrugText

/// The plan's files (the pages are in `Pages/`: plan index, plan, activity, results) and the
/// pieces those pages and the home page share: statuses, responsible people, stages, links.
extension SiteRenderer {
    func planFiles() -> [OutputFile] {
        guard !site.plans.isEmpty else { return [] }
        var files = [PlanIndexPage(context: self).file()]
        for plan in site.plans {
            files.append(PlanPage(context: self, plan: plan).file())
            let activities = plan.activities
            for (offset, activity) in activities.enumerated() {
                files.append(
                    ActivityPage(
                        context: self, activity: activity, plan: plan,
                        previous: offset > 0 ? activities[offset - 1] : nil,
                        next: offset + 1 < activities.count ? activities[offset + 1] : nil
                    ).file())
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

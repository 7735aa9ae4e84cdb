import Foundation
import OkrugCore
import OkrugText

/// One activity of a plan: `plan/<year>/<id>/`.
struct ActivityPage: PageRenderer {
    let context: SiteRenderer
    let activity: PlanActivity
    let plan: Plan
    let previous: PlanActivity?
    let next: PlanActivity?

    func file() -> OutputFile {
        let path = Routes.activity(activity.id, year: activity.year)
        func url(_ target: String) -> String { RelativeURL.link(from: path, to: target) }
        let direction = activity.directionID.flatMap { context.site.direction($0) }
        var view = ActivityPageView(
            layout: context.layout(
                path: path, title: activity.title.plain, section: "plan",
                breadcrumbs: [
                    LinkView(title: "Планы", url: Routes.plans),
                    LinkView(title: "План на \(plan.year) год", url: Routes.plan(plan.year)),
                ], description: "\(activity.when.inWords). \(activity.indicator.plain)",
                structuredData: StructuredData.event(activity, plan: plan, site: context.site),
                searchFields: context.searchFields(for: activity, plan: plan)),
            titleHTML: activity.title.html, planTitle: plan.title.plain, planURL: url(Routes.plan(plan.year)),
            section: activity.sectionTitle, when: activity.when.text, whenWords: activity.when.inWords,
            startISO: activity.when.calendarSpan?.start.iso, status: context.status(activity.when),
            responsible: context.responsible(activity, from: path, people: context.peopleWithPages),
            indicatorHTML: activity.indicator.html,
            direction: direction.map { LinkView(title: $0.title, url: url(Routes.direction($0.id))) },
            materials: activity.materials.map { context.card($0, from: path) },
            hasMaterials: !activity.materials.isEmpty,
            methodistHint: activity.materials.isEmpty && context.forMethodists,
            materialsCount: RussianPlural.material.counted(activity.materials.count),
            calendarURL: url(Routes.planCalendar(plan.year)),
            previous: previous.map { LinkView(title: $0.title.plain, url: url(Routes.activity($0.id, year: $0.year))) },
            next: next.map { LinkView(title: $0.title.plain, url: url(Routes.activity($0.id, year: $0.year))) })
        // The photo reports of its materials: what the event looked like, on the plan's page.
        view.photos = Array(
            activity.materials.flatMap { index in
                context.site.materials[index].photos.map {
                    MaterialPage(context: context, index: index).photoView($0, from: path)
                }
            }.prefix(12))
        view.hasPhotos = !view.photos.isEmpty
        view.photosHeading = "Фото мероприятия"
        view.photosScript = url(context.assetPaths["photos.js"] ?? Routes.asset("photos.js"))
        return context.templates.page(Routes.file(of: path), view, template: Self.template)
    }
}

extension ActivityPage {
    static let template = "activity"
}

import Foundation
import OkrugCore
import OkrugText

/// The list of the partnership's plans: `plan/`.
struct PlanIndexPage: PageRenderer {
    let context: SiteRenderer

    func file() -> OutputFile {
        let path = Routes.plans
        let plans = context.site.plans.reversed().map { plan in
            PlanSummaryView(
                title: plan.title.plain, url: RelativeURL.link(from: path, to: Routes.plan(plan.year)), year: plan.year,
                count: RussianPlural.activity.counted(plan.activities.count),
                current: plan.year == context.site.currentPlan?.year)
        }
        let view = PlanIndexView(
            layout: context.layout(path: path, title: "Планы партнерства", section: "plan", breadcrumbs: []),
            plans: plans)
        return context.templates.page(Routes.file(of: path), view, template: Self.template)
    }
}

extension PlanIndexPage {
    static let template = "plans"
}

import Foundation
import OkrugCore
import OkrugText

/// «Подписаться» (`podpiska/`): the plan's calendar to add to Яндекс, Google, Outlook or a
/// phone, and the feed of new materials, each with the steps written out.
struct SubscribePage: PageRenderer {
    let context: SiteRenderer

    func file() -> OutputFile {
        let path = Routes.subscribe
        let base = context.site.config.baseURL
        let calendars = context.site.plans.sorted { $0.year > $1.year }.map { plan in
            let address = base + Routes.planCalendar(plan.year)
            let dated = plan.activities.filter(\.when.isDated).count
            let undated = plan.activities.count - dated
            return CalendarSubscriptionView(
                title: "Календарь плана на \(plan.year) год",
                webcal: Self.webcal(address), address: address,
                download: RelativeURL.link(from: path, to: Routes.planCalendar(plan.year)),
                dated: "\(RussianPlural.activity.counted(dated)) с датами",
                undated: undated == 0
                    ? nil
                    : "\(RussianPlural.activity.counted(undated)) «в течение года» — в описании календаря",
                anchor: "kalendar-\(plan.year)")
        }
        let view = SubscribeView(
            layout: context.layout(
                path: path, title: "Подписаться", section: "subscribe", breadcrumbs: [],
                description: "Как добавить мероприятия плана в свой календарь и получать новые материалы"),
            calendars: calendars, hasCalendars: !calendars.isEmpty,
            feedURL: RelativeURL.link(from: path, to: Routes.feed), feedAddress: base + Routes.feed,
            planURL: context.site.currentPlan.map { RelativeURL.link(from: path, to: Routes.plan($0.year)) })
        return context.templates.page(Routes.file(of: path), view, template: Self.template)
    }

    /// `https://host/x.ics` → `webcal://host/x.ics`: the scheme calendar programs open.
    static func webcal(_ address: String) -> String {
        for scheme in ["https://", "http://"] where address.hasPrefix(scheme) {
            return "webcal://" + address.dropFirst(scheme.count)
        }
        return address
    }
}

extension SubscribePage {
    static let template = "subscribe"
}

import Foundation
import OkrugCore
import OkrugText

/// The home page: the partnership, its schools and directions, the newest materials, the plan.
struct HomePage: PageRenderer {
    let context: SiteRenderer

    func file() -> OutputFile {
        let path = ""
        func url(_ target: String) -> String { RelativeURL.link(from: path, to: target) }
        let bySchool = context.site.taxonomies[.schools]?.terms ?? []
        func schoolView(_ school: School) -> SchoolView {
            let count = bySchool.first { $0.slug == school.id }?.materials.count ?? 0
            return SchoolView(
                name: school.name, url: url(Routes.school(school.id)), role: school.role.russian,
                locality: school.locality,
                count: RussianPlural.material.counted(count))
        }
        let directions = (context.site.taxonomies[.directions]?.terms ?? []).enumerated().map { offset, term in
            DirectionView(
                number: offset + 1, title: term.title, url: url(Routes.term(.directions, term.slug)),
                count: RussianPlural.material.counted(term.materials.count), description: term.description)
        }
        let view = HomeView(
            layout: context.layout(path: path, title: context.site.config.title, section: "home", breadcrumbs: []),
            title: context.site.config.title,
            description: context.site.config.description,
            partnership: context.site.config.partnership,
            goal: context.site.config.goal,
            partner: context.site.partner.map(schoolView),
            satellites: context.site.satellites.map(schoolView),
            directions: directions,
            latest: context.site.materials.indices.prefix(8).map { context.card($0, from: path) },
            total: RussianPlural.material.counted(context.site.materials.count),
            materialsURL: url(Routes.materials),
            pages: context.site.pages.map { LinkView(title: $0.title, url: url($0.path)) },
            plan: context.homePlan(from: path))
        return context.templates.page(Routes.file(of: Routes.home), view, template: Self.template)
    }
}

extension HomePage {
    static let template = "home"
}

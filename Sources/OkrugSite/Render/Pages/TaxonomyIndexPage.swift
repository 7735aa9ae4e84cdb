import Foundation
import OkrugCore
import OkrugText

/// The index of a taxonomy: `directions/`, `tags/`…
struct TaxonomyIndexPage: PageRenderer {
    let context: SiteRenderer
    let taxonomy: Taxonomy

    func file() -> OutputFile {
        let path = Routes.taxonomy(taxonomy.kind)
        let schools = Dictionary(context.site.schools.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let terms = taxonomy.terms.map { term in
            TermView(
                title: term.title, url: RelativeURL.link(from: path, to: Routes.term(taxonomy.kind, term.slug)),
                count: RussianPlural.material.counted(term.materials.count), number: term.materials.count,
                description: taxonomy.kind == .directions ? term.description : "",
                contacts: taxonomy.kind == .schools ? schools[term.slug].map(ContactsView.init) : nil)
        }
        let plural: RussianPlural
        switch taxonomy.kind {
        case .people: plural = RussianPlural.author
        case .directions: plural = RussianPlural("направление", "направления", "направлений")
        case .schools: plural = RussianPlural("школа", "школы", "школ")
        case .kinds: plural = RussianPlural("форма", "формы", "форм")
        case .subjects: plural = RussianPlural("предмет", "предмета", "предметов")
        case .grades: plural = RussianPlural("класс", "класса", "классов")
        case .tags: plural = RussianPlural("метка", "метки", "меток")
        }
        let view = TaxonomyIndexView(
            layout: context.layout(
                path: path, title: taxonomy.kind.title, section: taxonomy.kind.rawValue, breadcrumbs: []),
            heading: taxonomy.kind.title,
            count: plural.counted(taxonomy.terms.count),
            terms: terms,
            isCloud: [.tags, .people, .subjects, .grades].contains(taxonomy.kind))
        return context.templates.page(Routes.file(of: path), view, template: Self.template)
    }
}

extension TaxonomyIndexPage {
    static let template = "taxonomy"
}

/// What other pages show of a document: for a material its listings, term pages, related and
/// neighbour links, plan pages and feeds; for a free page the menu and the home page's
/// summaries. An edit that leaves this unchanged concerns the document's own page only, so a
/// rebuild renders that one page (`SiteResolver.patch`, `IncrementalBuilder`); any other edit
/// renders the whole site.
///
/// This is the only place the rule is written: a field a template shows on another page must
/// be listed here, or an edit of it would leave those pages stale.
package struct ShownElsewhere: Equatable {
    private var fields: [String]

    package init(_ material: Material) {
        fields = [
            material.slug, material.title, material.date.iso, material.summary, material.schoolID,
            material.directionID, material.kind.rawValue, material.authors.map(\.name).joined(separator: "|"),
            material.subjects.joined(separator: "|"), material.grades.map(String.init).joined(separator: "|"),
            material.tags.joined(separator: "|"), material.activity ?? "", material.draft ? "draft" : "",
        ]
    }

    package init(_ page: Page) {
        fields = [page.slug, page.title, page.menu.map(String.init) ?? "", page.menuTitle, page.summary]
    }
}

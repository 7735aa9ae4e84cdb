/// What other pages show of a document: for a material its listings, term pages, related and
/// neighbour links, plan pages and feeds; for a free page the menu and the home page's
/// summaries. An edit that leaves this unchanged concerns the document's own page only, so a
/// rebuild renders that one page (`SiteResolver.patch`, `IncrementalBuilder`); any other edit
/// renders the whole site.
///
/// The fields come from the schema (`ContentField.shownElsewhere`): a field another page shows
/// is marked there, once.
package struct ShownElsewhere: Equatable {
    private var fields: [String]

    package init(_ material: Material) {
        fields = MaterialSchema.fields.compactMap { $0.shownElsewhere?(material) }
    }

    package init(_ page: Page) {
        fields = PageSchema.fields.compactMap { $0.shownElsewhere?(page) }
    }
}

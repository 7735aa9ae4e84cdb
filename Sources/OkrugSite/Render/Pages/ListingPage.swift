import Foundation
import OkrugCore
import OkrugText

/// One page of a listing of materials: all materials, or one term of a taxonomy.
///
/// Page `number` of a listing; the facets are shown on `/materials/` only.
struct ListingPage: PageRenderer {
    let context: SiteRenderer
    let spec: ListingSpec
    let number: Int
    let facetViews: [FacetView]

    func file() -> OutputFile {
        let perPage = context.site.config.perPage
        let path = spec.path
        let pageCount = context.pageCount(spec)
        let pagePath = Routes.listingPage(path, number: number)
        let slice = spec.indices.dropFirst((number - 1) * perPage).prefix(perPage)
        let pagination =
            pageCount > 1 ? Pagination.view(current: number, count: pageCount, base: path, from: pagePath) : nil
        let title = number == 1 ? spec.heading : "\(spec.heading), страница \(number)"
        var listing = ListingView(
            layout: context.layout(
                path: pagePath, title: title, section: spec.section, breadcrumbs: spec.breadcrumbs,
                description: spec.description.isEmpty ? nil : spec.description),
            heading: spec.heading,
            description: spec.description,
            count: RussianPlural.material.counted(spec.indices.count),
            cards: slice.map { [links = PageLinks(from: pagePath)] in context.card($0, links: links) },
            pagination: pagination,
            indexLink: spec.indexLink.map {
                LinkView(title: $0.title, url: RelativeURL.link(from: pagePath, to: $0.url))
            },
            isEmpty: spec.indices.isEmpty,
            activities: number == 1 ? spec.activities.map { context.activityLink($0, from: pagePath) } : [],
            hasActivities: number == 1 && !spec.activities.isEmpty)
        listing.contacts = spec.school.map(ContactsView.init)
        if path == Routes.materials {
            listing.facets = facetViews
            listing.hasFacets = !facetViews.isEmpty
            listing.bundle = RelativeURL.link(from: pagePath, to: Routes.searchIndex)
            listing.base = context.site.config.basePath
            listing.script = RelativeURL.link(from: pagePath, to: context.searchScriptPath)
        }
        return context.templates.page(Routes.file(of: pagePath), listing, template: "materials")
    }
}

/// One listing (all materials, or a term's): its pages are rendered one by one.
struct ListingSpec: Sendable {
    var path: String
    var heading: String
    var description: String
    var indices: [Int]
    var breadcrumbs: [LinkView]
    var section: String
    var indexLink: LinkView?
    var activities: [PlanActivity] = []
    /// On a school's page: the school, for its contacts.
    var school: School? = nil
}

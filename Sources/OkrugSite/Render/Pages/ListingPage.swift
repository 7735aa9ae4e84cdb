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
        if number == 1, let narrowing = spec.narrowing {
            listing.narrowingLabel = narrowing.label
            listing.narrowing = narrowing.links.map {
                NarrowLinkView(
                    title: $0.title, url: RelativeURL.link(from: pagePath, to: $0.target), count: "\($0.count)",
                    current: $0.target == narrowing.current)
            }
            listing.hasNarrowing = !listing.narrowing.isEmpty
        }
        if path == Routes.materials {
            listing.facets = facetViews
            listing.hasFacets = !facetViews.isEmpty
            listing.bundle = RelativeURL.link(from: pagePath, to: Routes.searchIndex)
            listing.base = context.site.config.basePath
            listing.script = RelativeURL.link(from: pagePath, to: context.searchScriptPath)
        }
        return context.templates.page(Routes.file(of: pagePath), listing, template: Self.template)
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
    /// «По классам: 1 класс (2) · 5 класс (3)» on a school's page, «По школам» on a year's:
    /// the links to the school-and-year pages (`Routes.schoolGrade`).
    var narrowing: NarrowingSpec? = nil
}

struct NarrowingSpec: Sendable {
    var label: String
    /// Title, target from the root, count; the current one is not a link.
    var links: [(title: String, target: String, count: Int)]
    var current: String? = nil
}

extension ListingPage {
    static let template = "materials"
}

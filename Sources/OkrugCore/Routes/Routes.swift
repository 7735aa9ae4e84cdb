import OkrugText

/// Every address of the site, as a path from its root: `""` is the home page, a page's address
/// is a folder ending in `/` (written as `<folder>index.html`), other files keep their name.
///
/// This is the only place an address is spelled. Pages, links between them, the sitemap, the
/// feed, the check that a free page does not take a section's name and the check of links
/// written as site paths (`/search/`) all ask here, so a renamed section changes in one line.
package enum Routes {
    package static let home = ""
    package static let materials = "materials/"
    package static let search = "search/"
    /// Pagefind's bundle (`pagefind.js` and the index), written by Pagefind itself.
    package static let searchIndex = "pagefind/"
    package static let plans = "plan/"
    package static let feed = "feed.xml"
    /// «Подписаться»: the feed and the plan's calendar, with how to add them.
    package static let subscribe = "podpiska/"
    package static let sitemap = "sitemap.xml"
    package static let robots = "robots.txt"
    package static let notFound = "404.html"
    /// The picture a link to the site shows in a messenger when its page has none of its own.
    package static let socialCard = "og-card.png"

    package static func material(_ slug: String) -> String { materials + slug + "/" }

    /// A material's own link-preview card: `materials/x/` → `og/x.png`.
    package static func materialCard(_ materialPath: String) -> String {
        let slug = materialPath.hasPrefix(materials) ? String(materialPath.dropFirst(materials.count)) : materialPath
        return "og/" + slug.split(separator: "/").joined(separator: "-") + ".png"
    }

    /// A material's files as pages: «Читать онлайн» (`chitat/<file>/`) and the text of a PDF,
    /// presentation or spreadsheet (`tekst/<file>/`, then `tekst/<file>/2/` for a long one).
    package static let onlineFolder = "chitat/"
    package static let textFolder = "tekst/"

    /// The pages search finds (materials, their files' pages and plan activities), as a glob
    /// over the written site: Pagefind reads only these instead of every listing and index page.
    package static let searchablePages =
        "{\(materials)*/index.html,\(materials)*/\(onlineFolder)*/index.html,\(materials)*/\(textFolder)*/index.html,"
        + "\(materials)*/\(textFolder)*/*/index.html,\(plans)*/*/index.html}"

    /// Whether a written page (`materials/x/index.html`) is one `searchablePages` matches.
    package static func isSearchable(_ file: String) -> Bool {
        let parts = file.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.last == "index.html", parts.allSatisfy({ !$0.isEmpty }) else { return false }
        if parts[0] + "/" == materials {
            switch parts.count {
            case 3: return parts[1] != "page"
            case 5: return parts[2] + "/" == onlineFolder || parts[2] + "/" == textFolder
            case 6: return parts[2] + "/" == textFolder
            default: return false
            }
        }
        return parts.count == 4 && parts[0] + "/" == plans
    }

    /// A free page («О проекте»): at the top level.
    package static func page(_ slug: String) -> String { slug + "/" }

    /// Page `number` of a listing whose first page is `listing`.
    package static func listingPage(_ listing: String, number: Int) -> String {
        number == 1 ? listing : listing + "page/\(number)/"
    }

    /// The index of a taxonomy: `directions/`.
    package static func taxonomy(_ kind: TaxonomyKind) -> String { kind.rawValue + "/" }

    /// One term of a taxonomy: `directions/methodical/`.
    package static func term(_ kind: TaxonomyKind, _ slug: String) -> String { taxonomy(kind) + slug + "/" }

    package static func school(_ id: String) -> String { term(.schools, id) }
    package static func direction(_ id: String) -> String { term(.directions, id) }
    package static func kind(_ kind: MaterialKind) -> String { term(.kinds, kind.rawValue) }
    package static func person(_ slug: String) -> String { term(.people, slug) }
    package static func subject(_ name: String) -> String { term(.subjects, Transliteration.slug(name)) }
    package static func tag(_ name: String) -> String { term(.tags, Transliteration.slug(name)) }
    package static func grade(_ grade: Int) -> String { term(.grades, String(grade)) }
    /// A school's materials for one year: `schools/pokrovskaia/klass-5/`.
    package static func schoolGrade(_ id: String, _ grade: Int) -> String { school(id) + "klass-\(grade)/" }

    package static func plan(_ year: Int) -> String { plans + "\(year)/" }
    package static func planCalendar(_ year: Int) -> String { plan(year) + "calendar.ics" }
    package static func activity(_ id: String, year: Int) -> String { plan(year) + id + "/" }
    package static func results(_ year: Int) -> String { plan(year) + "results/" }
    package static func resultsTable(_ year: Int) -> String { plan(year) + "results.csv" }

    /// A file of the theme (`Templates/assets/…`), by its published name.
    package static func asset(_ name: String) -> String { "assets/" + name }

    /// The file that holds the page at `address` (`materials/x/` → `materials/x/index.html`).
    package static func file(of address: String) -> String {
        address.isEmpty || address.hasSuffix("/") ? address + "index.html" : address
    }

    /// Top-level names the site itself uses, which a free page may not take.
    package static let reserved: Set<String> = {
        // Typed in steps: as one inferred expression it is slow for the type checker.
        let folders: [String] = [materials, plans, search, searchIndex, subscribe].map { String($0.dropLast()) }
        let files: [String] = [feed, sitemap, robots, notFound, "index.html"]
        return Set(TaxonomyKind.allCases.map(\.rawValue) + folders + files + ["assets"])
    }()

    /// Every address a built site has: what a link written as a site path may point at.
    package static func all(of site: Site) -> Set<String> {
        var paths: Set<String> = [home, materials, search, subscribe, feed, sitemap, robots, notFound]
        for material in site.materials { paths.insert(material.path) }
        for page in site.pages { paths.insert(page.path) }
        let pages = Pagination.pageCount(items: site.materials.count, perPage: site.config.perPage)
        for number in 1...pages { paths.insert(listingPage(materials, number: number)) }
        for (kind, taxonomy) in site.taxonomies {
            paths.insert(Routes.taxonomy(kind))
            for term in taxonomy.terms {
                let first = Routes.term(kind, term.slug)
                let termPages = Pagination.pageCount(items: term.materials.count, perPage: site.config.perPage)
                for number in 1...termPages { paths.insert(listingPage(first, number: number)) }
            }
        }
        for pair in site.schoolGrades {
            let first = schoolGrade(pair.schoolID, pair.grade)
            let pages = Pagination.pageCount(items: pair.materials.count, perPage: site.config.perPage)
            for number in 1...pages { paths.insert(listingPage(first, number: number)) }
        }
        if !site.plans.isEmpty { paths.insert(plans) }
        for plan in site.plans {
            paths.insert(Routes.plan(plan.year))
            paths.insert(results(plan.year))
            paths.insert(planCalendar(plan.year))
            for activity in plan.activities { paths.insert(Routes.activity(activity.id, year: plan.year)) }
        }
        return paths
    }
}

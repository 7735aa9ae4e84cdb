/// Every page a built site has, as output paths (`schools/sosh13/`, `feed.xml`): what a link
/// written as a site path (`/search/`) may point at.
enum SitePaths {
    static func all(of site: Site) -> Set<String> {
        var paths: Set<String> = ["", "materials/", "search/", "feed.xml", "sitemap.xml", "robots.txt", "404.html"]
        for material in site.materials { paths.insert(material.path) }
        for page in site.pages { paths.insert(page.path) }
        let pages = Pagination.pageCount(items: site.materials.count, perPage: site.config.perPage)
        if pages > 1 { for number in 2...pages { paths.insert("materials/page/\(number)/") } }
        for (kind, taxonomy) in site.taxonomies {
            paths.insert(kind.path)
            for term in taxonomy.terms {
                paths.insert(term.path(in: kind))
                let termPages = Pagination.pageCount(items: term.materials.count, perPage: site.config.perPage)
                if termPages > 1 {
                    for number in 2...termPages { paths.insert(term.path(in: kind) + "page/\(number)/") }
                }
            }
        }
        if !site.plans.isEmpty { paths.insert("plan/") }
        for plan in site.plans {
            paths.insert(plan.path)
            paths.insert(plan.path + "results/")
            paths.insert(plan.calendarPath)
            for activity in plan.activities { paths.insert(activity.path) }
        }
        return paths
    }
}

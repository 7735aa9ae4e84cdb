import OkrugCore
import OkrugText

/// What every page has around its content: the navigation, breadcrumbs, header and footer.
extension SiteRenderer {
    /// `linkBase` makes every link start from that path (`/okrug/`) instead of being relative
    /// to `path`: for the 404 page, which the server shows at any depth.
    func layout(
        path: String, title: String, section: String, breadcrumbs: [LinkView], description: String? = nil,
        linkBase: String? = nil, structuredData: String? = nil, searchFields: [SearchFieldView] = [],
        socialImage: SocialImage? = nil, kind: String = "website"
    ) -> LayoutView {
        func url(_ target: String) -> String {
            if let linkBase { return linkBase + target }
            return RelativeURL.link(from: path, to: target)
        }
        let root = url("")
        var nav: [NavItemView] = [
            NavItemView(title: "Главная", url: url(""), current: section == "home", home: true),
            NavItemView(title: "Материалы", url: url(Routes.materials), current: section == "materials"),
        ]
        if let plan = site.currentPlan {
            nav.append(NavItemView(title: "План", url: url(Routes.plan(plan.year)), current: section == "plan"))
        }
        nav += [
            NavItemView(title: "Направления", url: url(Routes.taxonomy(.directions)), current: section == "directions"),
            NavItemView(title: "Школы", url: url(Routes.taxonomy(.schools)), current: section == "schools"),
        ]
        for page in site.pages where page.menu != nil {
            nav.append(NavItemView(title: page.menuTitle, url: url(page.path), current: section == "page:" + page.slug))
        }
        let browse = TaxonomyKind.allCases.map {
            NavItemView(title: $0.title, url: url(Routes.taxonomy($0)), current: section == $0.rawValue)
        }
        let crumbs = breadcrumbs.map { LinkView(title: $0.title, url: url($0.url)) }
        let fullTitle = path.isEmpty ? site.config.title : "\(title) — \(site.config.title)"
        var view = LayoutView(
            lang: site.config.language,
            pageTitle: fullTitle,
            siteTitle: site.config.title,
            description: description ?? site.config.description,
            canonical: site.config.baseURL + path,
            root: root,
            stylesheet: url(assetPaths["style.css"] ?? Routes.asset("style.css")),
            a11yScript: url(assetPaths["a11y.js"] ?? Routes.asset("a11y.js")),
            a11yStylesheet: url(assetPaths["a11y.css"] ?? Routes.asset("a11y.css")),
            favicon: url(assetPaths["favicon.svg"] ?? Routes.asset("favicon.svg")),
            partnerContacts: site.schools.first { $0.role == .partner }.map(ContactsView.init),
            contactsURL: url(Routes.taxonomy(.schools)),
            feed: url(Routes.feed),
            subscribeURL: url(Routes.subscribe),
            nav: nav,
            browse: browse,
            breadcrumbs: crumbs,
            hasBreadcrumbs: !crumbs.isEmpty,
            buildDate: site.buildDay.russian,
            partnership: site.config.partnership,
            structuredData: structuredData,
            openGraph: openGraph(
                path: path, title: path.isEmpty ? site.config.title : title,
                description: description ?? site.config.description, image: socialImage, kind: kind),
            searchFields: searchFields, hasSearchFields: !searchFields.isEmpty)
        // Header and footer depend only on the links' prefix and the current section.
        let key = "\(root)|\(section)|\(linkBase ?? "")"
        let chrome = ChromeView(layout: view)
        view.headerHTML = cache.chrome("header|" + key) { templates.render(chrome, template: "partials/header") }
        view.footerHTML = cache.chrome("footer|" + key) { templates.render(chrome, template: "partials/footer") }
        return view
    }

    /// The page's link preview: its own picture, else the site's card.
    func openGraph(path: String, title: String, description: String, image: SocialImage?, kind: String)
        -> OpenGraphView
    {
        let base = site.config.baseURL
        let absolute = base.hasPrefix("https://") || base.hasPrefix("http://")
        let picture =
            image
            ?? (extras.socialCard != nil
                ? SocialImage(
                    path: Routes.socialCard, width: SocialCard.width, height: SocialCard.height,
                    alt: site.config.title) : nil)
        let shown = absolute ? picture : nil
        return OpenGraphView(
            type: kind, title: title, description: description,
            url: absolute ? base + URLPath.encode(path) : nil,
            image: shown.map { base + URLPath.encode($0.path) }, imageWidth: shown?.width, imageHeight: shown?.height,
            imageAlt: shown?.alt, siteName: site.config.title, locale: "ru_RU",
            twitterCard: shown == nil ? "summary" : "summary_large_image")
    }
}

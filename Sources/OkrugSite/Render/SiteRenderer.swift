import Foundation
import OkrugCore
import OkrugSystem
import OkrugText

/// The render stage: turns the `Site` into view models, renders them with the templates and
/// lists every output file (pages, feeds, assets, copied attachments).
public struct SiteRenderer: Sendable {
    let site: Site
    let templates: TemplateSet
    /// `assets/style.<hash>.css` and the like: original asset path → hashed output path.
    let assetPaths: [String: String]
    let cache = RenderCache()
    /// Slugs of the people who have a page (authors of materials), for the plan's «ответственный».
    let peopleWithPages: Set<String>

    public init(site: Site, templates: TemplateSet) {
        self.site = site
        self.templates = templates
        self.peopleWithPages = Set((site.taxonomies[.people]?.terms ?? []).map(\.slug))
        var paths: [String: String] = [:]
        for (name, data) in templates.assets {
            paths[name] = Routes.asset(AssetName.hashed(name, data: data))
        }
        self.assetPaths = paths
    }

    /// Renders every file of the site into `sink`. The many pages (materials, listing pages)
    /// are rendered on all cores, each handed to the sink by the thread that made it, so
    /// rendering and writing overlap and no batch of pages waits in memory.
    public func render(to sink: some OutputSink) throws {
        var jobs: [RenderJob] = [.single(0)]
        var singles: [@Sendable () -> [OutputFile]] = [{ [home(), searchPage()] }, { planFiles() }]
        jobs += site.materials.indices.map(RenderJob.material)
        var listings: [ListingSpec] = [
            ListingSpec(
                path: Routes.materials, heading: "Материалы", description: site.config.description,
                indices: Array(site.materials.indices), breadcrumbs: [], section: "materials", indexLink: nil)
        ]
        let responsibleFor = activitiesByPerson()
        for kind in TaxonomyKind.allCases {
            guard let taxonomy = site.taxonomies[kind] else { continue }
            singles.append { [taxonomyIndex(taxonomy)] }
            for term in taxonomy.terms {
                listings.append(
                    ListingSpec(
                        path: Routes.term(kind, term.slug), heading: termHeading(term, kind: kind),
                        description: term.description, indices: term.materials,
                        breadcrumbs: [LinkView(title: kind.title, url: Routes.taxonomy(kind))], section: kind.rawValue,
                        indexLink: LinkView(title: "Все: \(kind.title.lowercased())", url: Routes.taxonomy(kind)),
                        activities: kind == .people ? responsibleFor[term.slug] ?? [] : []))
            }
        }
        let facetViews = facets
        for (offset, spec) in listings.enumerated() {
            jobs += (1...pageCount(spec)).map { RenderJob.listing(offset, page: $0) }
        }
        singles.append { [self] in
            var files = site.pages.map(freePage)
            files.append(notFound())
            files.append(.text(Routes.feed, Feeds.atom(site)))
            files.append(.text(Routes.sitemap, Feeds.sitemap(site)))
            files.append(.text(Routes.robots, Feeds.robots(site)))
            for (name, data) in templates.assets.sorted(by: { $0.key < $1.key }) {
                files.append(OutputFile(path: assetPaths[name] ?? Routes.asset(name), contents: .bytes(data)))
            }
            for material in site.materials {
                for file in material.files { files.append(OutputFile(path: file.target, contents: .copy(file.source))) }
            }
            for page in site.pages {
                for file in page.files { files.append(OutputFile(path: file.target, contents: .copy(file.source))) }
            }
            return files
        }
        jobs += (1..<singles.count).map(RenderJob.single)
        let work = singles
        let specs = listings
        try ParallelMap.forEach(jobs) { job in
            switch job {
            case .single(let index):
                for file in work[index]() { try sink.put(file) }
            case .material(let index):
                try sink.put(materialPage(index))
            case .listing(let offset, let page):
                try sink.put(listingPage(specs[offset], number: page, facets: facetViews))
            }
        }
    }

    /// The pages of the given documents (`Content/`-relative paths) and the files beside them:
    /// what an edit of those documents alone rewrites.
    func documentFiles(_ sourcePaths: [String]) -> [OutputFile] {
        var files: [OutputFile] = []
        for source in sourcePaths {
            if let index = site.materials.firstIndex(where: { $0.sourcePath == source }) {
                files.append(materialPage(index))
                files += site.materials[index].files.map { OutputFile(path: $0.target, contents: .copy($0.source)) }
            } else if let page = site.pages.first(where: { $0.sourcePath == source }) {
                files.append(freePage(page))
                files += page.files.map { OutputFile(path: $0.target, contents: .copy($0.source)) }
            }
        }
        return files
    }

    // MARK: - Layout

    /// `linkBase` makes every link start from that path (`/okrug/`) instead of being relative
    /// to `path`: for the 404 page, which the server shows at any depth.
    func layout(
        path: String, title: String, section: String, breadcrumbs: [LinkView], description: String? = nil,
        linkBase: String? = nil, structuredData: String? = nil, searchFields: [SearchFieldView] = []
    ) -> LayoutView {
        func url(_ target: String) -> String {
            if let linkBase { return linkBase + target }
            return RelativeURL.link(from: path, to: target)
        }
        let root = url("")
        var nav: [NavItemView] = [
            NavItemView(title: "Главная", url: url(""), current: section == "home"),
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
            nav.append(NavItemView(title: page.title, url: url(page.path), current: section == "page:" + page.slug))
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
            feed: url(Routes.feed),
            nav: nav,
            browse: browse,
            breadcrumbs: crumbs,
            hasBreadcrumbs: !crumbs.isEmpty,
            buildDate: site.buildDay.russian,
            partnership: site.config.partnership,
            structuredData: structuredData, searchFields: searchFields, hasSearchFields: !searchFields.isEmpty)
        // Header and footer depend only on the links' prefix and the current section.
        let key = "\(root)|\(section)|\(linkBase ?? "")"
        let chrome = ChromeView(layout: view)
        view.headerHTML = cache.chrome("header|" + key) { templates.render(chrome, template: "partials/header") }
        view.footerHTML = cache.chrome("footer|" + key) { templates.render(chrome, template: "partials/footer") }
        return view
    }

    /// A material's card as shown from the page at `path`. The card is rendered once per
    /// material with stand-ins for its four links (`CardBase`); each place it is shown (a card
    /// is on about fifteen pages: listings, terms, related materials) only puts its own links in.
    func card(_ index: Int, from path: String) -> MaterialCardView {
        card(index, links: PageLinks(from: path))
    }

    func card(_ index: Int, links page: PageLinks) -> MaterialCardView {
        let base = cache.cardBase(index) { cardBase(index) }
        let links = [
            RelativeURL.link(from: page.from, to: base.targets[0]), page.link(to: base.targets[1]),
            page.link(to: base.targets[2]), page.link(to: base.targets[3]),
        ]
        guard let html = base.html(links: links) else {
            var view = cardView(index, links: links)
            view.html = CardHTML(templates.render(view, template: "partials/card"))
            return view
        }
        var view = base.view
        view.url = links[0]
        view.school?.url = links[1]
        view.direction?.url = links[2]
        view.kind.url = links[3]
        view.html = html
        return view
    }

    func cardBase(_ index: Int) -> CardBase {
        let material = site.materials[index]
        let view = cardView(index, links: CardBase.standIns)
        return CardBase(
            view: view,
            targets: [
                material.path, Routes.school(material.schoolID), Routes.direction(material.directionID),
                Routes.kind(material.kind),
            ],
            rendered: templates.render(view, template: "partials/card"))
    }

    /// The card's view with the given links: the material, its school, direction and kind.
    func cardView(_ index: Int, links: [String]) -> MaterialCardView {
        let material = site.materials[index]
        let school = site.school(material.schoolID)
        let direction = site.direction(material.directionID)
        return MaterialCardView(
            title: material.title,
            url: links[0],
            date: material.date.russian,
            dateISO: material.date.iso,
            school: school.map { LinkView(title: $0.short, url: links[1]) },
            direction: direction.map { LinkView(title: $0.title, url: links[2]) },
            kind: LinkView(title: material.kind.russian, url: links[3]),
            summary: material.summary,
            authors: material.authors.map(\.name).joined(separator: ", "))
    }

    // MARK: - Pages

    func home() -> OutputFile {
        let path = ""
        func url(_ target: String) -> String { RelativeURL.link(from: path, to: target) }
        let bySchool = site.taxonomies[.schools]?.terms ?? []
        func schoolView(_ school: School) -> SchoolView {
            let count = bySchool.first { $0.slug == school.id }?.materials.count ?? 0
            return SchoolView(
                name: school.name, url: url(Routes.school(school.id)), role: school.role.russian,
                locality: school.locality,
                count: RussianPlural.material.counted(count))
        }
        let directions = (site.taxonomies[.directions]?.terms ?? []).enumerated().map { offset, term in
            DirectionView(
                number: offset + 1, title: term.title, url: url(Routes.term(.directions, term.slug)),
                count: RussianPlural.material.counted(term.materials.count), description: term.description)
        }
        let view = HomeView(
            layout: layout(path: path, title: site.config.title, section: "home", breadcrumbs: []),
            title: site.config.title,
            description: site.config.description,
            partnership: site.config.partnership,
            goal: site.config.goal,
            partner: site.partner.map(schoolView),
            satellites: site.satellites.map(schoolView),
            directions: directions,
            latest: site.materials.indices.prefix(8).map { card($0, from: path) },
            total: RussianPlural.material.counted(site.materials.count),
            materialsURL: url(Routes.materials),
            pages: site.pages.map { LinkView(title: $0.title, url: url($0.path)) },
            plan: homePlan(from: path))
        return templates.page(Routes.file(of: Routes.home), view, template: "home")
    }

    func pageCount(_ spec: ListingSpec) -> Int {
        Pagination.pageCount(items: spec.indices.count, perPage: site.config.perPage)
    }

    /// Page `number` of a listing; the facets are shown on `/materials/` only.
    func listingPage(_ spec: ListingSpec, number: Int, facets facetViews: [FacetView]) -> OutputFile {
        let perPage = site.config.perPage
        let path = spec.path
        let pageCount = pageCount(spec)
        let pagePath = Routes.listingPage(path, number: number)
        let slice = spec.indices.dropFirst((number - 1) * perPage).prefix(perPage)
        let pagination =
            pageCount > 1 ? Pagination.view(current: number, count: pageCount, base: path, from: pagePath) : nil
        let title = number == 1 ? spec.heading : "\(spec.heading), страница \(number)"
        var listing = ListingView(
            layout: layout(
                path: pagePath, title: title, section: spec.section, breadcrumbs: spec.breadcrumbs,
                description: spec.description.isEmpty ? nil : spec.description),
            heading: spec.heading,
            description: spec.description,
            count: RussianPlural.material.counted(spec.indices.count),
            cards: slice.map { [links = PageLinks(from: pagePath)] in card($0, links: links) },
            pagination: pagination,
            indexLink: spec.indexLink.map {
                LinkView(title: $0.title, url: RelativeURL.link(from: pagePath, to: $0.url))
            },
            isEmpty: spec.indices.isEmpty,
            activities: number == 1 ? spec.activities.map { activityLink($0, from: pagePath) } : [],
            hasActivities: number == 1 && !spec.activities.isEmpty)
        if path == Routes.materials {
            listing.facets = facetViews
            listing.hasFacets = !facetViews.isEmpty
            listing.bundle = RelativeURL.link(from: pagePath, to: Routes.searchIndex)
            listing.base = site.config.basePath
            listing.script = RelativeURL.link(from: pagePath, to: searchScriptPath)
        }
        return templates.page(Routes.file(of: pagePath), listing, template: "materials")
    }

    func termHeading(_ term: Term, kind: TaxonomyKind) -> String {
        switch kind {
        case .tags: return "Метка «\(term.title)»"
        case .people: return term.title
        case .subjects: return "Предмет: \(term.title.lowercased())"
        default: return term.title
        }
    }

    func taxonomyIndex(_ taxonomy: Taxonomy) -> OutputFile {
        let path = Routes.taxonomy(taxonomy.kind)
        let terms = taxonomy.terms.map { term in
            TermView(
                title: term.title, url: RelativeURL.link(from: path, to: Routes.term(taxonomy.kind, term.slug)),
                count: RussianPlural.material.counted(term.materials.count), number: term.materials.count,
                description: taxonomy.kind == .directions ? term.description : "")
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
            layout: layout(path: path, title: taxonomy.kind.title, section: taxonomy.kind.rawValue, breadcrumbs: []),
            heading: taxonomy.kind.title,
            count: plural.counted(taxonomy.terms.count),
            terms: terms,
            isCloud: [.tags, .people, .subjects, .grades].contains(taxonomy.kind))
        return templates.page(Routes.file(of: path), view, template: "taxonomy")
    }

    func materialPage(_ index: Int) -> OutputFile {
        let material = site.materials[index]
        let path = material.path
        func url(_ target: String) -> String { RelativeURL.link(from: path, to: target) }
        var meta: [MetaRowView] = []
        meta.append(
            MetaRowView(
                label: material.authors.count == 1 ? "Автор" : "Авторы",
                links: material.authors.map { LinkView(title: $0.name, url: url(Routes.person($0.slug))) }, text: nil))
        if let school = site.school(material.schoolID) {
            meta.append(
                MetaRowView(
                    label: "Школа", links: [LinkView(title: school.name, url: url(Routes.school(school.id)))], text: nil
                )
            )
        }
        if let direction = site.direction(material.directionID) {
            meta.append(
                MetaRowView(
                    label: "Направление",
                    links: [LinkView(title: direction.title, url: url(Routes.direction(direction.id)))], text: nil))
        }
        meta.append(
            MetaRowView(
                label: "Форма",
                links: [LinkView(title: material.kind.russian, url: url(Routes.kind(material.kind)))], text: nil
            ))
        if !material.subjects.isEmpty {
            meta.append(
                MetaRowView(
                    label: material.subjects.count == 1 ? "Предмет" : "Предметы",
                    links: material.subjects.map {
                        LinkView(title: $0, url: url(Routes.subject($0)))
                    }, text: nil))
        }
        if !material.grades.isEmpty {
            meta.append(
                MetaRowView(
                    label: material.grades.count == 1 ? "Класс" : "Классы",
                    links: material.grades.map { LinkView(title: "\($0)", url: url(Routes.grade($0))) }, text: nil))
        }
        let toc = TocItemView.outline(material.headings)
        let attachments = material.attachments.map { attachment in
            AttachmentView(
                title: attachment.title,
                url: attachment.file.split(separator: "/").map(String.init).joined(separator: "/"),
                type: attachment.typeName, size: attachment.humanSize,
                fileName: String(attachment.file.split(separator: "/").last ?? ""))
        }
        let related = (index < site.related.count ? site.related[index] : []).map {
            [links = PageLinks(from: path)] in card($0, links: links)
        }
        let newer = index > 0 ? site.materials[index - 1] : nil
        let older = index + 1 < site.materials.count ? site.materials[index + 1] : nil
        let minutes = max(1, (material.wordCount + 150) / 180)
        let view = MaterialPageView(
            layout: layout(
                path: path, title: material.title, section: "materials",
                breadcrumbs: [LinkView(title: "Материалы", url: Routes.materials)], description: material.summary,
                structuredData: StructuredData.learningResource(material, site: site),
                searchFields: searchFields(for: material)),
            title: material.title,
            date: material.date.russian,
            dateISO: material.date.iso,
            readingTime: "\(RussianPlural.minute.counted(minutes)) чтения",
            summary: material.summary,
            meta: meta,
            tags: material.tags.map { LinkView(title: $0, url: url(Routes.tag($0))) },
            hasTags: !material.tags.isEmpty,
            toc: toc,
            hasToc: material.headings.filter { (2...3).contains($0.level) }.count >= 3,
            body: material.body,
            attachments: attachments,
            hasAttachments: !attachments.isEmpty,
            related: related,
            hasRelated: !related.isEmpty,
            newer: newer.map { LinkView(title: $0.title, url: url($0.path)) },
            older: older.map { LinkView(title: $0.title, url: url($0.path)) },
            draft: material.draft,
            activity: material.activity.flatMap { reference in
                site.plans.lazy.compactMap { plan in
                    plan.activities.first { $0.reference == reference }
                }.first
            }.map { LinkView(title: $0.title.plain, url: url(Routes.activity($0.id, year: $0.year))) })
        return templates.page(Routes.file(of: path), view, template: "material")
    }

    func freePage(_ page: Page) -> OutputFile {
        let toc = TocItemView.outline(page.headings)
        let view = FreePageView(
            layout: layout(
                path: page.path, title: page.title, section: "page:" + page.slug, breadcrumbs: [],
                description: page.summary),
            title: page.title, body: page.html, toc: toc,
            hasToc: page.headings.filter { (2...3).contains($0.level) }.count >= 3)
        return templates.page(Routes.file(of: page.path), view, template: "page")
    }

    /// The 404 page is served at any depth, so its links start from the site's base path.
    func notFound() -> OutputFile {
        let base = site.config.basePath
        let view = NotFoundView(
            layout: layout(
                path: Routes.notFound, title: "Страница не найдена", section: "", breadcrumbs: [], linkBase: base),
            home: base, materials: base + Routes.materials)
        return templates.page(Routes.notFound, view, template: "404")
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
}

/// One unit of rendering work.
private enum RenderJob: Sendable {
    /// A group of small files (home, plans, feeds, assets…), by number.
    case single(Int)
    case material(Int)
    case listing(Int, page: Int)
}

/// `style.css` → `style.1a2b3c4d5e6f7a8b.css`: a new name whenever the content changes, so
/// browsers never keep a stale stylesheet.
enum AssetName {
    static func hashed(_ name: String, data: Data) -> String {
        let hash = String(ContentHash.hex(data).prefix(10))
        guard let dot = name.lastIndex(of: "."), !name.hasPrefix("fonts/") else { return name }
        return "\(name[..<dot]).\(hash)\(name[dot...])"
    }
}

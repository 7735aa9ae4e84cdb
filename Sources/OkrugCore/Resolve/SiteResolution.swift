import OkrugMarkdown
import OkrugSystem
import OkrugText

/// One run of `SiteResolver.resolve`, step by step: each step reads what the steps before it
/// found and adds its own, and every problem goes into `diagnostics` (all of them, not the
/// first). The order matters: addresses are claimed before any body is parsed (links resolve
/// against them), anchors are checked once every document's headings are known, and links to
/// the site's own sections once the whole site is.
struct SiteResolution {
    let content: LoadedContent
    let options: SiteResolver.Options
    var diagnostics: [Diagnostic]
    var tree: ContentTree { content.tree }

    // Found by the steps, in order.
    private(set) var schoolIDs: [String] = []
    private(set) var directionIDs: [String] = []
    private(set) var brokenDataFiles: Set<String> = []
    private(set) var plans: [Plan] = []
    private(set) var published: [MaterialSource] = []
    private(set) var drafts: Set<String> = []
    /// Source path → address, for every document that got one.
    private(set) var documents: [String: String] = [:]
    private(set) var resolver: LinkTargetResolver?
    private(set) var parsedMaterials: [ParsedDocument] = []
    private(set) var parsedPages: [ParsedDocument] = []
    private(set) var folderFiles: [String: [String]] = [:]
    private(set) var materials: [Material] = []
    /// «Похожие материалы», worked out before the bodies are parsed (`relateMaterials`), for the
    /// materials in this order of their sources; `nil` when a material's data was incomplete.
    private(set) var earlyRelated: (order: [String], related: [[Int]])?
    private(set) var pages: [Page] = []
    /// What the next rebuild may reuse (`okrug serve`).
    private(set) var cache = ParseCache(keeping: false)

    let markdownOptions: MarkdownOptions

    init(content: LoadedContent, options: SiteResolver.Options) {
        self.content = content
        self.options = options
        diagnostics = content.diagnostics
        markdownOptions = MarkdownOptions(allowUnsafeHTML: content.config?.unsafeHTML ?? false)
    }

    /// Ids must be unique within schools and directions; a data file with errors is noted, so
    /// references to it are not reported a second time.
    mutating func checkDataIDs() {
        SiteResolver.checkUnique(
            content.schools.map { Located($0.value.id, at: $0.position) }, what: "школы", diagnostics: &diagnostics)
        SiteResolver.checkUnique(
            content.directions.map { Located($0.value.id, at: $0.position) }, what: "направления",
            diagnostics: &diagnostics)
        schoolIDs = content.schools.map(\.value.id)
        directionIDs = content.directions.map(\.value.id)
        let erroneous = Set(content.diagnostics.errors.map(\.file))
        brokenDataFiles = Set(["schools.yaml", "directions.yaml"].filter { erroneous.contains(tree.displayPath($0)) })
    }

    mutating func resolvePlans() {
        plans = PlanResolver.resolve(
            content.plans, schoolIDs: schoolIDs, directionIDs: directionIDs, options: markdownOptions,
            brokenDataFiles: brokenDataFiles, diagnostics: &diagnostics)
    }

    /// Every published document gets its address; two documents on one address, or a free
    /// page on a section's name, are errors. Done before any body is parsed: links resolve
    /// against these addresses.
    mutating func claimAddresses() {
        published = content.materials.filter { options.includeDrafts || !$0.draft }
        drafts = Set(content.materials.filter { !options.includeDrafts && $0.draft }.map(\.relativePath))
        // A draft left out is not resolved, but what `okrug new` or the import left in it to
        // replace is said in every check all the same.
        for draft in content.materials where !options.includeDrafts && draft.draft {
            diagnostics += Placeholders.check(draft, displayPath: draft.displayPath)
        }
        var owners: [String: (String, SourcePosition)] = [:]
        func claim(_ path: String, by source: String, at position: SourcePosition) {
            if let (other, _) = owners[path] {
                diagnostics.append(
                    .error(
                        position, "адрес /\(path) уже занят файлом \(tree.displayPath(other))",
                        hint: "переименуйте файл или задайте другой адрес полем «slug: …»"))
            } else {
                owners[path] = (source, position)
            }
        }
        for material in published {
            if material.slug.value.isEmpty {
                diagnostics.append(
                    .error(
                        material.slug.position, "из имени файла не получается адрес",
                        hint: "задайте адрес полем «slug: latinskoe-imia»"))
            }
            claim(Routes.material(material.slug.value), by: material.relativePath, at: material.slug.position)
        }
        for page in content.pages {
            if Routes.reserved.contains(page.slug.value) || page.slug.value.isEmpty {
                diagnostics.append(
                    .error(
                        page.slug.position, "адрес /\(page.slug.value)/ занят разделом сайта",
                        hint: "переименуйте файл страницы или задайте «slug: …»"))
                continue
            }
            claim(Routes.page(page.slug.value), by: page.relativePath, at: page.slug.position)
        }
        var documentPaths: [String: String] = [:]
        for (path, owner) in owners {
            documents[owner.0] = path
            documentPaths[path] = owner.0
        }
        resolver = LinkTargetResolver(
            documents: documents, documentPaths: documentPaths, drafts: drafts,
            unavailable: content.unavailableDocuments,
            draftsIncluded: options.audit && options.includeDrafts
                ? Set(content.materials.filter(\.draft).map(\.relativePath)) : [],
            files: Set(tree.files.keys))
    }

    /// «Похожие материалы» need only the front matter: tags, direction, date and title. They
    /// are worked out here, before any body is parsed, because their lists take memory while
    /// they are made, and before the bodies that memory does not raise the build's peak. The
    /// order is the one `resolveMaterials` gives (newest first); a material whose front
    /// matter is incomplete is reported as an error later, and then no site is made.
    mutating func relateMaterials() {
        var keyed: [(date: CalendarDay, title: String, slug: String, source: Int)] = []
        keyed.reserveCapacity(published.count)
        for (index, source) in published.enumerated() {
            guard source.isComplete, let date = source.date, source.direction != nil else { return }
            keyed.append((date, RussianTypography.text(source.title), source.slug.value, index))
        }
        keyed.sort { ($1.date, $0.title, $0.slug) < ($0.date, $1.title, $1.slug) }
        let ordered = keyed.map { published[$0.source] }
        earlyRelated = (
            ordered.map(\.relativePath),
            RelatedMaterials.compute(
                tags: ordered.map { $0.tags.map { Transliteration.slug($0) } },
                directions: ordered.map { $0.direction?.value ?? "" })
        )
    }

    /// One cmark call per document, on all cores; a document parsed before with the same text
    /// and the same surroundings is taken from `previous`.
    mutating func parseDocuments(reusing previous: ParseCache) {
        guard let resolver else { return }
        let keeping = previous.keeping
        var surroundings = ContentHash()
        if keeping {
            for path in tree.sortedPaths { surroundings.add(path) }
            for (source, path) in documents.sorted(by: { $0.key < $1.key }) {
                surroundings.add(source)
                surroundings.add(path)
            }
            for draft in drafts.sorted() { surroundings.add(draft) }
            surroundings.add(markdownOptions.allowUnsafeHTML ? "unsafe" : "safe")
        }
        let fingerprint = surroundings.value
        let markdownOptions = markdownOptions
        @Sendable func parse(
            _ body: String, _ firstLine: Int, _ sourcePath: String, _ displayPath: String, _ pagePath: String,
            spool: HTMLSpool? = nil
        )
            -> (UInt64, ParsedDocument)
        {
            let key = keeping ? SiteResolver.parseKey(fingerprint, body, firstLine, displayPath, pagePath) : 0
            if keeping, let cached = previous.entries[sourcePath], cached.key == key { return (key, cached.parsed) }
            return (
                key,
                ParsedDocument.parse(
                    body: body, bodyFirstLine: firstLine, sourcePath: sourcePath, displayPath: displayPath,
                    pagePath: pagePath, resolver: resolver, options: markdownOptions, spool: spool)
            )
        }
        let spool = options.spool
        let documents = documents
        let materialResults = ParallelMap.map(published) { source -> (UInt64, ParsedDocument) in
            // The HTML goes to the spool as cmark writes it; from the cache or without a spool
            // it is moved there here.
            var result = parse(
                source.body, source.bodyFirstLine, source.relativePath, source.displayPath,
                documents[source.relativePath] ?? Routes.material(source.slug.value), spool: spool)
            if let spool, result.1.spooled == nil {
                result.1.spooled = spool.store(result.1.document.html)
                result.1.document.html = ""
            }
            return result
        }
        let pageResults = ParallelMap.map(content.pages) { source in
            parse(
                source.body, source.bodyFirstLine, source.relativePath, source.displayPath,
                documents[source.relativePath] ?? Routes.page(source.slug.value))
        }
        cache = ParseCache(keeping: keeping)
        cache.context = ResolveContext(
            resolver: resolver, fingerprint: fingerprint, documents: documents, markdownOptions: markdownOptions,
            schoolIDs: schoolIDs, directionIDs: directionIDs, plans: plans, folderFiles: [:], anchorsBySource: [:],
            tree: tree)
        if keeping {
            for (source, result) in zip(published, materialResults) {
                cache.entries[source.relativePath] = (result.0, result.1)
            }
            for (source, result) in zip(content.pages, pageResults) {
                cache.entries[source.relativePath] = (result.0, result.1)
            }
        }
        parsedMaterials = materialResults.map(\.1)
        parsedPages = pageResults.map(\.1)
    }

    /// Links to a heading of another document (`x.md#tsel`), now that every document's
    /// headings are known; the parses' own problems are collected here too.
    mutating func checkAnchors() {
        var anchorsBySource: [String: Set<String>] = [:]
        for (source, parsed) in zip(published, parsedMaterials) {
            anchorsBySource[source.relativePath] = parsed.anchors
        }
        for (source, parsed) in zip(content.pages, parsedPages) {
            anchorsBySource[source.relativePath] = parsed.anchors
        }
        for parsed in parsedMaterials + parsedPages {
            diagnostics += parsed.diagnostics
            for reference in parsed.anchorReferences {
                guard let anchors = anchorsBySource[reference.sourcePath], !anchors.contains(reference.fragment) else {
                    continue
                }
                let known = anchors.sorted()
                let suggestion = Suggestion.didYouMean(reference.fragment, in: known)
                diagnostics.append(
                    .error(
                        reference.position,
                        "в «\(tree.displayPath(reference.sourcePath))» нет раздела «#\(reference.fragment)»",
                        hint: suggestion.isEmpty ? "разделы: \(known.joined(separator: ", "))" : suggestion))
            }
        }
        cache.context?.anchorsBySource = anchorsBySource
    }

    /// `okrug check`: files nothing refers to, and files okrug does not know what to do with.
    mutating func auditFiles() {
        var referenced = Set((parsedMaterials + parsedPages).flatMap { $0.files.map(\.source) })
        for source in published {
            for attachment in source.attachments {
                if let path = ContentPath.resolve(attachment.value.file, from: source.directory) {
                    referenced.insert(path)
                }
            }
        }
        diagnostics += ContentAudit.warnings(
            tree: tree, materials: content.materials, pages: content.pages, referenced: referenced)
    }

    /// Files by material folder (`materials/x`), listed once: looking them up per material in
    /// the whole tree would be quadratic.
    mutating func listMaterialFolders() {
        for path in tree.sortedPaths where path.hasPrefix(ContentFolders.materials) {
            let parts = path.split(separator: "/", maxSplits: 2)
            if parts.count == 3 { folderFiles[ContentFolders.materials + parts[1], default: []].append(path) }
            if parts.count == 2 { folderFiles[String(ContentFolders.materials.dropLast()), default: []].append(path) }
        }
        cache.context?.folderFiles = folderFiles
    }

    /// Each material's references (school, direction, activity, attachments) checked; newest
    /// first; the plans learn which materials name their activities.
    mutating func resolveMaterials() {
        for (source, parsed) in zip(published, parsedMaterials) {
            if let material = SiteResolver.resolveMaterial(
                source, parsed: parsed, path: documents[source.relativePath] ?? "", tree: tree,
                schoolIDs: schoolIDs, directionIDs: directionIDs, plans: plans,
                folderFiles: folderFiles[source.directory] ?? [], brokenDataFiles: brokenDataFiles,
                diagnostics: &diagnostics)
            {
                materials.append(material)
            }
        }
        materials.sort { ($1.date, $0.title, $0.slug) < ($0.date, $1.title, $1.slug) }
        PlanResolver.attach(materials, to: &plans)
    }

    /// Free pages, in menu order.
    mutating func resolvePages() {
        for parsed in parsedPages { diagnostics += PublishedFileSize.problems(parsed.files, tree: content.tree) }
        let documents = documents
        pages = zip(content.pages, parsedPages).compactMap { source, parsed -> Page? in
            guard let path = documents[source.relativePath] else { return nil }
            return Self.page(source, parsed: parsed, path: path)
        }.sorted { ($0.menu ?? Int.max, $0.title) < ($1.menu ?? Int.max, $1.title) }
    }

    /// One free page from its source: the only place a page is made, for a build and for
    /// serve's quick edit alike.
    static func page(_ source: PageSource, parsed: ParsedDocument, path: String) -> Page {
        Page(
            slug: source.slug.value, path: path, sourcePath: source.relativePath,
            title: RussianTypography.text(source.title),
            menu: source.menu, menuTitle: source.menuTitle ?? source.title,
            summary: RussianTypography.text(source.summary ?? Summary.from(parsed.document.firstParagraph)),
            html: parsed.document.html,
            headings: parsed.document.headings, files: parsed.files, fields: source.fields.shown(PageSchema.keptAsText))
    }

    /// The site, when nothing so far is an error.
    func assembleSite() -> Site? {
        guard var config = content.config, !diagnostics.hasErrors else { return nil }
        if let baseURL = options.baseURL { config.baseURL = SiteConfig.normalizedBaseURL(baseURL) }
        let schools = content.schools.map(\.value).sorted {
            ($0.role == .partner ? 0 : 1) < ($1.role == .partner ? 0 : 1)
        }
        let directions = content.directions.map(\.value)
        return Site(
            config: config, schools: schools, directions: directions, materials: materials, pages: pages,
            taxonomies: Taxonomies.build(materials: materials, schools: schools, directions: directions),
            related: related(), plans: plans, buildDay: options.buildDay,
            buildTimestamp: options.buildTimestamp)
    }

    /// The lists `relateMaterials` made, when the materials came out in the order it foresaw;
    /// else made now.
    func related() -> [[Int]] {
        if let early = earlyRelated, early.order.elementsEqual(materials.lazy.map(\.sourcePath)) {
            return early.related
        }
        return RelatedMaterials.compute(materials)
    }

    /// Links written as site paths (`/search/`), now that every page of the site is known.
    mutating func checkSitePathLinks(in site: Site) {
        let known = Routes.all(of: site)
        for reference in (parsedMaterials + parsedPages).flatMap(\.sitePathReferences)
        where !known.contains(reference.sourcePath) {
            let suggestion = Suggestion.closest(to: reference.sourcePath, in: Array(known), limit: 1).first
            diagnostics.append(
                .error(
                    reference.position, "ссылка «\(reference.fragment)» ведёт на страницу, которой нет на сайте",
                    hint: suggestion.map { "возможно, имелось в виду «/\($0)»" }
                        ?? "ссылайтесь на файл материала относительным путём, например [текст](../другой-материал.md)"))
        }
    }
}

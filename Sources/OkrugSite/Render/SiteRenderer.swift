import Foundation
import OkrugCore
import OkrugMarkdown
import OkrugSystem
import OkrugText

/// The render stage: turns the `Site` into view models, renders them with the templates and
/// lists every output file (pages, feeds, assets, copied attachments).
public final class SiteRenderer: Sendable {
    let site: Site
    let templates: TemplateSet
    /// `assets/style.<hash>.css` and the like: original asset path → hashed output path.
    let assetPaths: [String: String]
    let cache = RenderCache()
    /// Slugs of the people who have a page (authors of materials), for the plan's «ответственный».
    let peopleWithPages: Set<String>
    /// PDF previews and Word documents' texts, made before rendering (`AttachmentExtras`).
    let extras: AttachmentExtras
    /// A preview for methodists (`okrug serve`, `--drafts`): pages may say how to fill them.
    let forMethodists: Bool

    init(
        site: Site, templates: TemplateSet, extras: AttachmentExtras = AttachmentExtras(), forMethodists: Bool = false
    ) {
        self.site = site
        self.templates = templates
        self.extras = extras
        self.forMethodists = forMethodists
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
    /// Every kind of page the site has (their templates are the theme's required ones).
    static let pageKinds: [any PageKind.Type] = [
        HomePage.self, ListingPage.self, MaterialPage.self, TaxonomyIndexPage.self, FreePage.self, NotFoundPage.self,
        SearchPage.self, PlanIndexPage.self, PlanPage.self, ActivityPage.self, ResultsPage.self, OnlinePage.self,
        FileTextPage.self, SubscribePage.self,
    ]

    public func render(to sink: some OutputSink) throws {
        var jobs: [RenderJob] = [.single(0)]
        var singles: [@Sendable () -> [OutputFile]] = [
            {
                [HomePage(context: self).file(), SearchPage(context: self).file(), SubscribePage(context: self).file()]
            }, { self.planFiles() },
        ]
        jobs += site.materials.indices.map(RenderJob.material)
        var listings: [ListingSpec] = [
            ListingSpec(
                path: Routes.materials, heading: "Материалы", description: site.config.description,
                indices: Array(site.materials.indices), breadcrumbs: [], section: "materials", indexLink: nil)
        ]
        let responsibleFor = activitiesByPerson()
        let schoolGrades = site.schoolGrades
        for kind in TaxonomyKind.allCases {
            guard let taxonomy = site.taxonomies[kind] else { continue }
            singles.append { [TaxonomyIndexPage(context: self, taxonomy: taxonomy).file()] }
            for term in taxonomy.terms {
                listings.append(
                    ListingSpec(
                        path: Routes.term(kind, term.slug), heading: termHeading(term, kind: kind),
                        description: term.description, indices: term.materials,
                        breadcrumbs: [LinkView(title: kind.title, url: Routes.taxonomy(kind))], section: kind.rawValue,
                        indexLink: LinkView(title: "Все: \(kind.title.lowercased())", url: Routes.taxonomy(kind)),
                        activities: kind == .people ? responsibleFor[term.slug] ?? [] : [],
                        school: kind == .schools ? site.schools.first { $0.id == term.slug } : nil,
                        narrowing: narrowing(kind, term.slug, pairs: schoolGrades)))
            }
        }
        for pair in schoolGrades { listings.append(schoolGradeListing(pair, pairs: schoolGrades)) }
        let facetViews = facets
        for (offset, spec) in listings.enumerated() {
            jobs += (1...pageCount(spec)).map { RenderJob.listing(offset, page: $0) }
        }
        singles.append { [self] in
            var files = site.pages.map { FreePage(context: self, page: $0).file() }
            files.append(NotFoundPage(context: self).file())
            files.append(
                .text(
                    Routes.feed,
                    Feeds.atom(site, stylesheet: assetPaths["feed.css"] ?? Routes.asset("feed.css"))))
            files.append(.text(Routes.sitemap, Feeds.sitemap(site)))
            files.append(.text(Routes.robots, Feeds.robots(site)))
            if let card = extras.socialCard { files.append(OutputFile(path: Routes.socialCard, contents: .made(card))) }
            for (name, data) in templates.assets.sorted(by: { $0.key < $1.key }) {
                files.append(OutputFile(path: assetPaths[name] ?? Routes.asset(name), contents: .bytes(data)))
            }
            for material in site.materials {
                if let card = extras.materialCards[material.path], socialPicture(material) == nil {
                    files.append(OutputFile(path: Routes.materialCard(material.path), contents: .made(card)))
                }
                files += copiedFiles(material.files)
                files += attachmentFiles(material)
            }
            for page in site.pages {
                files += copiedFiles(page.files)
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
                try sink.put(MaterialPage(context: self, index: index).file())
            case .listing(let offset, let page):
                try sink.put(
                    ListingPage(context: self, spec: specs[offset], number: page, facetViews: facetViews).file())
            }
        }
    }

    /// The pages of the given documents (`Content/`-relative paths) and the files beside them:
    /// what an edit of those documents alone rewrites.
    func documentFiles(_ sourcePaths: [String]) -> [OutputFile] {
        var files: [OutputFile] = []
        for source in sourcePaths {
            if let index = site.materials.firstIndex(where: { $0.sourcePath == source }) {
                files.append(MaterialPage(context: self, index: index).file())
                files += copiedFiles(site.materials[index].files)
                files += attachmentFiles(site.materials[index])
            } else if let page = site.pages.first(where: { $0.sourcePath == source }) {
                files.append(FreePage(context: self, page: page).file())
                files += copiedFiles(page.files)
            }
        }
        return files
    }

    /// A body whose pictures libvips made as `<picture>`s; the stored body untouched when it
    /// has none (most materials: their text is not read into a string).
    func withPictures(_ body: StoredHTML, page: String, files: [CopiedFile]) -> StoredHTML {
        let pictures = files.compactMap { extras.pictures[$0.target] }
        guard !pictures.isEmpty else { return body }
        return StoredHTML(inline: PictureMarkup.rewrite(body.text, page: page, pictures: pictures))
    }

    /// A document's own files: a picture as libvips made it (turned, stripped, in its sizes),
    /// anything else as it is.
    func copiedFiles(_ copied: [CopiedFile]) -> [OutputFile] {
        var files: [OutputFile] = []
        for file in copied {
            if let picture = extras.pictures[file.target] {
                files += picture.files.map { OutputFile(path: $0.path, contents: .made($0.cached)) }
            } else {
                files.append(OutputFile(path: file.target, contents: .copy(file.source)))
            }
        }
        return files
    }

    /// The material's first picture (in its largest JPEG or PNG copy: not every messenger reads
    /// WebP), when it is big enough for a link preview.
    func socialPicture(_ material: Material) -> SocialImage? {
        for file in material.files {
            guard let picture = extras.pictures[file.target], picture.width >= 200,
                let largest = picture.fallback.last
            else { continue }
            return SocialImage(
                path: largest.path, width: largest.width,
                height: max(1, picture.height * largest.width / max(1, picture.width)), alt: material.title)
        }
        return nil
    }

    /// A material's PDF previews and its documents' «Читать онлайн» pages with their pictures.
    /// A name one of the material's own files already has is left to that file.
    func attachmentFiles(_ material: Material) -> [OutputFile] {
        var files: [OutputFile] = []
        let taken = Set(material.files.map(\.target))
        // A file listed twice in `attachments` gets its preview and page once.
        var done = Set<String>()
        for attachment in material.attachments where done.insert(attachment.target).inserted {
            guard let extra = extras.byTarget[attachment.target] else { continue }
            if let preview = extra.preview, !taken.contains(preview.target) {
                files.append(OutputFile(path: preview.target, contents: .bytes(preview.png)))
            }
            if let converted = extra.converted, !taken.contains(converted.target) {
                files.append(OutputFile(path: converted.target, contents: .made(converted.path)))
            }
            if let text = extra.online, !taken.contains(Routes.file(of: text.address)) {
                files += OnlinePage(context: self, material: material, attachment: attachment, text: text).files()
            } else if extra.online == nil, let text = extra.text, text.hasWords {
                let page = FileTextPage(
                    context: self, material: material, attachment: attachment, text: text,
                    address: extra.textAddress, fileInfo: MaterialPage.fileInfo(attachment, extra: extra),
                    openTarget: attachment.opensInBrowser ? attachment.target : extra.converted?.target)
                files += page.files().filter { !taken.contains($0.path) }
            }
        }
        return files
    }

    /// A school's page links to its years, a year's page to its schools: each to the page of
    /// that school and year.
    func narrowing(_ kind: TaxonomyKind, _ slug: String, pairs: [SchoolGrade], current: String? = nil)
        -> NarrowingSpec?
    {
        switch kind {
        case .schools:
            let links = pairs.filter { $0.schoolID == slug }.map {
                (title: GradeList.one($0.grade), target: Routes.schoolGrade(slug, $0.grade), count: $0.materials.count)
            }
            return links.isEmpty ? nil : NarrowingSpec(label: "По классам:", links: links, current: current)
        case .grades:
            guard let grade = Int(slug) else { return nil }
            let links = pairs.filter { $0.grade == grade }.map {
                (
                    title: site.school($0.schoolID)?.short ?? $0.schoolID,
                    target: Routes.schoolGrade($0.schoolID, grade),
                    count: $0.materials.count
                )
            }
            return links.isEmpty ? nil : NarrowingSpec(label: "По школам:", links: links, current: current)
        default:
            return nil
        }
    }

    /// «Покровская СОШ: 5 класс» — `schools/<id>/klass-5/`, with the school's other years beside it.
    func schoolGradeListing(_ pair: SchoolGrade, pairs: [SchoolGrade]) -> ListingSpec {
        let school = site.school(pair.schoolID)
        let name = school?.name ?? pair.schoolID
        return ListingSpec(
            path: Routes.schoolGrade(pair.schoolID, pair.grade), heading: "\(name): \(pair.grade) класс",
            description: "", indices: pair.materials,
            breadcrumbs: [
                LinkView(title: TaxonomyKind.schools.title, url: Routes.taxonomy(.schools)),
                LinkView(title: school?.short ?? name, url: Routes.school(pair.schoolID)),
            ],
            section: TaxonomyKind.schools.rawValue,
            indexLink: LinkView(title: "Все материалы школы", url: Routes.school(pair.schoolID)),
            narrowing: narrowing(
                .schools, pair.schoolID, pairs: pairs, current: Routes.schoolGrade(pair.schoolID, pair.grade)))
    }

    // Shared by the listing pages and the job list above.

    func pageCount(_ spec: ListingSpec) -> Int {
        Pagination.pageCount(items: spec.indices.count, perPage: site.config.perPage)
    }

    func termHeading(_ term: Term, kind: TaxonomyKind) -> String {
        switch kind {
        case .tags: return "Метка «\(term.title)»"
        case .people: return term.title
        case .subjects: return "Предмет: \(term.title.lowercased())"
        default: return term.title
        }
    }
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

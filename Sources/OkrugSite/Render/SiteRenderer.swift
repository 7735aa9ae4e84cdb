import Foundation
import OkrugCore
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

    init(site: Site, templates: TemplateSet, extras: AttachmentExtras = AttachmentExtras()) {
        self.site = site
        self.templates = templates
        self.extras = extras
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
                        school: kind == .schools ? site.schools.first { $0.id == term.slug } : nil))
            }
        }
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
            for (name, data) in templates.assets.sorted(by: { $0.key < $1.key }) {
                files.append(OutputFile(path: assetPaths[name] ?? Routes.asset(name), contents: .bytes(data)))
            }
            for material in site.materials {
                for file in material.files { files.append(OutputFile(path: file.target, contents: .copy(file.source))) }
                files += attachmentFiles(material)
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
                files += site.materials[index].files.map { OutputFile(path: $0.target, contents: .copy($0.source)) }
                files += attachmentFiles(site.materials[index])
            } else if let page = site.pages.first(where: { $0.sourcePath == source }) {
                files.append(FreePage(context: self, page: page).file())
                files += page.files.map { OutputFile(path: $0.target, contents: .copy($0.source)) }
            }
        }
        return files
    }

    /// A material's PDF previews and its documents' «Читать онлайн» pages with their pictures.
    /// A name one of the material's own files already has is left to that file.
    func attachmentFiles(_ material: Material) -> [OutputFile] {
        var files: [OutputFile] = []
        let taken = Set(material.files.map(\.target))
        for attachment in material.attachments {
            guard let extra = extras.byTarget[attachment.target] else { continue }
            if let preview = extra.preview, !taken.contains(preview.target) {
                files.append(OutputFile(path: preview.target, contents: .bytes(preview.png)))
            }
            if let text = extra.online, !taken.contains(Routes.file(of: text.address)) {
                files += OnlinePage(context: self, material: material, attachment: attachment, text: text).files()
            }
        }
        return files
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

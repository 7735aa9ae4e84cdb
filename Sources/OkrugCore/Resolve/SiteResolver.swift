import Foundation
import OkrugMarkdown
import OkrugSystem
import OkrugText

/// The parse and resolve stages: parses every body with cmark (links rewritten to their
/// targets), checks every reference and builds the immutable `Site`.
public enum SiteResolver {
    public struct Options: Sendable {
        public var includeDrafts: Bool
        public var baseURL: String?
        public var buildDay: CalendarDay
        /// Seconds since 1970 (UTC): the calendar's DTSTAMP. Midnight of `buildDay` unless given.
        public var buildTimestamp: Int
        /// `okrug check`: also report unknown and unused files (`ContentAudit`).
        public var audit: Bool
        /// Where material HTML waits for its page (`okrug build`); in memory when `nil`.
        public var spool: HTMLSpool?

        public init(
            includeDrafts: Bool = false, baseURL: String? = nil, buildDay: CalendarDay, buildTimestamp: Int? = nil,
            audit: Bool = false
        ) {
            self.audit = audit
            self.includeDrafts = includeDrafts
            self.baseURL = baseURL
            self.buildDay = buildDay
            self.buildTimestamp = buildTimestamp ?? buildDay.daysSinceEpoch * 86400
        }
    }

    public static func resolve(_ content: LoadedContent, options: Options) -> (Site?, [Diagnostic]) {
        // A one-off build keeps nothing for later: no cache keys, no fingerprint of the tree.
        let result = resolve(content, options: options, reusing: ParseCache(keeping: false))
        return (result.site, result.diagnostics)
    }

    /// Resolves, parsing only the documents whose text (or whose surroundings: the set of files
    /// and documents links resolve against) changed since `cache` was made.
    public static func resolve(_ content: LoadedContent, options: Options, reusing cache: ParseCache) -> (
        site: Site?, diagnostics: [Diagnostic], cache: ParseCache
    ) {
        var run = SiteResolution(content: content, options: options)
        run.checkDataIDs()
        run.resolvePlans()
        run.claimAddresses()
        run.relateMaterials()
        run.parseDocuments(reusing: cache)
        run.checkAnchors()
        if options.audit { run.auditFiles() }
        run.listMaterialFolders()
        run.resolveMaterials()
        run.resolvePages()
        guard let site = run.assembleSite() else { return (nil, run.diagnostics, run.cache) }
        run.checkSitePathLinks(in: site)
        if run.diagnostics.hasErrors { return (nil, run.diagnostics.sorted(), run.cache) }
        return (site, run.diagnostics, run.cache)
    }

    static func parseKey(
        _ fingerprint: UInt64, _ body: String, _ firstLine: Int, _ displayPath: String, _ pagePath: String
    )
        -> UInt64
    {
        var key = ContentHash()
        key.add(String(fingerprint))
        key.add(body)
        key.add(String(firstLine))
        key.add(displayPath)
        key.add(pagePath)
        return key.value
    }

    /// The edit of a few documents applied to the last site without resolving everything
    /// again: each changed document is parsed and resolved alone. `nil` when that is not
    /// enough — an error, headings other documents link to changed, a change other pages show —
    /// and the whole site must be resolved.
    package static func patch(
        _ site: Site, materials: [MaterialSource], pages: [PageSource], cache: inout ParseCache
    ) -> (site: Site, diagnostics: [Diagnostic])? {
        guard let context = cache.context else { return nil }
        var site = site
        var diagnostics: [Diagnostic] = []
        func parse(_ body: String, _ firstLine: Int, _ sourcePath: String, _ displayPath: String, _ pagePath: String)
            -> ParsedDocument?
        {
            let parsed = ParsedDocument.parse(
                body: body, bodyFirstLine: firstLine, sourcePath: sourcePath, displayPath: displayPath,
                pagePath: pagePath, resolver: context.resolver, options: context.markdownOptions)
            // Other documents may link to this one's headings: those must stay as they were.
            guard parsed.anchors == context.anchorsBySource[sourcePath] ?? [] else { return nil }
            for reference in parsed.anchorReferences {
                guard let anchors = context.anchorsBySource[reference.sourcePath], anchors.contains(reference.fragment)
                else { return nil }
            }
            guard !parsed.diagnostics.hasErrors else { return nil }
            diagnostics += parsed.diagnostics
            cache.entries[sourcePath] = (parseKey(context.fingerprint, body, firstLine, displayPath, pagePath), parsed)
            return parsed
        }
        for source in materials {
            guard let index = site.materials.firstIndex(where: { $0.sourcePath == source.relativePath }),
                let path = context.documents[source.relativePath], path == site.materials[index].path,
                let parsed = parse(source.body, source.bodyFirstLine, source.relativePath, source.displayPath, path)
            else { return nil }
            var problems: [Diagnostic] = []
            guard
                var material = resolveMaterial(
                    source, parsed: parsed, path: path, tree: context.tree, schoolIDs: context.schoolIDs,
                    directionIDs: context.directionIDs, plans: context.plans,
                    folderFiles: context.folderFiles[source.directory] ?? [], diagnostics: &problems),
                !problems.hasErrors, ShownElsewhere(material) == ShownElsewhere(site.materials[index])
            else { return nil }
            diagnostics += problems
            material.files = material.files.sorted()
            site.materials[index] = material
        }
        for source in pages {
            guard let index = site.pages.firstIndex(where: { $0.sourcePath == source.relativePath }),
                let path = context.documents[source.relativePath],
                let parsed = parse(source.body, source.bodyFirstLine, source.relativePath, source.displayPath, path)
            else { return nil }
            let page = SiteResolution.page(source, parsed: parsed, path: path)
            guard page.slug == site.pages[index].slug, ShownElsewhere(page) == ShownElsewhere(site.pages[index])
            else { return nil }
            site.pages[index] = page
        }
        return (site, diagnostics)
    }

    static func resolveMaterial(
        _ source: MaterialSource, parsed: ParsedDocument, path: String, tree: ContentTree,
        schoolIDs: [String], directionIDs: [String], plans: [Plan], folderFiles: [String],
        brokenDataFiles: Set<String> = [], diagnostics: inout [Diagnostic]
    ) -> Material? {
        var ok = true
        diagnostics += Placeholders.check(source, displayPath: source.displayPath)
        func checkID(_ id: Located<String>, in valid: [String], what: String, file: String) {
            // A data file with errors of its own lists no ids: its error says it once, not
            // every material again.
            if brokenDataFiles.contains(file) {
                ok = false
                return
            }
            guard let problem = Diagnostic.unknownID(id, in: valid, what: what, file: file) else { return }
            ok = false
            diagnostics.append(problem)
        }
        if let school = source.school { checkID(school, in: schoolIDs, what: "школы", file: "schools.yaml") }
        if let direction = source.direction {
            checkID(direction, in: directionIDs, what: "направления", file: "directions.yaml")
        }

        if let activity = source.activity,
            !PlanResolver.checkReference(activity, plans: plans, diagnostics: &diagnostics)
        {
            ok = false
        }

        var attachments: [Attachment] = []
        var files = parsed.files
        for reference in source.attachments {
            let name = reference.value.file
            guard ContentPath.staysInside(name) else {
                ok = false
                diagnostics.append(
                    .error(
                        reference.position, "вложение «\(name)» лежит вне папки материала",
                        hint:
                            "положите файл в папку \(tree.displayPath(source.directory))/ и укажите его имя без «../» и «/» в начале"
                    ))
                continue
            }
            guard let sourceFile = ContentPath.resolve(name, from: source.directory), let entry = tree.files[sourceFile]
            else {
                ok = false
                let nearby = folderFiles.filter {
                    ContentPath.directory(of: $0) == source.directory && !$0.hasSuffix(".md")
                }
                .map { String($0.split(separator: "/").last ?? "") }.sorted()
                let suggestion = Suggestion.didYouMean(name, in: nearby)
                diagnostics.append(
                    .error(
                        reference.position, "файл вложения «\(name)» не найден",
                        hint: suggestion.isEmpty
                            ? "положите его в папку \(tree.displayPath(source.directory))/" : suggestion))
                continue
            }
            let target = ContentPath.resolve(name, from: String(path.dropLast())) ?? name
            files.append(CopiedFile(source: sourceFile, target: target))
            attachments.append(
                Attachment(
                    file: name, title: reference.value.title, byteCount: entry.byteCount, source: sourceFile,
                    target: target))
        }
        var photos: [Photo] = []
        for reference in source.photos {
            let name = reference.value.file
            let ext = (name as NSString).pathExtension.lowercased()
            guard ContentPath.staysInside(name), let sourceFile = ContentPath.resolve(name, from: source.directory),
                tree.files[sourceFile] != nil
            else {
                ok = false
                diagnostics.append(
                    .error(
                        reference.position, "фотография «\(name)» не найдена в папке материала",
                        hint: "положите её в папку \(tree.displayPath(source.directory))/ и укажите имя без «../»"))
                continue
            }
            guard Photo.formats.contains(ext) else {
                ok = false
                diagnostics.append(
                    .error(
                        reference.position, "«\(name)» — не фотография: в фотоотчёт идут JPEG, PNG, WebP, HEIC и TIFF",
                        hint: "другой файл дайте в «attachments»"))
                continue
            }
            let caption = reference.value.caption.map(RussianTypography.text) ?? ""
            if caption.trimmingCharacters(in: .whitespaces).isEmpty {
                diagnostics.append(
                    .warning(
                        reference.position, "у фотографии «\(name)» нет подписи",
                        hint:
                            "добавьте «caption: …» — что на снимке: «Открытие семинара», «Работа в группах»; подпись прочтут и незрячие читатели"
                    ))
            }
            let target = ContentPath.resolve(name, from: String(path.dropLast())) ?? name
            files.append(CopiedFile(source: sourceFile, target: target))
            photos.append(Photo(target: target, caption: caption))
        }
        if source.isBundle {
            // A material's folder travels with it: every file beside index.md is published.
            let prefix = source.directory + "/"
            for file in folderFiles where file.hasPrefix(prefix) && file != source.relativePath {
                files.append(
                    CopiedFile(source: file, target: String(path.dropLast()) + "/" + file.dropFirst(prefix.count)))
            }
        }
        let sizeProblems = PublishedFileSize.problems(files, tree: tree)
        diagnostics += sizeProblems
        if sizeProblems.hasErrors { ok = false }
        guard ok, source.isComplete, let date = source.date, let school = source.school,
            let direction = source.direction,
            let kind = source.kind
        else { return nil }
        var seen = Set<String>()
        let authors = source.authors.map { Person(name: $0.value) }.filter { seen.insert($0.slug).inserted }
        return Material(
            slug: source.slug.value, path: path, sourcePath: source.relativePath,
            title: RussianTypography.text(source.title), date: date,
            authors: authors, schoolID: school.value, directionID: direction.value, kind: kind,
            activity: source.activity?.value, subjects: source.subjects, grades: source.grades, tags: source.tags,
            summary: RussianTypography.text(source.summary ?? Summary.from(parsed.document.firstParagraph)),
            attachments: attachments,
            draft: source.draft, body: parsed.body, headings: parsed.document.headings,
            wordCount: parsed.document.wordCount,
            files: Array(Set(files)).sorted(), photos: photos, fields: source.fields.shown(MaterialSchema.keptAsText))
    }

    static func checkUnique(_ ids: [Located<String>], what: String, diagnostics: inout [Diagnostic]) {
        var seen: [String: SourcePosition] = [:]
        for id in ids {
            if let first = seen[id.value] {
                diagnostics.append(
                    .error(
                        id.position, "id \(what) «\(id.value)» повторяется (впервые в строке \(first.line))",
                        hint: "у каждой записи должен быть свой id"))
            } else {
                seen[id.value] = id.position
            }
        }
    }
}

/// Parsed documents kept between rebuilds (`okrug serve`), by source path, and what resolving
/// them needed, so a later edit can be resolved alone (`SiteResolver.patch`).
public struct ParseCache: Sendable {
    package var entries: [String: (key: UInt64, parsed: ParsedDocument)] = [:]
    package var context: ResolveContext?
    /// `false` for a one-off build: nothing is hashed or kept.
    var keeping: Bool

    public init(keeping: Bool = true) {
        self.keeping = keeping
    }

    public var count: Int { entries.count }
}

/// Summaries cut at a word boundary.
enum Summary {
    static func from(_ text: String, limit: Int = 280) -> String {
        guard text.count > limit else { return text }
        var cut = String(text.prefix(limit))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        while let last = cut.last, ",;:—-".contains(last) { cut.removeLast() }
        return cut + "…"
    }
}

/// What resolving a document needs from the rest of the site.
package struct ResolveContext: Sendable {
    var resolver: LinkTargetResolver
    var fingerprint: UInt64
    var documents: [String: String]
    var markdownOptions: MarkdownOptions
    var schoolIDs: [String]
    var directionIDs: [String]
    var plans: [Plan]
    var folderFiles: [String: [String]]
    var anchorsBySource: [String: Set<String>]
    var tree: ContentTree
}

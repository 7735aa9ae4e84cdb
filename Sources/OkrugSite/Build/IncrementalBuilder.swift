import Foundation
import OkrugCore

/// The builder behind `okrug serve`. It keeps what it loaded, parsed and rendered; a rebuild
/// re-reads only the files whose size or time changed, re-parses only the documents whose text
/// (or surroundings) changed, and when an edit does not touch what other pages show of a
/// document (its title, date, summary, taxonomies…), re-renders and rewrites that document's
/// page alone. Anything else — a new or removed file, the data files, a plan, the templates —
/// renders the whole site, still with the unchanged documents' parses reused.
///
/// Not thread-safe: one owner (the preview server's actor) calls it.
public final class IncrementalBuilder {
    public struct Outcome: Sendable {
        public var diagnostics: [Diagnostic]
        public var succeeded: Bool
        /// Whether the whole site was rendered and written.
        public var full: Bool
        /// Output paths of the HTML pages rendered by this build.
        public var renderedPages: [String]
        /// Markdown documents parsed anew (the others came from the cache).
        public var reparsed: Int
        public var seconds: Double
    }

    public let options: BuildOptions
    private let steps: BuildSteps
    private var content: LoadedContent?
    private var cache = ParseCache()
    private var site: Site?
    private var templates: TemplateSet?
    /// The attachments' previews and online texts of the last full build, reused by a quick edit.
    private var extras = AttachmentExtras()
    private var templateDiagnostics: [Diagnostic] = []
    private var templateFiles: [String: ContentTree.Entry] = [:]
    /// The output holds a complete site written from `site`.
    private var outputIsComplete = false
    /// The content `site` was built from: a partial rebuild compares with it, not with a failed
    /// load in between (files edited while the content was broken must not be missed).
    private var writtenContent: LoadedContent?
    /// Templates changed after the last write (perhaps in a build that failed).
    private var templateFilesChangedSinceWrite = false
    /// The diagnostics of the last successful build (warnings), by file.
    private var writtenDiagnostics: [Diagnostic] = []
    /// The listings `hasChanges` made, for the build that follows it (each folder is listed
    /// once per rebuild).
    private var pendingScan: (ContentTree, [Diagnostic])?
    /// The listing the last build started from: with the files the system's events name since,
    /// it is the listing now (`hasChanges(changed:)`).
    private var lastScan: (ContentTree, [Diagnostic])?
    private var pendingTemplateFiles: [String: ContentTree.Entry]?

    public init(options: BuildOptions) {
        self.options = options
        steps = BuildSteps(options: options)
    }

    /// Whether any file under `Content/` or `Templates/` changed since the last build: a stat
    /// of each file, no reading. `changed`: the files the system's events named since the last
    /// look (absolute paths), when it named them all; then only those are looked at, unless
    /// one of them needs the whole listing (a new or removed file: `ContentTree.patched`).
    public func hasChanges(changed: [String]? = nil) -> Bool {
        guard let content else { return true }
        if let changed, let listed = lastScan {
            let contentRoot = listed.0.root.path + "/"
            let templates = ContentTree(
                root: options.templates, displayRoot: options.templatesDisplay, files: templateFiles)
            if let tree = listed.0.patched(changed: changed.filter { $0.hasPrefix(contentRoot) }),
                let templatesNow = templates.patched(changed: changed.filter { !$0.hasPrefix(contentRoot) })
            {
                pendingScan = (tree, listed.1)
                pendingTemplateFiles = templatesNow.files
                return tree.files != content.tree.files || templatesNow.files != templateFiles
            }
        }
        let scan = ContentTree.scan(root: options.content, displayRoot: options.contentDisplay)
        let templatesNow = ContentTree.scan(root: options.templates, displayRoot: options.templatesDisplay).0.files
        pendingScan = scan
        pendingTemplateFiles = templatesNow
        return scan.0.files != content.tree.files || templatesNow != templateFiles
    }

    public func build() -> Outcome {
        let start = Date()
        let scan = pendingScan ?? ContentTree.scan(root: options.content, displayRoot: options.contentDisplay)
        lastScan = scan
        let templateTree =
            pendingTemplateFiles
            ?? ContentTree.scan(root: options.templates, displayRoot: options.templatesDisplay).0.files
        pendingScan = nil
        pendingTemplateFiles = nil
        let templatesChanged = templates == nil || templateTree != templateFiles
        if !templatesChanged, let fast = editOfDocuments(tree: scan.0, start: start) { return fast }
        let loaded = steps.loadContent(previous: content, scanned: scan)

        if templatesChanged {
            templateFilesChangedSinceWrite = true
            let (set, problems) = steps.loadTemplates()
            templates = set
            templateDiagnostics = problems
            templateFiles = templateTree
        }

        let resolved = steps.resolve(loaded, reusing: cache)
        let reparsed = resolved.cache.entries.filter { cache.entries[$0.key]?.key != $0.value.key }.count
        content = loaded
        cache = resolved.cache
        var diagnostics = (steps.optionProblems() + resolved.diagnostics + templateDiagnostics).sorted()
        func outcome(succeeded: Bool, full: Bool, pages: [String]) -> Outcome {
            Outcome(
                diagnostics: diagnostics, succeeded: succeeded, full: full, renderedPages: pages, reparsed: reparsed,
                seconds: Date().timeIntervalSince(start))
        }
        guard let newSite = resolved.site, let templates, !diagnostics.hasErrors else {
            return outcome(succeeded: false, full: false, pages: [])
        }

        extras = steps.attachmentExtras(newSite)
        diagnostics = (diagnostics + extras.diagnostics).sorted()
        let renderer = steps.renderer(newSite, templates: templates, extras: extras)
        let writer = steps.writer()
        if let writtenContent, let oldSite = site, outputIsComplete, !templatesChanged, !templateFilesChangedSinceWrite,
            let changed = Self.pagesOnlyChange(from: writtenContent, to: loaded, oldSite: oldSite, newSite: newSite)
        {
            let files = renderer.documentFiles(changed)
            do {
                try writer.writeInPlace(files)
            } catch {
                outputIsComplete = false
                return outcome(succeeded: false, full: false, pages: [])
            }
            site = newSite
            self.writtenContent = loaded
            writtenDiagnostics = diagnostics
            return outcome(succeeded: true, full: false, pages: files.map(\.path).filter { $0.hasSuffix(".html") })
        }

        if let problem = steps.ownershipProblem() {
            outputIsComplete = false
            var refused = outcome(succeeded: false, full: true, pages: [])
            refused.diagnostics.append(problem)
            return refused
        }
        let paths: [String]
        do {
            paths = try writer.write(renderer).writtenPaths
        } catch {
            outputIsComplete = false
            var failed = outcome(succeeded: false, full: true, pages: [])
            failed.diagnostics.append(error.diagnostic(options.outputDisplay, "не удалось записать сайт"))
            return failed
        }
        site = newSite
        writtenContent = loaded
        writtenDiagnostics = diagnostics
        templateFilesChangedSinceWrite = false
        outputIsComplete = true
        return outcome(succeeded: true, full: true, pages: paths.filter { $0.hasSuffix(".html") })
    }

    /// The common edit, done without loading and resolving the whole site again: only Markdown
    /// files of published documents changed, and nothing other pages show of them. Each is read,
    /// parsed and resolved alone, and its page rewritten. `nil` when the edit is anything else.
    private func editOfDocuments(tree: ContentTree, start: Date) -> Outcome? {
        guard var written = writtenContent, let oldSite = site, let templates, outputIsComplete,
            !templateFilesChangedSinceWrite, cache.context != nil, tree.files.count == written.tree.files.count
        else { return nil }
        var materials: [MaterialSource] = []
        var pages: [PageSource] = []
        var changed: [String: ContentTree.Entry] = [:]
        var loadDiagnostics: [Diagnostic] = []
        for (path, entry) in tree.files where written.tree.files[path] != entry {
            guard written.tree.files[path] != nil, written.documents[path] != nil else { return nil }
            let load = ContentLoader.loadDocument(path, entry: entry, in: tree)
            guard !load.diagnostics.hasErrors else { return nil }
            if let source = load.material {
                guard source.isComplete, !source.draft || options.includeDrafts else { return nil }
                materials.append(source)
            } else if let source = load.page {
                pages.append(source)
            } else {
                return nil
            }
            written.documents[path] = load
            loadDiagnostics += load.diagnostics
            changed[path] = entry
        }
        if changed.isEmpty { return nil }
        var patchedCache = cache
        guard
            let (newSite, patchDiagnostics) = SiteResolver.patch(
                oldSite, materials: materials, pages: pages, cache: &patchedCache)
        else { return nil }

        let files = steps.renderer(newSite, templates: templates, extras: extras).documentFiles(
            changed.keys.sorted())
        do {
            try steps.writer().writeInPlace(files)
        } catch {
            return nil
        }
        for (path, entry) in changed { written.tree.files[path] = entry }
        let changedFiles = Set(changed.keys.map { tree.displayPath($0) })
        let diagnostics =
            (writtenDiagnostics.filter { !changedFiles.contains($0.file) } + loadDiagnostics + patchDiagnostics)
            .sorted()
        site = newSite
        cache = patchedCache
        content = written
        writtenContent = written
        writtenDiagnostics = diagnostics
        return Outcome(
            diagnostics: diagnostics, succeeded: true, full: false,
            renderedPages: files.map(\.path).filter { $0.hasSuffix(".html") }, reparsed: changed.count,
            seconds: Date().timeIntervalSince(start))
    }

    /// The changed Markdown files, when nothing else changed and no other page shows anything
    /// that changed; `nil` when the whole site must be rendered.
    static func pagesOnlyChange(from old: LoadedContent, to new: LoadedContent, oldSite: Site, newSite: Site)
        -> [String]?
    {
        guard Set(old.tree.files.keys) == Set(new.tree.files.keys) else { return nil }
        var changed: [String] = []
        for (path, entry) in new.tree.files where old.tree.files[path] != entry {
            guard new.documents[path] != nil else { return nil }  // a data file, plan, or attachment
            changed.append(path)
        }
        guard newSite.materials.map(\.slug) == oldSite.materials.map(\.slug),
            newSite.pages.map(\.slug) == oldSite.pages.map(\.slug)
        else { return nil }
        for path in changed {
            if let index = newSite.materials.firstIndex(where: { $0.sourcePath == path }) {
                guard ShownElsewhere(newSite.materials[index]) == ShownElsewhere(oldSite.materials[index]) else {
                    return nil
                }
            } else if let index = newSite.pages.firstIndex(where: { $0.sourcePath == path }) {
                guard ShownElsewhere(newSite.pages[index]) == ShownElsewhere(oldSite.pages[index]) else { return nil }
            } else {
                return nil  // a draft or a document that failed before
            }
        }
        return changed.sorted()
    }
}

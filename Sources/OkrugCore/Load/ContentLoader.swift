import Foundation
import OkrugSystem

/// Everything read from `Content/`, before cross-references are checked.
public struct LoadedContent: Sendable {
    public var tree: ContentTree
    public var config: SiteConfig?
    public var schools: [Located<School>]
    public var directions: [Located<Direction>]
    public var materials: [MaterialSource]
    public var pages: [PageSource]
    /// Oldest year first.
    public var plans: [PlanSource]
    public var diagnostics: [Diagnostic]
    /// What each Markdown file gave, kept so that a rebuild reads only the files that changed.
    public var documents: [String: DocumentLoad] = [:]

    /// Materials and pages that could not be read at all (their errors say why): links to them
    /// are not reported a second time.
    public var unavailableDocuments: Set<String> {
        Set(documents.filter { $0.value.material == nil && $0.value.page == nil }.keys)
    }
}

/// One Markdown file as loaded, with the file's size and time when it was read.
public struct DocumentLoad: Sendable {
    public var entry: ContentTree.Entry
    public var material: MaterialSource?
    public var page: PageSource?
    public var diagnostics: [Diagnostic]
}

/// The load stage: lists `Content/`, decodes every text file and reads its fields.
public enum ContentLoader {
    /// `previous`: an earlier load of the same folder; its documents are reused where the file's
    /// size and modification time are unchanged (`okrug serve`).
    /// `scanned`: the listing of the folder when the caller just made it (`okrug serve`).
    public static func load(
        from root: URL, displayRoot: String, previous: LoadedContent? = nil,
        scanned: (ContentTree, [Diagnostic])? = nil
    ) -> LoadedContent {
        var diagnostics: [Diagnostic] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            diagnostics.append(
                .error(
                    SourcePosition(file: displayRoot, line: 0, column: 0), "папка с содержимым не найдена",
                    hint: "запустите okrug из корня проекта или укажите папку: --content путь/к/Content"))
            return LoadedContent(
                tree: ContentTree(root: root, displayRoot: displayRoot, files: [:]), config: nil, schools: [],
                directions: [],
                materials: [], pages: [], plans: [], diagnostics: diagnostics)
        }
        let (tree, scanDiagnostics) = scanned ?? ContentTree.scan(root: root, displayRoot: displayRoot)
        diagnostics += scanDiagnostics

        func text(_ relative: String, required: Bool) -> SourceText? {
            guard tree.files[relative] != nil else {
                if required {
                    diagnostics.append(
                        .error(
                            SourcePosition(file: tree.displayPath(relative), line: 0, column: 0), "файл не найден",
                            hint: "создайте его по образцу из README"))
                }
                return nil
            }
            return decode(relative, in: tree, diagnostics: &diagnostics)
        }

        let config = text("site.yaml", required: true).flatMap { DataFiles.readSite($0, diagnostics: &diagnostics) }
        let schools =
            text("schools.yaml", required: true).map { DataFiles.readSchools($0, diagnostics: &diagnostics) } ?? []
        let directions =
            text("directions.yaml", required: true).map { DataFiles.readDirections($0, diagnostics: &diagnostics) }
            ?? []

        let paths = tree.sortedPaths
        let plans = paths.filter(PlanReader.isPlanFile).compactMap { relative -> PlanSource? in
            guard let source = decode(relative, in: tree, diagnostics: &diagnostics) else { return nil }
            return PlanReader.read(source, relativePath: relative, diagnostics: &diagnostics)
        }.sorted { $0.year.value < $1.year.value }
        let materialPaths = paths.filter(isMaterialFile)
        let pagePaths = paths.filter(isPageFile)

        // Files are independent: read and check them on all cores, keep the order of paths.
        let reusable = previous?.documents ?? [:]
        let documentPaths = materialPaths + pagePaths
        let loads = ParallelMap.map(documentPaths, threads: 8) { relative -> DocumentLoad in
            let entry = tree.files[relative] ?? ContentTree.Entry(relativePath: relative, byteCount: 0)
            if let earlier = reusable[relative], earlier.entry == entry, earlier.entry.modified != 0 { return earlier }
            return loadDocument(relative, entry: entry, in: tree)
        }
        var documents: [String: DocumentLoad] = [:]
        for (path, load) in zip(documentPaths, loads) {
            diagnostics += load.diagnostics
            documents[path] = load
        }

        return LoadedContent(
            tree: tree, config: config, schools: schools, directions: directions,
            materials: loads.compactMap(\.material), pages: loads.compactMap(\.page), plans: plans,
            diagnostics: diagnostics, documents: documents)
    }
    /// One Markdown file read and its front matter checked: a material or a page by its place.
    package static func loadDocument(_ relative: String, entry: ContentTree.Entry, in tree: ContentTree) -> DocumentLoad
    {
        var local: [Diagnostic] = []
        guard let source = decode(relative, in: tree, diagnostics: &local) else {
            return DocumentLoad(entry: entry, diagnostics: local)
        }
        if isMaterialFile(relative) {
            let material = DocumentReader.material(source, relativePath: relative, diagnostics: &local)
            return DocumentLoad(entry: entry, material: material, diagnostics: local)
        }
        let page = DocumentReader.page(source, relativePath: relative, diagnostics: &local)
        return DocumentLoad(entry: entry, page: page, diagnostics: local)
    }

    /// `materials/x.md` or `materials/x/index.md`.
    static func isMaterialFile(_ path: String) -> Bool {
        isDocument(path, in: ContentFolders.materials)
    }

    /// `pages/x.md` or `pages/x/index.md`.
    static func isPageFile(_ path: String) -> Bool {
        isDocument(path, in: ContentFolders.pages)
    }

    private static func isDocument(_ path: String, in folder: String) -> Bool {
        guard path.hasPrefix(folder), path.lowercased().hasSuffix(".md") else { return false }
        let rest = path.dropFirst(folder.count).split(separator: "/")
        return rest.count == 1 || (rest.count == 2 && rest[1] == "index.md")
    }

    static func decode(_ relative: String, in tree: ContentTree, diagnostics: inout [Diagnostic]) -> SourceText? {
        let display = tree.displayPath(relative)
        // The size the listing saw, before a byte is read: a 5 GB file costs nothing to refuse.
        if let size = tree.files[relative]?.byteCount, size > SourceText.maximumBytes {
            diagnostics.append(SourceText.tooLarge(size, displayPath: display))
            return nil
        }
        let bytes: [UInt8]
        do {
            bytes = try RegularFile.read(tree.root.path + "/" + relative, limit: SourceText.maximumBytes)
        } catch {
            if error.code == EFBIG {
                diagnostics.append(SourceText.tooLarge(nil, displayPath: display))
            } else {
                diagnostics.append(
                    .error(
                        SourcePosition(file: display, line: 0, column: 0),
                        "не удалось прочитать файл: \(SystemError.reason(error.code))",
                        hint: error.code == RegularFile.notRegular
                            ? SystemError(path: display, code: error.code).hint
                            : "дайте права на чтение (chmod a+r \(display)) или уберите файл из \(tree.displayRoot)/"))
            }
            return nil
        }
        switch SourceText.decode(bytes: bytes, displayPath: display) {
        case .success(let text): return text
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }
}

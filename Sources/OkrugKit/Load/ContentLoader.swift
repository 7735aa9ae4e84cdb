import Foundation

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
}

/// The load stage: lists `Content/`, decodes every text file and reads its fields.
public enum ContentLoader {
    public static func load(from root: URL, displayRoot: String) -> LoadedContent {
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
        let (tree, scanDiagnostics) = ContentTree.scan(root: root, displayRoot: displayRoot)
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
        let materialResults = ParallelMap.map(materialPaths) { relative -> (MaterialSource?, [Diagnostic]) in
            var local: [Diagnostic] = []
            guard let source = decode(relative, in: tree, diagnostics: &local) else { return (nil, local) }
            return (DocumentReader.material(source, relativePath: relative, diagnostics: &local), local)
        }
        let pageResults = ParallelMap.map(pagePaths) { relative -> (PageSource?, [Diagnostic]) in
            var local: [Diagnostic] = []
            guard let source = decode(relative, in: tree, diagnostics: &local) else { return (nil, local) }
            return (DocumentReader.page(source, relativePath: relative, diagnostics: &local), local)
        }
        for result in materialResults { diagnostics += result.1 }
        for result in pageResults { diagnostics += result.1 }

        return LoadedContent(
            tree: tree, config: config, schools: schools, directions: directions,
            materials: materialResults.compactMap(\.0), pages: pageResults.compactMap(\.0), plans: plans,
            diagnostics: diagnostics)
    }

    /// `materials/x.md` or `materials/x/index.md`.
    static func isMaterialFile(_ path: String) -> Bool {
        isDocument(path, in: "materials/")
    }

    /// `pages/x.md` or `pages/x/index.md`.
    static func isPageFile(_ path: String) -> Bool {
        isDocument(path, in: "pages/")
    }

    private static func isDocument(_ path: String, in folder: String) -> Bool {
        guard path.hasPrefix(folder), path.lowercased().hasSuffix(".md") else { return false }
        let rest = path.dropFirst(folder.count).split(separator: "/")
        return rest.count == 1 || (rest.count == 2 && rest[1] == "index.md")
    }

    static func decode(_ relative: String, in tree: ContentTree, diagnostics: inout [Diagnostic]) -> SourceText? {
        let display = tree.displayPath(relative)
        guard let data = FileManager.default.contents(atPath: tree.url(of: relative).path) else {
            diagnostics.append(
                .error(
                    SourcePosition(file: display, line: 0, column: 0), "не удалось прочитать файл",
                    hint: "проверьте права доступа"))
            return nil
        }
        switch SourceText.decode(data, displayPath: display) {
        case .success(let text): return text
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }
}

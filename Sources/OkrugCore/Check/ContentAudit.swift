import OkrugMarkdown

/// What `okrug check` adds to the build's own checks: files of `Content/` that okrug does not
/// know what to do with, files beside a material that nothing uses, Markdown files that will
/// never become pages. All warnings: the site still builds, but something is probably wrong.
enum ContentAudit {
    static func warnings(
        tree: ContentTree, materials: [MaterialSource], pages: [PageSource], referenced: Set<String>
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let dataFiles: Set<String> = ["site.yaml", "schools.yaml", "directions.yaml"]
        // Judged by their places, not by what loaded: a material with an error of its own is
        // reported for that error, not again as a file okrug does not know.
        let paths = tree.sortedPaths
        let documents = Set(paths.filter { ContentLoader.isMaterialFile($0) || ContentLoader.isPageFile($0) })
        func folders(_ isDocument: (String) -> Bool) -> Set<String> {
            Set(
                paths.filter { isDocument($0) && $0.hasSuffix("/index.md") }.map { ContentPath.directory(of: $0) + "/" }
            )
        }
        let materialFolders = folders(ContentLoader.isMaterialFile)
        let pageFolders = folders(ContentLoader.isPageFile)
        let loadedFolders = Set(materials.map { $0.directory + "/" } + pages.map { $0.directory + "/" })

        func at(_ path: String) -> SourcePosition { SourcePosition(file: tree.displayPath(path), line: 1, column: 1) }
        func folder(of path: String, in folders: Set<String>) -> String? {
            folders.first { path.hasPrefix($0) }
        }

        for path in paths {
            if dataFiles.contains(path) || PlanReader.isPlanFile(path) || documents.contains(path) { continue }
            let isMarkdown = path.lowercased().hasSuffix(".md")
            if let bundle = folder(of: path, in: materialFolders) {
                let owner = tree.displayPath(bundle + "index.md")
                if isMarkdown {
                    diagnostics.append(
                        .warning(
                            at(path), "Markdown-файл в папке материала не станет страницей: он будет выложен как есть",
                            hint:
                                "отдельный материал положите в свою папку Content/materials/<имя>/index.md; заметки для себя держите вне Content/"
                        ))
                } else if !referenced.contains(path), loadedFolders.contains(bundle) {
                    diagnostics.append(
                        .warning(
                            at(path), "файл не упомянут ни в attachments, ни в тексте материала",
                            hint:
                                "добавьте его в attachments файла \(owner) (например «- {file: \(path.dropFirst(bundle.count)), title: …}») или удалите"
                        ))
                }
                continue
            }
            if referenced.contains(path) { continue }
            if let bundle = folder(of: path, in: pageFolders) {
                guard loadedFolders.contains(bundle) else { continue }
                diagnostics.append(
                    .warning(
                        at(path), "файл в папке страницы не используется и не попадёт на сайт",
                        hint: "вставьте его в текст страницы ссылкой или картинкой, или удалите"))
                continue
            }
            let hint: String
            if isMarkdown, path.hasPrefix(ContentFolders.materials) {
                hint = "материал — это Content/materials/<имя>.md или Content/materials/<имя>/index.md"
            } else if isMarkdown, path.hasPrefix(ContentFolders.pages) {
                hint = "страница — это Content/pages/<имя>.md или Content/pages/<имя>/index.md"
            } else if path.hasPrefix(ContentFolders.plans) {
                hint = "план — это Content/plans/<год>.yaml"
            } else {
                hint =
                    "в Content/ лежат site.yaml, schools.yaml, directions.yaml, plans/, materials/ и pages/; файл материала положите в его папку и укажите в attachments"
            }
            diagnostics.append(
                .warning(at(path), "okrug не знает, что делать с этим файлом: на сайт он не попадёт", hint: hint))
        }
        return diagnostics
    }
}

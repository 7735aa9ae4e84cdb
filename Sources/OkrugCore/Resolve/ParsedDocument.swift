import OkrugMarkdown

/// One body parsed with its links resolved, and what that taught about the document.
package struct ParsedDocument: Sendable {
    struct AnchorReference: Sendable {
        var sourcePath: String
        var fragment: String
        var position: SourcePosition
    }

    var document: MarkdownDocument
    /// The HTML moved to the build's spool (then `document.html` is empty).
    var spooled: StoredHTML?
    var body: StoredHTML { spooled ?? StoredHTML(inline: document.html) }
    var diagnostics: [Diagnostic]
    var files: [CopiedFile]
    var anchorReferences: [AnchorReference]
    /// Links to pages of the site that are not documents (`/search/`), checked once the site is built.
    var sitePathReferences: [AnchorReference] = []
    var anchors: Set<String> { Set(document.headings.map(\.anchor)) }

    static func parse(
        body: String, bodyFirstLine: Int, sourcePath: String, displayPath: String, pagePath: String,
        resolver: LinkTargetResolver, options: MarkdownOptions, spool: HTMLSpool? = nil
    ) -> ParsedDocument {
        // Filled by the resolver in link order, so each destination is resolved once.
        var targets: [LinkTarget] = []
        let document = Markdown.render(body, options: options, spool: spool) { destination, kind in
            let target = resolver.target(of: destination, from: sourcePath, pagePath: pagePath, kind: kind)
            targets.append(target)
            switch target {
            case .document(let path, _, let fragment):
                return .rewrite(RelativeURL.link(from: pagePath, to: path) + (fragment.map { "#" + $0 } ?? ""))
            case .sitePath(let path, let fragment):
                return .rewrite(RelativeURL.link(from: pagePath, to: path) + (fragment.map { "#" + $0 } ?? ""))
            case .broken(let message, let hint):
                return .broken(message: message, hint: hint)
            case .external, .sameDocument, .file, .unavailable:
                return .keep
            }
        }
        func position(_ p: MarkdownPosition) -> SourcePosition {
            SourcePosition(file: displayPath, line: bodyFirstLine + p.line - 1, column: p.column)
        }
        var diagnostics: [Diagnostic] = []
        var files: [CopiedFile] = []
        var anchorReferences: [AnchorReference] = []
        var sitePathReferences: [AnchorReference] = []
        let anchors = Set(document.headings.map(\.anchor))
        for (link, target) in zip(document.links, targets) {
            switch link.resolution {
            case .broken(let message, let hint):
                diagnostics.append(.error(position(link.position), message, hint: hint))
            case .unsafe where link.destination.lowercased().hasPrefix("file:"):
                // Word keeps a link to a file as a path on the author's computer.
                diagnostics.append(
                    .warning(
                        position(link.position),
                        "ссылка на файл на компьютере автора («\(link.destination)») у читателей не откроется и убрана со страницы",
                        hint:
                            "положите файл в папку материала и дайте ссылку на него по имени: [программа](programma.pdf); или дайте адрес https://…"
                    ))
            case .unsafe:
                diagnostics.append(
                    .warning(
                        position(link.position), "опасная ссылка «\(link.destination)» убрана со страницы",
                        hint:
                            "ссылки javascript:, vbscript:, file: и data: не публикуются; дайте обычный адрес https://…"
                    ))
            case .keep, .rewrite:
                switch target {
                case .file(let file): files.append(file)
                case .sameDocument(let fragment) where !fragment.isEmpty && !anchors.contains(fragment):
                    diagnostics.append(
                        .error(
                            position(link.position), "на этой странице нет раздела «#\(fragment)»",
                            hint: "разделы: \(anchors.sorted().joined(separator: ", "))"))
                case .document(_, let target, let fragment?) where !fragment.isEmpty:
                    anchorReferences.append(
                        AnchorReference(sourcePath: target, fragment: fragment, position: position(link.position)))
                case .sitePath(let path, _):
                    sitePathReferences.append(
                        AnchorReference(sourcePath: path, fragment: link.destination, position: position(link.position))
                    )
                default: break
                }
            }
        }
        // One warning per line: an opening and a closing tag are one piece of markup to the author.
        var warnedLines = Set<Int>()
        for place in document.omittedHTML where warnedLines.insert(place.line).inserted {
            diagnostics.append(
                .warning(
                    position(place), "HTML-разметка не попадёт на страницу (безопасный режим)",
                    hint:
                        "используйте Markdown: **жирный**, *курсив*, списки; или разрешите HTML в site.yaml (unsafe_html: true)"
                ))
        }
        for problem in document.problems {
            diagnostics.append(.warning(position(problem.position), problem.message, hint: problem.hint))
        }
        return ParsedDocument(
            document: document, spooled: document.stored, diagnostics: diagnostics, files: files,
            anchorReferences: anchorReferences, sitePathReferences: sitePathReferences)
    }
}

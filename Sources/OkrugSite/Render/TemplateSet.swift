import Foundation
import OkrugCore
import OkrugSystem
import OkrugTemplate
import OkrugText

/// The theme: Mustache templates (`Templates/*.mustache`, partials in `Templates/partials/`)
/// and static assets (`Templates/assets/`).
public struct TemplateSet: Sendable {
    /// The parsed templates by name (`material`, `partials/card`), ready to render.
    let renderer: TemplateRenderer
    /// Asset files: path relative to `Templates/assets/` → bytes.
    var assets: [String: Data]
    /// The templates' texts by the file name shown to the user, to place a reported tag.
    var sources: [String: String] = [:]

    /// The theme's files every page links to.
    static let requiredAssets = [
        "style.css", "a11y.css", "a11y.js", "search.js", "search-words.js", "feed.css", "photos.js",
        "favicon.svg",
    ]

    /// The templates the renderer asks for by name (pages, and the pieces it renders once and
    /// copies into pages): a theme without one of them is an error at load.
    /// Every kind of page's template, and the partials the renderer calls itself.
    static let required =
        SiteRenderer.pageKinds.map { $0.template } + ["partials/card", "partials/header", "partials/footer"]

    public static func load(from directory: URL, displayRoot: String) -> (TemplateSet?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var templates: [String: [TemplateNode]] = [:]
        var partialUses: [(name: String, display: String)] = []
        let maximumAssetBytes = 64 << 20
        guard FileStatus.of(directory.path)?.isDirectory == true else {
            return (
                nil,
                [
                    .error(
                        SourcePosition(file: displayRoot, line: 0, column: 0), "папка шаблонов не найдена",
                        hint: "укажите её: --templates путь/к/Templates")
                ]
            )
        }
        // Listed as Content/ is: a link that leads out of the folder, a FIFO or a device is an
        // error, never followed or opened (a link to /proc/self/environ would publish secrets).
        let (tree, scanned) = ContentTree.scan(root: directory, displayRoot: displayRoot)
        diagnostics += scanned
        var assets: [String: Data] = [:]
        var sources: [String: String] = [:]
        for path in tree.sortedPaths {
            let display = displayRoot + "/" + path
            let isAsset = path.hasPrefix("assets/")
            guard isAsset || path.hasSuffix(".mustache") else { continue }
            let bytes: [UInt8]
            do {
                bytes = try RegularFile.read(directory.path + "/" + path, limit: isAsset ? maximumAssetBytes : 8 << 20)
            } catch {
                let limit = (isAsset ? maximumAssetBytes : 8 << 20) >> 20
                diagnostics.append(
                    .error(
                        SourcePosition(file: display, line: 0, column: 0),
                        error.code == EFBIG
                            ? "файл оформления больше \(limit) МБ"
                            : "не удалось прочитать файл оформления: \(SystemError.reason(error.code))",
                        hint: error.code == EFBIG
                            ? "уменьшите его (сожмите картинку, уберите лишнее) или уберите из \(displayRoot)/"
                            : "дайте права на чтение (chmod a+r \(display)), замените его настоящим файлом или уберите")
                )
                continue
            }
            if isAsset {
                let contents = Data(bytes)
                assets[String(path.dropFirst("assets/".count))] =
                    path.hasSuffix(".css")
                    ? CompactCSS.compact(contents) : path.hasSuffix(".js") ? CompactJS.compact(contents) : contents
                continue
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                diagnostics.append(
                    .error(
                        SourcePosition(file: display, line: 1, column: 1), "шаблон не в кодировке UTF-8",
                        hint: "сохраните его в UTF-8"))
                continue
            }
            do {
                let nodes = TemplateTypography.apply(try TemplateParser.parse(text, file: display))
                sources[display] = text
                templates[String(path.dropLast(".mustache".count))] = nodes
                partialUses += TemplateSet.partials(in: nodes).map { ($0, display) }
            } catch {
                diagnostics.append(
                    .error(
                        SourcePosition(file: display, line: error.line, column: error.column),
                        "ошибка в шаблоне: \(error.message)", hint: error.hint))
            }
        }
        let parsedAll = !diagnostics.hasErrors
        for use in partialUses where templates[use.name] == nil && parsedAll {
            let (line, column) = sources[use.display].flatMap { Self.place(ofPartial: use.name, in: $0) } ?? (0, 0)
            diagnostics.append(
                .error(
                    SourcePosition(file: use.display, line: line, column: column), "нет подшаблона «\(use.name)»",
                    hint: "создайте \(displayRoot)/\(use.name).mustache или исправьте имя в {{> …}}"))
        }
        // Every page links to these: one missing (or a folder in its place) is an error, not a
        // site whose pages point at nothing.
        for name in requiredAssets
        where assets[name] == nil
            && !diagnostics.contains(where: {
                $0.file == displayRoot + "/assets/" + name
            })
        {
            diagnostics.append(
                .error(
                    SourcePosition(file: displayRoot + "/assets/" + name, line: 0, column: 0),
                    "нет файла оформления «assets/\(name)»: на него ссылается каждая страница",
                    hint: "восстановите его из репозитория okrug (git checkout -- \(displayRoot)/assets/\(name))"))
        }
        for name in required where templates[name] == nil && parsedAll {
            diagnostics.append(
                .error(
                    SourcePosition(file: displayRoot + "/" + name + ".mustache", line: 0, column: 0),
                    name.hasPrefix("partials/") ? "нет подшаблона «\(name)»" : "нет шаблона «\(name)»",
                    hint: "восстановите его из репозитория okrug"))
        }
        if diagnostics.hasErrors { return (nil, diagnostics) }
        return (
            TemplateSet(
                renderer: TemplateRenderer(templates: templates, strict: true, textFilter: RussianTypography.noBreaks),
                assets: assets, sources: sources),
            diagnostics
        )
    }

    /// What rendering found wrong with the templates so far (unknown names, sections over
    /// text), as errors at the tags' places.
    func problems() -> [Diagnostic] {
        (renderer.problems?.all ?? []).map { problem in
            switch problem.place {
            case .tag(let file, let offset):
                let (line, column) = sources[file].map { TemplateParser.place(of: offset, in: $0) } ?? (0, 0)
                return .error(
                    SourcePosition(file: file, line: line, column: column), problem.message, hint: problem.hint)
            case .template(let name):
                let file = sources.keys.first { $0.hasSuffix("/" + name + ".mustache") } ?? name
                return .error(SourcePosition(file: file, line: 0, column: 0), problem.message, hint: problem.hint)
            }
        }
    }

    /// A piece of a page (a card, the header): as text, to be placed with `{{{…}}}`.
    func render(_ view: any TemplateObject, template: String) -> String {
        String(
            decoding: renderer.render(view, template: template),
            as: UTF8.self)
    }

    /// A whole page, as the bytes of its file.
    func page(_ path: String, _ view: any TemplateObject, template: String) -> OutputFile {
        OutputFile(
            path: path,
            contents: .array(renderer.render(view, template: template)))
    }

    /// Where `{{> name}}` or `{{< name}}` first stands in a template's text.
    static func place(ofPartial name: String, in text: String) -> (line: Int, column: Int)? {
        var searchFrom = text.startIndex
        while let open = text.range(of: "{{", range: searchFrom..<text.endIndex) {
            var rest = text[open.upperBound...].drop { $0 == " " }
            if let sigil = rest.first, sigil == ">" || sigil == "<" {
                rest = rest.dropFirst().drop { $0 == " " }
                if rest.hasPrefix(name), rest.dropFirst(name.count).drop(while: { $0 == " " }).hasPrefix("}}") {
                    return TemplateParser.place(
                        of: text.utf8.distance(from: text.startIndex, to: open.lowerBound), in: text)
                }
            }
            searchFrom = open.upperBound
        }
        return nil
    }

    /// Names of the partials and parents a template uses, to report a missing one at load time.
    static func partials(in nodes: [TemplateNode]) -> [String] {
        var names: [String] = []
        for node in nodes {
            switch node {
            case .section(_, let children), .invertedSection(_, let children): names += partials(in: children)
            case .partial(let name, _, let blocks):
                names.append(name)
                for (_, content) in (blocks ?? [:]).sorted(by: { $0.key < $1.key }) { names += partials(in: content) }
            case .block(_, let content, _, _), .blockDefinition(_, let content): names += partials(in: content)
            case .text, .variable, .contentType: break
            }
        }
        return names
    }
}

/// A script without its comment lines and indentation. Only whole lines that are comments go
/// (a line that starts with `//`, a `/* … */` block that starts a line), so nothing inside a
/// string or a regular expression is touched.
enum CompactJS {
    static func compact(_ data: Data) -> Data {
        var out: [Substring] = []
        var inBlock = false
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if inBlock {
                if trimmed.contains("*/") { inBlock = false }
                continue
            }
            if trimmed.hasPrefix("//") || trimmed.isEmpty { continue }
            if trimmed.hasPrefix("/*") {
                guard let end = trimmed.range(of: "*/") else {
                    inBlock = true
                    continue
                }
                // `/* … */ code()`: the line is code after all.
                if trimmed[end.upperBound...].allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            }
            out.append(trimmed)
        }
        return Data((out.joined(separator: "\n") + "\n").utf8)
    }
}

/// The stylesheet without its comments, indentation and the spaces around `{`, `}`, `:`, `;`
/// and `,` (outside strings): a sixth of its bytes, sent with every page. Nothing else is
/// touched (no rewriting of rules or values).
enum CompactCSS {
    static func compact(_ data: Data) -> Data {
        let text = String(decoding: data, as: UTF8.self)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var rest = text[...]
        while let open = rest.range(of: "/*") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "*/") else {
                rest = rest[rest.endIndex...]
                break
            }
            rest = rest[close.upperBound...]
        }
        out += rest
        let lines = out.split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map(tightened)
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// `a { color: red; }` → `a{color:red;}`; a line with a string is left as it is. A space
    /// before `:` stays: in a selector it means a descendant (`.menu :focus`).
    static func tightened(_ line: String) -> String {
        guard !line.contains("\""), !line.contains("'") else { return line }
        var line = line
        for (from, to) in [(" {", "{"), ("{ ", "{"), (" }", "}"), ("; ", ";"), (": ", ":"), (", ", ",")] {
            line = line.replacingOccurrences(of: from, with: to)
        }
        return line
    }
}

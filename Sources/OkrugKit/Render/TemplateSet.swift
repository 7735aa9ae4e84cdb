import Foundation
import Mustache

/// The theme: Mustache templates (`Templates/*.mustache`, partials in `Templates/partials/`)
/// and static assets (`Templates/assets/`).
public struct TemplateSet: Sendable {
    var library: MustacheLibrary
    /// Asset files: path relative to `Templates/assets/` → bytes.
    var assets: [String: Data]

    static let required = [
        "home", "materials", "material", "taxonomy", "page", "404", "search", "plans", "plan", "activity", "results",
    ]

    public static func load(from directory: URL, displayRoot: String) -> (TemplateSet?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        FastHTMLContentType.register()
        var library = MustacheLibrary()
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: directory.path) else {
            return (
                nil,
                [
                    .error(
                        SourcePosition(file: displayRoot, line: 0, column: 0), "папка шаблонов не найдена",
                        hint: "укажите её: --templates путь/к/Templates")
                ]
            )
        }
        var assets: [String: Data] = [:]
        var names: [String] = []
        for case let path as String in enumerator { names.append(path) }
        for path in names.sorted() {
            let url = directory.appendingPathComponent(path)
            let display = displayRoot + "/" + path
            if path.hasPrefix("assets/") {
                var isDirectory: ObjCBool = false
                if manager.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                    !url.lastPathComponent.hasPrefix(".")
                {
                    let contents = manager.contents(atPath: url.path)
                    assets[String(path.dropFirst("assets/".count))] =
                        path.hasSuffix(".css") ? contents.map(CompactCSS.compact) : contents
                }
                continue
            }
            guard path.hasSuffix(".mustache") else { continue }
            guard let data = manager.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(
                    .error(
                        SourcePosition(file: display, line: 1, column: 1), "шаблон не в кодировке UTF-8",
                        hint: "сохраните его в UTF-8"))
                continue
            }
            do {
                try library.register(text, named: String(path.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(
                    .error(
                        SourcePosition(
                            file: display, line: error.context.lineNumber, column: error.context.columnNumber),
                        "ошибка в шаблоне: \(error.error)",
                        hint: "проверьте парность тегов {{#…}} и {{/…}} в строке «\(error.context.line)»"))
            } catch {
                diagnostics.append(
                    .error(SourcePosition(file: display, line: 1, column: 1), "ошибка в шаблоне: \(error)"))
            }
        }
        let parsedAll = !diagnostics.hasErrors
        for name in required where library.getTemplate(named: name) == nil && parsedAll {
            diagnostics.append(
                .error(
                    SourcePosition(file: displayRoot + "/" + name + ".mustache", line: 0, column: 0),
                    "нет шаблона «\(name)»",
                    hint: "восстановите его из репозитория okrug"))
        }
        if diagnostics.hasErrors { return (nil, diagnostics) }
        return (TemplateSet(library: library, assets: assets), diagnostics)
    }

    func render(_ view: Any, template: String) -> String {
        library.render(view, withTemplate: template) ?? ""
    }
}

/// The stylesheet without its comments and indentation: a sixth of its bytes, sent with every
/// page. Nothing else is touched (no rewriting of rules or values).
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
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }
}

import Ccmark
import Foundation
import Testing

@testable import OkrugMarkdown

#if canImport(Glibc)
    import Glibc
#endif

/// okrug's Markdown stage against libcmark's own renderer, over the 652 examples of the
/// CommonMark spec 0.31.2 (`Tests/conformance/commonmark/`). After removing only what
/// okrug documents doing on purpose, the two are identical:
///
/// - headings carry an `id` and a «#» link to themselves (written by a custom block, which
///   puts its text on a line of its own);
/// - Russian typography: straight double quotes become «ёлочки» („лапки“ inside), a hyphen
///   between spaces an em dash — both compared as the plain characters;
/// - raw HTML is left out in safe mode (cmark would write `<!-- raw HTML omitted -->`): on
///   libcmark's side the same nodes are unlinked from its tree before it renders.
///
/// The comparison is with the library, not with the spec's HTML: the system libcmark may be
/// older than the spec.
@Suite struct CommonMarkDifferentialTests {
    /// The repository, found from this file (Tests/OkrugMarkdownTests/…).
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let suite = Self.repositoryRoot.appendingPathComponent("Tests/conformance/commonmark/spec-0.31.2.json")

    struct Example: Decodable {
        var markdown: String
        var example: Int
        var section: String
    }

    static func cmark(_ markdown: String) -> String {
        var text = markdown
        return text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars -> String in
                guard let root = cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT) else {
                    return ""
                }
                defer { cmark_node_free(root) }
                // The documented removal of raw HTML, done here through cmark's own tree.
                var rawHTML: [OpaquePointer] = []
                if let iterator = cmark_iter_new(root) {
                    while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
                        guard let node = cmark_iter_get_node(iterator) else { continue }
                        let type = cmark_node_get_type(node)
                        if type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE, !rawHTML.contains(node) {
                            rawHTML.append(node)
                        }
                    }
                    cmark_iter_free(iterator)
                }
                for node in rawHTML {
                    cmark_node_unlink(node)
                    cmark_node_free(node)
                }
                guard let html = cmark_render_html(root, CMARK_OPT_DEFAULT) else { return "" }
                defer { free(html) }
                return String(cString: html)
            }
        }
    }

    /// Undoes the documented transformations (on okrug's side) and the marks of omitted HTML
    /// (on cmark's), and writes quotes and dashes alike on both.
    static func normalized(_ html: String, isOkrug: Bool) -> String {
        var text = html
        if isOkrug {
            text = text.replacingOccurrences(
                of:
                    ##"\n?<a class="heading-anchor" href="#[^"]*" aria-hidden="true" tabindex="-1" data-pagefind-ignore>#</a>"##,
                with: "", options: .regularExpression)
            text = text.replacingOccurrences(
                of: #"<h([1-6]) id="[^"]*">\n?"#, with: "<h$1>", options: .regularExpression)
        }
        for quote in ["&quot;", "«", "»", "„", "“"] { text = text.replacingOccurrences(of: quote, with: "\"") }
        // No-break spaces (typography) count as the spaces they replace.
        text = text.replacingOccurrences(of: "\u{A0}", with: " ")
        text = text.replacingOccurrences(of: " — ", with: " - ")
        return text
    }

    @Test func everyExampleMatchesLibcmark() throws {
        try #require(FileManager.default.fileExists(atPath: Self.suite.path), "the spec is part of the repository")
        let examples = try JSONDecoder().decode([Example].self, from: Data(contentsOf: Self.suite))
        #expect(examples.count == 652)
        var same = 0
        for example in examples {
            let okrug = Markdown.render(example.markdown).html
            let library = Self.cmark(example.markdown)
            let a = Self.normalized(okrug, isOkrug: true)
            let b = Self.normalized(library, isOkrug: false)
            #expect(a == b, "example \(example.example) (\(example.section))\n\(example.markdown)")
            if a == b { same += 1 }
        }
        print(
            "commonmark: \(same) of \(examples.count) examples identical to libcmark after the documented transformations"
        )
    }

    /// The transformations themselves, so the normalisation above cannot hide a change.
    @Test func theTransformationsAreExactlyThese() {
        let html = Markdown.render("# Итоги\n\n## Итоги\n\n## Main\n\nОн сказал: \"да\" - и ушёл.\n\n<div>x</div>\n")
            .html
        #expect(html.contains(#"<h1 id="itogi">"# + "\nИтоги\n" + ##"<a class="heading-anchor" href="#itogi""##))
        #expect(html.contains(#"<h2 id="itogi-1">"#))
        #expect(html.contains(#"<h2 id="main-1">"#), "the template's <main id=\"main\"> keeps its id")
        #expect(html.contains("Он\u{A0}сказал: «да»\u{A0}— и\u{A0}ушёл."))
        #expect(!html.contains("<div>") && !html.contains("raw HTML omitted"))
    }

    @Test func headingIdsAreUniqueEvenWhenATextLooksNumbered() {
        let document = Markdown.render("## Итоги\n\n## Итоги\n\n## Итоги 1\n\n## Итоги-1\n")
        let anchors = document.headings.map(\.anchor)
        #expect(Set(anchors).count == anchors.count, "\(anchors)")
        #expect(anchors.allSatisfy { !ReservedIDs.theme.contains($0) })
    }

    /// Every literal id of the theme's templates is reserved, so no heading can take it.
    @Test func reservedIdsCoverTheTheme() throws {
        let folder = Self.repositoryRoot.appendingPathComponent("Templates")
        var found: Set<String> = []
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) where path.hasSuffix(".mustache") {
            let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
            let regex = try NSRegularExpression(pattern: #"id="([a-z0-9-]+)""#)
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text) { found.insert(String(text[range])) }
            }
        }
        #expect(found.isSubset(of: ReservedIDs.theme), "not reserved: \(found.subtracting(ReservedIDs.theme).sorted())")
    }
}

import Ccmark
import Foundation
import Testing

@testable import OkrugCore
@testable import OkrugMarkdown
@testable import OkrugSite

@Suite struct MarkdownTests {
    /// A render started inside another (here from the link resolver) gets its own memory: the
    /// outer document, half-way through, comes out whole, and so does the inner one, many
    /// times over (a reset arena under the outer tree would garble or crash it).
    /// HTML in the spool comes back byte for byte; a read that fails is kept as the spool's
    /// failure (the build then stops) instead of giving a page an empty body unnoticed.
    @Test func spoolReadFailureIsReportedNotSilent() throws {
        let spool = try #require(HTMLSpool())
        let stored = spool.store("<p>Текст материала</p>")
        #expect(stored.text == "<p>Текст материала</p>")
        #expect(spool.readFailure == nil)
        // A piece that ends past the file's end: the read comes up short.
        let broken = StoredHTML(spool: spool, offset: 10_000, length: 20)
        var page: [UInt8] = Array("<main>".utf8)
        broken.append(to: &page)
        #expect(page == Array("<main>".utf8))
        let failure = try #require(spool.readFailure)
        #expect(failure.description.contains("временный файл"))
    }

    @Test func nestedRendersKeepTheirOwnMemory() {
        let body = (1...50).map { "Абзац \($0) со [ссылкой](a\($0).md) и **жирным** словом." }.joined(separator: "\n\n")
        var inner: [String] = []
        let doc = Markdown.render("# Заголовок\n\n" + body) { destination, _ in
            inner.append(Markdown.renderInline("*\(destination)* и `код`").html)
            inner.append(Markdown.render("## Вложенный\n\n" + String(repeating: "слово ", count: 500)).html)
            return .rewrite("/x/" + destination)
        }
        #expect(doc.html.contains("<h1 id=\"zagolovok\">"))
        for number in 1...50 {
            #expect(
                doc.html.contains(
                    "<p>Абзац \(number) со\u{A0}<a href=\"/x/a\(number).md\">ссылкой</a> и\u{A0}<strong>жирным</strong> словом.</p>"
                ))
        }
        #expect(inner.count == 100)
        #expect(inner[0] == "<em>a1.md</em> и\u{A0}<code>код</code>")
        #expect(inner[1].hasPrefix("<h2 id=\"vlozhennyi\">"))
        #expect(inner[1].components(separatedBy: "слово").count == 501)
    }

    @Test func headingsGetAnchorsAndAnOutline() {
        let doc = Markdown.render("# Заголовок\n\n## Цель\n\nТекст.\n\n### Ход мероприятия\n\n## Цель\n")
        #expect(doc.headings.map(\.anchor) == ["zagolovok", "tsel", "khod-meropriiatiia", "tsel-1"])
        #expect(doc.headings.map(\.level) == [1, 2, 3, 2])
        #expect(doc.headings.map(\.position.line) == [1, 3, 7, 9])
        #expect(doc.html.contains("<h2 id=\"tsel\">"))
        #expect(doc.html.contains("<h3 id=\"khod-meropriiatiia\">"))
        #expect(doc.html.contains("href=\"#tsel-1\""))
        #expect(!doc.html.contains("<h2>"))
    }

    @Test func linksAreRewrittenByTheResolver() {
        let doc = Markdown.render("См. [другой материал](../b.md#vyvody) и [сайт](https://edsoo.ru/).\n") {
            destination, _ in
            destination.hasSuffix(".md#vyvody") ? .rewrite("../../materials/b/#vyvody") : .keep
        }
        #expect(doc.html.contains("<a href=\"../../materials/b/#vyvody\">другой материал</a>"))
        #expect(doc.html.contains("<a href=\"https://edsoo.ru/\">сайт</a>"))
        #expect(doc.links.map(\.destination) == ["../b.md#vyvody", "https://edsoo.ru/"])
    }

    @Test func linkPositionsCountCharactersNotBytes() {
        let doc = Markdown.render("Текст\n\nПривет [ссылка](x.md)\n")
        #expect(doc.links.first?.position == MarkdownPosition(line: 3, column: 8))
    }

    @Test func rawHTMLAndJavascriptLinksNeverReachThePage() {
        let source = "Текст <mark>важно</mark>.\n\n<div onclick=\"x()\">блок</div>\n\n[нажми](javascript:alert(1))\n"
        let doc = Markdown.render(source)
        #expect(!doc.html.contains("<mark>"))
        #expect(!doc.html.contains("<div"))
        #expect(!doc.html.contains("javascript:"))
        #expect(!doc.html.contains("raw HTML omitted"))
        #expect(doc.html.contains("важно"))
        #expect(doc.omittedHTML.map(\.line) == [1, 1, 3])
        #expect(doc.links.first?.resolution == .unsafe)
    }

    @Test func unsafeModeLetsHTMLThrough() {
        let doc = Markdown.render("Текст <mark>важно</mark>.\n", options: MarkdownOptions(allowUnsafeHTML: true))
        #expect(doc.html.contains("<mark>важно</mark>"))
        #expect(doc.omittedHTML.isEmpty)
    }

    @Test func plainTextSummaryAndWords() {
        let doc = Markdown.render("## Цель\n\nПервый *абзац* текста.\n\n- пункт один\n- пункт два\n")
        #expect(doc.firstParagraph == "Первый абзац текста.")
        #expect(doc.wordCount == 8)
    }

    /// The reading time counts words while walking the tree; it must agree with counting the
    /// words of the plain text, across emphasis inside a word, breaks, code and no-break spaces.
    @Test func wordCountWhileWalkingMatchesPlainText() {
        let sources = [
            "## Цель\n\nПервый *абзац* текста.\n\n- пункт один\n- пункт два\n",
            "**жир**ный текст\nна двух строках  \nи перенос\n\n```\nкод блока\n```\nпосле\n",
            "> цитата `код` и [ссылка](a.md)\n\n1. раз\u{00A0}два — три «четыре»\n2. №5 x2\n",
            "",
        ]
        for source in sources {
            let expected = source.withCString { pointer -> Int in
                guard let root = cmark_parse_document(pointer, strlen(pointer), CMARK_OPT_DEFAULT) else { return -1 }
                defer { cmark_node_free(root) }
                return PlainText.wordCount(PlainText.of(root))
            }
            #expect(Markdown.render(source).wordCount == expected, "\(source)")
        }
        #expect(Markdown.render("**жир**ный текст\n").wordCount == 2)
    }

    @Test func russianQuotesInText() {
        let doc = Markdown.render("Семинар \"Через инновации\" и код `\"как есть\"`.\n")
        #expect(doc.html.contains("Семинар «Через инновации»"))
        #expect(doc.html.contains("<code>&quot;как есть&quot;</code>"))
    }
}

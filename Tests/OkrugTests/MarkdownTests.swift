import Ccmark
import Foundation
import Testing

@testable import OkrugCore
@testable import OkrugMarkdown
@testable import OkrugSite

@Suite struct MarkdownTests {
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

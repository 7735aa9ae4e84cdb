import Foundation
import Testing

@testable import OkrugMarkdown
@testable import OkrugText

/// Russian typography in bodies and plain strings: quotes paired across markup, escapes kept,
/// no-break spaces where a line must not break; code never touched.
@Suite struct RussianTypographyTests {
    static let nbsp = "\u{A0}"

    static func html(_ markdown: String) -> String { Markdown.render(markdown).html }

    @Test func quotesPairAcrossInlineMarkup() {
        #expect(Self.html("Слово \"**важно**\" здесь.\n") == "<p>Слово «<strong>важно</strong>» здесь.</p>\n")
        #expect(
            Self.html("Сайт \"[ЕСОО](https://example.org/)\" открыт.\n")
                == "<p>Сайт «<a href=\"https://example.org/\">ЕСОО</a>» открыт.</p>\n")
        #expect(
            Self.html("Он сказал: \"это *\"Точка роста\"* у нас\".\n")
                == "<p>Он\(Self.nbsp)сказал: «это <em>„Точка роста“</em> у\(Self.nbsp)нас».</p>\n")
    }

    @Test func anEscapedQuoteStaysStraight() {
        #expect(Self.html("Диагональ 5\\\" и 7\\\".\n") == "<p>Диагональ 5&quot; и\(Self.nbsp)7&quot;.</p>\n")
    }

    @Test func codeIsNeverChanged() {
        #expect(
            Self.html("Пишите `\"а\" - б` и \"в\".\n")
                == "<p>Пишите <code>&quot;а&quot; - б</code> и\(Self.nbsp)«в».</p>\n")
        #expect(Self.html("```\n\"а\" - в школе\n```\n") == "<pre><code>&quot;а&quot; - в школе\n</code></pre>\n")
    }

    @Test func noBreakSpacesWhereALineMustNotBreak() {
        let n = Self.nbsp
        let cases: [(String, String)] = [
            ("Доклад Е.Е. Ткаченко", "Доклад Е.Е.\(n)Ткаченко"),
            ("Доклад Е. Е. Ткаченко", "Доклад Е.\(n)Е.\(n)Ткаченко"),
            ("Автор Ткаченко Е.Е. рассказала", "Автор Ткаченко\(n)Е.Е. рассказала"),
            ("в школе и на уроке", "в\(n)школе и\(n)на\(n)уроке"),
            ("Итоги года - главное", "Итоги года\(n)— главное"),
            ("Итоги года — главное", "Итоги года\(n)— главное"),
            ("СОШ № 13", "СОШ №\(n)13"),
            ("14 февраля 2023 г.", "14\(n)февраля 2023\(n)г."),
            ("выполнено 86 % заданий", "выполнено 86\(n)% заданий"),
            ("для 5 классов", "для 5\(n)классов"),
            ("планы, т. е. графики", "планы, т.\(n)е. графики"),
            ("семинар в г. Москва", "семинар в\(n)г.\(n)Москва"),
        ]
        for (input, expected) in cases {
            #expect(RussianTypography.text(input) == expected, "\(input)")
        }
    }

    @Test func longWordsAndNumbersAloneAreLeftBreakable() {
        #expect(
            RussianTypography.text("Методическое сопровождение педагогов") == "Методическое сопровождение педагогов")
        #expect(RussianTypography.text("было 2023 и 2024") == "было 2023 и\u{A0}2024")
        // A year keeps its «год» (issue 30): «в 2023 году» never ends a line on the number.
        #expect(RussianTypography.text("было 2023 года") == "было 2023\u{A0}года")
    }
}

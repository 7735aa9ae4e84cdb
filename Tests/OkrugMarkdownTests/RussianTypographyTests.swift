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

/// The values of a page get the no-break spaces through a quick look at their bytes first
/// (`mayKeepASpace`): it may send a text to the rules for nothing, never keep one from them.
/// Held over every line of the sample's content and the seed plan, and over random texts made
/// of the pieces the rules look at.
@Suite struct NoBreaksQuickLookTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func theQuickLookNeverMissesASpaceTheRulesKeep() throws {
        var texts: [String] = []
        for folder in ["Content", "seeds"] {
            let base = Self.root.appendingPathComponent(folder)
            for case let path as String in FileManager.default.enumerator(atPath: base.path) ?? .init()
            where path.hasSuffix(".md") || path.hasSuffix(".yaml") || path.hasSuffix(".txt") {
                let text = try String(contentsOf: base.appendingPathComponent(path), encoding: .utf8)
                texts += text.split(separator: "\n").map(String.init)
            }
        }
        #expect(texts.count > 500)
        let pieces = [
            "в", "К", "и", "на", "по", "об", "Е.", "Е.Е.", "И. А.", "т.", "е.", "г.", "ул.", "с.", "№", "5", "2023",
            "14",
            "г", "года", "году", "февраля", "класс", "кг", "%", "—", "-", "Ткаченко", "школа", "A.", "Smith", "é", "éв",
            ".", ",", "«", "»", "(", " ", " ", " ", "\u{A0}", "2", "мая", "ɐ", "Ѐ", "ё", "Ё",
        ]
        // A fixed seed: a failing text repeats.
        var generator = SplitMix(state: 20_231_214)
        for _ in 0..<100_000 {
            texts.append((0..<Int.random(in: 2...12, using: &generator)).map { _ in pieces.randomElement()! }.joined())
        }
        var checked = 0
        for text in texts {
            let full = RussianTypography.noBreaksFully(text)
            if full != text { checked += 1 }
            #expect(RussianTypography.noBreaks(text) == full, "«\(text)»")
        }
        #expect(checked > 1000)
    }
}

/// SplitMix64, for random texts that are the same in every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

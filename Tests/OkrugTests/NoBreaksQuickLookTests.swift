import Foundation
import Testing

@testable import OkrugText

/// The values of a page get the no-break spaces through a quick look at their bytes first
/// (`mayKeepASpace`): it may send a text to the rules for nothing, never keep one from them.
/// Held over every line of the sample's content and the seed plan, and over random texts made
/// of the pieces the rules look at.
@Suite struct NoBreaksQuickLookTests {
    @Test func theQuickLookNeverMissesASpaceTheRulesKeep() throws {
        var texts: [String] = []
        for folder in ["Content", "seeds"] {
            let base = repositoryRoot.appendingPathComponent(folder)
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
        var generator = Generator(state: 20_231_214)
        for _ in 0..<100_000 {
            texts.append((0..<generator.int(2...12)).map { _ in generator.pick(pieces) }.joined())
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

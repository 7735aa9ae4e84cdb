import Testing

@testable import OkrugCore

/// What `okrug build` and `okrug check` print: every problem on its line, then how many there
/// are. The listing is written in pieces (a bank with thousands of warnings would otherwise hold
/// it whole several times over); the pieces together must be the same text.
struct DiagnosticListingTests {
    @Test func thePiecesMakeTheWholeListing() {
        var diagnostics: [Diagnostic] = []
        for number in 0..<3_000 {
            let position = SourcePosition(file: "Content/materials/урок-\(number).md", line: number + 1, column: 3)
            diagnostics.append(
                number % 7 == 0
                    ? .error(position, "нет поля «school»", hint: "добавьте «school: sosh13»")
                    : .warning(position, "HTML-разметка не попадёт на страницу", hint: "используйте Markdown"))
        }
        var pieces: [String] = []
        DiagnosticFormat.listing(diagnostics) { pieces.append($0) }
        #expect(pieces.count > 3, "a listing this long comes in several pieces")
        #expect(pieces.dropLast().allSatisfy { $0.utf8.count < 70 * 1024 })
        let expected =
            diagnostics.map { $0.formatted + "\n" }.joined() + "429 ошибок, 2571 предупреждение\n"
        #expect(pieces.joined() == expected)
        #expect(DiagnosticFormat.listing(diagnostics) == expected)
        #expect(DiagnosticFormat.listing([]) == "")
        #expect(DiagnosticFormat.listing(Array(diagnostics.prefix(2))).hasSuffix("1 ошибка, 1 предупреждение\n"))
    }
}

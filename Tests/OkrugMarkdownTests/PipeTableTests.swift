import Foundation
import Testing

@testable import OkrugMarkdown

/// Pipe tables: the 8 table examples of the GFM spec (`Tests/conformance/gfm-tables/`) give the
/// spec's HTML after undoing exactly okrug's documented changes (`MarkdownTables`): the
/// scrolling box around the table, `scope="col"` on header cells, alignment as a class.
@Suite struct PipeTableTests {
    static let suite = CommonMarkDifferentialTests.repositoryRoot.appendingPathComponent(
        "Tests/conformance/gfm-tables/tables.json")

    struct Example: Decodable {
        var example: Int
        var markdown: String
        var html: String
    }

    static let plain = MarkdownOptions(allowUnsafeHTML: false, russianTypography: false)

    static func undoDocumentedChanges(_ html: String) -> String {
        var text = html.replacingOccurrences(of: MarkdownTables.scrollBoxStart, with: "<table>")
        text = text.replacingOccurrences(of: MarkdownTables.scrollBoxEnd, with: "</table>")
        text = text.replacingOccurrences(of: "<th scope=\"col\"", with: "<th")
        return text.replacingOccurrences(
            of: #" class="align-(left|center|right)""#, with: #" align="$1""#, options: .regularExpression)
    }

    @Test func theGFMSpecExamplesGiveTheSpecHTML() throws {
        let examples = try JSONDecoder().decode([Example].self, from: Data(contentsOf: Self.suite))
        #expect(examples.count == 8)
        for example in examples {
            let html = Markdown.render(example.markdown, options: Self.plain).html
            #expect(Self.undoDocumentedChanges(html) == example.html, "GFM example \(example.example)")
        }
    }

    @Test func theHTMLCarriesScopeAlignmentClassesAndTheScrollingBox() {
        let html = Markdown.render("| Время | Тема |\n|:--|--:|\n| 10:00 | Открытие |\n", options: Self.plain).html
        #expect(
            html == MarkdownTables.scrollBoxStart
                + "\n<thead>\n<tr>\n<th scope=\"col\" class=\"align-left\">Время</th>\n"
                + "<th scope=\"col\" class=\"align-right\">Тема</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
                + "<td class=\"align-left\">10:00</td>\n<td class=\"align-right\">Открытие</td>\n</tr>\n</tbody>\n"
                + MarkdownTables.scrollBoxEnd + "\n")
    }

    @Test func cellsAreInlineMarkdownAndNeverBlocks() {
        let source = """
            | Что | Как |
            | --- | --- |
            | **жирный** и *курсив* | `код \\| с чертой` |
            | # не заголовок | - не список |
            | 1. не пункт | > не цитата |
            """
        let html = Markdown.render(source, options: Self.plain).html
        #expect(html.contains("<td><strong>жирный</strong> и <em>курсив</em></td>"))
        #expect(html.contains("<td><code>код | с чертой</code></td>"))
        #expect(html.contains("<td># не заголовок</td>"))
        #expect(html.contains("<td>- не список</td>"))
        #expect(html.contains("<td>1. не пункт</td>"))
        #expect(html.contains("<td>&gt; не цитата</td>"))
    }

    @Test func linksInCellsAreResolvedAndPlacedInTheBody() {
        let source = """
            Вступление.

            | Материал | Ссылка |
            | --- | --- |
            | Семинар | [программа](seminar.md) и [ещё][ref] |

            [ref]: https://edu.gov.ru/
            """
        var asked: [String] = []
        let document = Markdown.render(source, options: Self.plain) { destination, _ in
            asked.append(destination)
            return destination == "seminar.md" ? .rewrite("../seminar/") : .keep
        }
        #expect(asked == ["seminar.md", "https://edu.gov.ru/"])
        #expect(
            document.html.contains(
                "<td><a href=\"../seminar/\">программа</a> и <a href=\"https://edu.gov.ru/\">ещё</a></td>"))
        // «| Семинар | [программа]…»: line 5, the link's «[» is the 13th character.
        #expect(document.links.first?.position == MarkdownPosition(line: 5, column: 13))
    }

    @Test func tablesInListsAndQuotesAndAfterTextOfTheirParagraph() {
        let quoted = Markdown.render("> | а | б |\n> | - | - |\n> | 1 | 2 |\n", options: Self.plain).html
        #expect(quoted.hasPrefix("<blockquote>\n" + MarkdownTables.scrollBoxStart))
        #expect(quoted.contains("<td>1</td>\n<td>2</td>"))
        let listed = Markdown.render("- Расписание:\n\n  | а | б |\n  | - | - |\n  | 1 | 2 |\n", options: Self.plain)
            .html
        #expect(listed.contains("<li>\n<p>Расписание:</p>\n" + MarkdownTables.scrollBoxStart))
        let after = Markdown.render("Текст над таблицей\n| а | б |\n| - | - |\n| 1 | 2 |\n", options: Self.plain)
        #expect(after.html.hasPrefix("<p>Текст над таблицей</p>\n" + MarkdownTables.scrollBoxStart))
        #expect(after.firstParagraph == "Текст над таблицей")
    }

    @Test func plainTextAndWordCountSeeTheCellsApart() {
        let document = Markdown.render("| Время | Тема |\n| --- | --- |\n| утро | открытие |\n", options: Self.plain)
        #expect(document.wordCount == 4)
        #expect(document.problems.isEmpty)
    }

    @Test func typographyReachesTheCells() {
        let html = Markdown.render("| Тема |\n| --- |\n| \"Точка роста\" - опыт |\n").html
        #expect(html.contains("<td>«Точка роста»\u{A0}— опыт</td>"))
    }

    @Test func aTableThatDidNotComeOutIsAParagraphAndAWarningWithItsPlace() {
        let mismatch = Markdown.render("Текст.\n\n| а | б | в |\n| --- | --- |\n| 1 | 2 | 3 |\n", options: Self.plain)
        #expect(mismatch.html.contains("<p>| а | б | в |"))
        #expect(mismatch.problems.count == 1)
        #expect(mismatch.problems.first?.position == MarkdownPosition(line: 4, column: 1))
        #expect(mismatch.problems.first?.message.contains("в строке-разделителе 2 столбца, а в заголовке 3") == true)
        #expect(mismatch.problems.first?.hint.contains("| --- | --- | --- |") == true)

        let noDelimiter = Markdown.render("| Время | Тема |\n| 10:00 | Открытие |\n", options: Self.plain)
        #expect(noDelimiter.html.hasPrefix("<p>"))
        #expect(noDelimiter.problems.map(\.position) == [MarkdownPosition(line: 2, column: 1)])
        #expect(noDelimiter.problems.first?.hint.contains("| --- | --- |") == true)

        let prose = Markdown.render("Выбор: да | нет\nи ещё | строка\n", options: Self.plain)
        #expect(prose.problems.isEmpty)
    }

    @Test func extraCellsAreLeftOutAsTheSpecSaysAndNamed() {
        let document = Markdown.render("| а | б |\n| - | - |\n| 1 | 2 | лишнее |\n", options: Self.plain)
        #expect(!document.html.contains("лишнее"))
        #expect(document.problems.count == 1)
        #expect(document.problems.first?.position == MarkdownPosition(line: 3, column: 11))
        #expect(document.problems.first?.message.contains("«лишнее» не попадёт на страницу") == true)
    }

    @Test func theLineParserReadsRowsAsTheSpecSays() {
        func line(_ text: String) -> PipeTable.Line { PipeTable.Line(text: text, column: 1) }
        let table = PipeTable.find(in: [line("a | b"), line(":-: | --:"), line("x"), line("\\| | y |")])
        #expect(table?.alignments == [.center, .right])
        #expect(table?.rows.map { $0.map(\.text) } == [["x", ""], ["|", "y"]])
        #expect(PipeTable.find(in: [line("a"), line(":--")]) == nil, "a table needs a pipe somewhere")
        #expect(PipeTable.find(in: [line("| a |"), line("| -x- |")]) == nil)
    }
}

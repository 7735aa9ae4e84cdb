import Testing
import Yams

@testable import OkrugCore
@testable import OkrugSite
@testable import OkrugTemplate

/// The direct front matter reader must give what Yams gives, positions included, or step aside.
@Suite struct SimpleYAMLTests {
    static func describe(_ node: YAMLNode) -> String {
        func mark(_ mark: YAMLNode.Mark?) -> String { mark.map { "@\($0.line):\($0.column)" } ?? "" }
        switch node {
        case .scalar(let scalar):
            // Null values carry no place worth comparing (nothing reports one).
            if scalar.style == .plain, scalar.string.isEmpty { return "null" }
            return "\(scalar.style)(\(scalar.string))" + mark(scalar.mark)
        case .sequence(let sequence):
            return "[" + sequence.items.map(describe).joined(separator: ", ") + "]" + mark(sequence.mark)
        case .mapping(let mapping):
            return "{" + mapping.pairs.map { describe($0.key) + ": " + describe($0.value) }.joined(separator: ", ")
                + "}" + mark(mapping.mark)
        }
    }

    @Test func readsWhatYamsReads() throws {
        let texts = [
            """
            title: "Вебинар: приёмы активизации"
            date: 2019-01-29
            authors:
              - "Николаева Т.А."
              - Иванова И.И.
            school: sosh13
            kind: webinar
            subjects: ["Начальные классы", история,  'ИЗО' ]
            grades: []
            tags: [профилактика]
            summary: 'Учитель — «логопед», 5 классов'
            draft: true
            activity:
            """,
            "title: Материал\nauthors:\n- Ткаченко Е.Е.\n- Петров П.П.\n\ngrades: [5, 6]\n",
            "title:    с пробелами в конце   \nslug: my-slug\n",
        ]
        for text in texts {
            let simple = try #require(SimpleYAML.parse(text), "\(text)")
            let yams = try #require(try Yams.compose(yaml: text))
            #expect(Self.describe(simple) == Self.describe(YAMLNode(yams)), "\(text)")
        }
    }

    @Test func leavesEverythingElseToYams() {
        let texts = [
            "# комментарий\ntitle: a\n",
            "title: a # комментарий\n",
            "title: \"с \\\"экранированием\\\"\"\n",
            "summary: первая строка\n  вторая строка\n",
            "title: a\ntitle: b\n",
            "attachments:\n  - file: a.pdf\n    title: A\n",
            "title: a: b\n",
            "title: |\n  блок\n",
            "title:\ta\n",
            "- a\n- b\n",
            "support: {a: [b]}\n",
            "title: 'it''s'\n",
            "",
        ]
        for text in texts { #expect(SimpleYAML.parse(text) == nil, "\(text)") }
    }
}

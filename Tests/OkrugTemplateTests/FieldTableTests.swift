import OkrugSystem
import Testing

@testable import OkrugTemplate

/// The key-path table a view model gives templates.
@Suite struct FieldTableTests {
    struct Card: TemplateFields {
        var title: String
        var count: Int
        var note: String?
        var shown: Bool
        var tags: [String]
        static let templateFields = FieldTable<Card>(
            .field(\.title), .field(\.count), .field(\.note), .field(\.shown), .field(\.tags))
    }

    static func describe(_ value: TemplateValue) -> String {
        switch value {
        case .missing: "missing"
        case .unknown: "unknown"
        case .bool(let flag): "bool \(flag)"
        case .text(let text, let optional): "text \(text)\(optional ? "?" : "")"
        case .object: "object"
        case .list(let items): "[" + items.map(describe).joined(separator: ", ") + "]"
        case .html: "html"
        }
    }

    @Test func namesComeFromTheKeyPaths() {
        #expect(Card.templateFields.fields.map(\.name) == ["title", "count", "note", "shown", "tags"])
    }

    @Test func fieldsReadTheirPropertiesAndOtherNamesAreUnknown() {
        let card = Card(title: "Семинар", count: 3, note: nil, shown: true, tags: ["а", "б"])
        #expect(Self.describe(card.field("title")) == "text Семинар")
        #expect(Self.describe(card.field("count")) == "text 3")
        #expect(Self.describe(card.field("note")) == "missing")
        #expect(Self.describe(card.field("shown")) == "bool true")
        #expect(Self.describe(card.field("tags")) == "[text а, text б]")
        #expect(Self.describe(card.field("titel")) == "unknown")
        var noted = card
        noted.note = "важно"
        #expect(Self.describe(noted.field("note")) == "text важно?")
    }

    /// Stored properties are read at their offset: the value comes out whole, including values
    /// that hold references (a string on the heap, an array), which the copy must retain.
    struct Mixed: TemplateFields {
        var padding: Bool
        var long: String
        var items: [String]
        var note: String?
        var shout: String { long.uppercased() }
        static let templateFields = FieldTable<Mixed>(
            .field(\.padding), .field(\.long), .field(\.items), .field(\.note))
    }

    @Test func storedPropertiesReadWhole() {
        let long = String(repeating: "методический материал ", count: 20)
        let value = Mixed(padding: true, long: long, items: ["раз", "два"], note: "итог")
        for _ in 0..<3 {
            #expect(Self.describe(value.field("padding")) == "bool true")
            #expect(Self.describe(value.field("long")) == "text " + long)
            #expect(Self.describe(value.field("items")) == "[text раз, text два]")
            #expect(Self.describe(value.field("note")) == "text итог?")
        }
        #expect(StoredProperty(\Mixed.long) != nil)
        #expect(StoredProperty(\Mixed.shout) == nil)
    }

    @Test func aTemplateRendersThroughTheTable() throws {
        let nodes = try TemplateParser.parse(
            "{{title}}: {{count}}{{#note}} ({{note}}){{/note}}{{#tags}} #{{.}}{{/tags}}")
        let renderer = TemplateRenderer(templates: ["card": nodes])
        let card = Card(title: "Урок", count: 2, note: "новое", shown: true, tags: ["x", "y"])
        #expect(String(decoding: renderer.render(card, template: "card"), as: UTF8.self) == "Урок: 2 (новое) #x #y")
    }
}

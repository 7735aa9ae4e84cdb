import Foundation
import Testing

@testable import OkrugTemplate

/// okrug's template engine against the official Mustache specification
/// (`Tests/conformance/mustache/`, copied from the workplace's `../shared/conformance/`: the
/// core modules and `~inheritance`), through an
/// adapter from the spec's JSON data to the engine's values. The engine renders here as the
/// spec says (a missing name is empty); the theme's strictness is tested separately.
@Suite struct MustacheSpecTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("conformance/mustache")
    static let modules = [
        "comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance",
    ]

    /// Cases okrug deliberately does not support, with the reason. Empty: every case passes.
    static let unsupported: [String: String] = [:]

    /// The spec's JSON data as an engine value.
    enum JSONValue: Decodable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case list([JSONValue])
        case object([String: JSONValue])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let flag = try? container.decode(Bool.self) {
                self = .bool(flag)
            } else if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else if let text = try? container.decode(String.self) {
                self = .string(text)
            } else if let list = try? container.decode([JSONValue].self) {
                self = .list(list)
            } else {
                self = .object(try container.decode([String: JSONValue].self))
            }
        }

        var templateValue: TemplateValue {
            switch self {
            case .null: .missing
            case .bool(let flag): .bool(flag)
            case .number(let number):
                .text(number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number))
            case .string(let text): .text(text)
            case .list(let items): .list(items.map(\.templateValue))
            case .object(let fields): .object(JSONObject(fields: fields))
            }
        }
    }

    struct JSONObject: TemplateObject {
        var fields: [String: JSONValue]
        func field(_ name: String) -> TemplateValue { fields[name]?.templateValue ?? .unknown }
    }

    struct SpecFile: Decodable {
        var tests: [SpecCase]
    }

    struct SpecCase: Decodable {
        var name: String
        var data: JSONValue
        var template: String
        var expected: String
        var partials: [String: String]?
    }

    @Test(arguments: modules) func module(_ name: String) throws {
        let url = Self.folder.appendingPathComponent(name + ".json")
        try #require(
            FileManager.default.fileExists(atPath: url.path), "the spec is part of the repository: \(url.path)")
        let file = try JSONDecoder().decode(SpecFile.self, from: Data(contentsOf: url))
        var passed = 0
        for spec in file.tests {
            if let reason = Self.unsupported["\(name): \(spec.name)"] {
                print("not supported: \(name): \(spec.name) — \(reason)")
                continue
            }
            var templates: [String: [TemplateNode]] = [:]
            do {
                templates["main"] = try TemplateParser.parse(spec.template, file: "main")
                for (partial, text) in spec.partials ?? [:] {
                    templates[partial] = try TemplateParser.parse(text, file: partial)
                }
            } catch {
                Issue.record("\(name): \(spec.name): does not parse: \(error.message)")
                continue
            }
            let output = String(
                decoding: TemplateRenderer(templates: templates).render(spec.data.templateValue, template: "main"),
                as: UTF8.self)
            #expect(output == spec.expected, "\(name): \(spec.name)\n\(spec.template)")
            if output == spec.expected { passed += 1 }
        }
        print("mustache spec \(name): \(passed) of \(file.tests.count) passed")
    }
}

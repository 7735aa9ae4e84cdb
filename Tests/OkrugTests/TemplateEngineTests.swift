import Foundation
import Testing

@testable import OkrugCore
@testable import OkrugMarkdown
@testable import OkrugSite
@testable import OkrugTemplate

/// A view model for tests: fields by name.
private struct Fields: TemplateObject {
    var values: [String: TemplateValue]
    func field(_ name: String) -> TemplateValue { values[name] ?? .missing }
}

/// okrug's Mustache: the rules the theme relies on, each with the text it must produce.
@Suite struct TemplateEngineTests {
    func render(
        _ text: String, _ values: [String: TemplateValue] = [:], partials: [String: String] = [:]
    ) throws -> String {
        var templates = ["main": try TemplateParser.parse(text)]
        for (name, partial) in partials { templates[name] = try TemplateParser.parse(partial) }
        return String(
            decoding: TemplateRenderer(templates: templates).render(Fields(values: values), template: "main"),
            as: UTF8.self)
    }

    func item(_ values: [String: TemplateValue]) -> TemplateValue { .object(Fields(values: values)) }

    @Test func standaloneTagsTakeTheirLineWithThem() throws {
        let text = "a\n{{#x}}\nb\n  {{/x}}  \n{{! comment }}\nc\n{{^x}}\nno\n{{/x}}\n"
        #expect(try render(text, ["x": .bool(true)]) == "a\nb\nc\n")
        #expect(try render(text, ["x": .bool(false)]) == "a\nc\nno\n")
        // A tag with text around it keeps the line.
        #expect(try render("<{{#x}}y{{/x}}>\n", ["x": .bool(true)]) == "<y>\n")
        #expect(try render("  {{#x}}y{{/x}}\n", ["x": .bool(true)]) == "  y\n")
    }

    @Test func valuesAreEscapedUnlessAskedNotTo() throws {
        let value: [String: TemplateValue] = ["v": .text("<a href=\"x\">'&")]
        #expect(try render("{{v}}", value) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;")
        #expect(try render("{{{v}}}|{{&v}}", value) == "<a href=\"x\">'&|<a href=\"x\">'&")
        #expect(try render("{{% CONTENT_TYPE: TEXT }}{{v}}", value) == "<a href=\"x\">'&")
        #expect(try render("{{% CONTENT_TYPE: HTML }}{{v}}", value) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;")
        #expect(try render("[{{missing}}]{{flag}}", ["flag": .bool(true)]) == "[]true")
    }

    @Test func sectionsIterateAndLookUpOutwards() throws {
        let values: [String: TemplateValue] = [
            "title": .text("T"),
            "items": .list([item(["name": .text("a")]), item(["name": .text("b"), "title": .text("own")])]),
            "words": .list([.text("x"), .text("y")]),
            "layout": item(["lang": .text("ru")]),
            "empty": .list([]),
            "blank": .text(""),
        ]
        #expect(try render("{{#items}}{{name}}:{{title}};{{/items}}", values) == "a:T;b:own;")
        #expect(try render("{{#words}}<{{.}}>{{/words}}", values) == "<x><y>")
        #expect(try render("{{layout.lang}}|{{#items}}{{layout.lang}}{{/items}}|{{layout.none}}", values) == "ru|ruru|")
        // `.name` looks in the current value only.
        #expect(try render("{{#items}}[{{.title}}]{{/items}}", values) == "[][own]")
        // Empty lists and missing values are false; any text, even empty, is true.
        #expect(try render("{{^empty}}none{{/empty}}{{#empty}}x{{/empty}}", values) == "none")
        #expect(try render("{{^missing}}none{{/missing}}", values) == "none")
        #expect(try render("{{#blank}}shown{{/blank}}{{^blank}}hidden{{/blank}}", values) == "shown")
    }

    @Test func partialsAndParents() throws {
        let partials = [
            "p": "x\ny\n",
            "layout": "<main>\n{{$content}}default\n{{/content}}</main>\n{{$foot}}foot\n{{/foot}}",
        ]
        #expect(try render("a\n  {{> p}}\nb\n", partials: partials) == "a\n  x\n  y\nb\n")
        // Every line of an indented partial is indented, tags or not.
        #expect(
            try render("  {{> q}}\n", ["v": .text("V")], partials: ["q": "a\n{{v}}\nb\n"]) == "  a\n  V\n  b\n")
        #expect(try render("{{#v}}{{> p}}{{/v}}", ["v": .bool(true)], partials: partials) == "x\ny\n")
        let page = "{{<layout}}\n{{$content}}\n<p>{{text}}</p>\n{{/content}}\n{{/layout}}\n"
        #expect(try render(page, ["text": .text("hi")], partials: partials) == "<main>\n<p>hi</p>\n</main>\nfoot\n")
    }

    @Test func mistakesAreReportedWithLineAndColumn() {
        func failure(_ text: String) -> TemplateParser.Failure? {
            do {
                _ = try TemplateParser.parse(text)
                return nil
            } catch { return error }
        }
        let unclosed = failure("a\n{{#x}}\nb\n")
        #expect(unclosed?.message.contains("не закрыт") == true)
        let wrong = failure("a\n{{#x}}b{{/y}}\n")
        #expect(wrong?.line == 2)
        #expect(wrong?.column == 11)
        #expect(wrong?.message.contains("{{/y}}") == true)
        #expect(failure("{{% CONTENT_TYPE: XML }}")?.message.contains("неизвестная настройка") == true)
        #expect(failure("x {{title")?.line == 1)
        #expect(failure("{{=<% %>=}}<%x%>") == nil)
        #expect(failure("{{=<%=}}")?.message.contains("разделителей") == true)
        #expect(failure("{{upper(title)}}") != nil)
    }

    /// Found by the fuzz harness: thousands of nested sections, a partial that includes itself.
    @Test func deepAndRecursiveTemplatesAreErrorsNotCrashes() throws {
        let deep = String(repeating: "{{#a}}", count: 10_000) + String(repeating: "{{/a}}", count: 10_000)
        do {
            _ = try TemplateParser.parse(deep)
            Issue.record("10 000 nested sections parsed")
        } catch {
            #expect(error.message.contains("слишком глубокая вложенность"))
        }
        let renderer = TemplateRenderer(
            templates: ["main": try TemplateParser.parse("{{> main}}x"), "partials/card": []], strict: true)
        #expect(
            renderer.render(Fields(values: [:]), template: "main").count == TemplateRenderer.maximumPartialDepth + 1)
        #expect(renderer.problems?.all.first?.message.contains("включает сам себя") == true)
        // A partial that includes itself twice would double its work at every level: stopped by
        // the page's budget, reported once.
        let twice = TemplateRenderer(
            templates: ["main": try TemplateParser.parse("{{> main}}{{> main}}x"), "other": []], strict: true)
        #expect(twice.render(Fields(values: [:]), template: "main").count <= TemplateRenderer.maximumExpansions + 1)
        #expect(twice.problems?.all.count == 1)
    }

    @Test func aMissingPartialIsReportedAtLoad() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("okrug-templates-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in TemplateSet.required {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent(name).deletingLastPathComponent(), withIntermediateDirectories: true)
            try "{{> partials/nope}}\n".write(
                to: folder.appendingPathComponent(name + ".mustache"), atomically: true, encoding: .utf8)
        }
        let (set, diagnostics) = TemplateSet.load(from: folder, displayRoot: "Templates")
        #expect(set == nil)
        #expect(diagnostics.contains { $0.message.contains("нет подшаблона «partials/nope»") })
        #expect(diagnostics.contains { $0.formatted.hasPrefix("Templates/home.mustache:1:1: error: нет подшаблона") })
    }

    /// A theme copied and broken as a designer might: a misspelt name, a section over text, a
    /// partial deleted. Each is an error at its tag, the names that exist listed, nothing written.
    @Test func strictTemplatesReportTheirMistakesAtTheTag() throws {
        let site = try TempSite(files: ["materials/a.md": TempSite.material(extra: "summary: Кратко.\n")])
        defer { site.remove() }
        let theme = site.root.appendingPathComponent("Theme")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Templates"), to: theme)
        func edit(_ name: String, _ change: (String) -> String) throws {
            let url = theme.appendingPathComponent(name)
            try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
        }
        func build() -> Builder.Report {
            var options = site.options()
            options.templates = theme
            options.templatesDisplay = "Theme"
            return Builder.build(options)
        }
        #expect(build().succeeded)
        let before = CrashSafeOutputTests.snapshot(site.root.appendingPathComponent("Public"))

        try edit("material.mustache") { $0.replacingOccurrences(of: "{{summary}}", with: "{{sumary}}") }
        try edit("materials.mustache") { "{{#heading}}x{{/heading}}\n" + $0 }
        var report = build()
        #expect(!report.succeeded)
        let typo = try #require(report.diagnostics.errors.first { $0.message.contains("«sumary»") })
        #expect(typo.file == "Theme/material.mustache")
        #expect(typo.line > 0 && typo.column > 1)
        #expect(typo.hint.contains("возможно, имелось в виду «summary»"))
        #expect(typo.hint.contains("title"))
        let section = try #require(report.diagnostics.errors.first { $0.message.contains("{{#heading}}") })
        #expect("\(section.file):\(section.line):\(section.column)" == "Theme/materials.mustache:1:1")
        #expect(CrashSafeOutputTests.snapshot(site.root.appendingPathComponent("Public")) == before)
        // `okrug check` finds the same without writing.
        var options = site.options()
        options.templates = theme
        options.templatesDisplay = "Theme"
        #expect(Checker.run(options).errors.contains { $0.message.contains("«sumary»") })

        try FileManager.default.removeItem(at: theme.appendingPathComponent("partials/card.mustache"))
        report = build()
        let missing = try #require(
            report.diagnostics.errors.first { $0.message.contains("нет подшаблона «partials/card»") })
        #expect(missing.file == "Theme/partials/card.mustache")
    }

    /// The real theme's pages are checked by `SampleSiteTests`; here, that every template of the
    /// theme parses.
    @Test func theThemeParses() throws {
        let (set, diagnostics) = TemplateSet.load(
            from: repositoryRoot.appendingPathComponent("Templates"), displayRoot: "Templates")
        #expect(set != nil)
        #expect(!diagnostics.hasErrors)
    }
}

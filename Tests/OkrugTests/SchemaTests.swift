import Foundation
import Testing

@testable import OkrugCore
@testable import OkrugImport
@testable import OkrugSite
@testable import OkrugText

/// The schema is the one description of each kind of content: the README's reference, the
/// scaffold and the reader agree with it.
@Suite struct SchemaTests {
    /// The text between `<!-- okrug:NAME -->` and `<!-- /okrug:NAME -->` in the README.
    static func readmeBlock(_ name: String) throws -> String {
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "<!-- okrug:\(name) -->\n"))
        let end = try #require(readme.range(of: "\n<!-- /okrug:\(name) -->", range: start.upperBound..<readme.endIndex))
        return String(readme[start.upperBound..<end.lowerBound])
    }

    @Test func theReadmesReferenceIsTheSchemas() throws {
        let material = SchemaText.reference(MaterialSchema.fields)
        #expect(try Self.readmeBlock("material-fields") == material, "README «Поля материала» should be:\n\(material)")
        let page = SchemaText.sentence(PageSchema.fields)
        #expect(try Self.readmeBlock("page-fields") == page, "README «Страницы» should be:\n\(page)")
        let school = SchemaText.reference(SchoolSchema.fields, list: true)
        #expect(try Self.readmeBlock("school-fields") == school, "README «Школы» should be:\n\(school)")
        let direction = SchemaText.reference(DirectionSchema.fields, list: true)
        #expect(try Self.readmeBlock("direction-fields") == direction, "README «Направления» should be:\n\(direction)")
        let activity = SchemaText.reference(ActivitySchema.fields, list: true)
        #expect(try Self.readmeBlock("activity-fields") == activity, "README «Мероприятия» should be:\n\(activity)")
    }

    /// A field described with a label only (`audience`) needs nothing else: it is read by its
    /// type, shown among the page's facts, readable by templates as `fields.audience`, and a
    /// wrong type is an error at its place.
    @Test func aLabelledFieldIsReadShownAndTemplatable() throws {
        let site = try TempSite(files: [
            "materials/a.md": TempSite.material(extra: "audience: учителя географии 5 классов\n")
        ])
        defer { site.remove() }
        let (built, diagnostics) = Builder.check(site.options())
        #expect(diagnostics.errors.isEmpty, "\(diagnostics.errors)")
        let material = try #require(built?.materials.first)
        #expect(material.fields["audience"] == "учителя географии 5\u{A0}классов")
        _ = site.build()
        let page = try #require(site.readExactly("Public/materials/a/index.html"))
        #expect(page.contains("<dt data-pagefind-ignore>Для кого</dt><dd>учителя географии 5\u{A0}классов</dd>"))

        #expect(material.fields.keys.sorted() == ["audience"], "fields with a property are not kept twice")
        let view = FieldsView(values: material.fields, described: MaterialSchema.keptAsText)
        guard case .text("учителя географии 5\u{A0}классов", _) = view.field("audience") else {
            Issue.record("fields.audience is not its text")
            return
        }
        // A typo, or a field that has a property of its own ({{title}}), is unknown to a strict
        // template; a described field the document leaves out is missing.
        guard case .unknown = view.field("audiense"), case .unknown = view.field("title"),
            case .missing = FieldsView(values: [:], described: MaterialSchema.keptAsText).field("audience")
        else {
            Issue.record("a described field left out is missing, a typo is unknown")
            return
        }

        let wrong = try TempSite(files: ["materials/b.md": TempSite.material(extra: "audience: [учителя]\n")])
        defer { wrong.remove() }
        let error = try #require(wrong.check().errors.first)
        #expect(error.file.hasSuffix("materials/b.md") && error.line > 1)
    }

    /// Every field of the reference, written as the README shows it, is read without a problem,
    /// and a key the schema does not have is refused with the nearest one.
    @Test func everyDescribedFieldIsReadAndNoOther() throws {
        let yaml = SchemaText.reference(MaterialSchema.fields).split(separator: "\n")
            .filter { !$0.hasPrefix("```") }.joined(separator: "\n")
        let body = yaml.replacingOccurrences(of: "2023/seminar-cherez-innovatsii", with: "2023/seminar-innovatsii")
        let site = try TempSite(files: [
            "plans/2023.yaml": PlanBadInputTests.plan(),
            "materials/m/index.md": body + "\n\nТекст.\n",
            "materials/m/prezentatsiia.pptx": "pptx",
            "materials/m/foto/otkrytie.jpg": "jpeg",
            "pages/about.md": "---\n" + PageSchema.fields.map { "\($0.key): \($0.example)" }.joined(separator: "\n")
                + "\n---\n\nТекст.\n",
        ])
        defer { site.remove() }
        var options = site.options(drafts: true)
        options.includeDrafts = true
        let (built, diagnostics) = Builder.check(options)
        #expect(diagnostics.errors.isEmpty, "\(diagnostics.errors)")
        let material = try #require(built?.materials.first)
        #expect(material.slug == "cherez-innovatsii" && material.draft && material.grades == [5, 6])
        #expect(
            material.photos == [
                Photo(target: "materials/cherez-innovatsii/foto/otkrytie.jpg", caption: "Открытие семинара")
            ])
        #expect(built?.pages.first?.menuTitle == "Партнерство")

        let unknown = try TempSite(files: ["materials/x.md": TempSite.material(extra: "tag: [ФГОС]\n")])
        defer { unknown.remove() }
        let error = try #require(unknown.check().errors.first)
        #expect(error.hint.contains("tags"))
    }

    /// `okrug new` writes every field that has a scaffold comment, in the schema's order.
    @Test func theScaffoldWritesTheSchemasFields() throws {
        let day = try #require(CalendarDay(year: 2023, month: 2, day: 14))
        let text = Scaffold.materialText(
            .init(title: "Семинар"), today: day, school: "sosh13",
            direction: "methodical", kind: "seminar", schools: [("sosh13", "СОШ №13")], directions: [],
            kinds: [("seminar", "семинар")])
        var position = text.startIndex
        for field in MaterialSchema.fields where field.scaffold != nil {
            let found = text.range(of: "\(field.key):", range: position..<text.endIndex)
            #expect(found != nil, "\(field.key) is missing or out of order")
            if let found { position = found.upperBound }
        }
        #expect(text.contains("# Школа: sosh13 — СОШ №13."))
        #expect(!text.contains("slug:"))
    }

    /// What other pages show is exactly what the schema marks: changing a marked field changes
    /// `ShownElsewhere`, changing the body does not.
    @Test func shownElsewhereFollowsTheSchema() throws {
        let site = try TempSite(files: ["materials/a.md": TempSite.material()])
        defer { site.remove() }
        let material = try #require(Builder.check(site.options()).0?.materials.first)
        var changed = material
        changed.wordCount += 100
        #expect(ShownElsewhere(changed) == ShownElsewhere(material))
        changed = material
        changed.tags = ["новая метка"]
        #expect(ShownElsewhere(changed) != ShownElsewhere(material))
        // The photo report is on the activity's page too.
        changed = material
        changed.photos = [Photo(target: "materials/a/foto.jpg", caption: "Открытие")]
        #expect(ShownElsewhere(changed) != ShownElsewhere(material))
        #expect(MaterialSchema.fields.filter { $0.shownElsewhere != nil }.count == 14)
        #expect(Set(MaterialSchema.keys).count == MaterialSchema.keys.count)
    }
}

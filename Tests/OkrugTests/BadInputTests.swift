import Foundation
import Testing

@testable import OkrugCore
@testable import OkrugMarkdown
@testable import OkrugSite

/// Every kind of broken content gets `file:line:column`, what is wrong and how to fix it;
/// all of them in one run; and the previous site stays as it was.
@Suite struct BadInputTests {
    // Line numbers below count the front matter of `TempSite.material`: `---` is line 1,
    // `title` 2, `date` 3, `authors` 4, `school` 5, `direction` 6, `kind` 7, `extra` from 8.

    @Test func malformedYAML() throws {
        let site = try TempSite(files: [
            "materials/a.md": TempSite.material(extra: "tags: [один, два\nsubjects: [физика]\n")
        ])
        defer { site.remove() }
        let errors = site.check().errors
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.file == "Content/materials/a.md")
        // Where the bracket opens, not where the parser gave up.
        #expect(error.line == 8)
        #expect(error.column == 7)
        #expect(error.message.contains("«[» открыта здесь и не закрыта"))
        #expect(!error.hint.isEmpty)
    }

    @Test func missingRequiredField() throws {
        let text = TempSite.material().replacingOccurrences(of: "date: 2023-02-14\n", with: "")
        let site = try TempSite(files: ["materials/a.md": text])
        defer { site.remove() }
        let error = try #require(site.check().error(at: "Content/materials/a.md:2:1"))
        #expect(error.message.contains("«date»"))
        #expect(error.hint.contains("date: 2023-02-14"))
    }

    @Test func unknownKeyWithDidYouMean() throws {
        let site = try TempSite(files: ["materials/a.md": TempSite.material(extra: "dierction: methodical\n")])
        defer { site.remove() }
        let error = try #require(site.check().error(at: "Content/materials/a.md:8:1"))
        #expect(error.message.contains("«dierction»"))
        #expect(error.hint.contains("«direction»"))
    }

    /// `{file: 1.jpg, caption: Семинар, фото 1}`: the comma ends the caption in YAML; the
    /// methodist is told to quote it, with the line to write.
    @Test func aCommaInsideBracesIsExplainedWithTheQuotedValue() throws {
        let site = try TempSite(
            files: [
                "materials/a/index.md": TempSite.material(
                    extra: "photos:\n  - {file: 1.png, caption: Семинар, фото 1}\n")
            ],
            data: ["materials/a/1.png": Data([0x89, 0x50, 0x4E, 0x47])])
        defer { site.remove() }
        let error = try #require(site.check().errors.first { $0.message.contains("«фото 1»") })
        #expect(error.hint.contains("caption: \"Семинар, фото 1\""), "\(error.hint)")
    }

    @Test func unknownIDsListTheValidOnes() throws {
        let text = TempSite.material()
            .replacingOccurrences(of: "school: sosh13", with: "school: sosh31")
            .replacingOccurrences(of: "direction: methodical", with: "direction: metodical")
            .replacingOccurrences(of: "kind: seminar", with: "kind: seminr")
        let site = try TempSite(files: ["materials/a.md": text])
        defer { site.remove() }
        let diagnostics = site.check()
        let school = try #require(diagnostics.error(at: "Content/materials/a.md:5:9"))
        #expect(school.hint.contains("«sosh13»"))
        #expect(school.hint.contains("prigorodnaya"))
        let direction = try #require(diagnostics.error(at: "Content/materials/a.md:6:12"))
        #expect(direction.hint.contains("methodical, psychology"))
        let kind = try #require(diagnostics.error(at: "Content/materials/a.md:7:7"))
        #expect(kind.hint.contains("«seminar»"))
        #expect(kind.hint.contains("open-lesson (открытый урок)"))
    }

    @Test func dateThatIsNotADate() throws {
        let site = try TempSite(files: ["materials/a.md": TempSite.material(date: "14.02.2023")])
        defer { site.remove() }
        let error = try #require(site.check().error(at: "Content/materials/a.md:3:7"))
        #expect(error.message.contains("не дата"))
        #expect(error.hint.contains("date: 2023-02-14"))
    }

    @Test func duplicateSlug() throws {
        let site = try TempSite(files: [
            "materials/seminar.md": TempSite.material(),
            "materials/drugoi.md": TempSite.material(extra: "slug: seminar\n"),
        ])
        defer { site.remove() }
        let error = try #require(site.check().error(at: "Content/materials/seminar.md:1:1"))
        #expect(error.message.contains("Content/materials/drugoi.md"))
        #expect(error.hint.contains("slug"))
    }

    @Test func missingAttachmentAndImage() throws {
        let text = TempSite.material(
            extra: "attachments: [{file: net.pdf, title: Программа}]\n", body: "Схема:\n\n![Схема](schema.png)\n")
        let site = try TempSite(files: ["materials/a/index.md": text, "materials/a/plan.pdf": "%PDF"])
        defer { site.remove() }
        let diagnostics = site.check()
        let attachment = try #require(diagnostics.error(at: "Content/materials/a/index.md:8:22"))
        #expect(attachment.message.contains("«net.pdf»"))
        let image = try #require(diagnostics.error(at: "Content/materials/a/index.md:13:1"))
        #expect(image.message == "изображение «schema.png» не найдено")
    }

    @Test func linkToMissingMaterial() throws {
        let text = TempSite.material(body: "Продолжение — в [следующем материале](../vtoroi.md).\n")
        let site = try TempSite(files: [
            "materials/a/index.md": text, "materials/vtoroj.md": TempSite.material(title: "Второй"),
        ])
        defer { site.remove() }
        let error = try #require(site.check().error(at: "Content/materials/a/index.md:10:17"))
        #expect(error.message.contains("../vtoroi.md"))
        #expect(error.hint.contains("../vtoroj.md"))
    }

    @Test func linkToMissingHeading() throws {
        let site = try TempSite(files: [
            "materials/a.md": TempSite.material(body: "См. [выводы](b.md#vyvody).\n"),
            "materials/b.md": TempSite.material(title: "Б", body: "## Итоги\n\nТекст.\n"),
        ])
        defer { site.remove() }
        let error = try #require(site.check().error(at: "Content/materials/a.md:10:5"))
        #expect(error.message.contains("#vyvody"))
        #expect(error.hint.contains("itogi"))
    }

    @Test func fileInWindows1251() throws {
        let cp1251: [UInt8] =
            Array("---\ntitle: ".utf8) + [0xD1, 0xE5, 0xEC, 0xE8, 0xED, 0xE0, 0xF0] + Array("\n---\n".utf8)
        let site = try TempSite(data: ["materials/a.md": Data(cp1251)])
        defer { site.remove() }
        let error = try #require(site.check().error(at: "Content/materials/a.md:2:8"))
        #expect(error.message.contains("Windows-1251"))
        #expect(error.hint.contains("okrug check --fix-encoding"))
    }

    @Test func attachmentLeavingItsFolder() throws {
        let text = TempSite.material(extra: "attachments:\n  - file: ../b/secret.pdf\n")
        let site = try TempSite(files: ["materials/a/index.md": text, "materials/b/secret.pdf": "%PDF"])
        defer { site.remove() }
        let error = try #require(site.check().error(at: "Content/materials/a/index.md:9:11"))
        #expect(error.message.contains("вне папки"))
    }

    @Test func symlinkOutOfContent() throws {
        let site = try TempSite(files: ["materials/a.md": TempSite.material()])
        defer { site.remove() }
        let outside = site.root.appendingPathComponent("secret.md")
        try TempSite.material(title: "Чужой").write(to: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            at: site.root.appendingPathComponent("Content/materials/link.md"), withDestinationURL: outside)
        let diagnostics = site.check()
        let error = try #require(diagnostics.error(at: "Content/materials/link.md:1:1"))
        #expect(error.message.contains("за пределы"))
        #expect(diagnostics.errors.count == 1)
    }

    @Test func rawHTMLAndJavascriptAreWarnings() throws {
        let body = "Текст <b>жирный</b>.\n\n[опасно](javascript:alert(1))\n"
        let site = try TempSite(files: ["materials/a.md": TempSite.material(body: body)])
        defer { site.remove() }
        let report = site.build()
        #expect(report.succeeded)
        let places = report.diagnostics.warnings.map { "\($0.line):\($0.column)" }
        // «Текст » is six characters: <b> starts at 7; its </b> on the same line is not warned twice.
        #expect(places == ["10:7", "12:1"])
        let html = try #require(site.read("Public/materials/a/index.html"))
        #expect(!html.contains("<b>жирный"))
        #expect(!html.contains("javascript:"))
    }

    /// A table written with a mistake: the page still builds (the text stays a paragraph, or the
    /// extra cell is left out as GFM says), and both `check` and `build` say where and how to fix.
    @Test func tableMistakesAreWarningsWithTheirPlace() throws {
        let body = """
            | Время | Тема | Ведущий |
            | --- | --- |
            | 10:00 | Открытие | Ткаченко Е.Е. |

            | Время | Тема |
            | --- | --- |
            | 11:00 | Практикум | Вареник И.А. |

            """
        let site = try TempSite(files: ["materials/a.md": TempSite.material(body: body)])
        defer { site.remove() }
        let checked = site.check()
        #expect(checked.errors.isEmpty)
        #expect(
            checked.warnings.map { "\($0.file):\($0.line):\($0.column)" } == [
                "Content/materials/a.md:11:1", "Content/materials/a.md:16:23",
            ])
        #expect(checked.warnings.first?.hint.contains("| --- | --- | --- |") == true)
        #expect(checked.warnings.last?.message.contains("«Вареник И.А.» не попадёт на страницу") == true)
        let report = site.build()
        #expect(report.succeeded)
        #expect(report.diagnostics.warnings.count == 2)
        let html = try #require(site.read("Public/materials/a/index.html"))
        #expect(html.contains("<p>| Время | Тема | Ведущий |"))
        #expect(html.contains("<td>Практикум</td>"))
    }

    /// What `okrug new` or `okrug import-doc` wrote for the methodist to replace is a warning in
    /// every check, at its place, drafts included, until it is replaced.
    @Test func placeholdersFromOkrugNewAreWarningsUntilReplaced() throws {
        let body = "## Цель\n\nЧему был посвящён материал и для кого он.\n\n## Выводы\n\nГотово.\n"
        let published = TempSite.material(body: body).replacingOccurrences(
            of: "authors: [Ткаченко Е.Е.]", with: "authors: [Фамилия И.О.]")
        let draft = TempSite.material().replacingOccurrences(
            of: "kind: seminar\n", with: "kind: seminar   # замените, если нужно\ndraft: true\n")
        let site = try TempSite(files: ["materials/a.md": published, "materials/b.md": draft])
        defer { site.remove() }
        let warnings = site.check().warnings.sorted { ($0.file, $0.line) < ($1.file, $1.line) }
        #expect(
            warnings.map { "\($0.file):\($0.line)" } == [
                "Content/materials/a.md:4", "Content/materials/a.md:12", "Content/materials/b.md:7",
            ])
        try #require(warnings.count == 3)
        #expect(warnings[0].message.contains("«Фамилия И.О.» — это заготовка из okrug new"))
        #expect(warnings[1].message.contains("«Чему был посвящён материал и для кого он.»"))
        #expect(warnings[2].message == "форма выбрана командой по умолчанию — проверьте её")
        #expect(warnings[2].hint.contains("удалите комментарий «# замените, если нужно»"))
    }

    @Test func aLinkToAMissingMaterialNamesTheNearOnes() throws {
        let site = try TempSite(files: [
            "materials/cherez-innovatsii/index.md": TempSite.material(title: "Семинар"),
            "materials/a.md": TempSite.material(body: "См. [семинар](seminar-innovatsii.md).\n"),
        ])
        defer { site.remove() }
        let error = try #require(site.check().errors.first)
        #expect(error.message.contains("несуществующий материал «seminar-innovatsii.md»"))
        #expect(error.hint.contains("«cherez-innovatsii/index.md»"))
    }

    /// A school's contacts are checked: a phone, an e-mail or a website written wrong is an
    /// error at its place; written right, they show on «Школы», the school's page and (the
    /// partner's) in every footer, the phone as a link a phone can call.
    @Test func schoolContactsAreCheckedAndShown() throws {
        let wrong = TempSite.schoolsYAML.replacingOccurrences(
            of: "  role: partner\n",
            with: "  role: partner\n  phone: 21-13\n  email: sosh13 at example.ru\n  url: sosh13.example.ru\n")
        let bad = try TempSite(files: ["schools.yaml": wrong, "materials/a.md": TempSite.material()])
        defer { bad.remove() }
        let errors = bad.check().errors
        #expect(
            errors.map { "\($0.file):\($0.line)" }.sorted() == [
                "Content/schools.yaml:5", "Content/schools.yaml:6", "Content/schools.yaml:7",
            ])
        #expect(errors.map(\.message).joined().contains("телефон «21-13» записан неверно"))

        let right = TempSite.schoolsYAML.replacingOccurrences(
            of: "  role: partner\n",
            with:
                "  role: partner\n  head: Ткаченко Елена Евгеньевна\n  address: ул. Школьная, 13\n  phone: +7 (8652) 21-13-13\n  email: sosh13@example.ru\n  url: https://sosh13.example.ru/\n"
        )
        let good = try TempSite(files: ["schools.yaml": right, "materials/a.md": TempSite.material()])
        defer { good.remove() }
        #expect(good.build().succeeded)
        let schools = try #require(good.read("Public/schools/index.html"))
        #expect(schools.contains("<a href=\"tel:+78652211313\">+7 (8652) 21-13-13</a>"))
        #expect(schools.contains("<a href=\"mailto:sosh13@example.ru\">sosh13@example.ru</a>"))
        #expect(schools.contains("Ткаченко Елена Евгеньевна"))
        let page = try #require(good.read("Public/schools/sosh13/index.html"))
        #expect(page.contains("ул. Школьная, 13"))
        let material = try #require(good.read("Public/materials/a/index.html"))
        #expect(material.contains("class=\"site-footer__contacts\""))
        #expect(material.contains("<a href=\"../../schools/\">Все школы и их контакты</a>"))
    }

    /// All the problems above in one content folder: one run reports every one of them, and
    /// the site built before stays byte for byte as it was.
    @Test func everyProblemAtOnceAndThePreviousSiteKept() throws {
        let good = try TempSite(files: ["materials/good.md": TempSite.material(title: "Хороший")])
        defer { good.remove() }
        #expect(good.build().succeeded)
        let before = try Data(contentsOf: good.root.appendingPathComponent("Public/materials/good/index.html"))

        let broken: [String: String] = [
            "materials/yaml.md": TempSite.material(extra: "tags: [один, два\n"),
            "materials/key.md": TempSite.material(extra: "autors: [Иванов И.И.]\n"),
            "materials/ids.md": TempSite.material().replacingOccurrences(of: "school: sosh13", with: "school: sosh31"),
            "materials/date.md": TempSite.material(date: "2023-02-30"),
            "materials/link.md": TempSite.material(body: "[нет](../net.md)\n"),
            "materials/att/index.md": TempSite.material(extra: "attachments: [{file: net.pdf}]\n"),
        ]
        for (path, text) in broken {
            let url = good.root.appendingPathComponent("Content/" + path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let report = good.build()
        #expect(!report.succeeded)
        #expect(report.filesWritten == 0)
        let files = Set(report.diagnostics.errors.map(\.file))
        #expect(files == Set(broken.keys.map { "Content/" + $0 }))
        #expect(report.diagnostics.errors.allSatisfy { !$0.hint.isEmpty && $0.line > 0 && $0.column > 0 })
        let after = try Data(contentsOf: good.root.appendingPathComponent("Public/materials/good/index.html"))
        #expect(after == before)
        #expect(!good.exists("Public/materials/key/index.html"))
    }

    @Test func diagnosticFormat() {
        let diagnostic = Diagnostic.error(
            SourcePosition(file: "Content/materials/a.md", line: 5, column: 9), "неизвестный id школы «sosh31»",
            hint: "возможно, имелось в виду «sosh13»")
        #expect(
            diagnostic.formatted
                == "Content/materials/a.md:5:9: error: неизвестный id школы «sosh31» — возможно, имелось в виду «sosh13»"
        )
    }
}

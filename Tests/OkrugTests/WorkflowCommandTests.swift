import Foundation
import Testing

@testable import OkrugCore
@testable import OkrugImport
@testable import OkrugSite

/// `okrug check` and `okrug new`, end to end on temporary folders through the real executable.
@Suite struct WorkflowCommandTests {
    let cli = CommandLineTests()
    var templates: String { repositoryRoot.appendingPathComponent("Templates").path }

    func requireExecutable() throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: CommandLineTests.executable.path),
            "build the executable first: swift build (scripts/test.sh does)")
    }

    /// One of each thing `check` looks for beyond the build's own checks.
    func messySite() throws -> TempSite {
        try TempSite(
            files: [
                "materials/seminar/index.md": TempSite.material(
                    title: "Семинар", extra: "attachments: [{file: plan.pdf, title: План}]\n",
                    body: "См. [раздел](../konsultatsiia.md#net-takogo).\n\n![Схема](shema.png)\n"),
                "materials/seminar/zametki.md": "заметки для себя\n",
                "materials/konsultatsiia.md": TempSite.material(
                    title: "Консультация", body: "## Цель\n\nТекст.\n"),
                "materials/chernovik.md": TempSite.material(
                    title: "Черновик", extra: "draft: true\nschool: sosh31\n"
                ).replacingOccurrences(of: "school: sosh13\n", with: ""),
                "notes.txt": "что-то\n",
            ],
            data: [
                "materials/seminar/plan.pdf": Data("%PDF-1.4".utf8),
                "materials/seminar/shema.png": Data([0x89, 0x50, 0x4E, 0x47]),
                "materials/seminar/lishnii.docx": Data("PK".utf8),
            ])
    }

    @Test func checkReportsEverythingAtOnceAndWritesNothing() throws {
        let site = try messySite()
        defer { site.remove() }
        let diagnostics = Checker.run(site.options())
        let places = diagnostics.map { "\($0.severity.rawValue) \($0.file):\($0.line)" }
        // The build's own errors: a missing heading in another material, an unknown school in a draft.
        #expect(diagnostics.errors.contains { $0.message.contains("нет раздела «#net-takogo»") })
        #expect(diagnostics.error(at: "Content/materials/chernovik.md:8:9")?.message == "неизвестный id школы «sosh31»")
        // What only check reports.
        #expect(places.contains("warning Content/materials/seminar/lishnii.docx:1"))
        #expect(places.contains("warning Content/materials/seminar/zametki.md:1"))
        #expect(places.contains("warning Content/notes.txt:1"))
        // Used files are not reported.
        #expect(!places.contains { $0.contains("plan.pdf") || $0.contains("shema.png") })
        #expect(!site.exists("Public"))
    }

    @Test func checkExitCodesAndFormats() throws {
        try requireExecutable()
        let site = try messySite()
        defer { site.remove() }
        let text = try cli.run(["check", "--templates", templates], in: site.root)
        #expect(text.status == 1)
        #expect(text.stderr.contains("Content/materials/chernovik.md:8:9: error: неизвестный id школы «sosh31»"))

        let github = try cli.run(["check", "--templates", templates, "--format", "github"], in: site.root)
        #expect(github.status == 1)
        #expect(
            github.stdout.contains(
                "::error file=Content/materials/chernovik.md,line=8,col=9,title=okrug::неизвестный id школы «sosh31» — "
            ))
        #expect(github.stdout.contains("::warning file=Content/notes.txt,line=1,col=1,title=okrug::"))

        let json = try cli.run(["check", "--templates", templates, "--format", "json"], in: site.root)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let entries = try #require(document["diagnostics"] as? [[String: Any]])
        #expect(document["errors"] as? Int == entries.filter { $0["severity"] as? String == "error" }.count)
        #expect(
            entries.contains {
                $0["file"] as? String == "Content/materials/chernovik.md" && $0["line"] as? Int == 8
                    && $0["column"] as? Int == 9
            })

        // Warnings alone: 0, or 1 with --strict.
        let warningsOnly = try TempSite(files: ["materials/a.md": TempSite.material(), "readme.txt": "x\n"])
        defer { warningsOnly.remove() }
        #expect(try cli.run(["check", "--templates", templates], in: warningsOnly.root).status == 0)
        #expect(try cli.run(["check", "--templates", templates, "--strict"], in: warningsOnly.root).status == 1)
        let clean = try TempSite(files: ["materials/a.md": TempSite.material()])
        defer { clean.remove() }
        let ok = try cli.run(["check", "--templates", templates, "--strict"], in: clean.root)
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("Ошибок нет."))
    }

    @Test func newMaterialScaffoldsAValidDraftAndRefusesToOverwrite() throws {
        try requireExecutable()
        let site = try TempSite()
        defer { site.remove() }
        let made = try cli.run(
            ["new", "material", "Семинар «Смысловое чтение»", "--school", "prigorodnaya", "--kind", "master-class"],
            in: site.root)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("Content/materials/seminar-smyslovoe-chtenie/index.md"))
        let text = try #require(site.read("Content/materials/seminar-smyslovoe-chtenie/index.md"))
        #expect(text.contains("title: Семинар «Смысловое чтение»"))
        #expect(text.contains("school: prigorodnaya\n"))
        #expect(text.contains("kind: master-class\n"))
        #expect(text.contains("direction: methodical   # замените, если нужно"))
        #expect(text.contains("## Цель") && text.contains("## Ход мероприятия") && text.contains("## Выводы"))
        #expect(text.contains("draft: true"))
        #expect(text.firstMatch(of: /date: \d{4}-\d{2}-\d{2}\n/) != nil)
        // The scaffold is valid as it is, and stays out of the published site while a draft.
        #expect(Checker.run(site.options()).errors.isEmpty)
        #expect(site.build().succeeded)
        #expect(!site.exists("Public/materials/seminar-smyslovoe-chtenie"))

        let again = try cli.run(["new", "material", "Семинар «Смысловое чтение»"], in: site.root)
        #expect(again.status == 1)
        #expect(again.stderr.contains("уже есть, он не будет перезаписан"))
        #expect(site.read("Content/materials/seminar-smyslovoe-chtenie/index.md") == text)

        let unknown = try cli.run(["new", "material", "Другой", "--direction", "metodical"], in: site.root)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("неизвестный id направления «metodical»"))
        #expect(unknown.stderr.contains("возможно, имелось в виду «methodical»"))
        #expect(unknown.stderr.contains("psychology (Психолого-педагогическое сопровождение)"))
        #expect(!site.exists("Content/materials/drugoi"))
    }

    @Test func newPage() throws {
        try requireExecutable()
        let site = try TempSite()
        defer { site.remove() }
        let made = try cli.run(["new", "page", "Контакты"], in: site.root)
        #expect(made.status == 0)
        #expect(site.read("Content/pages/kontakty.md")?.contains("title: Контакты") == true)
        #expect(site.build().succeeded)
        #expect(site.exists("Public/kontakty/index.html"))
        #expect(try cli.run(["new", "page", "Контакты"], in: site.root).status == 1)
        #expect(
            try cli.run(["new", "page", "План"], in: site.root).stderr.contains("адрес /plan/ занят разделом сайта"))
    }

    @Test func fixEncodingConvertsWindowsFilesAndKeepsACopy() throws {
        try requireExecutable()
        let material = TempSite.material(title: "Ёлочные игрушки", body: "Текст «в кавычках».\n")
        var cp1251: [UInt8] = []
        for scalar in material.unicodeScalars {
            switch scalar.value {
            case 0..<0x80: cp1251.append(UInt8(scalar.value))
            case 0x0410...0x044F: cp1251.append(UInt8(scalar.value - 0x0410 + 0xC0))
            case 0x0401: cp1251.append(0xA8)
            case 0x0451: cp1251.append(0xB8)
            case 0xAB: cp1251.append(0xAB)
            case 0xBB: cp1251.append(0xBB)
            default: Issue.record("unexpected character \(scalar)")
            }
        }
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in TempSite.material(title: "Второй").utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let site = try TempSite(data: ["materials/a.md": Data(cp1251), "materials/b.md": Data(utf16)])
        defer { site.remove() }

        let before = try cli.run(["check", "--templates", templates], in: site.root)
        #expect(before.status == 1)
        #expect(
            before.stderr.contains(
                "Content/materials/a.md:2:8: error: файл не в кодировке UTF-8: похоже, он сохранён в Windows-1251"))
        #expect(before.stderr.contains("Content/materials/b.md:1:1: error: файл сохранён в кодировке UTF-16"))

        let fixed = try cli.run(["check", "--templates", templates, "--fix-encoding"], in: site.root)
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(
            fixed.stderr.contains(
                "Content/materials/a.md: перекодирован из Windows-1251 в UTF-8, прежний файл — a.md.bak"))
        #expect(fixed.stderr.contains("Content/materials/b.md: перекодирован из UTF-16 в UTF-8"))
        #expect(site.read("Content/materials/a.md") == material)
        let backup = try Data(contentsOf: site.root.appendingPathComponent("Content/materials/a.md.bak"))
        #expect([UInt8](backup) == cp1251)
        #expect(site.build().succeeded)
    }
}

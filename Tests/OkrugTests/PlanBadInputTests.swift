import Foundation
import Testing

@testable import OkrugCore
@testable import OkrugSite
@testable import OkrugTemplate

/// Mistakes in a plan and in references to it: each reported with its place and a way out.
@Suite struct PlanBadInputTests {
    static func plan(
        year: String = "2023", partner: String = "sosh13", when: String = "14.02.2023",
        secondID: String = "kruglyi-stol",
        responsible: String = "Ткаченко Е.Е., Иванов И.И."
    ) -> String {
        """
        year: \(year)
        title: План на 2023 год
        partner: \(partner)
        satellites: [prigorodnaya]
        stages:
          - number: 1
            title: Создание условий
            period: январь-февраль
        sections:
          - title: Методическая деятельность
            activities:
              - id: seminar-innovatsii
                title: Семинар «Через инновации»
                when: \(when)
                responsible: \(responsible)
                indicator: Протокол
                direction: methodical
              - id: \(secondID)
                title: Круглый стол
                when: 20.12.2023
                responsible: Руководители ОО
                indicator: Протокол

        """
    }

    @Test func unknownActivityListsTheCloseIDs() throws {
        let site = try TempSite(files: [
            "plans/2023.yaml": Self.plan(),
            "materials/a.md": TempSite.material(extra: "activity: 2023/seminar-inovatsii\n"),
        ])
        defer { site.remove() }
        let diagnostics = site.check()
        let error = try #require(diagnostics.error(at: "Content/materials/a.md:8:11"))
        #expect(error.message == "в плане нет мероприятия «2023/seminar-inovatsii»")
        #expect(error.hint.contains("близкие id: 2023/seminar-innovatsii, 2023/kruglyi-stol"))
    }

    @Test func activityOfAYearWithoutPlan() throws {
        let site = try TempSite(files: [
            "plans/2023.yaml": Self.plan(),
            "materials/a.md": TempSite.material(extra: "activity: 2022/seminar-innovatsii\n"),
            "materials/b.md": TempSite.material(title: "Б", extra: "activity: seminar-innovatsii\n"),
        ])
        defer { site.remove() }
        let diagnostics = site.check()
        #expect(diagnostics.error(at: "Content/materials/a.md:8:11")?.hint == "есть планы на: 2023")
        #expect(diagnostics.error(at: "Content/materials/b.md:8:11")?.hint.contains("«activity: 2023/") == true)
    }

    @Test func unrecognizedDateIsAWarningAndKeptAsWritten() throws {
        let site = try TempSite(files: [
            "plans/2023.yaml": Self.plan(when: "по согласованию с ООС"),
            "materials/a.md": TempSite.material(extra: "activity: 2023/seminar-innovatsii\n"),
        ])
        defer { site.remove() }
        let report = site.build()
        #expect(report.succeeded)
        let warning = try #require(report.diagnostics.warnings.first)
        #expect("\(warning.file):\(warning.line):\(warning.column)" == "Content/plans/2023.yaml:14:15")
        #expect(warning.message.contains("срок «по согласованию с ООС» не распознан"))
        let page = try #require(site.read("Public/plan/2023/seminar-innovatsii/index.html"))
        #expect(page.contains("по согласованию с ООС"))
        #expect(page.contains("status--unknown"))
        let calendar = try #require(site.read("Public/plan/2023/calendar.ics"))
        #expect(calendar.contains("по согласованию с ООС"))
        #expect(!calendar.contains("UID:2023-seminar-innovatsii@"))
    }

    @Test func planErrorsAreAllReportedWithTheirPlaces() throws {
        let site = try TempSite(files: [
            "plans/2023.yaml": Self.plan(partner: "sosh31", secondID: "seminar-innovatsii")
        ])
        defer { site.remove() }
        let diagnostics = site.check()
        #expect(diagnostics.error(at: "Content/plans/2023.yaml:3:10")?.message == "неизвестный id школы «sosh31»")
        #expect(diagnostics.error(at: "Content/plans/2023.yaml:3:10")?.hint.contains("«sosh13»") == true)
        #expect(
            diagnostics.error(at: "Content/plans/2023.yaml:18:13")?.message
                == "id мероприятия «seminar-innovatsii» повторяется (впервые в строке 12)")
    }

    @Test func planYearMustMatchItsFileName() throws {
        let site = try TempSite(files: ["plans/2024.yaml": Self.plan()])
        defer { site.remove() }
        let error = try #require(site.check().error(at: "Content/plans/2024.yaml:1:7"))
        #expect(error.message.contains("не совпадает с именем файла"))
    }

    @Test func responsiblePeopleWithoutPagesAreNotLinked() throws {
        let site = try TempSite(files: ["plans/2023.yaml": Self.plan(), "materials/a.md": TempSite.material()])
        defer { site.remove() }
        #expect(site.build().succeeded)
        let page = try #require(site.read("Public/plan/2023/seminar-innovatsii/index.html"))
            .replacingOccurrences(of: "\u{A0}", with: " ")
        // Ткаченко Е.Е. wrote the material; Иванов И.И. wrote nothing and has no page.
        #expect(page.contains("<a href=\"../../../people/tkachenko-e-e/\">Ткаченко Е.Е.</a>, Иванов И.И."))
        #expect(!page.contains("people/ivanov"))
    }

    @Test func severalPlansTheNewestIsCurrent() throws {
        let plan2024 = Self.plan().replacingOccurrences(of: "year: 2023", with: "year: 2024")
            .replacingOccurrences(of: "План на 2023 год", with: "План на 2024 год")
        let site = try TempSite(files: [
            "plans/2023.yaml": Self.plan(), "plans/2024.yaml": plan2024, "materials/a.md": TempSite.material(),
        ])
        defer { site.remove() }
        let report = site.build()
        #expect(report.succeeded)
        #expect(report.site?.currentPlan?.year == 2024)
        #expect(site.exists("Public/plan/2023/index.html") && site.exists("Public/plan/2024/index.html"))
        let home = try #require(site.read("Public/index.html"))
        #expect(home.contains("href=\"plan/2024/\""))
        let index = try #require(site.read("Public/plan/index.html"))
        let newer = try #require(index.range(of: "План на 2024 год"))
        let older = try #require(index.range(of: "План на 2023 год"))
        #expect(newer.lowerBound < older.lowerBound)
    }
}

/// A note meant for methodists («укажите в материале activity: …») is shown in their preview
/// (`okrug serve`, `--drafts`) and never to visitors (issue 30, goal 8).
@Suite struct MethodistNotesTests {
    @Test func theHowToFillNoteIsForThePreviewOnly() throws {
        let site = try TempSite(files: ["plans/2023.yaml": PlanBadInputTests.plan()])
        defer { site.remove() }
        #expect(site.build().succeeded)
        let page = try #require(site.read("Public/plan/2023/seminar-innovatsii/index.html"))
        #expect(page.contains("Материалов этого мероприятия в банке пока нет."))
        #expect(!page.contains("activity:"))
        #expect(site.build(drafts: true).succeeded)
        let preview = try #require(site.read("Public/plan/2023/seminar-innovatsii/index.html"))
        #expect(preview.contains("указать в нём «activity: …» с id этого мероприятия"))
    }
}

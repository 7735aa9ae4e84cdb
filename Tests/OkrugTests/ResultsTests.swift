import Foundation
import Testing

@testable import OkrugCore
@testable import OkrugSite
@testable import OkrugSystem
@testable import OkrugTemplate
@testable import OkrugText

/// «Итоги»: a small site with known counts, every number checked on the page, in the SVG and
/// in the CSV.
@Suite struct ResultsTests {
    static let plan = """
        year: 2023
        title: План на 2023 год
        partner: sosh13
        satellites: [prigorodnaya]
        support: {prigorodnaya: [methodical]}
        sections:
          - title: Методическая деятельность
            activities:
              - id: seminar-innovatsii
                title: Семинар «Через инновации»
                when: 14.02.2023
                responsible: Ткаченко Е.Е.
                indicator: Протокол
                direction: methodical
              - id: kruglyi-stol
                title: Круглый стол «Итоги года»
                when: 20.12.2023
                responsible: Руководители ОО
                indicator: Протокол

        """

    static func material(
        _ title: String, date: String, school: String, direction: String, kind: String, author: String,
        activity: String? = nil
    ) -> String {
        """
        ---
        title: \(title)
        date: \(date)
        authors: [\(author)]
        school: \(school)
        direction: \(direction)
        kind: \(kind)
        \(activity.map { "activity: \($0)\n" } ?? "")---

        Текст.

        """
    }

    static func fixture() throws -> TempSite {
        try TempSite(files: [
            "plans/2023.yaml": plan,
            "materials/a.md": material(
                "Семинар", date: "2023-02-14", school: "sosh13", direction: "methodical", kind: "seminar",
                author: "Ткаченко Е.Е.", activity: "2023/seminar-innovatsii"),
            "materials/b.md": material(
                "Консультация", date: "2023-03-01", school: "sosh13", direction: "psychology", kind: "consultation",
                author: "Иванов И.И."),
            "materials/c.md": material(
                "Опыт спутника", date: "2023-03-15", school: "prigorodnaya", direction: "methodical", kind: "seminar",
                author: "Петров П.П."),
            "materials/d.md": material(
                "Прошлогодняя статья", date: "2022-11-01", school: "prigorodnaya", direction: "methodical",
                kind: "article", author: "Петров П.П."),
        ])
    }

    @Test func theNumbersOfTheYear() throws {
        let site = try Self.fixture()
        defer { site.remove() }
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.formatted))")
        let built = try #require(report.site)
        let results = PlanResults.compute(try #require(built.currentPlan), site: built)
        func values(_ counts: [PlanResults.Count]) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: counts.map { ($0.label, $0.value) })
        }
        #expect(results.materials.count == 3)
        #expect(values(results.bySchool) == ["МБОУ «СОШ №13» (школа-партнер)": 2, "Пригородная СОШ": 1])
        #expect(results.bySchool.first?.highlighted == true)
        #expect(
            values(results.byDirection) == [
                "1. Методическое взаимодействие": 2, "2. Психолого-педагогическое сопровождение": 1,
            ])
        #expect(values(results.byKind) == ["семинар": 2, "консультация": 1])
        #expect(results.byMonth.map(\.value) == [0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(values(results.newAuthors) == ["Ткаченко Е.Е.": 1, "Иванов И.И.": 1])
        #expect(results.activityCount == 2 && results.activitiesWithMaterials == 1)
        #expect(results.pastWithoutMaterials.map(\.id) == ["kruglyi-stol"])
        #expect(results.directions.map(\.activities.count) == [1, 0])
        #expect(results.directions.map(\.materials.count) == [2, 1])
        let satellite = try #require(results.satellites.first)
        #expect(satellite.contributed.map { built.materials[$0].title } == ["Опыт спутника"])
        #expect(satellite.received.map { built.materials[$0].title } == ["Семинар"])
    }

    @Test func thePageShowsTheNumbersInChartsAndTables() throws {
        let site = try Self.fixture()
        defer { site.remove() }
        #expect(site.build().succeeded)
        let page = try #require(site.read("Public/plan/2023/results/index.html"))
        #expect(page.contains("<h1>Итоги 2023 года</h1>"))
        #expect(page.contains("Данные на 31 декабря 2023 г."))

        // A year later the figures are the whole year's, not those of the day of the build.
        var later = site.options(output: "Later")
        later.buildDay = try #require(CalendarDay(year: 2024, month: 1, day: 10))
        #expect(Builder.build(later).succeeded)
        let past = try #require(site.read("Later/plan/2023/results/index.html"))
        #expect(past.contains("Данные за весь 2023 год") && !past.contains("Данные на"))
        let plan = try #require(site.read("Later/plan/2023/index.html"))
        #expect(plan.contains("План 2023 года завершён") && !plan.contains("Состояние на"))
        #expect(page.contains("<strong>3 материала</strong> в банке за год"))
        // The chart: title and description for screen readers, bars with their numbers written in.
        #expect(page.contains("<title id=\"chart-schools-title\">Материалы 2023 года по школам</title>"))
        #expect(
            page.contains(
                "<desc id=\"chart-schools-desc\">Материалы 2023 года по школам: МБОУ «СОШ №13» (школа-партнер) — 2; Пригородная СОШ — 1.</desc>"
            ))
        let schools = try #require(page.firstMatch(of: /<svg[^>]*aria-labelledby="chart-schools-title[^>]*>.*?<\/svg>/))
        let svg = String(schools.output)
        #expect(svg.components(separatedBy: "<rect ").count - 1 == 2)
        #expect(svg.contains(">МБОУ «СОШ №13» (школа-партнер)</text>"))
        #expect(svg.contains("font-weight=\"600\">2</text>") && svg.contains("font-weight=\"600\">1</text>"))
        // The partner's bar is twice the satellite's.
        let widths = svg.matches(of: /<rect x="\d+" y="\d+" width="(\d+)"/).compactMap { Int($0.1) }
        #expect(widths.count == 2 && widths[0] == 2 * widths[1])
        // Months: twelve rows, zeros written as zeros.
        let months = try #require(page.firstMatch(of: /<svg[^>]*chart-months-title[^>]*>.*?<\/svg>/))
        #expect(String(months.output).matches(of: /font-weight="600">0<\/text>/).count == 10)
        // The same numbers as a table under the chart, collapsible.
        #expect(page.contains("<summary>Таблица: Материалы 2023 года по школам</summary>"))
        #expect(
            page.contains(
                "<th scope=\"row\"><a href=\"../../../schools/sosh13/\">МБОУ «СОШ №13» (школа-партнер)</a></th><td class=\"numbers__value\">2</td>"
            ))
        // Execution and gaps.
        #expect(page.contains("2 мероприятия, из них с материалами — 1"))
        #expect(page.contains("<a href=\"../kruglyi-stol/\">Круглый стол «Итоги года»</a>"))
        // The satellite: what it gave and what it received.
        #expect(page.contains("<strong>Внесла в банк:</strong> 1 материал"))
        #expect(page.contains("<strong>Получила от школы-партнера:</strong> 1 материал"))
        // Linked from the plan and the home page.
        #expect(site.read("Public/plan/2023/index.html")?.contains("href=\"results/\"") == true)
        #expect(site.read("Public/index.html")?.contains("href=\"plan/2023/results/\"") == true)
    }

    @Test func theCSVOpensWithPythonsCSVModule() throws {
        let site = try Self.fixture()
        defer { site.remove() }
        #expect(site.build().succeeded)
        let file = site.root.appendingPathComponent("Public/plan/2023/results.csv")
        let bytes = try Data(contentsOf: file)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let script = """
            import csv, json, sys
            with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:
                print(json.dumps(list(csv.reader(f, delimiter=';')), ensure_ascii=False))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: output) as? [[String]])
        #expect(rows.first == ["Раздел", "Показатель", "Значение"])
        #expect(rows.allSatisfy { $0.count == 3 })
        func value(_ section: String, _ label: String) -> String? {
            rows.first { $0[0] == section && $0[1] == label }?[2]
        }
        #expect(value("Материалы года", "Всего") == "3")
        #expect(value("Материалы по школам", "МБОУ «СОШ №13» (школа-партнер)") == "2")
        #expect(value("Материалы по школам", "Пригородная СОШ") == "1")
        #expect(value("Материалы по направлениям", "2. Психолого-педагогическое сопровождение") == "1")
        #expect(value("Материалы по формам", "семинар") == "2")
        #expect(value("Материалы по месяцам", "март") == "2")
        #expect(value("Материалы по месяцам", "июль") == "0")
        #expect(value("Новые авторы", "Всего") == "2")
        #expect(value("Выполнение плана", "Мероприятий с материалами") == "1")
        #expect(value("Прошедшие мероприятия без материалов", "Всего") == "1")
        #expect(value("Школы-спутники: получила материалов", "Пригородная СОШ") == "1")
    }

    @Test func theSampleSiteShowsThe2023Results() throws {
        let (output, report) = try SampleSiteTests.build()
        defer { try? FileManager.default.removeItem(at: output) }
        let site = try #require(report.site)
        let plan = try #require(site.currentPlan)
        let results = PlanResults.compute(plan, site: site)
        let page = try SampleSiteTests.page(output, "plan/2023/results/index.html")
        #expect(page.contains("<strong>\(RussianPlural.material.counted(results.materials.count))</strong>"))
        #expect(results.materials.count == site.materials.filter { $0.date.year == 2023 }.count)
        #expect(results.byDirection.count == 7)
        #expect(results.satellites.count == 3)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("plan/2023/results.csv").path))
    }
}

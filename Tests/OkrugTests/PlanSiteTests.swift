import Foundation
import Testing

@testable import OkrugCore
@testable import OkrugImport
@testable import OkrugSite
@testable import OkrugSystem
@testable import OkrugTemplate
@testable import OkrugText

/// The sample site's 2023 plan, built for real with a fixed build day.
@Suite(.serialized) struct PlanSiteTests {
    static func build(on day: String, baseURL: String? = nil) throws -> (URL, Builder.Report) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("okrug-plan-\(UUID().uuidString)")
        let options = BuildOptions(
            content: repositoryRoot.appendingPathComponent("Content").path,
            templates: repositoryRoot.appendingPathComponent("Templates").path,
            output: output.path, baseURL: baseURL, buildDay: try #require(CalendarDay(iso: day)))
        return (output, Builder.build(options))
    }

    /// The page's HTML with no-break spaces read as spaces: these tests check words, the
    /// typography tests check where the no-break spaces are.
    static func page(_ output: URL, _ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
            .replacingOccurrences(of: "\u{A0}", with: " ")
    }

    /// The status badge an activity's page shows.
    static func status(_ output: URL, _ id: String) throws -> String? {
        let html = try page(output, "plan/2023/\(id)/index.html")
        guard let match = html.firstMatch(of: /<span class="status status--(\w+)">([^<]+)<\/span>/) else { return nil }
        return String(match.2)
    }

    @Test func everyActivityOfTheSeedHasItsPageAndRow() throws {
        let (output, report) = try Self.build(on: "2023-02-20")
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(report.diagnostics.isEmpty || !report.diagnostics.hasErrors)
        let site = try #require(report.site)
        let plan = try #require(site.currentPlan)
        #expect(plan.year == 2023)
        #expect(plan.activities.count == PlanImportTests.expectedActivities.count)
        let planPage = try Self.page(output, "plan/2023/index.html")
        for activity in plan.activities {
            let title = activity.title.html.replacingOccurrences(of: "\u{A0}", with: " ")
            #expect(planPage.contains("href=\"\(activity.id)/\">\(title)</a>"), "\(activity.id)")
            let page = try Self.page(output, "plan/2023/\(activity.id)/index.html")
            #expect(page.contains(title))
            #expect(page.contains(XMLText.escape(activity.when.inWords)))
        }
        // The plan's text: goal, definitions, roadmap, expected results, executor.
        #expect(planPage.contains("Целью сотрудничества является"))
        #expect(planPage.contains("<dt>Школа-спутник</dt>"))
        #expect(planPage.contains("Создание условий взаимодействия"))
        #expect(planPage.contains("повышение успеваемости и уровня качества знаний, результатов ГИА"))
        #expect(planPage.contains("Ткаченко Е.Е., заместитель директора по УВР"))
        #expect(planPage.contains("href=\"../../podpiska/\">Подписаться на календарь</a>"))
        #expect(try Self.page(output, "plan/index.html").contains("href=\"2023/\""))
    }

    @Test func statusesFollowTheBuildDay() throws {
        let (winter, _) = try Self.build(on: "2023-02-20")
        defer { try? FileManager.default.removeItem(at: winter) }
        #expect(try Self.status(winter, "analiz-defitsitov") == "прошло")  // до 20.01.2023
        #expect(try Self.status(winter, "seminar-cherez-innovatsii") == "прошло")  // 14.02.2023
        #expect(try Self.status(winter, "seminar-tsifrovaia-sreda") == "предстоит")  // 29.03.2023
        #expect(try Self.status(winter, "tochka-rosta") == "предстоит")  // Апрель
        #expect(try Self.status(winter, "psikhologicheskoe-soprovozhdenie") == "в течение года")
        #expect(try Self.status(winter, "monitoring-vospitaniia") == "в течение года")
        let winterPlan = try Self.page(winter, "plan/2023/index.html")
        #expect(winterPlan.contains("<li class=\"stage stage--ongoing stage--current\" aria-current=\"step\">"))
        #expect(winterPlan.contains("Состояние на 20 февраля 2023 г."))

        let (spring, _) = try Self.build(on: "2023-04-10")
        defer { try? FileManager.default.removeItem(at: spring) }
        #expect(try Self.status(spring, "tochka-rosta") == "идёт")
        #expect(try Self.status(spring, "seminar-tsifrovaia-sreda") == "прошло")
        #expect(try Self.status(spring, "kruglyi-stol-itogi-goda") == "предстоит")
        let home = try Self.page(spring, "index.html")
        #expect(home.contains("Сейчас идёт"))
        #expect(home.contains("II этап</span> Погружение в школьное партнерство"))

        let (summer, _) = try Self.build(on: "2023-07-01")
        defer { try? FileManager.default.removeItem(at: summer) }
        let summerHome = try Self.page(summer, "index.html")
        #expect(summerHome.contains("Следующий этап"))
        #expect(summerHome.contains("IV этап</span> Адресная поддержка участников"))

        let (after, _) = try Self.build(on: "2024-03-01")
        defer { try? FileManager.default.removeItem(at: after) }
        #expect(try Self.status(after, "psikhologicheskoe-soprovozhdenie") == "прошло")
        #expect(try Self.status(after, "kruglyi-stol-itogi-goda") == "прошло")
    }

    @Test func activitiesListTheirMaterialsAndPeopleLinkToTheirPages() throws {
        let (output, report) = try Self.build(on: "2023-02-20")
        defer { try? FileManager.default.removeItem(at: output) }
        let site = try #require(report.site)
        let seminar = try Self.page(output, "plan/2023/seminar-cherez-innovatsii/index.html")
        let material = try #require(site.materials.first { $0.activity == "2023/seminar-cherez-innovatsii" })
        #expect(seminar.contains("href=\"../../../\(material.path)\""))
        #expect(seminar.contains("<a href=\"../../../people/tkachenko-e-e/\">Ткаченко Е.Е.</a>"))
        // «Лемке Н.Б. Пригородная СОШ Белый В.В. МБОУ «СОШ 13»»: two people in one cell.
        let tochka = try Self.page(output, "plan/2023/tochka-rosta/index.html")
        #expect(
            tochka.contains(
                "<a href=\"../../../people/lemke-n-b/\">Лемке Н.Б.</a> Пригородная СОШ <a href=\"../../../people/belyi-v-v/\">Белый В.В.</a>"
            ))
        // The material names its activity, and the person's page lists what they are responsible for.
        let materialPage = try Self.page(output, material.path + "index.html")
        #expect(
            materialPage.contains(
                "<dt data-pagefind-ignore>Мероприятие плана</dt><dd><a href=\"../../plan/2023/seminar-cherez-innovatsii/\">"
            ))
        let person = try Self.page(output, "people/tkachenko-e-e/index.html")
        #expect(person.contains("Ответственный в плане партнерства"))
        #expect(person.contains("href=\"../../plan/2023/seminar-cherez-innovatsii/\""))
        // An activity without materials says so.
        let gap = try Self.page(output, "plan/2023/podderzhka-fgos/index.html")
        #expect(gap.contains("Материалов этого мероприятия в банке пока нет"))
    }

    /// The JSON-LD of a page, parsed.
    static func structuredData(_ html: String) throws -> [String: Any]? {
        guard let match = html.firstMatch(of: /<script type="application\/ld\+json">(.*?)<\/script>/) else {
            return nil
        }
        return try JSONSerialization.jsonObject(with: Data(match.1.utf8)) as? [String: Any]
    }

    @Test func datedActivitiesAreEventsAndMaterialsLearningResources() throws {
        let (output, report) = try Self.build(on: "2023-02-20")
        defer { try? FileManager.default.removeItem(at: output) }
        let site = try #require(report.site)
        let event = try #require(
            try Self.structuredData(try Self.page(output, "plan/2023/seminar-cherez-innovatsii/index.html")))
        #expect(event["@type"] as? String == "Event")
        #expect(event["startDate"] as? String == "2023-02-14")
        #expect(event["endDate"] as? String == "2023-02-14")
        #expect(event["url"] as? String == "https://example.org/okrug/plan/2023/seminar-cherez-innovatsii/")
        let month = try #require(try Self.structuredData(try Self.page(output, "plan/2023/tochka-rosta/index.html")))
        #expect(month["startDate"] as? String == "2023-04-01")
        #expect(month["endDate"] as? String == "2023-04-30")
        // Whole-year work is not an event on invented dates.
        #expect(try Self.structuredData(try Self.page(output, "plan/2023/podderzhka-fgos/index.html")) == nil)

        let material = site.materials[0]
        let resource = try #require(try Self.structuredData(try Self.page(output, material.path + "index.html")))
        #expect(resource["@type"] as? String == "LearningResource")
        #expect(resource["name"] as? String == material.title.replacingOccurrences(of: "\u{A0}", with: " "))
        #expect(resource["datePublished"] as? String == material.date.iso)
        #expect((resource["author"] as? [[String: Any]])?.first?["name"] as? String == material.authors.first?.name)
    }

    static let python = repositoryRoot.appendingPathComponent(".venv/bin/python")

    @Test(
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: python.path),
            "needs .venv with icalendar: run scripts/setup.sh"))
    func calendarIsReadByARealICalendarParser() throws {
        let (output, report) = try Self.build(on: "2023-02-20", baseURL: "https://school.example/okrug/")
        defer { try? FileManager.default.removeItem(at: output) }
        let plan = try #require(report.site?.currentPlan)
        let file = output.appendingPathComponent("plan/2023/calendar.ics")
        let bytes = try Data(contentsOf: file)

        // RFC 5545 form: CRLF line ends only, no line longer than 75 octets.
        let text = try #require(String(data: bytes, encoding: .utf8))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        for line in text.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75, "\(line)") }

        let script = """
            import icalendar, json, sys
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            events = []
            for e in cal.walk('VEVENT'):
                events.append({'uid': str(e['UID']), 'summary': str(e['SUMMARY']),
                  'start': e.decoded('DTSTART').isoformat(), 'end': e.decoded('DTEND').isoformat(),
                  'allday': type(e.decoded('DTSTART')).__name__ == 'date',
                  'stamp': e.decoded('DTSTAMP').isoformat(), 'url': str(e['URL']),
                  'description': str(e['DESCRIPTION'])})
            print(json.dumps({'name': str(cal.get('X-WR-CALNAME')), 'description': str(cal.get('DESCRIPTION')),
              'events': events}, ensure_ascii=False))
            """
        let process = Process()
        process.executableURL = Self.python
        process.arguments = ["-c", script, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let json = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let calendar = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let events = try #require(calendar["events"] as? [[String: Any]])

        #expect(calendar["name"] as? String == "План мероприятий межшкольного партнерства на 2023 год")
        let dated = plan.activities.filter { $0.when.isDated }
        #expect(events.count == dated.count)
        #expect(events.count == 9)
        #expect(Set(events.compactMap { $0["uid"] as? String }).count == events.count)
        #expect(events.allSatisfy { $0["allday"] as? Bool == true })
        #expect(events.allSatisfy { ($0["stamp"] as? String)?.hasPrefix("2023-02-20T00:00:00") == true })
        func event(_ id: String) -> [String: Any]? {
            events.first { $0["uid"] as? String == "2023-\(id)@school.example" }
        }
        // A deadline is an event on its due day; a day ends the next day (DTEND is exclusive).
        #expect(event("analiz-defitsitov")?["start"] as? String == "2023-01-20")
        #expect(event("analiz-defitsitov")?["end"] as? String == "2023-01-21")
        #expect((event("analiz-defitsitov")?["summary"] as? String)?.hasPrefix("Срок: Анализ профессиональных") == true)
        #expect(event("video-predmetnaia-nedelia")?["start"] as? String == "2023-01-27")
        // A month is a multi-day event over the whole month.
        #expect(event("tochka-rosta")?["start"] as? String == "2023-04-01")
        #expect(event("tochka-rosta")?["end"] as? String == "2023-05-01")
        #expect(event("soglasheniia")?["start"] as? String == "2023-01-01")
        #expect(event("tochka-rosta")?["url"] as? String == "https://school.example/okrug/plan/2023/tochka-rosta/")
        // Text with commas and semicolons comes back as written.
        let seminar = try #require(event("seminar-cherez-innovatsii"))
        #expect((seminar["description"] as? String)?.contains("Ткаченко Е.Е., Руководитель ШУМО Вареник И.А.") == true)
        // Whole-year and recurring work is listed in the calendar's description, not invented as dates.
        let description = try #require(calendar["description"] as? String)
        #expect(
            description.contains(
                "Мониторинг качества реализации программы воспитания и социализации — по четвертям, полугодиям, итогам года"
            ))
        #expect(description.contains("Разработка адаптированных образовательных программ — в течение 2023 года"))
        #expect(event("podderzhka-fgos") == nil)
    }

    @Test func calendarLinesAreFoldedWithoutBreakingCharacters() {
        let long = "SUMMARY:" + String(repeating: "Семинар «Через инновации» ", count: 10)
        let folded = ICalendar.fold(long)
        let lines = folded.components(separatedBy: "\r\n")
        #expect(lines.count > 1)
        for line in lines { #expect(line.utf8.count <= 75) }
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(
            lines.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == long)
        #expect(ICalendar.text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
    }
}

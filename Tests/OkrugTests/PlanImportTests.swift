import Foundation
import Testing

@testable import OkrugCore
@testable import OkrugImport
@testable import OkrugSite
@testable import OkrugSystem
@testable import OkrugTemplate

/// `okrug import-plan` over the real seed, as copied from the Word document.
@Suite struct PlanImportTests {
    static let seedURL = repositoryRoot.appendingPathComponent("seeds/plan-2023.txt")

    func seed() throws -> SourceText {
        let data = try Data(contentsOf: Self.seedURL)
        return try SourceText.decode(data, displayPath: "seeds/plan-2023.txt").get()
    }

    func content(_ name: String) throws -> String {
        try String(contentsOf: repositoryRoot.appendingPathComponent("Content/" + name), encoding: .utf8)
    }

    /// The seed's 17 rows, counted by hand: section, мероприятие, срок, ответственный, показатель.
    static let expectedActivities: [(String, String, String, String, String)] = [
        (
            "Аналитическая деятельность",
            "Анализ профессиональных дефицитов ООС: Филиала МБОУ «СОШ №13»-«СОШ №9», «Пригородной СОШ», «Покровской СОШ» для определения приоритетных направлений деятельности на 2023 год.",
            "до 20.01.2023", "Администрации школ",
            "Подготовка нормативной базы, ресурсного, кадрового и методического обеспечения для реализации межшкольного партнерства"
        ),
        (
            "Аналитическая деятельность",
            "Участие в работе круглого стола «Итоги работы ОО-партнер, ОО-спутник за 2023 год»", "20.12.2023",
            "Руководители ОО", "Протокол"
        ),
        (
            "Организационно-методическая деятельность",
            "Подготовка и заключение соглашений на 2023 год с «Пригородной СОШ», «Покровской СОШ», филиал МБОУ «СОШ №13»-«СОШ №9»",
            "Январь 2023", "Руководители ОО", "Подписание соглашений"
        ),
        (
            "Организационно-методическая деятельность",
            "Видео-презентации «Организация предметной недели классных руководителей, посвященной экологическому воспитанию»",
            "27.01.23", "Руководители ШУМО Кириченко О.Г., Золотых Н.А.",
            "Банк методических материалов классных руководителей"
        ),
        (
            "Организационно-методическая деятельность", "Семинар-практикум «Через инновации к качеству образования»",
            "14.02.2023",
            "Заместитель директора по УВР Ткаченко Е.Е., Руководитель ШУМО Вареник И.А., Учитель географии Дынер Н.С., Библиотекарь Серенко О.И.",
            "Овладение передовым педагогическим опытом"
        ),
        (
            "Организационно-методическая деятельность",
            "Методический семинар «Цифровая образовательная среда как фактор повышения качества образования в рамках реализации региональных проектов»",
            "29.03.2023", "Учителя, зам. директора по УВР", "Повышение профессиональной компетентности педагогов"
        ),
        (
            "Организационно-методическая деятельность", "Реализация национального проекта «Образование»- «Точка роста»",
            "Апрель", "Лемке Н.Б. Пригородная СОШ Белый В.В. МБОУ «СОШ 13»", "Трансляция опыта работы"
        ),
        (
            "Организационно-методическая деятельность",
            "Мастер-класс «Совершенствование системы мониторинга образовательных результатов обучающихся в 2023 году»",
            "Сентябрь", "Зам.директора по УВР",
            "Контрольно-оценочные материалы. Проведение текущей, промежуточной аттестации, административных работ, комплексных работ на метапредметной основе, диагностических работ по подготовке к ГИА"
        ),
        (
            "Организационно-методическая деятельность",
            "Психолого-педагогическое сопровождение обучающихся с разными образовательными потребностями",
            "В течение года", "Педагог - психолог", "План работы психолога"
        ),
        (
            "Организационно-методическая деятельность",
            "Мониторинг качества реализации программы воспитания и социализации",
            "По четвертям, полугодиям, итогам года", "Зам. директора по ВР",
            "Повышение уровня воспитанности учащихся, успешная социализация выпускников"
        ),
        (
            "Организационно-методическая деятельность",
            "Посещение открытых уроков для учителей 1 и 5 классов по обновленным ФГОС НОО, ООО, СОО", "19.10.23",
            "ОО-партнер", "Открытые уроки"
        ),
        (
            "Консультационная деятельность",
            "Оказание поддержки ООС в освоении и введении в действие обновленных ФГОС НОО и ФГОС ООО, СОО",
            "В течение года", "Зам. директора по УВР", "Реализация ФГОС – 3"
        ),
        (
            "Консультационная деятельность",
            "Консультации «Оказание ППМС-помощи обучающимся, испытывающим трудности в освоении ООП в рамках программы «Доступная среда»",
            "В течение года", "Педагог психолог –", "Оказание ППМС помощи по запросам ООС"
        ),
        (
            "Консультационная деятельность", "Разработка адаптированных образовательных программ", "В течение года",
            "Учителя предметники", "По запросу"
        ),
        (
            "Информационная деятельность", "Работа системы дистанционного взаимодействия ООП-ООС через Интернет.",
            "В течение года", "Директора школ", "Обмен информацией по различным платформам"
        ),
        (
            "Информационная деятельность",
            "Оказание информационно-методической помощи в планировании перспектив развития педагогических работников",
            "В течение года", "Методист", "Индивидуальные планы развития педагогов"
        ),
        (
            "Информационная деятельность", "Сетевые возможности обобщения и трансляции педагогического опыта.",
            "В течение года.", "Руководители ОО, педагоги", "Электронная составляющая информационной среды школы"
        ),
    ]

    @Test func everyActivityOfTheSeedIsImportedExactly() throws {
        let (plan, diagnostics) = PlanTextImporter.read(try seed().text, displayPath: "seeds/plan-2023.txt")
        #expect(diagnostics.isEmpty)
        let imported = try #require(plan)
        let rows = imported.sections.flatMap { section in
            section.activities.map { (section.title, $0.title, $0.when, $0.responsible, $0.indicator) }
        }
        #expect(rows.count == 17)
        for (got, expected) in zip(rows, Self.expectedActivities) {
            #expect(got.0 == expected.0)
            #expect(got.1 == expected.1)
            #expect(got.2 == expected.2, "срок of «\(expected.1)»")
            #expect(got.3 == expected.3, "ответственный of «\(expected.1)»")
            #expect(got.4 == expected.4, "показатель of «\(expected.1)»")
        }
    }

    @Test func headerRoadmapAndResultsAreImported() throws {
        let plan = try #require(PlanTextImporter.read(try seed().text, displayPath: "seed").0)
        #expect(plan.year == 2023)
        #expect(plan.title == "План мероприятий межшкольного партнерства на 2023 год")
        #expect(plan.partnerName == "МБОУ «СОШ №13")
        #expect(plan.satelliteNames == ["Пригородная СОШ", "Покровская СОШ", "филиал МБОУ «СОШ №13»-«СОШ №9»"])
        #expect(plan.goal?.hasPrefix("Целью сотрудничества является") == true)
        #expect(plan.definitions.map(\.term) == ["Школа-партнер", "Школа-спутник", "Межшкольное партнерство"])
        #expect(plan.directions.count == 7)
        #expect(plan.directions[5].contains("банка методических разработок"))
        #expect(plan.stages.map(\.number) == [1, 2, 3, 4, 5])
        #expect(
            plan.stages.map(\.period) == ["январь-февраль", "март-апрель", "май", "сентябрь-октябрь", "ноябрь-декабрь"])
        #expect(plan.stages.map(\.items.count) == [3, 2, 2, 6, 0])
        // Word's stray trailing dashes are not part of the items.
        #expect(
            plan.stages[1].items[0] == "Подготовка команды консультантов и наставников для сопровождения школ-спутников"
        )
        #expect(
            plan.stages[3].items[4] == "Учебные вебинары (офлайн занятия) для учащихся выпускных классов школ-спутников"
        )
        // The stray HTML list became six expected results, without tags.
        #expect(plan.expectedResults.count == 6)
        #expect(
            plan.expectedResults.first == "обеспечение доступности качественного образования, для каждого обучающегося")
        #expect(!plan.expectedResults.joined().contains("<"))
        #expect(
            plan.sections.map(\.goal) == [
                "выявление дефицитов в деятельности школ-спутников по различным направлениям",
                "повышение профессиональной компетенции педагогических работников школ-спутников по выявленным дефицитам",
                nil, nil,
            ])
        #expect(plan.executor == "Ткаченко Е.Е., заместитель директора по УВР")
    }

    @Test func importingTwiceGivesTheSameFile() throws {
        let existing = PlanImport.Existing(
            schools: try content("schools.yaml"), directions: try content("directions.yaml"))
        let first = try #require(PlanImport.run(try seed(), existing: existing, sourceName: "seeds/plan-2023.txt").0)
        let second = try #require(PlanImport.run(try seed(), existing: existing, sourceName: "seeds/plan-2023.txt").0)
        #expect(first.planYAML == second.planYAML)
        var again = existing
        again.plan = first.planYAML
        let third = try #require(PlanImport.run(try seed(), existing: again, sourceName: "seeds/plan-2023.txt").0)
        #expect(third.planYAML == first.planYAML)
        // Schools and directions of the sample are all found by name and text.
        #expect(first.schoolsAddition == nil && first.directionsAddition == nil)
        #expect(first.planYAML.contains("satellites: [prigorodnaya, pokrovskaya, sosh9-filial]"))
        #expect(first.planYAML.contains("partner: sosh13"))
    }

    @Test func theSamplePlanIsWhatTheImportGivesWithItsHandEdits() throws {
        // Content/plans/2023.yaml was imported, then ids and directions were chosen by hand:
        // a new import keeps them, so the file comes out the same.
        let sample = try content("plans/2023.yaml")
        let existing = PlanImport.Existing(
            plan: sample, schools: try content("schools.yaml"), directions: try content("directions.yaml"))
        let result = try #require(PlanImport.run(try seed(), existing: existing, sourceName: "seeds/plan-2023.txt").0)
        #expect(result.planYAML == sample)
    }

    @Test func theImportedYAMLReadsBackAsThePlan() throws {
        let result = try #require(PlanImport.run(try seed(), existing: .init(), sourceName: "seed").0)
        var diagnostics: [Diagnostic] = []
        let source = try #require(
            PlanReader.read(
                SourceText(displayPath: "plans/2023.yaml", text: result.planYAML), relativePath: "plans/2023.yaml",
                diagnostics: &diagnostics))
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
        let activities = source.sections.flatMap(\.activities)
        #expect(activities.map(\.title) == Self.expectedActivities.map(\.1))
        #expect(activities.map(\.when.value.text) == Self.expectedActivities.map(\.2))
        #expect(activities.map(\.responsible) == Self.expectedActivities.map(\.3))
        #expect(activities.map(\.indicator) == Self.expectedActivities.map(\.4))
        #expect(Set(activities.map(\.id.value)).count == 17)
        // Every «срок» of the seed is understood.
        #expect(activities.allSatisfy { $0.when.value.isRecognized })
    }

    @Test func missingSchoolsAndDirectionsAreAdded() throws {
        let result = try #require(PlanImport.run(try seed(), existing: .init(), sourceName: "seed").0)
        #expect(
            result.newSchools == [
                "МБОУ «СОШ №13»", "Пригородная СОШ", "Покровская СОШ", "Филиал МБОУ «СОШ №13»-«СОШ №9»",
            ])
        #expect(result.newDirections.count == 7)
        let schools = try #require(result.schoolsAddition)
        var diagnostics: [Diagnostic] = []
        let read = DataFiles.readSchools(
            SourceText(displayPath: "schools.yaml", text: schools), diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
        #expect(read.map(\.value.role) == [.partner, .satellite, .satellite, .satellite])
        #expect(result.planYAML.contains("partner: \(read[0].value.id)"))
        let directions = try #require(result.directionsAddition)
        let readDirections = DataFiles.readDirections(
            SourceText(displayPath: "directions.yaml", text: directions), diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(readDirections.count == 7)
    }

    @Test func aLineOfUnknownStructureIsAnErrorNamingIt() throws {
        var lines = try seed().text.components(separatedBy: "\n")
        lines.insert("Какая-то посторонняя строка", at: 17)
        let (plan, diagnostics) = PlanTextImporter.read(lines.joined(separator: "\n"), displayPath: "seed.txt")
        #expect(plan == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.line == 18)
        #expect(diagnostics.first?.formatted.hasPrefix("seed.txt:18:1: error: не понимаю") == true)
    }

    /// The seed cut at a line end (a page lost while copying) over the existing plan: refused,
    /// naming the activities it would drop, the file untouched; `--force` writes it.
    @Test func aCutTextDoesNotShrinkThePlanWithoutForce() throws {
        let site = try TempSite()
        defer { site.remove() }
        let seedText = try String(contentsOf: Self.seedURL, encoding: .utf8)
        try seedText.write(to: site.root.appendingPathComponent("full.txt"), atomically: true, encoding: .utf8)
        let first = PlanImportCommand.run(
            seed: "full.txt", year: nil, out: nil, content: "Content", workingDirectory: site.root)
        #expect(first.succeeded, "\(first.diagnostics.map(\.formatted))")
        let written = try #require(site.read("Content/plans/2023.yaml"))

        let lines = seedText.components(separatedBy: "\n")
        let cutAt = try #require(lines.firstIndex { $0.hasPrefix("Участие в работе круглого стола") })
        try (lines[..<(cutAt)].joined(separator: "\n") + "\n").write(
            to: site.root.appendingPathComponent("cut.txt"), atomically: true, encoding: .utf8)
        let refused = PlanImportCommand.run(
            seed: "cut.txt", year: nil, out: nil, content: "Content", workingDirectory: site.root)
        #expect(!refused.succeeded)
        let message = try #require(refused.diagnostics.errors.first).formatted
        #expect(message.hasPrefix("Content/plans/2023.yaml: error: импорт удалил бы из плана"))
        #expect(message.contains("«Участие в работе круглого стола"))
        #expect(message.contains("--force"))
        #expect(site.read("Content/plans/2023.yaml") == written)

        let forced = PlanImportCommand.run(
            seed: "cut.txt", year: nil, out: nil, content: "Content", force: true, workingDirectory: site.root)
        #expect(forced.succeeded)
        #expect(site.read("Content/plans/2023.yaml") != written)
    }

    @Test func aRowWithTooManyCellsIsAnErrorNamingIt() throws {
        let text = "План на 2023 год\nООП: Школа\n\nРаздел\t\t\t\nМероприятие\t20.01.2023\tКто\tЧто\tЛишнее\n"
        let (plan, diagnostics) = PlanTextImporter.read(text, displayPath: "p.txt")
        #expect(plan == nil)
        #expect(diagnostics.map(\.line) == [5])
    }
}

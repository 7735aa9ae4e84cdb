/// Reads `plans/<year>.yaml`, reporting every problem with its line, and understands each
/// «срок» (a form it cannot understand is a warning, and kept as written).
package enum PlanReader {
    /// `plans/2023.yaml`
    package static func isPlanFile(_ path: String) -> Bool {
        guard path.hasPrefix(ContentFolders.plans), !path.dropFirst(ContentFolders.plans.count).contains("/") else {
            return false
        }
        return path.hasSuffix(".yaml") || path.hasSuffix(".yml")
    }

    package static func read(_ source: SourceText, relativePath: String, diagnostics: inout [Diagnostic]) -> PlanSource?
    {
        let file = YAMLFile(displayPath: source.displayPath, firstLine: 1)
        guard
            let root = DataFiles.parseRoot(
                source, file: file, diagnostics: &diagnostics, empty: "файл плана пуст",
                emptyHint: "создайте его командой «okrug import-plan seeds/plan-2023.txt»"),
            var reader = MappingReader(
                node: root, file: file, allowedKeys: PlanSource.keys, subject: "плана", diagnostics: &diagnostics)
        else { return nil }

        let fileYear = Int(
            relativePath.dropFirst(ContentFolders.plans.count).split(separator: ".").first.map(String.init) ?? "")
        let year = reader.int("year")
        if year == nil, !reader.has("year") {
            reader.report(
                .error(
                    reader.position, "не заполнено обязательное поле «year» у плана",
                    hint: "добавьте строку «year: \(fileYear ?? 2023)»"))
        }
        if let year, year.value != fileYear {
            reader.report(
                .error(
                    year.position, "год плана \(year.value) не совпадает с именем файла \(source.displayPath)",
                    hint: "назовите файл plans/\(year.value).yaml или исправьте «year:»"))
        }
        let planYear = year?.value ?? fileYear ?? 2023
        let title = reader.string("title", required: true, example: "План мероприятий на \(planYear) год")
        let partner = reader.string("partner", required: true, example: "sosh13")
        let satellites = reader.stringList("satellites")
        let goal = reader.string("goal")?.value
        let directions = reader.stringList("directions")
        let support = reader.listsByKey("support", example: "{prigorodnaya: [methodical, psychology]}")
        let roadmapTitle = reader.string("roadmap_title")?.value
        let expectedResults = reader.stringList("expected_results").map(\.value)
        let executor = reader.string("executor")?.value

        let definitions = reader.records(
            "definitions", allowedKeys: PlanSource.definitionKeys, subject: "определения", problems: &diagnostics
        ) { item -> PlanSource.Definition? in
            let term = item.string("term", required: true, example: "Школа-партнер")
            let text = item.string("text", required: true, example: "это школа…")
            guard let term, let text else { return nil }
            return .init(term: term.value, text: text.value)
        }

        var stageCount = 0
        let stages = reader.records(
            "stages", allowedKeys: PlanSource.stageKeys, subject: "этапа", problems: &diagnostics
        ) { item -> PlanSource.Stage? in
            let number = item.int("number")
            let stageTitle = item.string("title", required: true, example: "Создание условий взаимодействия")
            let period = item.string("period", required: true, example: "январь–февраль")
            let items = item.stringList("items").map(\.value)
            let date = period.map { understood($0, planYear: planYear, diagnostics: &item) }
            guard let stageTitle, let date else { return nil }
            stageCount += 1
            return .init(number: number?.value ?? stageCount, title: stageTitle.value, period: date, items: items)
        }

        var activityProblems: [Diagnostic] = []
        let sections = reader.records(
            "sections", allowedKeys: PlanSource.sectionKeys, subject: "раздела плана", problems: &diagnostics
        ) { item -> PlanSource.Section? in
            let sectionTitle = item.string("title", required: true, example: "Аналитическая деятельность")
            let sectionGoal = item.string("goal")?.value
            let activities = item.records(
                "activities", allowedKeys: ActivitySchema.keys, subject: "мероприятия", problems: &activityProblems
            ) { readActivity(&$0, planYear: planYear) }
            return sectionTitle.map { .init(title: $0.value, goal: sectionGoal, activities: activities) }
        }
        diagnostics += activityProblems
        if !reader.has("sections") {
            reader.report(
                .error(
                    reader.position, "в плане нет раздела «sections» с мероприятиями",
                    hint: "добавьте «sections:» со списком разделов и их «activities:»"))
        }
        diagnostics += reader.diagnostics
        guard let year, let title, !reader.diagnostics.hasErrors else { return nil }
        return PlanSource(
            relativePath: relativePath, displayPath: source.displayPath, year: year, title: title.value,
            partner: partner, satellites: satellites, goal: goal, definitions: definitions, directions: directions,
            support: support.map { (school: $0.key, directions: $0.values) },
            roadmapTitle: roadmapTitle, stages: stages, sections: sections, expectedResults: expectedResults,
            executor: executor)
    }

    private static func readActivity(_ item: inout MappingReader, planYear: Int) -> PlanSource.Activity? {
        let field = ActivitySchema.field
        let id = item.string(field("id"))
        let title = item.string(field("title"))
        let when = item.string(field("when"))
        let responsible = item.string(field("responsible"))
        let indicator = item.string(field("indicator"))
        let direction = item.string(field("direction"))
        if let id { DataFiles.idProblems(id).forEach { item.report($0) } }
        let date = when.map { understood($0, planYear: planYear, diagnostics: &item) }
        guard let id, let title, let date, let responsible, let indicator else { return nil }
        return PlanSource.Activity(
            id: id, title: title.value, when: date, responsible: responsible.value, indicator: indicator.value,
            direction: direction)
    }

    /// Parses a «срок»; a form that is not understood is kept as written, with a warning.
    private static func understood(_ text: Located<String>, planYear: Int, diagnostics reader: inout MappingReader)
        -> Located<FuzzyDate>
    {
        let date = FuzzyDateParser.parse(text.value, planYear: planYear)
        if !date.isRecognized {
            reader.report(
                .warning(
                    text.position,
                    "срок «\(text.value)» не распознан: он будет показан как написан, без статуса и без места в календаре",
                    hint:
                        "понятные формы: «20.12.2023», «до 20.01.2023», «14.02–16.02.2023», «Апрель», «январь–февраль», «I четверть», «1 полугодие», «В течение года», «ежемесячно»"
                ))
        }
        return Located(date, at: text.position)
    }
}

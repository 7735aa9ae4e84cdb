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

        var definitions: [PlanSource.Definition] = []
        for node in reader.mappingList("definitions") {
            guard
                var item = MappingReader(
                    node: node, file: file, allowedKeys: PlanSource.definitionKeys, subject: "определения",
                    diagnostics: &diagnostics)
            else { continue }
            let term = item.string("term", required: true, example: "Школа-партнер")
            let text = item.string("text", required: true, example: "это школа…")
            diagnostics += item.diagnostics
            if let term, let text { definitions.append(.init(term: term.value, text: text.value)) }
        }

        var stages: [PlanSource.Stage] = []
        for node in reader.mappingList("stages") {
            guard
                var item = MappingReader(
                    node: node, file: file, allowedKeys: PlanSource.stageKeys, subject: "этапа",
                    diagnostics: &diagnostics)
            else { continue }
            let number = item.int("number")
            let stageTitle = item.string("title", required: true, example: "Создание условий взаимодействия")
            let period = item.string("period", required: true, example: "январь–февраль")
            let items = item.stringList("items").map(\.value)
            var date: Located<FuzzyDate>?
            if let period { date = understood(period, planYear: planYear, diagnostics: &item) }
            diagnostics += item.diagnostics
            if let stageTitle, let date {
                stages.append(
                    .init(
                        number: number?.value ?? stages.count + 1, title: stageTitle.value, period: date, items: items))
            }
        }

        var sections: [PlanSource.Section] = []
        for node in reader.mappingList("sections") {
            guard
                var item = MappingReader(
                    node: node, file: file, allowedKeys: PlanSource.sectionKeys, subject: "раздела плана",
                    diagnostics: &diagnostics)
            else { continue }
            let sectionTitle = item.string("title", required: true, example: "Аналитическая деятельность")
            let sectionGoal = item.string("goal")?.value
            var activities: [PlanSource.Activity] = []
            for activityNode in item.mappingList("activities") {
                if let activity = readActivity(activityNode, file: file, planYear: planYear, diagnostics: &diagnostics)
                {
                    activities.append(activity)
                }
            }
            diagnostics += item.diagnostics
            if let sectionTitle {
                sections.append(.init(title: sectionTitle.value, goal: sectionGoal, activities: activities))
            }
        }
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

    private static func readActivity(
        _ node: YAMLNode, file: YAMLFile, planYear: Int, diagnostics: inout [Diagnostic]
    ) -> PlanSource.Activity? {
        guard
            var item = MappingReader(
                node: node, file: file, allowedKeys: ActivitySchema.keys, subject: "мероприятия",
                diagnostics: &diagnostics)
        else { return nil }
        let field = ActivitySchema.field
        let id = item.string(field("id"))
        let title = item.string(field("title"))
        let when = item.string(field("when"))
        let responsible = item.string(field("responsible"))
        let indicator = item.string(field("indicator"))
        let direction = item.string(field("direction"))
        if let id {
            var idProblems: [Diagnostic] = []
            DataFiles.checkID(id, diagnostics: &idProblems)
            idProblems.forEach { item.report($0) }
        }
        let date = when.map { understood($0, planYear: planYear, diagnostics: &item) }
        diagnostics += item.diagnostics
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

import OkrugCore

/// Writes an imported plan as `Content/plans/<year>.yaml`: a fixed order of keys, one value
/// per line, so importing the same text twice gives the same bytes and a diff shows edits.
enum PlanYAMLWriter {
    struct Row {
        var id: String
        var activity: ImportedPlan.Activity
        var direction: String?
    }

    static func write(
        _ plan: ImportedPlan, partnerID: String, satelliteIDs: [String], directionIDs: [String],
        support: [(String, [String])] = [], rows: [[Row]], source: String
    ) -> String {
        var out: [String] = []
        func line(_ text: String) { out.append(text) }
        func scalar(_ key: String, _ value: String?, indent: String = "") {
            guard let value, !value.isEmpty else { return }
            line("\(indent)\(key): \(YAMLScalar.string(value))")
        }
        func list(_ key: String, _ values: [String], indent: String = "") {
            guard !values.isEmpty else { return }
            line("\(indent)\(key):")
            for value in values { line("\(indent)  - \(YAMLScalar.string(value))") }
        }

        line("# План партнерства на \(plan.year) год: создан командой «okrug import-plan \(source)».")
        line("# Его можно править; id мероприятий и направления, заданные вручную, повторный импорт")
        line("# сохраняет (мероприятие узнается по названию).")
        line("year: \(plan.year)")
        scalar("title", plan.title)
        scalar("partner", partnerID)
        if !satelliteIDs.isEmpty { line("satellites: [\(satelliteIDs.joined(separator: ", "))]") }
        scalar("goal", plan.goal)
        if !plan.definitions.isEmpty {
            line("definitions:")
            for definition in plan.definitions {
                line("  - term: \(YAMLScalar.string(definition.term))")
                line("    text: \(YAMLScalar.string(definition.text))")
            }
        }
        if !directionIDs.isEmpty { line("directions: [\(directionIDs.joined(separator: ", "))]") }
        // Written by hand (the document does not say it), kept by a new import.
        if !support.isEmpty {
            line("support:")
            for (school, directions) in support { line("  \(school): [\(directions.joined(separator: ", "))]") }
        }
        scalar("roadmap_title", plan.roadmapTitle)
        if !plan.stages.isEmpty {
            line("stages:")
            for stage in plan.stages {
                line("  - number: \(stage.number)")
                scalar("title", stage.title, indent: "    ")
                scalar("period", stage.period, indent: "    ")
                list("items", stage.items, indent: "    ")
            }
        }
        line("sections:")
        for (section, sectionRows) in zip(plan.sections, rows) {
            line("  - title: \(YAMLScalar.string(section.title))")
            scalar("goal", section.goal, indent: "    ")
            line("    activities:")
            for row in sectionRows {
                line("      - id: \(row.id)")
                scalar("title", row.activity.title, indent: "        ")
                scalar("when", row.activity.when, indent: "        ")
                scalar("responsible", row.activity.responsible, indent: "        ")
                scalar("indicator", row.activity.indicator, indent: "        ")
                scalar("direction", row.direction, indent: "        ")
            }
        }
        list("expected_results", plan.expectedResults)
        scalar("executor", plan.executor)
        return out.joined(separator: "\n") + "\n"
    }
}

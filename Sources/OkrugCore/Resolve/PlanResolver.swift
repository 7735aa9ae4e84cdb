import OkrugMarkdown
import OkrugText

/// Resolves the plans: checks their school, direction and activity ids, renders their inline
/// Markdown, finds the people named as responsible, and links activities with the materials
/// that name them (`activity: 2023/<id>`).
enum PlanResolver {
    /// `brokenDataFiles`: `schools.yaml` or `directions.yaml` when they have errors of their
    /// own: ids are then not checked against them (one error, not one per reference).
    static func resolve(
        _ sources: [PlanSource], schoolIDs: [String], directionIDs: [String], options: MarkdownOptions,
        brokenDataFiles: Set<String> = [], diagnostics: inout [Diagnostic]
    ) -> [Plan] {
        var seenYears: [Int: SourcePosition] = [:]
        var plans: [Plan] = []
        for source in sources {
            if let first = seenYears[source.year.value] {
                diagnostics.append(
                    .error(
                        source.year.position, "план на \(source.year.value) год уже есть в \(first.file)",
                        hint: "оставьте один файл плана на год"))
                continue
            }
            seenYears[source.year.value] = source.year.position
            plans.append(
                resolve(
                    source, schoolIDs: schoolIDs, directionIDs: directionIDs, options: options,
                    brokenDataFiles: brokenDataFiles, diagnostics: &diagnostics))
        }
        return plans
    }

    static func resolve(
        _ source: PlanSource, schoolIDs: [String], directionIDs: [String], options: MarkdownOptions,
        brokenDataFiles: Set<String> = [], diagnostics: inout [Diagnostic]
    ) -> Plan {
        func check(_ id: Located<String>, in valid: [String], what: String, file: String) {
            if brokenDataFiles.contains(file) { return }
            if let problem = Diagnostic.unknownID(id, in: valid, what: what, file: file) { diagnostics.append(problem) }
        }
        func inline(_ text: String) -> InlineText {
            let rendered = Markdown.renderInline(text, options: options)
            return InlineText(source: text, html: rendered.html, plain: rendered.plain)
        }

        if let partner = source.partner { check(partner, in: schoolIDs, what: "школы", file: "schools.yaml") }
        for satellite in source.satellites { check(satellite, in: schoolIDs, what: "школы", file: "schools.yaml") }
        for direction in source.directions {
            check(direction, in: directionIDs, what: "направления", file: "directions.yaml")
        }
        let satelliteIDs = source.satellites.map(\.value)
        for entry in source.support {
            if !satelliteIDs.contains(entry.school.value) {
                let suggestion = Suggestion.didYouMean(entry.school.value, in: satelliteIDs)
                diagnostics.append(
                    .error(
                        entry.school.position, "«\(entry.school.value)» — не школа-спутник этого плана",
                        hint: (suggestion.isEmpty ? "" : suggestion + "; ")
                            + "школы-спутники плана: \(satelliteIDs.joined(separator: ", "))"))
            }
            for direction in entry.directions {
                check(direction, in: directionIDs, what: "направления", file: "directions.yaml")
            }
        }

        var seenIDs: [String: SourcePosition] = [:]
        let sections = source.sections.map { section in
            PlanSection(
                title: section.title, goal: section.goal.map(inline),
                activities: section.activities.compactMap { activity -> PlanActivity? in
                    if let first = seenIDs[activity.id.value] {
                        diagnostics.append(
                            .error(
                                activity.id.position,
                                "id мероприятия «\(activity.id.value)» повторяется (впервые в строке \(first.line))",
                                hint: "у каждого мероприятия плана должен быть свой id"))
                        return nil
                    }
                    seenIDs[activity.id.value] = activity.id.position
                    if let direction = activity.direction {
                        check(direction, in: directionIDs, what: "направления", file: "directions.yaml")
                    }
                    let parts = ResponsibleNames.split(activity.responsible).map { piece in
                        // cmark trims a paragraph; the spaces between a piece and a name stay.
                        var text = inline(piece.text)
                        let leading = piece.text.prefix { $0 == " " }
                        let trailing = String(piece.text.reversed().prefix { $0 == " " })
                        text.html = leading + text.html + trailing
                        text.plain = leading + text.plain + trailing
                        return ResponsiblePart(text: text, person: piece.person)
                    }
                    return PlanActivity(
                        id: activity.id.value, year: source.year.value, title: inline(activity.title),
                        when: activity.when.value, responsible: parts,
                        responsiblePeople: parts.compactMap(\.person), indicator: inline(activity.indicator),
                        directionID: activity.direction?.value, materials: [], sectionTitle: section.title)
                })
        }
        return Plan(
            year: source.year.value, sourcePath: source.relativePath, title: inline(source.title),
            partnerID: source.partner?.value ?? "", satelliteIDs: source.satellites.map(\.value),
            goal: source.goal.map(inline),
            definitions: source.definitions.map { PlanDefinition(term: $0.term, text: inline($0.text)) },
            directionIDs: source.directions.map(\.value),
            support: Dictionary(
                source.support.map { ($0.school.value, $0.directions.map(\.value)) }, uniquingKeysWith: { a, _ in a }),
            roadmapTitle: source.roadmapTitle ?? "Дорожная карта",
            stages: source.stages.map {
                PlanStage(
                    number: $0.number, title: inline($0.title), period: $0.period.value, items: $0.items.map(inline))
            },
            sections: sections, expectedResults: source.expectedResults.map(inline),
            executor: source.executor.map(inline))
    }

    /// Checks a material's `activity: 2023/<id>` against the plans.
    static func checkReference(_ reference: Located<String>, plans: [Plan], diagnostics: inout [Diagnostic]) -> Bool {
        let known = plans.flatMap { $0.activities.map(\.reference) }
        if known.contains(reference.value) { return true }
        let parts = reference.value.split(separator: "/", maxSplits: 1).map(String.init)
        let planYears = plans.map { String($0.year) }
        var hint: String
        if parts.count != 2 || Int(parts[0]) == nil {
            hint = "пишите год плана и id мероприятия через «/», например «activity: \(known.first ?? "2023/id")»"
        } else if !planYears.contains(parts[0]) {
            hint =
                planYears.isEmpty
                ? "в Content/plans/ нет ни одного плана" : "есть планы на: \(planYears.joined(separator: ", "))"
        } else {
            let inYear = known.filter { $0.hasPrefix(parts[0] + "/") }
            let close = Suggestion.nearest(to: reference.value, in: inYear, limit: 5)
            hint = "близкие id: \(close.joined(separator: ", ")) (все — в Content/plans/\(parts[0]).yaml)"
        }
        diagnostics.append(.error(reference.position, "в плане нет мероприятия «\(reference.value)»", hint: hint))
        return false
    }

    /// Fills each activity's list of materials (indices into the final, sorted list).
    static func attach(_ materials: [Material], to plans: inout [Plan]) {
        var byReference: [String: [Int]] = [:]
        for (index, material) in materials.enumerated() {
            if let reference = material.activity { byReference[reference, default: []].append(index) }
        }
        for p in plans.indices {
            for s in plans[p].sections.indices {
                for a in plans[p].sections[s].activities.indices {
                    let reference = plans[p].sections[s].activities[a].reference
                    plans[p].sections[s].activities[a].materials = byReference[reference] ?? []
                }
            }
        }
    }
}

/// Finds people in «ответственный»: «Заместитель директора по УВР Ткаченко Е.Е., Руководитель
/// ШУМО Вареник И.А.» names Ткаченко Е.Е. and Вареник И.А.
enum ResponsibleNames {
    struct Piece {
        var text: String
        var person: Person?
    }

    /// The text cut into pieces, each name a piece of its own.
    static func split(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
        var rest = text[...]
        while let match = rest.firstMatch(of: /\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+\p{Lu}\.\s?\p{Lu}\./) {
            let before = rest[..<match.range.lowerBound]
            if !before.isEmpty { pieces.append(Piece(text: String(before), person: nil)) }
            let name = String(match.output)
            pieces.append(Piece(text: name, person: Person(name: name)))
            rest = rest[match.range.upperBound...]
        }
        if !rest.isEmpty { pieces.append(Piece(text: String(rest), person: nil)) }
        return pieces
    }
}

import Foundation
import OkrugCore

/// Reads a plan as copied out of its Word document: a heading, the «ООП:»/«ООС:» lines, the
/// goal, definitions, numbered directions, the roadmap's stages, then the table of activities
/// (one row per line, cells separated by tabs) with its section rows, and the executor.
///
/// It takes the document as it is: a row broken across a page and continued a few lines
/// further down, blank lines inside the table, trailing tabs, and the cell that holds a stray
/// HTML `<ul>` list. A line it cannot place is an error naming that line: nothing is dropped.
public enum PlanTextImporter {
    public static func read(_ text: String, displayPath: String, year: Int? = nil) -> (ImportedPlan?, [Diagnostic]) {
        var state = State(displayPath: displayPath)
        let lines = text.components(separatedBy: "\n")
        for (offset, raw) in lines.enumerated() {
            state.take(raw, line: offset + 1)
        }
        return state.finish(year: year)
    }

    private enum Part {
        case heading
        case schools
        case prose
        case directions
        case roadmap
        case table
        case end
    }

    private struct State {
        let displayPath: String
        var part = Part.heading
        var titleLines: [String] = []
        var partner: String?
        var satellites = ""
        var goal: String?
        var definitions: [ImportedPlan.Definition] = []
        var directions: [String] = []
        var roadmapTitle: String?
        var stages: [ImportedPlan.Stage] = []
        var sections: [ImportedPlan.Section] = []
        var expectedResults: [String] = []
        var executor: String?
        var diagnostics: [Diagnostic] = []

        init(displayPath: String) { self.displayPath = displayPath }

        func position(_ line: Int, _ column: Int = 1) -> SourcePosition {
            SourcePosition(file: displayPath, line: line, column: column)
        }

        mutating func fail(_ line: Int, _ message: String, hint: String) {
            diagnostics.append(.error(position(line), message, hint: hint))
        }

        mutating func take(_ raw: String, line: Int) {
            let text = raw.trimmingCharacters(in: .whitespaces)
            if raw.contains("\t") {
                tableRow(raw, line: line)
                return
            }
            if text.isEmpty {
                if part == .schools { part = .prose }
                return
            }
            if let rest = text.dropPrefix("Исполнитель:") {
                executor = rest
                part = .end
                return
            }
            switch part {
            case .heading:
                if let rest = text.dropPrefix("ООП:") {
                    partner = rest
                    part = .schools
                } else {
                    titleLines.append(text)
                }
            case .schools:
                if let rest = text.dropPrefix("ООС:") {
                    satellites = rest
                } else if let rest = text.dropPrefix("ООП:") {
                    partner = rest
                } else {
                    // The list of satellites goes on on the next line.
                    satellites += (satellites.isEmpty ? "" : " ") + text
                }
            case .prose, .directions, .roadmap, .table, .end:
                prose(text, line: line)
            }
        }

        mutating func prose(_ text: String, line: Int) {
            if text.lowercased().hasPrefix("направления совместной деятельности") {
                part = .directions
                return
            }
            if text.lowercased().hasPrefix("дорожная карта") {
                roadmapTitle = text
                part = .roadmap
                return
            }
            if part == .directions, let match = text.wholeMatch(of: /(\d+)[.)]\s*(.+)/) {
                directions.append(String(match.2).trimmingCharacters(in: .whitespaces))
                return
            }
            if part == .roadmap || part == .directions {
                if let match = text.wholeMatch(of: /([IVXivx]+)\s+этап\s*[-–—]\s*(.+?)\s*\(([^()]+)\)\s*/),
                    let number = RomanNumeral.value(String(match.1))
                {
                    part = .roadmap
                    stages.append(
                        .init(
                            number: number, title: String(match.2), period: String(match.3), items: []))
                    return
                }
                if part == .roadmap, text.hasPrefix("-") || text.hasPrefix("–") || text.hasPrefix("•") {
                    guard !stages.isEmpty else {
                        fail(
                            line, "пункт дорожной карты до первого этапа",
                            hint: "начните этап строкой «I этап - Название (январь-февраль)»")
                        return
                    }
                    let item = Self.listItem(text)
                    if !item.isEmpty { stages[stages.count - 1].items.append(item) }
                    return
                }
            }
            if part == .prose, goal == nil, text.hasPrefix("Цел") {
                goal = text
                return
            }
            if part == .prose, let definition = Self.definition(text) {
                definitions.append(definition)
                return
            }
            fail(
                line, "не понимаю, что это за строка плана: «\(text.prefix(60))\(text.count > 60 ? "…" : "")»",
                hint:
                    "ожидались: заголовок, «ООП:», «ООС:», цель, определение «Термин – это …», «Направления совместной деятельности:» с нумерованным списком, «Дорожная карта…» с этапами «I этап - … (месяцы)», строки таблицы через табуляцию или «Исполнитель:»; исправьте строку в исходном тексте"
            )
        }

        mutating func tableRow(_ raw: String, line: Int) {
            part = .table
            var cells = raw.components(separatedBy: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            while let last = cells.last, last.isEmpty { cells.removeLast() }
            guard !cells.isEmpty else { return }
            if cells.count > 4 {
                fail(
                    line,
                    "в строке таблицы \(cells.count) ячеек, а в плане их 4 (мероприятие, срок, ответственный, показатель)",
                    hint: "проверьте лишние табуляции в этой строке исходного текста")
                return
            }
            while cells.count < 4 { cells.append("") }
            let (first, when, responsible, indicator) = (cells[0], cells[1], cells[2], cells[3])

            if first.lowercased().hasPrefix("мероприяти"), when.lowercased().hasPrefix("срок") { return }
            if first.lowercased().hasPrefix("ожидаемые результаты") {
                expectedResults += Self.listItems(cells.dropFirst().joined(separator: " "))
                return
            }
            if when.isEmpty, responsible.isEmpty, indicator.isEmpty {
                if let rest = first.dropPrefix("Цель:") {
                    guard !sections.isEmpty else {
                        fail(
                            line, "цель раздела до названия раздела", hint: "поставьте строку с названием раздела выше")
                        return
                    }
                    sections[sections.count - 1].goal = rest
                } else {
                    sections.append(.init(title: first, goal: nil, activities: []))
                }
                return
            }
            // A row broken across a page goes on further down: its first cell starts in
            // lower case (or is empty), mid-sentence.
            if first.isEmpty || first.first?.isLowercase == true {
                guard let s = sections.indices.last, let a = sections[s].activities.indices.last else {
                    fail(line, "продолжение строки таблицы, но мероприятий выше нет", hint: "проверьте начало таблицы")
                    return
                }
                var activity = sections[s].activities[a]
                activity.title = Self.join(activity.title, first)
                activity.when = Self.join(activity.when, when)
                activity.responsible = Self.join(activity.responsible, responsible)
                activity.indicator = Self.join(activity.indicator, indicator)
                sections[s].activities[a] = activity
                return
            }
            guard !sections.isEmpty else {
                fail(
                    line, "мероприятие до первого раздела таблицы",
                    hint: "добавьте выше строку с названием раздела, например «Аналитическая деятельность»")
                return
            }
            sections[sections.count - 1].activities.append(
                .init(title: first, when: when, responsible: responsible, indicator: indicator, line: line))
        }

        mutating func finish(year explicitYear: Int?) -> (ImportedPlan?, [Diagnostic]) {
            let title = titleLines.joined(separator: " ")
            let start = position(1)
            if title.isEmpty {
                diagnostics.append(
                    .error(
                        start, "в начале плана нет заголовка",
                        hint: "первой строкой должно быть «План мероприятий … на 2023 год»"))
            }
            if partner == nil {
                diagnostics.append(
                    .error(
                        start, "не найдена строка «ООП:» со школой-партнером",
                        hint: "добавьте после заголовка «ООП: МБОУ «СОШ №13»»"))
            }
            if sections.isEmpty {
                diagnostics.append(
                    .error(
                        start, "не найдена таблица мероприятий",
                        hint: "строки таблицы должны разделять ячейки табуляцией"))
            }
            var year = explicitYear
            if year == nil, let match = title.firstMatch(of: /(\d{4})/) { year = Int(match.1) }
            if year == nil {
                diagnostics.append(.error(start, "в заголовке плана нет года", hint: "укажите год: --year 2023"))
            }
            guard let year, let partner, !diagnostics.hasErrors else { return (nil, diagnostics) }
            let plan = ImportedPlan(
                year: year, title: title, partnerName: partner,
                satelliteNames: Self.splitNames(satellites),
                goal: goal, definitions: definitions, directions: directions, roadmapTitle: roadmapTitle,
                stages: stages, sections: sections, expectedResults: expectedResults, executor: executor)
            return (plan, diagnostics)
        }

        // MARK: - Text pieces

        /// Two halves of a cell split by a page break; a word hyphenated at the break is rejoined.
        static func join(_ head: String, _ tail: String) -> String {
            if tail.isEmpty { return head }
            if head.isEmpty { return tail }
            if head.hasSuffix("-"), head.dropLast().last?.isLetter == true { return head + tail }
            return head + " " + tail
        }

        /// «- Заключение соглашений о сотрудничестве -» → «Заключение соглашений о сотрудничестве»:
        /// the list mark, and the stray dashes Word left at the end of some lines, go.
        static func listItem(_ text: String) -> String {
            var item = text.trimmingCharacters(in: .whitespaces)
            while let first = item.first, "-–—•".contains(first) {
                item = item.dropFirst().trimmingCharacters(in: .whitespaces)
            }
            while let last = item.last, "-–—".contains(last),
                item.dropLast().last == " " || item.dropLast().last.map({ "-–—".contains($0) }) == true
            {
                item = item.dropLast().trimmingCharacters(in: .whitespaces)
            }
            return item
        }

        /// The cell with the stray `<ul …> - a; - b; - c.`: tags removed, one item per «- ».
        static func listItems(_ cell: String) -> [String] {
            let withoutTags = cell.replacing(/<[^>]*>/, with: " ")
            return withoutTags.split(separator: /(?:^|;)\s*-\s+/).map {
                var item = $0.trimmingCharacters(in: .whitespaces)
                while item.hasSuffix(";") { item = String(item.dropLast()).trimmingCharacters(in: .whitespaces) }
                return item
            }.filter { !$0.isEmpty }
        }

        /// «Школа-партнер – это школа …» → term and text; `nil` when the paragraph is not one.
        static func definition(_ text: String) -> ImportedPlan.Definition? {
            let separators = [" – это ", " — это ", " - это ", " – ", " — "]
            for separator in separators {
                guard let range = text.range(of: separator) else { continue }
                let term = String(text[..<range.lowerBound])
                guard term.split(separator: " ").count <= 4 else { continue }
                var rest = String(text[range.upperBound...])
                if separator.hasSuffix("это ") { rest = "это " + rest }
                // «Школа – спутник» is «Школа-спутник» typed with spaces.
                let cleanTerm = term.replacingOccurrences(of: " – ", with: "-").replacingOccurrences(
                    of: " — ", with: "-")
                return .init(term: cleanTerm, text: rest)
            }
            return nil
        }

        /// «Пригородная СОШ, Покровская СОШ, филиал МБОУ «СОШ №13»-«СОШ №9»» → three names
        /// (commas inside quotes do not split).
        static func splitNames(_ text: String) -> [String] {
            var names: [String] = []
            var current = ""
            var depth = 0
            for ch in text {
                if ch == "«" { depth += 1 }
                if ch == "»" { depth = max(0, depth - 1) }
                if ch == ",", depth == 0 {
                    names.append(current)
                    current = ""
                } else {
                    current.append(ch)
                }
            }
            names.append(current)
            return names.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }
}

extension String {
    /// The rest after `prefix`, trimmed; `nil` when the text does not start with it.
    func dropPrefix(_ prefix: String) -> String? {
        guard hasPrefix(prefix) else { return nil }
        return dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
    }
}

import OkrugCore
import OkrugText

/// The front matter of an imported draft: filled from the document and the command line,
/// with a comment above each field saying what it may be, as `okrug new material` writes it.
enum DraftText {
    struct Written {
        var text: String
        var lineCount: Int
        /// The line of `authors:`, where a warning about them points.
        var authorsLine: Int
    }

    static func material(
        title: String, source: String, today: CalendarDay, authors: [String], fields: DraftFields, original: String,
        linked: [(file: String, title: String)] = []
    ) -> Written {
        func list(_ items: [(id: String, name: String)]) -> String {
            items.map { "\($0.id) — \($0.name)" }.joined(separator: "; ")
        }
        func given(_ isGiven: Bool) -> String { isGiven ? "" : "   " + Placeholders.defaultMark }
        var lines = [
            "---",
            "# Импортировано из документа «\(source)» командой okrug import-doc.",
            "# Проверьте поля, текст, таблицы и рисунки, затем удалите строку draft: true.",
            "title: \(YAMLScalar.string(title))",
            "date: \(today.iso)",
            "# Авторы: фамилия и инициалы, через запятую.",
            "authors: [\(authors.joined(separator: ", "))]",
        ]
        let authorsLine = lines.count
        lines += [
            "# Школа: \(list(fields.choices.schools)).",
            "school: \(fields.school)\(given(fields.given.school))",
            "# Направление: \(list(fields.choices.directions)).",
            "direction: \(fields.direction)\(given(fields.given.direction))",
            "# Форма: \(list(fields.choices.kinds)).",
            "kind: \(fields.kind)\(given(fields.given.kind))",
        ]
        if let activity = fields.activity {
            lines.append("activity: \(activity)")
        } else {
            lines += [
                "# Мероприятие плана, из которого вырос материал: год/id со страницы мероприятия.",
                "# activity: 2023/seminar-cherez-innovatsii",
            ]
        }
        lines += [
            "attachments:",
            "  - {file: \(original), title: Исходный документ}",
        ]
        // The files the document links to, which came with it.
        lines += linked.map { "  - {file: \($0.file), title: \(YAMLScalar.string($0.title))}" }
        lines += [
            "# Черновик: пока стоит true, материал виден только в okrug serve. Уберите строку, когда он готов.",
            "draft: true",
            "---",
        ]
        return Written(text: lines.joined(separator: "\n") + "\n", lineCount: lines.count, authorsLine: authorsLine)
    }
}

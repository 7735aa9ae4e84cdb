import OkrugSystem

/// What `okrug new material` writes for the methodist to replace (`Scaffold` writes these very
/// strings, so the check cannot drift from the template): a published material (no
/// `draft: true`) that still has it would show «Фамилия И.О.» as its author or the plan's
/// sentences as its text. A draft may keep them; `okrug check` and the build say where they
/// are once the draft line is gone.
enum Placeholders {
    /// The author `okrug new` writes.
    static let author = "Фамилия И.О."

    /// The sentences of the text plan `okrug new` writes under «Цель», «Ход мероприятия», «Выводы».
    static let sentences = [
        "Чему был посвящён материал и для кого он.",
        "Что происходило по шагам; приёмы, которые стоит повторить.",
        "Что получилось и что рекомендуется коллегам.",
    ]

    /// A warning for each placeholder left in a published material, at its place.
    static func check(_ source: MaterialSource, displayPath: String) -> [Diagnostic] {
        guard !source.draft else { return [] }
        var found: [Diagnostic] = []
        for author in source.authors where author.value == Self.author {
            found.append(
                .warning(
                    author.position, "автор «\(author.value)» — это заготовка из okrug new",
                    hint: "впишите настоящих авторов: фамилия и инициалы, например [Ткаченко Е.Е.]"))
        }
        // Lines are looked at only when a sentence is there at all (bytes, not Foundation's
        // Unicode-aware search: this runs on every material of the build).
        guard Self.sentences.contains(where: { ByteSearch.contains(source.body, $0) }) else { return found }
        for (offset, line) in source.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.trimmingCharacters(in: .whitespaces)
            guard Self.sentences.contains(text) else { continue }
            found.append(
                .warning(
                    SourcePosition(file: displayPath, line: source.bodyFirstLine + offset, column: 1),
                    "в тексте осталась фраза-заготовка из okrug new: «\(text)»",
                    hint: "замените её своим текстом или удалите раздел"))
        }
        return found
    }
}

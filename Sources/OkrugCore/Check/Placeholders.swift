import OkrugSystem

/// What `okrug new material` and `okrug import-doc` write for the methodist to replace
/// (`Scaffold` and `DraftText` write these very strings, so the check cannot drift from them):
/// a material that still has it would show «Фамилия И.О.» as its author, the default school
/// as its school or the plan's sentences as its text. Every `okrug check` and build says where
/// they are, drafts included, until they are replaced.
package enum Placeholders {
    /// The author `okrug new` writes.
    package static let author = "Фамилия И.О."

    /// The comment after a school, direction or kind the command chose itself.
    package static let defaultMark = "# замените, если нужно"

    /// The fields whose line ends in `defaultMark`, each at its line.
    package static func defaultedFields(yaml: String, firstLine: Int, displayPath: String) -> [Located<String>] {
        guard ByteSearch.contains(yaml, defaultMark) else { return [] }
        var found: [Located<String>] = []
        for (offset, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard line.hasSuffix(defaultMark), let colon = line.firstIndex(of: ":") else { continue }
            let field = String(line[..<colon])
            guard ["school", "direction", "kind"].contains(field) else { continue }
            found.append(Located(field, at: SourcePosition(file: displayPath, line: firstLine + offset, column: 1)))
        }
        return found
    }

    /// The sentences of the text plan `okrug new` writes under «Цель», «Ход мероприятия», «Выводы».
    package static let sentences = [
        "Чему был посвящён материал и для кого он.",
        "Что происходило по шагам; приёмы, которые стоит повторить.",
        "Что получилось и что рекомендуется коллегам.",
    ]

    /// A warning for each placeholder left in a published material, at its place.
    package static func check(_ source: MaterialSource, displayPath: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for author in source.authors where author.value == Self.author {
            found.append(
                .warning(
                    author.position, "автор «\(author.value)» — это заготовка из okrug new или okrug import-doc",
                    hint: "впишите настоящих авторов: фамилия и инициалы, например [Ткаченко Е.Е.]"))
        }
        let said = [
            "school": "школа выбрана командой по умолчанию — проверьте её",
            "direction": "направление выбрано командой по умолчанию — проверьте его",
            "kind": "форма выбрана командой по умолчанию — проверьте её",
        ]
        for field in source.defaulted {
            found.append(
                .warning(
                    field.position, said[field.value] ?? field.value,
                    hint:
                        "впишите нужное значение (варианты — в комментарии строкой выше) и удалите комментарий «\(defaultMark)»"
                ))
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

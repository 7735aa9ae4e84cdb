import Foundation
import OkrugText

/// Turns the text of a Markdown file into a `MaterialSource` or `PageSource`, reporting every
/// problem of its front matter.
enum DocumentReader {
    /// The YAML part and the body, or a diagnostic when the front matter is missing or broken.
    private static func frontMatter(_ source: SourceText, diagnostics: inout [Diagnostic]) -> (
        YAMLFile, YAMLNode, FrontMatterSplit
    )? {
        let start = SourcePosition(file: source.displayPath, line: 1, column: 1)
        let split: FrontMatterSplit
        switch FrontMatterSplit.split(source.text) {
        case .failure:
            diagnostics.append(
                .error(
                    start, "поля в начале файла открыты строкой «---», но не закрыты",
                    hint: "добавьте строку «---» после последнего поля"))
            return nil
        case .success(let value):
            split = value
        }
        guard split.hasFrontMatter else {
            diagnostics.append(
                .error(
                    start, "в начале файла нет полей (front matter)",
                    hint: "начните файл со строки «---», затем «title: …», «date: …» и снова «---»"))
            return nil
        }
        let file = YAMLFile(displayPath: source.displayPath, firstLine: split.yamlFirstLine)
        switch file.parse(split.yaml) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        case .success(let node):
            guard let node else {
                diagnostics.append(
                    .error(
                        start, "поля в начале файла пусты", hint: "добавьте «title: …» и остальные обязательные поля"))
                return nil
            }
            return (file, node, split)
        }
    }

    /// The slug: `slug:` when given, else the file's (or folder's) name, transliterated.
    static func slug(relativePath: String, override: Located<String>?, displayPath: String) -> Located<String> {
        if let override { return Located(Transliteration.slug(override.value), at: override.position) }
        var name = relativePath
        if name.hasSuffix("/index.md") { name = String(name.dropLast("/index.md".count)) }
        if name.hasSuffix(".md") { name = String(name.dropLast(3)) }
        if let slash = name.lastIndex(of: "/") { name = String(name[name.index(after: slash)...]) }
        return Located(Transliteration.slug(name), at: SourcePosition(file: displayPath, line: 1, column: 1))
    }

    static func material(_ source: SourceText, relativePath: String, diagnostics: inout [Diagnostic]) -> MaterialSource?
    {
        guard let (file, node, split) = frontMatter(source, diagnostics: &diagnostics) else { return nil }
        guard
            var reader = MappingReader(
                node: node, file: file, allowedKeys: MaterialSchema.keys, subject: "материала",
                diagnostics: &diagnostics)
        else { return nil }
        let values = reader.read(MaterialSchema.fields)
        let title = values.text("title")
        let date = values.date("date")
        let authors = values.texts("authors")
        let school = values.text("school")
        let direction = values.text("direction")
        let kindText = values.text("kind")
        var kind: MaterialKind?
        if let kindText {
            kind = MaterialKind(rawValue: kindText.value)
            if kind == nil {
                let valid = MaterialKind.allCases.map(\.rawValue)
                let suggestion = Suggestion.didYouMean(kindText.value, in: valid)
                let list = MaterialKind.allCases.map { "\($0.rawValue) (\($0.russian))" }.joined(separator: ", ")
                reader.report(
                    .error(
                        kindText.position, "неизвестная форма материала «\(kindText.value)»",
                        hint: (suggestion.isEmpty ? "" : suggestion + "; ") + "допустимо: \(list)"))
            }
        }
        let activity = values.text("activity")
        let subjectValues = values.texts("subjects")
        let subjects = subjectValues.map { $0.value.lowercased() }
        var grades: [Int] = []
        for grade in values.texts("grades") {
            if let number = Int(grade.value), (1...11).contains(number) {
                grades.append(number)
            } else {
                reader.report(
                    .error(
                        grade.position, "класс «\(grade.value)» — не число от 1 до 11",
                        hint: "например: «grades: [5, 6]»"))
            }
        }
        let tagValues = values.texts("tags")
        let tags = tagValues.map(\.value)
        let summary = values.text("summary")?.value
        let attachments = reader.records(
            "attachments", allowedKeys: Attachment.keys, subject: "вложения", problems: &diagnostics
        ) {
            entry -> Located<AttachmentReference>? in
            let title = entry.string("title")?.value
            return entry.string("file", required: true, example: "presentation.pdf").map { file in
                let name = file.value
                let shown = title ?? (name.split(separator: "/").last.map(String.init) ?? name)
                return Located(AttachmentReference(file: name, title: shown), at: file.position)
            }
        }
        let photos = reader.records(
            "photos", allowedKeys: PhotoReference.keys, subject: "фотографии", problems: &diagnostics
        ) {
            entry -> Located<PhotoReference>? in
            let caption = entry.string("caption")?.value
            return entry.string("file", required: true, example: "foto/otkrytie.jpg").map {
                Located(PhotoReference(file: $0.value, caption: caption), at: $0.position)
            }
        }
        let draft = values.flag("draft") ?? false
        let slugOverride = values.text("slug")
        let materialSlug = slug(relativePath: relativePath, override: slugOverride, displayPath: source.displayPath)
        // Every value that becomes a folder name of the site must fit the file system.
        for (values, field) in [(subjectValues, "subjects"), (tagValues, "tags"), (authors, "authors")]
        where values.count > AddressLength.maximumListItems {
            reader.report(
                .error(
                    values[AddressLength.maximumListItems].position,
                    "в поле «\(field)» \(values.count) значений, а можно не больше \(AddressLength.maximumListItems)",
                    hint: "оставьте главные: каждое значение — отдельная страница сайта"))
        }
        for (values, what) in [(subjectValues, "предмета"), (tagValues, "метки"), (authors, "автора")] {
            for value in values {
                reader.report(AddressLength.problem(Transliteration.slug(value.value), of: what, at: value.position))
            }
        }
        reader.report(AddressLength.problem(materialSlug.value, of: "материала", at: materialSlug.position))
        diagnostics += reader.diagnostics
        return MaterialSource(
            relativePath: relativePath,
            displayPath: source.displayPath,
            slug: materialSlug,
            title: title?.value ?? "",
            date: date?.value,
            authors: authors,
            school: school,
            direction: direction,
            kind: kind,
            isComplete: title != nil && date != nil && !authors.isEmpty && school != nil && direction != nil
                && kind != nil,
            activity: activity,
            subjects: uniqued(subjects),
            grades: uniqued(grades).sorted(),
            tags: uniqued(tags),
            summary: summary,
            attachments: attachments,
            draft: draft,
            body: split.body,
            bodyFirstLine: split.bodyFirstLine,
            defaulted: Placeholders.defaultedFields(
                yaml: split.yaml, firstLine: split.yamlFirstLine, displayPath: source.displayPath),
            photos: photos,
            fields: values.only(MaterialSchema.keptAsText))
    }

    static func page(_ source: SourceText, relativePath: String, diagnostics: inout [Diagnostic]) -> PageSource? {
        guard let (file, node, split) = frontMatter(source, diagnostics: &diagnostics) else { return nil }
        guard
            var reader = MappingReader(
                node: node, file: file, allowedKeys: PageSchema.keys, subject: "страницы", diagnostics: &diagnostics)
        else { return nil }
        let values = reader.read(PageSchema.fields)
        let title = values.text("title")
        let menu = values.number("menu")?.value
        let menuTitle = values.text("menu_title")?.value
        let summary = values.text("summary")?.value
        let slugOverride = values.text("slug")
        let pageSlug = slug(relativePath: relativePath, override: slugOverride, displayPath: source.displayPath)
        reader.report(AddressLength.problem(pageSlug.value, of: "страницы", at: pageSlug.position))
        diagnostics += reader.diagnostics
        guard let title else { return nil }
        return PageSource(
            relativePath: relativePath,
            displayPath: source.displayPath,
            slug: slug(relativePath: relativePath, override: slugOverride, displayPath: source.displayPath),
            title: title.value,
            menu: menu,
            menuTitle: menuTitle,
            summary: summary,
            body: split.body,
            bodyFirstLine: split.bodyFirstLine,
            fields: values.only(PageSchema.keptAsText))
    }

    private static func uniqued<T: Hashable>(_ items: [T]) -> [T] {
        var seen = Set<T>()
        return items.filter { seen.insert($0).inserted }
    }
}

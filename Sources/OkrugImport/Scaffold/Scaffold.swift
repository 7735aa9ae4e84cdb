import Foundation
import OkrugCore
import OkrugSystem
import OkrugText

/// `okrug new material|page "Название"`: a new file with complete, commented front matter, so
/// a methodist fills in blanks instead of remembering field names.
public enum Scaffold {
    public struct Created: Sendable {
        /// Relative to the content folder's parent, as shown: `Content/materials/x/index.md`.
        public var displayPath: String
        public var url: URL
    }

    public struct MaterialRequest: Sendable {
        public var title: String
        public var school: String?
        public var direction: String?
        public var kind: String?

        public init(title: String, school: String? = nil, direction: String? = nil, kind: String? = nil) {
            self.title = title
            self.school = school
            self.direction = direction
            self.kind = kind
        }
    }

    public static func newMaterial(
        _ request: MaterialRequest, content: URL, contentDisplay: String, today: CalendarDay
    ) -> (Created?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let choices = MaterialChoices.load(content: content, display: contentDisplay, diagnostics: &diagnostics)
        let slug = Transliteration.slug(request.title)
        let start = SourcePosition(file: "okrug new material", line: 0, column: 0)
        if request.title.trimmingCharacters(in: .whitespaces).isEmpty || slug.isEmpty {
            diagnostics.append(
                .error(
                    start, "из названия не получается адрес",
                    hint: "дайте название словами: okrug new material \"Семинар…\""))
        }
        choices.check(
            school: request.school, direction: request.direction, kind: request.kind, at: start,
            diagnostics: &diagnostics)

        let folder = content.appendingPathComponent(ContentFolders.materials + slug)
        let file = folder.appendingPathComponent("index.md")
        let single = content.appendingPathComponent(ContentFolders.materials + slug + ".md")
        for existing in [folder, single] where !slug.isEmpty && FileManager.default.fileExists(atPath: existing.path) {
            diagnostics.append(
                .error(
                    SourcePosition(
                        file: "\(contentDisplay)/materials/\(existing.lastPathComponent)", line: 0, column: 0),
                    "материал с адресом /materials/\(slug)/ уже есть, он не будет перезаписан",
                    hint: "откройте его или дайте новому материалу другое название"))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }

        let text = materialText(
            request, today: today, school: request.school ?? choices.partner,
            direction: request.direction ?? choices.firstDirection,
            kind: request.kind ?? MaterialKind.seminar.rawValue,
            schools: choices.schools, directions: choices.directions, kinds: choices.kinds)
        return create(text, at: file, shown: "\(contentDisplay)/materials/\(slug)/index.md", place: start)
    }

    static func materialText(
        _ request: MaterialRequest, today: CalendarDay, school: String, direction: String, kind: String,
        schools: [(id: String, name: String)], directions: [(id: String, name: String)],
        kinds: [(id: String, name: String)]
    ) -> String {
        func list(_ items: [(id: String, name: String)]) -> String {
            items.map { "\($0.0) — \($0.1)" }.joined(separator: "; ")
        }
        func given(_ value: String?) -> String { value == nil ? "   " + Placeholders.defaultMark : "" }
        let frontMatter = SchemaText.scaffold(
            MaterialSchema.fields,
            values: [
                "title": YAMLScalar.string(request.title), "date": today.iso, "authors": "[\(Placeholders.author)]",
                "school": school + given(request.school), "direction": direction + given(request.direction),
                "kind": kind + given(request.kind), "draft": "true",
            ],
            lists: ["schools": list(schools), "directions": list(directions), "kinds": list(kinds)])
        return """
            ---
            \(frontMatter)
            ---

            ## Цель

            \(Placeholders.sentences[0])

            ## Ход мероприятия

            \(Placeholders.sentences[1])

            ## Выводы

            \(Placeholders.sentences[2])

            """
    }

    public static func newPage(_ title: String, content: URL, contentDisplay: String) -> (Created?, [Diagnostic]) {
        let slug = Transliteration.slug(title)
        let start = SourcePosition(file: "okrug new page", line: 0, column: 0)
        guard !slug.isEmpty else {
            return (nil, [.error(start, "из названия не получается адрес", hint: "дайте название словами")])
        }
        guard !Routes.reserved.contains(slug) else {
            return (
                nil,
                [
                    .error(start, "адрес /\(slug)/ занят разделом сайта", hint: "дайте странице другое название")
                ]
            )
        }
        let file = content.appendingPathComponent(ContentFolders.pages + slug + ".md")
        let bundle = content.appendingPathComponent(ContentFolders.pages + slug + "/index.md")
        for existing in [file, bundle] where FileManager.default.fileExists(atPath: existing.path) {
            return (
                nil,
                [
                    .error(
                        SourcePosition(file: "\(contentDisplay)/pages/\(slug).md", line: 0, column: 0),
                        "страница с адресом /\(slug)/ уже есть, она не будет перезаписана",
                        hint: "откройте её или дайте новой странице другое название")
                ]
            )
        }
        let frontMatter = SchemaText.scaffold(PageSchema.fields, values: ["title": YAMLScalar.string(title)])
        let text = """
            ---
            \(frontMatter)
            ---

            Текст страницы в Markdown: ## заголовки, списки, **жирный**, ссылки.

            """
        return create(text, at: file, shown: "\(contentDisplay)/pages/\(slug).md", place: start)
    }

    /// The new file with its folder; never over an existing one.
    private static func create(_ text: String, at file: URL, shown: String, place: SourcePosition) -> (
        Created?, [Diagnostic]
    ) {
        do {
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try WholeFile.create(text, at: file)
        } catch {
            let failure = SystemError.from(error, path: place.file)
            return (
                nil, [.error(place, "не удалось создать файл: \(SystemError.reason(failure.code))", hint: failure.hint)]
            )
        }
        return (Created(displayPath: shown, url: file), [])
    }

    static func dataFile<T>(
        _ name: String, in content: URL, display: String, diagnostics: inout [Diagnostic],
        read: (SourceText, inout [Diagnostic]) -> [T]
    ) -> [T] {
        guard let data = try? SourceText.bytes(atPath: content.appendingPathComponent(name).path) else {
            diagnostics.append(
                .error(
                    SourcePosition(file: "\(display)/\(name)", line: 0, column: 0), "файл не найден",
                    hint: "запустите команду из корня проекта или укажите --content"))
            return []
        }
        switch SourceText.decode(data, displayPath: "\(display)/\(name)") {
        case .success(let text): return read(text, &diagnostics)
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return []
        }
    }
}

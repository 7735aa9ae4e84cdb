import Foundation
import OkrugCore
import OkrugSystem
import OkrugText

/// `okrug import-doc`: Word (.docx, .doc), LibreOffice (.odt) and RTF documents become draft
/// materials. pandoc converts each (`ImportFilter` shapes its CommonMark; LibreOffice makes a
/// `.docx` of a `.doc` or `.rtf` first); okrug names the material,
/// fills the front matter, renames the pictures, attaches the original and says what a human
/// should look at, with the place in the new file. A material is written whole or not at all,
/// and an existing one is never touched.
public enum DocumentImport {
    public struct Request: Sendable {
        /// Files and folders as given on the command line.
        public var paths: [String]
        public var school: String?
        public var direction: String?
        public var kind: String?
        public var activity: String?

        public init(
            paths: [String], school: String? = nil, direction: String? = nil, kind: String? = nil,
            activity: String? = nil
        ) {
            self.paths = paths
            self.school = school
            self.direction = direction
            self.kind = kind
            self.activity = activity
        }
    }

    public struct Imported: Sendable {
        /// The document as named on the command line.
        public var source: String
        /// `Content/materials/<slug>/index.md`.
        public var displayPath: String
        public var title: String
        public var warnings: Int
    }

    public struct Outcome: Sendable {
        public var imported: [Imported]
        /// Documents that were not imported, as named on the command line.
        public var refused: [String]
        public var diagnostics: [Diagnostic]

        /// What came in and what needs a look, for the end of the command's output.
        public var summary: String {
            let total = imported.count + refused.count
            var lines: [String] = []
            if total == 0 { return "Ни одного документа не импортировано." }
            lines.append("Импортировано документов: \(imported.count) из \(total).")
            for item in imported {
                let look = item.warnings == 0 ? "" : " — посмотрите: \(RussianPlural.warning.counted(item.warnings))"
                lines.append("  \(item.source) → \(item.displayPath)\(look)")
            }
            for item in refused { lines.append("  \(item) — не импортирован, причина выше") }
            if !imported.isEmpty {
                lines.append(
                    "Материалы созданы черновиками (draft: true): проверьте текст, таблицы, рисунки, авторов, школу, "
                        + "направление и форму, затем удалите строку draft: true. Посмотреть: scripts/serve.sh")
            }
            return lines.joined(separator: "\n")
        }
    }

    /// Where the extracted pictures land inside the scratch folder, and their prefix in pandoc's output.
    static let mediaFolder = "okrug-media"
    static let notesTitle = "Примечания"

    /// The programs besides pandoc: LibreOffice reads `.doc` and `.rtf` and draws EMF and WMF
    /// pictures; libvips converts TIFF and BMP and trims the drawings. Without them those
    /// documents are refused and those pictures left as they are, with a warning.
    public struct Helpers: Sendable {
        package var soffice: ExternalTool?
        package var vips: ExternalTool?

        public init() {}

        /// Whether Word's drawings can become PNG (LibreOffice draws them, libvips trims them).
        var canConvertPictures: Bool { soffice != nil && vips != nil }

        public static func find() -> Helpers {
            var helpers = Helpers()
            helpers.soffice = OfficeConversion.find()
            helpers.vips = PictureConversion.findVips()
            return helpers
        }
    }

    public static func run(
        _ request: Request, content: URL, contentDisplay: String, today: CalendarDay, pandoc: Pandoc?,
        helpers: Helpers = Helpers(), workingDirectory: URL? = nil
    ) -> Outcome {
        var outcome = Outcome(imported: [], refused: [], diagnostics: [])
        let command = SourcePosition(file: "okrug import-doc", line: 0, column: 0)
        let cwd = workingDirectory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)

        // Every document named, folders opened; a path that is not there is an error of its own.
        var documents: [(shown: String, url: URL)] = []
        for path in request.paths {
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : cwd.appendingPathComponent(path)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
                outcome.diagnostics.append(
                    .error(
                        SourcePosition(file: path, line: 0, column: 0), "файл не найден",
                        hint: "проверьте имя и папку; имя с пробелами возьмите в кавычки: \"Мой документ.docx\""))
                outcome.refused.append(path)
                continue
            }
            if isFolder.boolValue {
                let found = WordDocument.documents(in: url)
                if found.isEmpty {
                    outcome.diagnostics.append(
                        .error(
                            SourcePosition(file: path, line: 0, column: 0),
                            "в папке нет документов .docx, .doc, .odt или .rtf",
                            hint: "положите в неё документы Word или укажите файлы по одному"))
                }
                let prefix = path.hasSuffix("/") ? path : path + "/"
                documents += found.map { (prefix + $0.lastPathComponent, $0) }
            } else {
                documents.append((path, url))
            }
        }

        let choices = MaterialChoices.load(
            content: content, display: contentDisplay, diagnostics: &outcome.diagnostics)
        choices.check(
            school: request.school, direction: request.direction, kind: request.kind, at: command,
            diagnostics: &outcome.diagnostics)
        MaterialChoices.check(
            activity: request.activity, content: content, display: contentDisplay, at: command,
            diagnostics: &outcome.diagnostics)
        // A wrong id stops everything before anything is written: it would be wrong in every draft.
        if outcome.diagnostics.contains(where: { $0.severity == .error && $0.file == command.file })
            || (choices.schools.isEmpty && choices.directions.isEmpty)
        {
            outcome.refused += documents.map(\.shown)
            return outcome
        }
        guard !documents.isEmpty else { return outcome }
        guard let pandoc else {
            outcome.diagnostics.append(
                .error(
                    command, "не найден pandoc — программа, которая читает документы Word",
                    hint:
                        "установите его командой scripts/setup.sh (pandoc встанет в папку .venv/ проекта) и запустите импорт из корня проекта; "
                        + "или установите pandoc версии 3 или новее (https://pandoc.org/installing.html)"))
            outcome.refused += documents.map(\.shown)
            return outcome
        }
        let fields = DraftFields(
            school: request.school ?? choices.partner, direction: request.direction ?? choices.firstDirection,
            kind: request.kind ?? MaterialKind.seminar.rawValue, activity: request.activity,
            given: (request.school != nil, request.direction != nil, request.kind != nil), choices: choices)

        var taken = Set<String>()
        for document in documents {
            let place = SourcePosition(file: document.shown, line: 0, column: 0)
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
                "okrug-import-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: scratch) }
            switch WordDocument.open(document.url).flatMap({ $0.readable(in: scratch, soffice: helpers.soffice) }) {
            case .failure(let refusal):
                outcome.diagnostics.append(.error(place, refusal.message, hint: refusal.hint))
                outcome.refused.append(document.shown)
            case .success(let word):
                let converted = DocumentConversion.convert(
                    word, shown: document.shown, content: content, contentDisplay: contentDisplay, today: today,
                    fields: fields, pandoc: pandoc, helpers: helpers, taken: taken)
                outcome.diagnostics += converted.diagnostics
                if let imported = converted.imported {
                    taken.insert(imported.displayPath)
                    outcome.imported.append(imported)
                } else {
                    outcome.refused.append(document.shown)
                }
            }
        }
        return outcome
    }
}

import Foundation
import Testing

@testable import OkrugCore
@testable import OkrugSite

/// The oracle for `okrug serve`: after every edit — any field of a material or a page, its
/// text, a file added, removed or renamed, a data file — the preview's folder holds byte for
/// byte what a fresh build of the same files writes. The edits are generated from a seed, so a
/// failing round repeats.
@Suite(.timeLimit(.minutes(5))) struct ServeEqualsBuildTests {
    /// A document as fields, written out as a Markdown file after each edit.
    struct Document {
        var fields: [(String, String)]
        var body: String

        var text: String {
            "---\n" + fields.map { "\($0.0): \($0.1)" }.joined(separator: "\n") + "\n---\n\n" + body
        }

        subscript(key: String) -> String? {
            get { fields.first { $0.0 == key }?.1 }
            set {
                if let index = fields.firstIndex(where: { $0.0 == key }) {
                    if let newValue { fields[index].1 = newValue } else { fields.remove(at: index) }
                } else if let newValue {
                    fields.append((key, newValue))
                }
            }
        }
    }

    static func material(_ number: Int) -> Document {
        Document(
            fields: [
                ("title", "Материал \(number)"), ("date", "2023-0\(1 + number % 9)-1\(number % 10)"),
                ("authors", "[Ткаченко Е.Е.]"), ("school", "sosh13"), ("direction", "methodical"),
                ("kind", "seminar"),
            ],
            body: "Первый абзац материала \(number).\n\n## Ход\n\nТекст.\n")
    }

    static func page(_ number: Int) -> Document {
        Document(fields: [("title", "Страница \(number)"), ("menu", "\(number)")], body: "Текст страницы \(number).\n")
    }

    /// Every value each field takes in the edits (all valid: the oracle compares sites).
    static let materialValues: [String: [String?]] = [
        "title": ["Семинар «Новый»", "Мастер-класс по географии", "Материал", #"'Семинар "по-новому" - 2023'"#],
        "date": ["2023-02-14", "2023-10-19", "2022-12-31"],
        "authors": ["[Ткаченко Е.Е.]", "[Вареник И.А., Ткаченко Е. Е.]", "[Иванов И.И.]"],
        "school": ["sosh13", "prigorodnaya"],
        "direction": ["methodical", "psychology"],
        "kind": ["seminar", "webinar", "open-lesson"],
        "activity": [nil, "2023/seminar-innovatsii", "2023/kruglyi-stol"],
        "subjects": [nil, "[география]", "[история, география]"],
        "grades": [nil, "[5, 6]", "[11]"],
        "tags": [nil, "[ФГОС]", "[инновации, ФГОС]"],
        "summary": [nil, "Коротко о материале.", "Другое описание — с тире."],
        "slug": [nil, "svoi-adres", "drugoi-adres"],
        "draft": [nil, "true"],
        "audience": [nil, "учителя географии", "классные руководители 5 классов"],
    ]
    static let pageValues: [String: [String?]] = [
        "title": ["О проекте", "Контакты", "Партнерство", #"'"Кавычки" - и тире'"#],
        "menu": [nil, "1", "5"],
        "menu_title": [nil, "Коротко", "Меню"],
        "summary": [nil, "Страница о проекте.", "Контакты школ.", #"'О "проекте" - коротко'"#],
        "slug": [nil, "o-proekte", "kontakty-shkol"],
    ]

    /// The edits cover every field the schema describes (a new field is edited here at once);
    /// the records (attachments, photos) are edited with their files by the other tests.
    @Test func theEditsCoverEverySchemaField() {
        let materialKeys = MaterialSchema.fields.filter { $0.type != .records }.map(\.key)
        #expect(Set(materialKeys) == Set(Self.materialValues.keys))
        #expect(Set(PageSchema.keys) == Set(Self.pageValues.keys))
    }

    static func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for path in FileManager.default.subpaths(atPath: folder.path) ?? [] where path != ".okrug-site" {
            let url = folder.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = FileManager.default.contents(atPath: url.path)
            }
        }
        return files
    }

    @Test func everyEditUnderServeGivesTheBytesOfAFreshBuild() throws {
        let site = try TempSite(files: ["plans/2023.yaml": PlanBadInputTests.plan()])
        defer { site.remove() }
        let content = site.root.appendingPathComponent("Content")
        var materials: [String: Document] = [:]
        var pages: [String: Document] = [:]
        var next = 0
        func write(_ path: String, _ document: Document) throws {
            let url = content.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(document.text.utf8).write(to: url)
        }
        for _ in 0..<5 {
            next += 1
            materials["materials/m\(next).md"] = Self.material(next)
        }
        var bundle = Self.material(99)
        bundle["attachments"] = "[{file: programma.pdf, title: Программа}]"
        materials["materials/folder/index.md"] = bundle
        pages["pages/about.md"] = Self.page(1)
        pages["pages/contacts.md"] = Self.page(2)
        for (path, document) in materials.merging(pages, uniquingKeysWith: { a, _ in a }) {
            try write(path, document)
        }
        try Data("%PDF-1.4".utf8).write(to: content.appendingPathComponent("materials/folder/programma.pdf"))

        // With the picture tools when they are installed: a material's link-preview card follows its title.
        let tools = AttachmentTools.find(workingDirectory: repositoryRoot)
        func options(_ output: String) -> BuildOptions {
            var options = site.options(output: output)
            options.attachmentTools = tools
            return options
        }
        let serve = IncrementalBuilder(options: options("Serve"))
        #expect(serve.build().succeeded)
        var generator = Generator(state: 2026)
        var kinds: [String: Int] = [:]
        for round in 0..<150 {
            var edit = ""
            switch generator.int(0...10) {
            case 0...3:
                let path = generator.pick(materials.keys.sorted())
                let key = generator.pick(Self.materialValues.keys.sorted())
                // m1 is what the bodies link to: it stays published.
                let value =
                    path == "materials/m1.md" && key == "draft"
                    ? nil : generator.pick(Self.materialValues[key] ?? [nil])
                materials[path]?[key] = value
                // Two materials may not share an address: a custom slug is used once.
                if key == "slug", let value {
                    for other in materials.keys where other != path && materials[other]?["slug"] == value {
                        materials[other]?["slug"] = nil
                        try write(other, materials[other] ?? Self.material(0))
                    }
                }
                try write(path, materials[path] ?? Self.material(0))
                edit = "material \(key)"
            case 4...5:
                let path = generator.pick(pages.keys.sorted())
                let key = generator.pick(Self.pageValues.keys.sorted())
                let value = generator.pick(Self.pageValues[key] ?? [nil])
                pages[path]?[key] = value
                if key == "slug", let value {
                    for other in pages.keys where other != path && pages[other]?["slug"] == value {
                        pages[other]?["slug"] = nil
                        try write(other, pages[other] ?? Self.page(0))
                    }
                }
                try write(path, pages[path] ?? Self.page(0))
                edit = "page \(key)"
            case 6:
                let path = generator.pick(materials.keys.sorted())
                let link = path.hasSuffix("/index.md") ? "../m1.md" : "m1.md"
                materials[path]?.body += "\nЕщё абзац \(round) с «кавычками» и [ссылкой](\(link)).\n"
                if generator.chance(30) { materials[path]?.body += "\n## Раздел \(round)\n\nТекст.\n" }
                try write(path, materials[path] ?? Self.material(0))
                edit = "material body"
            case 7:
                next += 1
                let path = "materials/new\(next).md"
                materials[path] = Self.material(next)
                try write(path, materials[path] ?? Self.material(0))
                edit = "material added"
            case 8 where materials.count > 3:
                let path = generator.pick(materials.keys.sorted().filter { $0 != "materials/m1.md" })
                materials[path] = nil
                try FileManager.default.removeItem(at: content.appendingPathComponent(path))
                edit = "material removed"
            case 10:
                let name = generator.pick(["Пригородная СОШ", "МБОУ «Пригородная СОШ»", "Пригородная школа"])
                try Data(TempSite.schoolsYAML.replacingOccurrences(of: "Пригородная СОШ", with: name).utf8).write(
                    to: content.appendingPathComponent("schools.yaml"))
                edit = "data file"
            default:
                let path = generator.pick(
                    materials.keys.sorted().filter { !$0.hasSuffix("index.md") && $0 != "materials/m1.md" })
                next += 1
                let renamed = "materials/renamed\(next).md"
                materials[renamed] = materials[path]
                materials[path] = nil
                try FileManager.default.moveItem(
                    at: content.appendingPathComponent(path), to: content.appendingPathComponent(renamed))
                edit = "material renamed"
            }
            kinds[edit, default: 0] += 1
            let outcome = serve.build()
            #expect(outcome.succeeded, "round \(round), \(edit): \(outcome.diagnostics.errors)")
            let fresh = Builder.build(options("Fresh"))
            #expect(fresh.succeeded, "round \(round), \(edit): \(fresh.diagnostics.errors)")
            let served = Self.snapshot(site.root.appendingPathComponent("Serve"))
            let built = Self.snapshot(site.root.appendingPathComponent("Fresh"))
            if served != built {
                let differing = Set(served.keys).union(built.keys).filter { served[$0] != built[$0] }.sorted()
                Issue.record("round \(round), \(edit): serve differs from a fresh build in \(differing.prefix(5))")
                break
            }
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("Fresh"))
        }
        // Every kind of edit was tried, every field of both kinds among them.
        for key in Self.materialValues.keys { #expect(kinds["material \(key)", default: 0] > 0, "material \(key)") }
        for key in Self.pageValues.keys { #expect(kinds["page \(key)", default: 0] > 0, "page \(key)") }
        for edit in ["material body", "material added", "material removed", "material renamed", "data file"] {
            #expect(kinds[edit, default: 0] > 0, "\(edit)")
        }
    }
}

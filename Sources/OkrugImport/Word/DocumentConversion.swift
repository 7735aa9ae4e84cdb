import Foundation
import OkrugCore
import OkrugSystem
import OkrugText

/// The ids a draft gets: given on the command line, or the defaults `okrug new` uses.
struct DraftFields {
    var school: String
    var direction: String
    var kind: String
    var activity: String?
    var given: (school: Bool, direction: Bool, kind: Bool)
    var choices: MaterialChoices
}

/// One document through pandoc into `Content/materials/<slug>/`.
enum DocumentConversion {
    /// What the filter says about the document on stderr.
    struct FilterReport {
        struct Meta: Decodable {
            var title: String?
            var author: String?
        }

        var meta = Meta()
        var mergedTables: [Int] = []
        /// Tables with a table or a list in a cell, which a pipe table holds as one line of text.
        var nestedTables: [Int] = []
        var listsInCells: [Int] = []
        var imagesWithoutText: [String] = []
        var imagesBrowsersCannotShow: [String] = []
        /// Links to files, by the number the filter wrote in their place (`okrug-file:N`).
        var fileLinks: [(number: Int, target: String)] = []
        /// pandoc's own words, for when it fails.
        var pandocLines: [String] = []

        init(_ stderr: String) {
            for line in stderr.split(separator: "\n").map(String.init) {
                if line.hasPrefix("okrug-link: ") {
                    let rest = line.dropFirst("okrug-link: ".count)
                    if let space = rest.firstIndex(of: " "), let number = Int(rest[..<space]) {
                        fileLinks.append((number, String(rest[rest.index(after: space)...])))
                    }
                } else if line.hasPrefix("okrug-meta: ") {
                    let json = Data(line.dropFirst("okrug-meta: ".count).utf8)
                    if let decoded = try? JSONDecoder().decode(Meta.self, from: json) { meta = decoded }
                } else if line.hasPrefix("okrug-warning: table "), line.hasSuffix(": merged cells") {
                    let number = line.dropFirst("okrug-warning: table ".count).prefix { $0.isNumber }
                    if let number = Int(number) { mergedTables.append(number) }
                } else if line.hasPrefix("okrug-warning: table "), line.hasSuffix(": nested table") {
                    let number = line.dropFirst("okrug-warning: table ".count).prefix { $0.isNumber }
                    if let number = Int(number) { nestedTables.append(number) }
                } else if line.hasPrefix("okrug-warning: table "), line.hasSuffix(": list in cell") {
                    let number = line.dropFirst("okrug-warning: table ".count).prefix { $0.isNumber }
                    if let number = Int(number) { listsInCells.append(number) }
                } else if line.hasPrefix("okrug-warning: image "), line.hasSuffix(": no alt text") {
                    imagesWithoutText.append(
                        String(line.dropFirst("okrug-warning: image ".count).dropLast(": no alt text".count)))
                } else if line.hasPrefix("okrug-warning: image "), line.hasSuffix(": format not shown by browsers") {
                    imagesBrowsersCannotShow.append(
                        String(
                            line.dropFirst("okrug-warning: image ".count).dropLast(
                                ": format not shown by browsers".count)))
                } else if !line.hasPrefix("okrug-"), !line.trimmingCharacters(in: .whitespaces).isEmpty {
                    pandocLines.append(line)
                }
            }
        }
    }

    private static func place0(_ shown: String) -> SourcePosition { SourcePosition(file: shown, line: 0, column: 0) }

    static func convert(
        _ word: WordDocument, shown: String, content: URL, contentDisplay: String, today: CalendarDay,
        fields: DraftFields, pandoc: Pandoc, helpers: DocumentImport.Helpers, taken: Set<String>
    ) -> (imported: DocumentImport.Imported?, diagnostics: [Diagnostic]) {
        let place = SourcePosition(file: shown, line: 0, column: 0)
        let materials = content.appendingPathComponent(ContentFolders.materials)
        // The scratch folder is inside materials/ (one file system, so the finished material
        // arrives by one rename) and hidden (the loader skips names starting with a dot).
        let scratch = materials.appendingPathComponent(".okrug-import-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            try ImportFilter.write(into: scratch)
        } catch {
            let failure = SystemError.from(error, path: contentDisplay + "/materials")
            return (
                nil,
                [
                    .error(
                        place, "не удалось подготовить папку для импорта: \(SystemError.reason(failure.code))",
                        hint: failure.hint)
                ]
            )
        }

        let notesAnchor = Transliteration.slug(DocumentImport.notesTitle)
        let run = pandoc.run(
            pandocArguments(reader: word.format.reader, input: word.url.path, notesAnchor: notesAnchor), in: scratch)
        let report = FilterReport(run.errors)
        if let limit = run.limitHit {
            // A limit stopped pandoc: said as such, not as a damaged document.
            return (
                nil,
                [
                    .error(
                        place, "документ не импортирован: \(limit)",
                        hint: "разделите документ на несколько или сожмите рисунки в нём и импортируйте снова")
                ]
            )
        }
        let bodyPath = scratch.appendingPathComponent("body.md").path
        if let size = FileStatus.of(bodyPath)?.size, size > SourceText.maximumBytes {
            return (
                nil,
                [
                    .error(
                        place,
                        "текст документа вышел \(size >> 20) МБ, а материал может быть не больше \(SourceText.maximumBytes >> 20) МБ (предел размера)",
                        hint: "разделите документ на несколько и импортируйте их по отдельности")
                ]
            )
        }
        guard run.status == 0, let bodyData = FileManager.default.contents(atPath: bodyPath) else {
            let said = report.pandocLines.first.map { ": «\($0)»" } ?? ""
            return (
                nil,
                [
                    .error(
                        place, "pandoc не смог прочитать документ (код \(run.status))\(said)",
                        hint: "документ, возможно, повреждён; " + WordDocument.saveAsDocx)
                ]
            )
        }
        var body = String(decoding: bodyData, as: UTF8.self)

        let fileTitle = word.original.deletingPathExtension().lastPathComponent
            .replacingOccurrences(of: "_", with: " ").trimmingCharacters(in: .whitespaces)
        let title = report.meta.title?.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty ?? fileTitle
        var slug = Transliteration.slug(title)
        if slug.isEmpty { slug = Transliteration.slug(fileTitle) }
        if slug.isEmpty { slug = "material" }
        let displayPath = "\(contentDisplay)/materials/\(slug)/index.md"
        let folder = materials.appendingPathComponent(slug)
        let single = materials.appendingPathComponent(slug + ".md")
        if taken.contains(displayPath) || FileManager.default.fileExists(atPath: folder.path)
            || FileManager.default.fileExists(atPath: single.path)
        {
            return (
                nil,
                [
                    .error(
                        place,
                        "материал с адресом /materials/\(slug)/ уже есть; документ не импортирован, существующий не тронут",
                        hint:
                            "если это новый документ, дайте ему другое название (свойство «Название» или первый заголовок); "
                            + "если тот же — откройте \(contentDisplay)/materials/\(slug)")
                ]
            )
        }

        // Pictures: pandoc's names (image1.png, Pictures/0.png) become «risunok-1.png»… in order of appearance.
        let staged = scratch.appendingPathComponent("material")
        var pictureNames: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        do {
            try FileManager.default.createDirectory(at: staged, withIntermediateDirectories: true)
            for (path, name) in Self.pictureNames(in: body) {
                try FileManager.default.moveItem(
                    at: scratch.appendingPathComponent(path), to: staged.appendingPathComponent(name))
                pictureNames[path] = name
                body = body.replacingOccurrences(of: path, with: name)
            }
        } catch {
            let failure = SystemError.from(error, path: shown)
            return (
                nil,
                [.error(place, "не удалось извлечь рисунки: \(SystemError.reason(failure.code))", hint: failure.hint)]
            )
        }
        let original =
            (Transliteration.slug(word.original.deletingPathExtension().lastPathComponent).nonEmpty ?? "dokument")
            + "." + word.originalFormat.rawValue

        // Word's drawings (EMF, WMF) and TIFF or BMP pictures, which no browser shows, as PNG.
        var converted = Set<String>()
        for path in report.imagesBrowsersCannotShow {
            guard let name = pictureNames[path],
                let png = PictureConversion.replace(name, in: staged, scratch: scratch, helpers: helpers)
            else { continue }
            pictureNames[path] = png
            body = body.replacingOccurrences(of: "](\(name))", with: "](\(png))")
            converted.insert(path)
        }

        // Links to files: the file beside the document comes with it; one on the author's computer is said.
        var linked: [(file: String, title: String)] = []
        var linkProblems: [FileLink] = []
        var taken = Set(pictureNames.values).union([original, "index.md"])
        for link in report.fileLinks {
            let placeholder = "okrug-file:\(link.number)"
            let place = FileLink.locate(link.target, beside: word.original.deletingLastPathComponent())
            var destination = FileLink.destination(link.target.removingPercentEncoding ?? link.target)
            switch place {
            case .found(let file):
                let name = FileLink.name(for: file, taken: taken)
                do {
                    try FileManager.default.copyItem(at: file, to: staged.appendingPathComponent(name))
                } catch {
                    let failure = SystemError.from(error, path: file.path)
                    return (
                        nil,
                        [
                            .error(
                                place0(shown),
                                "файл «\(file.lastPathComponent)», на который ссылается документ, не скопирован: \(SystemError.reason(failure.code))",
                                hint: failure.hint)
                        ]
                    )
                }
                taken.insert(name)
                linked.append(
                    (name, file.deletingPathExtension().lastPathComponent.replacingOccurrences(of: "_", with: " ")))
                destination = name
            case .missing(let target):
                return (
                    nil,
                    [
                        .error(
                            place0(shown),
                            "в документе ссылка на файл «\(target)», а рядом с документом такого файла нет; документ не импортирован",
                            hint:
                                "положите этот файл в ту же папку, что и документ, и импортируйте снова — он станет файлом материала; или уберите ссылку в Word"
                        )
                    ]
                )
            case .onAuthorsComputer, .notAFile:
                linkProblems.append(place)
            }
            body = body.replacingOccurrences(of: "(\(placeholder))", with: "(\(destination))")
                .replacingOccurrences(of: "<\(placeholder)>", with: "<\(destination)>")
        }

        var authors = ["Фамилия И.О."]
        var authorProblem: String?
        if let property = report.meta.author?.trimmingCharacters(in: .whitespaces), !property.isEmpty {
            if let names = AuthorName.names(fromProperty: property) {
                authors = names
            } else {
                authorProblem = "в свойствах документа автор указан как «\(property)» — это не имя"
            }
        } else {
            authorProblem = "в свойствах документа автор не указан"
        }

        let draft = DraftText.material(
            title: title, source: word.original.lastPathComponent, today: today, authors: authors, fields: fields,
            original: original, linked: linked)
        let text = draft.text + "\n" + (body.hasSuffix("\n") ? body : body + "\n")
        let bodyFirstLine = draft.lineCount + 2
        let bodyLines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func at(_ bodyIndex: Int?) -> SourcePosition {
            SourcePosition(file: displayPath, line: bodyIndex.map { bodyFirstLine + $0 } ?? 1, column: 1)
        }

        if let authorProblem {
            diagnostics.append(
                .warning(
                    SourcePosition(file: displayPath, line: draft.authorsLine, column: 1), authorProblem,
                    hint: "впишите авторов: authors: [Фамилия И.О., Фамилия И.О.]"))
        }
        let tables = tableLines(bodyLines)
        let tableProblems: [(numbers: [Int], problem: String, hint: String)] = [
            (
                report.mergedTables,
                "в документе в ней объединены ячейки — они разделены, текст оставлен в первой из них",
                "сверьте таблицу с документом и при необходимости перенесите текст в нужные ячейки"
            ),
            (
                report.nestedTables, "в её ячейке была другая таблица — на сайте её ячейки записаны подряд текстом",
                "сверьте с документом: вложенную таблицу лучше вынести под основную отдельной таблицей или списком"
            ),
            (
                report.listsInCells, "в её ячейке был список — на сайте его пункты записаны в одну строку",
                "сверьте с документом; пункты можно разделить точкой с запятой или вынести список под таблицу"
            ),
        ]
        for (numbers, problem, hint) in tableProblems {
            for number in numbers {
                let index = number - 1 < tables.count ? tables[number - 1] : nil
                diagnostics.append(.warning(at(index), "таблица \(number): " + problem, hint: hint))
            }
        }
        for path in report.imagesWithoutText {
            let name = pictureNames[path] ?? path
            diagnostics.append(
                .warning(
                    at(bodyLines.firstIndex { $0.contains("](\(name))") }), "у рисунка \(name) нет описания",
                    hint:
                        "впишите в квадратные скобки, что на рисунке: ![Схема взаимодействия школ](\(name)) — описание прочтут незрячие читатели и увидят все, если рисунок не загрузится"
                ))
        }
        for case .onAuthorsComputer(let target) in linkProblems {
            let destination = FileLink.destination(target)
            diagnostics.append(
                .warning(
                    at(bodyLines.firstIndex { $0.contains(destination) }),
                    "ссылка на файл на компьютере автора документа («\(target)»): у читателей сайта она не откроется",
                    hint:
                        "положите этот файл рядом с документом и импортируйте снова — он станет файлом материала; или замените ссылку адресом https://…"
                ))
        }
        for path in report.imagesBrowsersCannotShow where !converted.contains(path) {
            let name = pictureNames[path] ?? path
            diagnostics.append(
                .warning(
                    at(bodyLines.firstIndex { $0.contains("](\(name))") }),
                    "рисунок \(name) в формате, который браузеры не показывают",
                    hint: helpers.canConvertPictures
                        ? "LibreOffice и libvips не смогли его перевести в PNG; сохраните рисунок из документа как PNG или JPEG в папку материала и замените имя в ссылке"
                        : "установите LibreOffice и libvips (scripts/setup.sh --office) и импортируйте снова — рисунок станет PNG; или сохраните его как PNG в папку материала и замените имя в ссылке"
                ))
        }

        do {
            try WholeFile.write(text, to: staged.appendingPathComponent("index.md"))
            try FileManager.default.copyItem(at: word.original, to: staged.appendingPathComponent(original))
            // One rename: the material appears whole, and an existing folder makes it fail.
            try FileManager.default.moveItem(at: staged, to: folder)
        } catch {
            let failure = SystemError.from(error, path: displayPath)
            return (
                nil,
                [.error(place, "не удалось записать материал: \(SystemError.reason(failure.code))", hint: failure.hint)]
            )
        }
        let imported = DocumentImport.Imported(
            source: shown, displayPath: displayPath, title: title, warnings: diagnostics.count)
        return (imported, diagnostics)
    }

    /// The extracted pictures' paths as pandoc wrote them into the text, each once, in order.
    /// pandoc's arguments for a document into Markdown okrug reads: run in a folder that holds
    /// `import.lua` (`ImportFilter`); the text goes to `body.md`, pictures under `mediaFolder`.
    static func pandocArguments(reader: String, input: String, notesAnchor: String) -> [String] {
        [
            "--sandbox", "--from=\(reader)", "--to=commonmark+pipe_tables-raw_html", "--wrap=none",
            "--extract-media=\(DocumentImport.mediaFolder)", "-M", "media_dir=\(DocumentImport.mediaFolder)",
            "-M", "notes_anchor=\(notesAnchor)", "--lua-filter=" + ImportFilter.fileName, input, "-o", "body.md",
        ]
    }

    /// pandoc's picture paths (`okrug-media/image1.png`) in order of appearance, each with the
    /// name it is given: `risunok-1.png`, `risunok-2.jpeg`…
    static func pictureNames(in body: String) -> [(path: String, name: String)] {
        picturePaths(in: body).enumerated().map { number, path in
            let ext = (path as NSString).pathExtension.lowercased()
            return (path, "risunok-\(number + 1)" + (ext.isEmpty ? "" : ".\(ext)"))
        }
    }

    static func picturePaths(in body: String) -> [String] {
        var found: [String] = []
        var rest = body[...]
        let prefix = "](\(DocumentImport.mediaFolder)/"
        while let range = rest.range(of: prefix) {
            let start = body.index(range.lowerBound, offsetBy: 2)
            let end = rest[start...].firstIndex { $0 == ")" || $0 == " " || $0 == "\n" } ?? rest.endIndex
            let path = String(body[start..<end])
            if !found.contains(path) { found.append(path) }
            rest = rest[end...]
        }
        return found
    }

    /// The index of each pipe table's header line: a line starting with `|` above a delimiter row.
    static func tableLines(_ lines: [String]) -> [Int] {
        var found: [Int] = []
        for index in lines.indices.dropLast() {
            let next = lines[index + 1]
            if lines[index].hasPrefix("|"), next.hasPrefix("|"), next.contains("-"),
                next.allSatisfy({ "|-: ".contains($0) })
            {
                found.append(index)
            }
        }
        return found
    }
}

extension String {
    /// `nil` for an empty string: `a.nonEmpty ?? b`.
    var nonEmpty: String? { isEmpty ? nil : self }
}

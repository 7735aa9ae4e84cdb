import Foundation
import OkrugCore
import OkrugImport
import OkrugSystem
import OkrugText

/// What the build makes from a material's attachments: a picture of a PDF's first page with
/// its page count, and a Word or LibreOffice document as text to read on the site. Each is
/// made once per file content and kept in the cache folder, so a rebuild reuses it and an
/// unchanged file never runs a tool again.
struct AttachmentExtra: Sendable {
    var preview: FilePreview?
    var pageCount: Int?
    var online: OnlineText?
    /// An office file as a PDF («Открыть» shows it in the browser's own viewer).
    var converted: ConvertedPDF?
    /// The words of a PDF or an office file, page by page, for search and its text page; a
    /// document read online has its page instead.
    var text: FileText?
    /// Where the text page is: `materials/x/tekst/<file>/`.
    var textAddress = ""
}

/// An office file's PDF, kept in the cache, and where the site has it (beside the original).
struct ConvertedPDF: Sendable {
    var path: String
    var target: String
}

/// The first page of a PDF as a PNG, and where the site has it.
struct FilePreview: Sendable {
    var png: Data
    var width: Int
    var height: Int
    var target: String
}

/// A document's text for its «Читать онлайн» page (`materials/x/chitat/<name>/`).
struct OnlineText: Sendable {
    struct Picture: Sendable {
        var name: String
        var data: Data
    }

    var markdown: String
    var pictures: [Picture]
    /// The page's address.
    var address: String
}

struct AttachmentExtras: Sendable {
    /// By the attachment's place in the site (`Attachment.target`).
    var byTarget: [String: AttachmentExtra] = [:]
    var diagnostics: [Diagnostic] = []
    /// The site's raster pictures in the sizes screens need, by their place in the site.
    var pictures: [String: PictureSet] = [:]
    /// The site's link-preview card in the cache (`SocialCard`), when libvips made it.
    var socialCard: String?
    /// Each material's card in the cache (`MaterialCards`), by the material's path.
    var materialCards: [String: String] = [:]

    /// Bumped when the pictures or texts would come out differently: old cache entries are then ignored.
    static let cacheVersion = "v2"
    /// `materials/x/plan.predmetnoi-nedeli.docx` → `plan-predmetnoi-nedeli`: the file's name
    /// without its extension, as an address.
    static func pageName(_ target: String) -> String {
        let name = String(target.split(separator: "/").last ?? "")
        let stem = name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name
        let slug = Transliteration.slug(stem)
        return slug.isEmpty ? "dokument" : slug
    }

    /// Twice the width the page shows the preview at, for sharp screens.
    static let previewWidth = 240

    static func make(site: Site, options: BuildOptions) -> AttachmentExtras {
        var extras = attachments(site: site, options: options)
        let pictures = Pictures.make(site: site, options: options)
        extras.pictures = pictures.byTarget
        extras.diagnostics += pictures.diagnostics
        extras.socialCard = SocialCard.make(site: site, options: options)
        extras.materialCards = MaterialCards.make(site: site, options: options)
        return extras
    }

    private static func attachments(site: Site, options: BuildOptions) -> AttachmentExtras {
        struct Job: Sendable {
            var attachment: Attachment
            var material: Material
            /// The «Читать онлайн» page's address, for a document.
            var address: String
            /// The text page's address.
            var textAddress: String
        }
        var jobs: [Job] = []
        var seen = Set<String>()
        var addresses = Set<String>()
        /// «plan.docx» and «sub/plan.docx» of one material: the second page is «plan-2».
        func unique(_ base: String) -> String {
            var address = base + "/"
            var number = 1
            while !addresses.insert(address).inserted {
                number += 1
                address = base + "-\(number)/"
            }
            return address
        }
        for material in site.materials {
            for attachment in material.attachments
            where attachment.isPDF || attachment.isOffice || attachment.readsOnline {
                // A file listed more than once is made once.
                guard seen.insert(attachment.target).inserted else { continue }
                let name = Self.pageName(attachment.target)
                jobs.append(
                    Job(
                        attachment: attachment, material: material,
                        address: attachment.readsOnline ? unique(material.path + Routes.onlineFolder + name) : "",
                        textAddress: unique(material.path + Routes.textFolder + name)))
            }
        }
        guard !jobs.isEmpty else { return AttachmentExtras() }
        let cacheRoot = options.cache.appendingPathComponent(cacheVersion)
        let keys = AttachmentKeys.load(from: cacheRoot)
        let made = ParallelMap.map(jobs) { job in
            AttachmentWork(options: options).extra(for: job.attachment, address: job.address, keys: keys)
        }
        var remembered: [String: AttachmentKeys.Known] = [:]
        for (job, result) in zip(jobs, made) {
            if let known = result.key { remembered[job.attachment.source] = known }
        }
        keys.save(remembered, to: cacheRoot)
        var extras = AttachmentExtras()
        var warned = Set<MissingTool>()
        for (job, result) in zip(jobs, made) {
            var extra = result.extra
            extra.textAddress = job.textAddress
            extras.byTarget[job.attachment.target] = extra
            let needed: [(Bool, MissingTool)] = [
                (result.neededPDFTool, .poppler), (result.neededOffice, .office), (result.neededOCR, .ocr),
                (result.neededPandoc, .pandoc),
            ]
            for (isNeeded, tool) in needed where isNeeded && warned.insert(tool).inserted {
                let file = tool == .ocr ? job.attachment.source : job.material.sourcePath
                extras.diagnostics.append(
                    .warning(
                        SourcePosition(file: options.contentDisplay + "/" + file, line: 0, column: 0), tool.problem,
                        hint: tool.hint))
            }
            if let failure = result.failure {
                extras.diagnostics.append(
                    .warning(
                        SourcePosition(file: options.contentDisplay + "/" + job.attachment.source, line: 0, column: 0),
                        failure,
                        hint:
                            "файл можно скачать с сайта, как прежде; проверьте, открывается ли он, и сохраните его заново"
                    ))
            }
        }
        return extras
    }
}

/// One attachment's extras, from the cache or made by the tools.
private struct AttachmentWork {
    let options: BuildOptions

    struct Result: Sendable {
        var extra = AttachmentExtra()
        var neededPDFTool = false
        var neededPandoc = false
        var neededOffice = false
        var neededOCR = false
        var failure: String?
        /// The file's key with its size and time, for the next build.
        var key: AttachmentKeys.Known?
    }

    func extra(for attachment: Attachment, address: String, keys: AttachmentKeys) -> Result {
        var result = Result()
        let file = options.content.appendingPathComponent(attachment.source)
        guard let known = keys.known(attachment.source, at: file) else { return result }
        let key = known.key
        result.key = known
        if attachment.isPDF {
            pdf(file, key: key, target: attachment.target + ".png", into: &result)
            // A PDF poppler could not picture is broken: one warning says so.
            if result.failure == nil { text(file, key: key, into: &result) }
            return result
        }
        if attachment.isOffice { office(file, key: key, target: attachment.target, into: &result) }
        if attachment.readsOnline { online(file, key: key, address: address, into: &result) }
        // A document read online is searched on that page; other files through their PDF.
        if result.extra.online == nil, let converted = result.extra.converted {
            text(URL(fileURLWithPath: converted.path), key: key, into: &result)
        }
        return result
    }

    private var cacheRoot: URL { options.cache.appendingPathComponent(AttachmentExtras.cacheVersion) }

    private func pdf(_ file: URL, key: String, target: String, into result: inout Result) {
        let folder = cacheRoot.appendingPathComponent("pdf")
        let picture = folder.appendingPathComponent(key + ".png")
        let pages = folder.appendingPathComponent(key + ".pages")
        var png = FileManager.default.contents(atPath: picture.path)
        var count = FileManager.default.contents(atPath: pages.path).flatMap {
            Int(String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        if png == nil || count == nil {
            guard let pdftoppm = options.attachmentTools.pdftoppm else {
                result.neededPDFTool = true
                return
            }
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            if png == nil {
                let scratch = folder.appendingPathComponent(".\(key)-\(UUID().uuidString)")
                let run = pdftoppm.run(
                    [
                        "-png", "-f", "1", "-l", "1", "-singlefile", "-scale-to-x", "\(AttachmentExtras.previewWidth)",
                        "-scale-to-y", "-1", file.path, scratch.path,
                    ], limits: .pdf)
                let made = scratch.appendingPathExtension("png")
                defer { try? FileManager.default.removeItem(at: made) }
                guard run.succeeded, let data = FileManager.default.contents(atPath: made.path) else {
                    let said =
                        run.limitHit.map { ": pdftoppm \($0.russian)" }
                        ?? run.errors.split(separator: "\n").first.map { ": «\($0)»" } ?? ""
                    result.failure = "картинка первой страницы PDF не сделана\(said)"
                    return
                }
                png = data
                try? FileIO.rename(made.path, to: picture.path)
            }
            if count == nil, let pdfinfo = options.attachmentTools.pdfinfo {
                let run = pdfinfo.run([file.path], limits: .pdf)
                count = Self.pageCount(pdfinfoOutput: String(decoding: run.output, as: UTF8.self))
                if let count { try? WholeFile.write("\(count)\n", to: pages) }
            }
        }
        result.extra.pageCount = count
        if let png, let size = Self.pngSize(png) {
            result.extra.preview = FilePreview(png: png, width: size.width, height: size.height, target: target)
        }
    }

    /// An office file as a PDF made by LibreOffice (once per content: kept in the cache), then
    /// its first page and page count as for any PDF. Each run has its own profile folder, so
    /// conversions run side by side; a file's macros are never run (LibreOffice's default).
    private func office(_ file: URL, key: String, target: String, into result: inout Result) {
        let folder = cacheRoot.appendingPathComponent("office")
        let converted = folder.appendingPathComponent(key + ".pdf")
        // A file LibreOffice could not convert is remembered too: it is not tried on every build.
        let failed = folder.appendingPathComponent(key + ".failed")
        if let said = try? RegularFile.read(failed.path, limit: 4096) {
            result.failure = String(decoding: said, as: UTF8.self)
            return
        }
        if FileStatus.of(converted.path)?.isRegular != true {
            guard let soffice = options.attachmentTools.soffice else {
                result.neededOffice = true
                return
            }
            let scratch = folder.appendingPathComponent(".\(key)-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: scratch) }
            let made: URL
            switch OfficeConversion.convert(file, to: "pdf", in: scratch, soffice: soffice) {
            case .success(let pdf):
                made = pdf
            case .failure(let failure):
                result.failure = "документ не переведён в PDF\(failure.reason)"
                // A limit hit may pass on a faster machine: only the converter's own refusal is kept.
                if failure.refusedByConverter, let said = result.failure {
                    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                    try? WholeFile.write(said, to: failed)
                }
                return
            }
            // The same file gives the same bytes on every machine and day.
            guard let bytes = try? RegularFile.read(made.path, limit: ExternalTool.Limits.office.fileBytes) else {
                return
            }
            let pdf = ReproduciblePDF.normalize(bytes, key: key)
            guard (try? WholeFile.write(pdf, to: converted.path)) != nil else { return }
        }
        result.extra.converted = ConvertedPDF(path: converted.path, target: target + ".pdf")
        pdf(converted, key: key, target: target + ".png", into: &result)
    }

    /// Scanned pages read per file at most: a scanned book would hold the build for an hour.
    static let recognizedPagesLimit = 100

    /// The words of a PDF page by page (pdftotext); a page with a picture and next to no letters
    /// is a scan, rendered at 300 dpi and read by tesseract (Russian and English). Kept in the
    /// cache once complete: without tesseract the scans are read on a later build.
    private func text(_ pdf: URL, key: String, into result: inout Result) {
        let folder = cacheRoot.appendingPathComponent("text")
        let cached = folder.appendingPathComponent(key + ".txt")
        if let data = try? RegularFile.read(cached.path, limit: 256 << 20), let text = FileText.decoded(Data(data)) {
            result.extra.text = text
            return
        }
        guard let pdftotext = options.attachmentTools.pdftotext else {
            result.neededPDFTool = true
            return
        }
        let run = pdftotext.run(["-enc", "UTF-8", "-eol", "unix", pdf.path, "-"], limits: .pdf)
        guard run.succeeded else {
            let said =
                run.limitHit.map { ": pdftotext \($0.russian)" }
                ?? run.errors.split(separator: "\n").first.map { ": «\($0)»" } ?? ""
            result.failure = "текст файла не извлечён, поиск не найдёт его слов\(said)"
            return
        }
        var raw = FileText.rawPages(fromPdftotext: String(decoding: run.output, as: UTF8.self))
        var recognized: [Int] = []
        let bare = raw.indices.filter { FileText.letterCount(raw[$0]) < FileText.scannedBelow }
        if !bare.isEmpty, let pdfimages = options.attachmentTools.pdfimages {
            let list = pdfimages.run(["-list", pdf.path], limits: .pdf)
            let pictured = FileText.pagesWithPictures(pdfimagesList: String(decoding: list.output, as: UTF8.self))
            let scanned = bare.map { $0 + 1 }.filter(pictured.contains)
            if !scanned.isEmpty {
                guard let tesseract = options.attachmentTools.tesseract, let pdftoppm = options.attachmentTools.pdftoppm
                else {
                    result.neededOCR = true
                    result.extra.text = FileText(raw: raw, recognized: [])
                    return
                }
                switch recognize(
                    pdf, pages: Array(scanned.prefix(Self.recognizedPagesLimit)), key: key,
                    tesseract: tesseract, pdftoppm: pdftoppm)
                {
                case .success(let read):
                    for (page, words) in read {
                        raw[page - 1] = words
                        recognized.append(page)
                    }
                case .failure(let failure):
                    result.failure = failure.reason
                    result.extra.text = FileText(raw: raw, recognized: [])
                    return
                }
            }
        }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? WholeFile.write(FileText.encoded(raw: raw, recognized: recognized), to: cached)
        result.extra.text = FileText(raw: raw, recognized: recognized)
    }

    struct RecognitionFailure: Error {
        var reason: String
    }

    /// Each page as a grey picture at 300 dpi, read by tesseract on one thread (the files are
    /// read side by side, one per core).
    private func recognize(_ pdf: URL, pages: [Int], key: String, tesseract: ExternalTool, pdftoppm: ExternalTool)
        -> Swift.Result<[(Int, String)], RecognitionFailure>
    {
        let scratch = cacheRoot.appendingPathComponent("text").appendingPathComponent(".\(key)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        } catch {
            return .failure(RecognitionFailure(reason: "текст скана не распознан: не удалось подготовить папку в кэше"))
        }
        var read: [(Int, String)] = []
        for page in pages {
            let picture = scratch.appendingPathComponent("page")
            let render = pdftoppm.run(
                [
                    "-r", "300", "-gray", "-png", "-f", "\(page)", "-l", "\(page)", "-singlefile", pdf.path,
                    picture.path,
                ],
                limits: .pdf)
            let png = picture.appendingPathExtension("png")
            guard render.succeeded, FileStatus.of(png.path)?.isRegular == true else {
                let said = render.limitHit.map { ": pdftoppm \($0.russian)" } ?? ""
                return .failure(
                    RecognitionFailure(reason: "страница \(page) скана не подготовлена для распознавания\(said)"))
            }
            let ocr = tesseract.run(
                [png.path, "stdout", "-l", "rus+eng"], limits: .ocr, variables: ["OMP_THREAD_LIMIT": "1"])
            guard ocr.succeeded else {
                let said =
                    ocr.limitHit.map { ": tesseract \($0.russian)" }
                    ?? ocr.errors.split(separator: "\n").first.map { ": «\($0)»" } ?? ""
                let models =
                    ocr.errors.contains("rus") || ocr.errors.contains("eng")
                    ? " (нужны пакеты tesseract-ocr-rus и tesseract-ocr-eng: scripts/setup.sh --office)" : ""
                return .failure(
                    RecognitionFailure(reason: "текст скана (страница \(page)) не распознан\(said)\(models)"))
            }
            read.append((page, String(decoding: ocr.output, as: UTF8.self)))
            try? FileManager.default.removeItem(at: png)
        }
        return .success(read)
    }

    private func online(_ file: URL, key: String, address: String, into result: inout Result) {
        let folder = cacheRoot.appendingPathComponent("online").appendingPathComponent(key)
        if let text = Self.cachedText(folder) {
            result.extra.online = OnlineText(markdown: text.markdown, pictures: text.pictures, address: address)
            return
        }
        guard let pandoc = options.attachmentTools.pandoc else {
            result.neededPandoc = true
            return
        }
        let scratch = cacheRoot.appendingPathComponent("online").appendingPathComponent(".\(key)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        } catch {
            result.failure = "не удалось подготовить папку \(options.cache.lastPathComponent)/ для текста документа"
            return
        }
        if file.pathExtension.lowercased() != "docx", file.pathExtension.lowercased() != "odt",
            options.attachmentTools.soffice == nil
        {
            result.neededOffice = true
            return
        }
        var helpers = DocumentImport.Helpers()
        helpers.soffice = options.attachmentTools.soffice
        helpers.vips = options.attachmentTools.vips
        switch OnlineCopy.convert(file, in: scratch, pandoc: pandoc, helpers: helpers) {
        case .failure(let failure):
            result.failure =
                "документ не показан на сайте для чтения онлайн: pandoc не смог его прочитать («\(failure.reason)»)"
        case .success(let converted):
            let kept = scratch.appendingPathComponent("kept")
            var pictures: [OnlineText.Picture] = []
            do {
                try FileManager.default.createDirectory(at: kept, withIntermediateDirectories: true)
                for name in converted.pictures {
                    // A photo pasted into Word keeps the camera's EXIF (GPS too): stripped here.
                    let ext = (name as NSString).pathExtension.lowercased()
                    if let vips = options.attachmentTools.vips, ["jpg", "jpeg", "png"].contains(ext) {
                        let from = scratch.appendingPathComponent(name).path
                        let stripped = scratch.appendingPathComponent("stripped-" + name).path
                        let options = ext == "png" ? "[strip]" : "[Q=90,strip]"
                        if vips.run(
                            Pictures.fullSize(from, into: stripped + options),
                            limits: .picture
                        ).succeeded {
                            try? FileManager.default.removeItem(atPath: from)
                            try FileManager.default.moveItem(atPath: stripped, toPath: from)
                        }
                    }
                    let data = try Data(contentsOf: scratch.appendingPathComponent(name))
                    pictures.append(OnlineText.Picture(name: name, data: data))
                    try WholeFile.write(data, to: kept.appendingPathComponent(name))
                }
                try Data(converted.pictures.joined(separator: "\n").utf8).write(
                    to: kept.appendingPathComponent("pictures.list"))
                // The text last: a folder with text.md is complete.
                try WholeFile.write(converted.markdown, to: kept.appendingPathComponent("text.md"))
                try? FileManager.default.removeItem(at: folder)
                try FileManager.default.moveItem(at: kept, to: folder)
            } catch {
                // Not kept: the next build converts it again.
            }
            result.extra.online = OnlineText(markdown: converted.markdown, pictures: pictures, address: address)
        }
    }

    static func cachedText(_ folder: URL) -> (markdown: String, pictures: [OnlineText.Picture])? {
        guard let text = FileManager.default.contents(atPath: folder.appendingPathComponent("text.md").path),
            let list = FileManager.default.contents(atPath: folder.appendingPathComponent("pictures.list").path)
        else { return nil }
        var pictures: [OnlineText.Picture] = []
        for name in String(decoding: list, as: UTF8.self).split(separator: "\n") {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(String(name)).path)
            else { return nil }
            pictures.append(OnlineText.Picture(name: String(name), data: data))
        }
        return (String(decoding: text, as: UTF8.self), pictures)
    }

    /// «Pages:           3» in pdfinfo's answer.
    static func pageCount(pdfinfoOutput: String) -> Int? {
        for line in pdfinfoOutput.split(separator: "\n") where line.hasPrefix("Pages:") {
            return Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    /// Width and height from a PNG's header (the IHDR chunk right after the signature).
    static func pngSize(_ png: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](png.prefix(24))
        guard bytes.count == 24, bytes[0] == 0x89, bytes[1] == 0x50, bytes[12...15].elementsEqual("IHDR".utf8)
        else { return nil }
        func number(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        let width = number(16)
        let height = number(20)
        return width > 0 && height > 0 ? (width, height) : nil
    }
}

/// A program the attachments' extras needed and the machine lacks: said once per build.
private enum MissingTool: Hashable {
    case poppler, office, ocr, pandoc

    var problem: String {
        switch self {
        case .poppler:
            "у PDF-файлов нет картинки первой страницы, числа страниц и поиска по тексту: не найдены программы poppler (пакет poppler-utils: pdftoppm, pdftotext)"
        case .office:
            "у документов, презентаций и таблиц нет картинки первой страницы и кнопки «Открыть», поиск не находит их слов: не найден LibreOffice"
        case .ocr:
            "в отсканированных PDF текст не распознан, поиск не найдёт их слов: не найдена программа tesseract"
        case .pandoc: "у документов Word нет страниц «Читать онлайн»: не найден pandoc 3"
        }
    }

    var hint: String {
        switch self {
        case .poppler:
            "сайт собран и без них; чтобы они были, выполните scripts/setup.sh (или sudo apt install poppler-utils)"
        case .office:
            "сайт собран и без них, файлы можно скачать; чтобы они были, выполните scripts/setup.sh --office — он установит LibreOffice без графической оболочки"
        case .ocr:
            "сайт собран и без него; чтобы поиск читал сканы, выполните scripts/setup.sh --office — он установит tesseract с русской и английской моделями"
        case .pandoc: "сайт собран и без них; чтобы они были, выполните scripts/setup.sh"
        }
    }
}

import Foundation
import OkrugCore
import OkrugSystem

/// A document given to `okrug import-doc`, judged before pandoc sees it: pandoc's own message
/// for a password-protected file or an old `.doc` is the same as for any file that is not a
/// zip («couldn't unpack docx container»), so the first bytes say which it is.
struct WordDocument {
    enum Format: String {
        case docx, odt
        /// Word 97–2003 and RTF: pandoc reads neither well, so LibreOffice makes a `.docx` first.
        case doc, rtf

        /// pandoc's reader: `+styles` lets the filter nest items styled «Список 2» (List Bullet 2).
        var reader: String { self == .odt ? "odt" : "docx+styles" }
        var needsOffice: Bool { self == .doc || self == .rtf }
    }

    /// Why a file cannot be imported, as the methodist is told.
    struct Refusal: Error, Equatable {
        var message: String
        var hint: String
    }

    /// What pandoc reads: the document itself, or LibreOffice's `.docx` of a `.doc` or `.rtf`.
    let url: URL
    let format: Format
    /// The methodist's file, attached to the material as «Исходный документ».
    var original: URL
    var originalFormat: Format

    init(url: URL, format: Format) {
        self.url = url
        self.format = format
        self.original = url
        self.originalFormat = format
    }

    static let saveAsDocx =
        "откройте его в Word или LibreOffice и сохраните как «Документ Word (.docx)»: Файл → Сохранить как"

    /// The document at `url`, or why it cannot be read.
    static func open(_ url: URL) -> Result<WordDocument, Refusal> {
        let ext = url.pathExtension.lowercased()
        let format: Format
        switch ext {
        case "docx": format = .docx
        case "odt": format = .odt
        case "doc": format = .doc
        case "rtf": format = .rtf
        default:
            return .failure(
                Refusal(
                    message: "это не документ Word или LibreOffice (.docx, .doc, .odt, .rtf)",
                    hint: "импортируются файлы .docx, .doc, .odt и .rtf; другой документ " + saveAsDocx))
        }
        // A FIFO named .docx would make the reading wait forever: only a regular file is opened.
        if let status = FileStatus.of(url.path), !status.isRegular, !status.isDirectory {
            return .failure(
                Refusal(
                    message: "это не файл документа, а устройство, именованный канал (FIFO) или сокет",
                    hint: "укажите сам документ .docx, .doc, .odt или .rtf"))
        }
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            return .failure(
                Refusal(
                    message: "файл не открывается для чтения",
                    hint: "проверьте, что он существует и не открыт в другой программе"))
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 8)) ?? Data()
        if head.isEmpty {
            return .failure(Refusal(message: "файл пуст (0 байт)", hint: "возьмите сохранённую копию документа"))
        }
        let ole = head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        switch format {
        case .doc:
            // LibreOffice tells a damaged or protected .doc when it converts it.
            guard ole else {
                return .failure(
                    Refusal(
                        message: "файл повреждён или это не документ Word 97–2003 (.doc)",
                        hint: "откройте его в Word или LibreOffice и сохраните заново"))
            }
            return .success(WordDocument(url: url, format: format))
        case .rtf:
            guard head.starts(with: Array("{\\rtf".utf8)) else {
                return .failure(
                    Refusal(
                        message: "файл повреждён или это не документ RTF: он должен начинаться с «{\\rtf»",
                        hint: "откройте его в Word или LibreOffice и сохраните заново"))
            }
            return .success(WordDocument(url: url, format: format))
        case .docx, .odt:
            break
        }
        // An OLE compound file: Word's encryption wraps a .docx in one (and so is the old .doc).
        if ole {
            return .failure(
                Refusal(
                    message: "документ защищён паролем или сохранён в старом формате Word (.doc)",
                    hint:
                        "снимите пароль (Файл → Сведения → Защитить документ → Зашифровать паролем, очистите поле) или "
                        + saveAsDocx))
        }
        guard head.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
            return .failure(
                Refusal(
                    message: "файл повреждён или это не документ .\(ext): внутри не то, что Word сохраняет",
                    hint: saveAsDocx))
        }
        // What it unpacks to, from its table of contents, before pandoc unpacks anything.
        guard let directory = ZipDirectory.read(url) else {
            return .failure(
                Refusal(
                    message: "файл повреждён: в нём нет оглавления архива, которое Word записывает в конце",
                    hint: saveAsDocx))
        }
        if let problem = DocumentLimits().problem(directory) { return .failure(problem) }
        return .success(WordDocument(url: url, format: format))
    }

    /// A `.doc` or `.rtf` as the `.docx` LibreOffice makes of it in `scratch` (a new folder the
    /// caller removes), checked as any `.docx`; a `.docx` or `.odt` as it is.
    func readable(in scratch: URL, soffice: ExternalTool?) -> Result<WordDocument, Refusal> {
        guard format.needsOffice else { return .success(self) }
        guard let soffice else {
            return .failure(
                Refusal(
                    message: "документ .\(format.rawValue) читается через LibreOffice, а он не установлен",
                    hint: "выполните scripts/setup.sh --office (он установит LibreOffice без графической оболочки) или "
                        + Self.saveAsDocx))
        }
        switch OfficeConversion.convert(url, to: "docx", in: scratch, soffice: soffice, limits: .office) {
        case .failure(let failure):
            return .failure(
                Refusal(
                    message:
                        "документ не прочитан\(failure.reason.isEmpty ? ": LibreOffice не смог его открыть" : failure.reason)",
                    hint: "документ, возможно, повреждён или защищён паролем; " + Self.saveAsDocx))
        case .success(let docx):
            return WordDocument.open(docx).map { converted in
                var document = converted
                document.original = url
                document.originalFormat = format
                return document
            }
        }
    }

    /// The documents in `folder`, in name order: Word's lock files (`~$…`) and hidden files left out.
    static func documents(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().filter { name in
            let lowered = name.lowercased()
            return !name.hasPrefix(".") && !name.hasPrefix("~$")
                && [".docx", ".odt", ".doc", ".rtf"].contains { lowered.hasSuffix($0) }
        }.map { folder.appendingPathComponent($0) }
    }
}

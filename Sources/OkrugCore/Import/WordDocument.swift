import Foundation
import OkrugSystem

/// A document given to `okrug import-doc`, judged before pandoc sees it: pandoc's own message
/// for a password-protected file or an old `.doc` is the same as for any file that is not a
/// zip («couldn't unpack docx container»), so the first bytes say which it is.
struct WordDocument {
    enum Format: String {
        case docx, odt

        /// pandoc's reader: `+styles` lets the filter nest items styled «Список 2» (List Bullet 2).
        var reader: String { self == .docx ? "docx+styles" : "odt" }
    }

    /// Why a file cannot be imported, as the methodist is told.
    struct Refusal: Error, Equatable {
        var message: String
        var hint: String
    }

    let url: URL
    let format: Format

    static let saveAsDocx =
        "откройте его в Word или LibreOffice и сохраните как «Документ Word (.docx)»: Файл → Сохранить как"

    /// The document at `url`, or why it cannot be read.
    static func open(_ url: URL) -> Result<WordDocument, Refusal> {
        let ext = url.pathExtension.lowercased()
        let format: Format
        switch ext {
        case "docx": format = .docx
        case "odt": format = .odt
        case "doc", "rtf":
            return .failure(
                Refusal(message: "формат .\(ext) не поддерживается: это старый формат Word", hint: saveAsDocx))
        default:
            return .failure(
                Refusal(
                    message: "это не документ Word или LibreOffice (.docx, .odt)",
                    hint: "импортируются файлы .docx и .odt; другой документ " + saveAsDocx))
        }
        // A FIFO named .docx would make the reading wait forever: only a regular file is opened.
        if let status = FileStatus.of(url.path), !status.isRegular, !status.isDirectory {
            return .failure(
                Refusal(
                    message: "это не файл документа, а устройство, именованный канал (FIFO) или сокет",
                    hint: "укажите сам документ .docx или .odt"))
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
        // An OLE compound file: Word's encryption wraps a .docx in one, and it is the old .doc.
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
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

    /// The documents in `folder`, in name order: Word's lock files (`~$…`) and hidden files left out.
    static func documents(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().filter { name in
            let lowered = name.lowercased()
            return !name.hasPrefix(".") && !name.hasPrefix("~$")
                && (lowered.hasSuffix(".docx") || lowered.hasSuffix(".odt") || lowered.hasSuffix(".doc"))
        }.map { folder.appendingPathComponent($0) }
    }
}

import Foundation
import OkrugCore
import OkrugSystem
import OkrugText

/// A link in a Word document to a file rather than a web page: «Программа.pdf» beside the
/// document, or `file:///C:/Users/…/Программа.pdf` on the author's computer. Imported with
/// the document when the file is beside it; otherwise said at import, by name.
enum FileLink: Equatable {
    /// The file, beside the document (or in a folder below it).
    case found(URL)
    /// A path on the author's computer (`file:`, `C:\…`, `/home/…`) whose file is not beside
    /// the document: readers cannot open it.
    case onAuthorsComputer(String)
    /// A name of a file (by its extension) that is not beside the document.
    case missing(String)
    /// Not a file at all (`www.school.ru` without `https://`): left as it is.
    case notAFile

    /// Extensions that say a link means a file.
    static let fileExtensions: Set<String> = [
        "pdf", "doc", "docx", "odt", "rtf", "txt", "ppt", "pptx", "odp", "pps", "ppsx", "xls", "xlsx", "ods", "csv",
        "png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "svg", "webp", "zip", "rar", "7z", "mp3", "mp4", "avi",
        "mov", "wav", "djvu", "epub",
    ]

    /// Where `target` (as the document has it) leads, seen from the document's `folder`.
    static func locate(_ target: String, beside folder: URL) -> FileLink {
        let decoded = target.removingPercentEncoding ?? target
        let lowered = decoded.lowercased()
        let isDrive = decoded.count > 2 && decoded.dropFirst().first == ":" && decoded.first?.isLetter == true
        let absolute = lowered.hasPrefix("file:") || isDrive || decoded.hasPrefix("/") || decoded.hasPrefix("\\")
        let parts = decoded.split { $0 == "/" || $0 == "\\" }.map(String.init)
        guard let name = parts.last, !name.isEmpty else { return .notAFile }
        func regular(_ url: URL) -> URL? { FileStatus.of(url.path)?.isRegular == true ? url : nil }
        if absolute {
            // The same name beside the document: the author linked the copy on his computer.
            if let beside = regular(folder.appendingPathComponent(name)) { return .found(beside) }
            return .onAuthorsComputer(decoded)
        }
        // Only below the document's folder: «../» leads where the methodist did not point.
        if !parts.contains(".."), let below = regular(parts.reduce(folder) { $0.appendingPathComponent($1) }) {
            return .found(below)
        }
        if let beside = regular(folder.appendingPathComponent(name)) { return .found(beside) }
        let ext = (name as NSString).pathExtension.lowercased()
        return fileExtensions.contains(ext) ? .missing(decoded) : .notAFile
    }

    /// The target written back into Markdown as a link destination (no spaces or brackets).
    static func destination(_ target: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.insert(charactersIn: ":")
        allowed.remove(charactersIn: "()<>")
        return target.addingPercentEncoding(withAllowedCharacters: allowed) ?? target
    }

    /// `Программа_семинара.pdf` → `programma-seminara.pdf`, not one of `taken`.
    static func name(for file: URL, taken: Set<String>) -> String {
        let ext = file.pathExtension.lowercased()
        let stem = Transliteration.slug(file.deletingPathExtension().lastPathComponent).nonEmpty ?? "fail"
        var candidate = stem + (ext.isEmpty ? "" : "." + ext)
        var number = 1
        while taken.contains(candidate) {
            number += 1
            candidate = stem + "-\(number)" + (ext.isEmpty ? "" : "." + ext)
        }
        return candidate
    }
}

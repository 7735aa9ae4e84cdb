import Foundation

/// A file that goes with a material (a presentation, a lesson plan), beside its Markdown.
public struct Attachment: Sendable, Hashable {
    /// Path relative to the material's folder, as written in the front matter.
    public var file: String
    public var title: String
    public var byteCount: Int
    /// The file in `Content/` (`materials/x/programma.pdf`), and where the site has its copy.
    public var source: String
    public var target: String

    public init(file: String, title: String, byteCount: Int, source: String = "", target: String = "") {
        self.file = file
        self.title = title
        self.byteCount = byteCount
        self.source = source
        self.target = target
    }

    /// `pdf`, `docx`: the extension in lower case, empty when there is none.
    public var fileExtension: String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// PDF and pictures a browser shows itself. Not SVG: a drawing can carry a script, and
    /// opened from the site's own address it would run as the site.
    public var opensInBrowser: Bool {
        fileType == .pdf || (fileType == .picture && fileExtension != "svg")
    }

    public var isPDF: Bool { fileExtension == "pdf" }

    /// Office documents, presentations and spreadsheets: LibreOffice turns them into a PDF the
    /// browser shows, with a picture of the first page and the page count.
    public var isOffice: Bool {
        ["doc", "docx", "odt", "rtf", "ppt", "pptx", "odp", "xls", "xlsx", "ods"].contains(fileExtension)
    }

    /// Documents okrug can show as a page («Читать онлайн»): what pandoc reads.
    public var readsOnline: Bool { ["docx", "odt", "doc", "rtf"].contains(fileExtension) }

    /// The name the file is saved under: its title with its extension («Программа семинара.pdf»),
    /// without the characters Windows does not allow in a name.
    public var downloadName: String {
        var name = ""
        for character in title {
            if "\\/:*?\"<>|".contains(character) || character.unicodeScalars.contains(where: { $0.value < 0x20 }) {
                name.append(" ")
            } else {
                name.append(character)
            }
        }
        name = name.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        while name.hasSuffix(".") { name.removeLast() }
        if name.isEmpty { return file.split(separator: "/").last.map(String.init) ?? file }
        if name.count > 120 { name = String(name.prefix(120)).trimmingCharacters(in: .whitespaces) }
        guard !fileExtension.isEmpty else { return name }
        return name.lowercased().hasSuffix("." + fileExtension) ? name : name + "." + fileExtension
    }

    /// «PDF», «документ Word» — from the extension.
    public var typeName: String { FileType.russianName(forPath: file) }

    /// «Документ Word»: the type at the start of a line («Документ Word, 37 КБ»).
    public var typeLabel: String { typeName.prefix(1).uppercased() + typeName.dropFirst() }

    public var fileType: FileType { FileType(extension: fileExtension) }

    /// «1,2 МБ».
    public var humanSize: String { ByteSize.russian(byteCount) }

    static let keys = ["file", "title"]
}

/// What a file is, by its extension: one list for its Russian name and its icon.
public enum FileType: Sendable {
    case pdf, word, slides, sheet, picture, video, audio, archive, text, other

    public init(extension ext: String) {
        switch ext {
        case "pdf": self = .pdf
        case "doc", "docx", "odt", "rtf": self = .word
        case "ppt", "pptx", "odp": self = .slides
        case "xls", "xlsx", "ods", "csv": self = .sheet
        case "png", "jpg", "jpeg", "gif", "webp", "svg": self = .picture
        case "mp4", "webm", "mov", "avi": self = .video
        case "mp3", "ogg", "wav": self = .audio
        case "zip", "rar", "7z": self = .archive
        case "txt": self = .text
        default: self = .other
        }
    }

    static func russianName(forPath path: String) -> String {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch FileType(extension: ext) {
        case .pdf: return "PDF"
        case .word: return "документ Word"
        case .slides: return "презентация PowerPoint"
        case .sheet: return "таблица Excel"
        case .picture: return "изображение \(ext.uppercased())"
        case .video: return "видео \(ext.uppercased())"
        case .audio: return "аудио \(ext.uppercased())"
        case .archive: return "архив \(ext.uppercased())"
        case .text: return "текст"
        case .other: return ext.isEmpty ? "файл" : "файл \(ext.uppercased())"
        }
    }
}

/// File sizes as Russians write them: «512 Б», «34 КБ», «1,2 МБ» (binary units, decimal comma).
public enum ByteSize {
    public static func russian(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) Б" }
        let units = ["КБ", "МБ", "ГБ"]
        var value = Double(bytes) / 1024
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        let rounded = value < 10 ? (value * 10).rounded() / 10 : value.rounded()
        var text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        text = text.replacingOccurrences(of: ".", with: ",")
        return "\(text) \(units[unit])"
    }
}

import Foundation

/// A file that goes with a material (a presentation, a lesson plan), beside its Markdown.
public struct Attachment: Sendable, Hashable {
    /// Path relative to the material's folder, as written in the front matter.
    public var file: String
    public var title: String
    public var byteCount: Int

    public init(file: String, title: String, byteCount: Int) {
        self.file = file
        self.title = title
        self.byteCount = byteCount
    }

    /// «PDF», «Документ Word» — from the extension.
    public var typeName: String { FileType.russianName(forPath: file) }

    /// «1,2 МБ».
    public var humanSize: String { ByteSize.russian(byteCount) }

    static let keys = ["file", "title"]
}

enum FileType {
    static func russianName(forPath path: String) -> String {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch ext {
        case "pdf": return "PDF"
        case "doc", "docx", "odt", "rtf": return "документ Word"
        case "ppt", "pptx", "odp": return "презентация PowerPoint"
        case "xls", "xlsx", "ods", "csv": return "таблица Excel"
        case "png", "jpg", "jpeg", "gif", "webp", "svg": return "изображение \(ext.uppercased())"
        case "mp4", "webm", "mov", "avi": return "видео \(ext.uppercased())"
        case "mp3", "ogg", "wav": return "аудио \(ext.uppercased())"
        case "zip", "rar", "7z": return "архив \(ext.uppercased())"
        case "txt": return "текст"
        default: return ext.isEmpty ? "файл" : "файл \(ext.uppercased())"
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

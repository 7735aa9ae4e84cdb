import Foundation
import OkrugSystem

/// The text of one content file, decoded and normalised (UTF-8, no BOM, `\n` line ends).
public struct SourceText: Sendable {
    /// The path shown in diagnostics (`Content/materials/x.md`).
    public var displayPath: String
    public var text: String

    /// Decodes a file's bytes. UTF-8 with or without BOM and CRLF line ends are accepted;
    /// anything else is a diagnostic that says what the file looks like and how to save it.
    public static func decode(_ data: Data, displayPath: String) -> Result<SourceText, Diagnostic> {
        decode(bytes: [UInt8](data), displayPath: displayPath)
    }

    static func decode(bytes: [UInt8], displayPath: String) -> Result<SourceText, Diagnostic> {
        let whole = SourcePosition(file: displayPath, line: 1, column: 1)
        let saveAsUTF8 =
            "сохраните файл в кодировке UTF-8 (Блокнот: «Файл → Сохранить как…», поле «Кодировка»: UTF-8)"
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || looksLikeUTF16(bytes) {
            return .failure(
                .error(
                    whole, "файл сохранён в кодировке UTF-16, а нужна UTF-8",
                    hint:
                        "выполните okrug check --fix-encoding — он перекодирует файл в UTF-8 и оставит рядом копию .bak; или "
                        + saveAsUTF8))
        }
        if bytes.count > maximumBytes { return .failure(tooLarge(bytes.count, displayPath: displayPath)) }
        var body = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { body = bytes.dropFirst(3) }
        // Line ends become `\n` on the bytes, before the text is made (Foundation's string
        // replacing went through NSString; searching a Swift string for `\r` went byte by byte).
        if let firstReturn = FileIO.firstIndex(of: 0x0D, in: body) {
            var normalised = Array(body[..<firstReturn])
            normalised.reserveCapacity(body.count)
            var index = firstReturn
            while index < body.endIndex {
                let byte = body[index]
                if byte == 0x0D {
                    normalised.append(0x0A)
                    if index + 1 < body.endIndex, body[index + 1] == 0x0A { index += 1 }
                } else {
                    normalised.append(byte)
                }
                index += 1
            }
            body = normalised[...]
        }
        guard let decoded = String(validating: body, as: UTF8.self) else {
            let (line, column) = firstInvalidByte(Array(body))
            let position = SourcePosition(file: displayPath, line: line, column: column)
            if looksLikeWindows1251(Array(body)) {
                return .failure(
                    .error(
                        position, "файл не в кодировке UTF-8: похоже, он сохранён в Windows-1251 (ANSI)",
                        hint:
                            "выполните okrug check --fix-encoding — он перекодирует файл в UTF-8 и оставит рядом копию .bak; или "
                            + saveAsUTF8))
            }
            return .failure(
                .error(position, "файл не в кодировке UTF-8 (неверная последовательность байтов)", hint: saveAsUTF8))
        }
        if let found = ControlCharacters.find(in: body) {
            var message = "невидимый управляющий символ \(found.name) в тексте"
            if found.more > 0 { message += " (и ещё \(found.more) таких в файле)" }
            return .failure(
                .error(
                    SourcePosition(file: displayPath, line: found.line, column: found.column), message,
                    hint:
                        "удалите его: такие символы попадают в текст при копировании из других программ и ломают страницу; okrug check --format json покажет каждый"
                ))
        }
        return .success(SourceText(displayPath: displayPath, text: decoded))
    }

    /// The error for a text file over `maximumBytes` (`size` nil: it grew while being read).
    static func tooLarge(_ size: Int?, displayPath: String) -> Diagnostic {
        let limit = maximumBytes / (1024 * 1024)
        let said = size.map { "\(($0 + 1024 * 1024 - 1) / (1024 * 1024)) МБ" } ?? "больше \(limit) МБ"
        return .error(
            SourcePosition(file: displayPath, line: 1, column: 1),
            "файл слишком большой: \(said), а текст может быть не больше \(limit) МБ",
            hint: "разделите текст на несколько материалов, а таблицы и картинки приложите файлами (attachments)")
    }

    /// The largest content file okrug reads: a material is text, big data belongs in attachments.
    package static let maximumBytes = 8 * 1024 * 1024

    private static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 4 else { return false }
        let sample = bytes.prefix(512)
        let zeros = sample.filter { $0 == 0 }.count
        return zeros * 4 >= sample.count
    }

    /// Windows-1251 Cyrillic lives in 0xC0–0xFF (plus ё/Ё at 0xB8/0xA8); in a Russian text most
    /// high bytes fall there, while UTF-8 would alternate lead and continuation bytes.
    private static func looksLikeWindows1251(_ bytes: [UInt8]) -> Bool {
        let high = bytes.filter { $0 >= 0x80 }
        guard !high.isEmpty else { return false }
        let cyrillic = high.filter { $0 >= 0xC0 || $0 == 0xA8 || $0 == 0xB8 }.count
        return cyrillic * 10 >= high.count * 7
    }

    private static func firstInvalidByte(_ bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            let length: Int
            switch byte {
            case 0x00..<0x80: length = 1
            case 0xC2..<0xE0: length = 2
            case 0xE0..<0xF0: length = 3
            case 0xF0..<0xF5: length = 4
            default: return (line, column)
            }
            if i + length > bytes.count { return (line, column) }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return (line, column) }
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else {
                column += 1
            }
            i += length
        }
        return (line, column)
    }
}

extension SourceText {
    /// The bytes of an input file the commands read (`okrug new`, `import-plan`, the seed): a
    /// regular file of at most `maximumBytes`, never a FIFO to wait on or a device to drain.
    package static func bytes(atPath path: String) throws(SystemError) -> Data {
        Data(try RegularFile.read(path, limit: maximumBytes))
    }
}

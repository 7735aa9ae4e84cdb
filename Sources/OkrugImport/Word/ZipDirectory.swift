import Foundation
import OkrugCore

/// The table of contents of a zip file (a .docx or .odt is one), read from its central
/// directory without unpacking anything: what each part declares it unpacks to. Enough to
/// refuse an archive bomb — a few kilobytes that unpack to gigabytes, or ten thousand pictures
/// — before pandoc spends minutes and gigabytes on it.
struct ZipDirectory {
    struct Entry {
        var name: String
        var packedSize: UInt64
        var size: UInt64
    }

    var entries: [Entry]

    /// `nil` when the file has no readable central directory (pandoc then says it is damaged).
    static func read(_ url: URL) -> ZipDirectory? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        guard let length = try? handle.seekToEnd(), length >= 22 else { return nil }
        // The end record is in the last 22 bytes plus a comment of at most 65 535.
        let tailLength = min(length, 22 + 65_535)
        guard (try? handle.seek(toOffset: length - tailLength)) != nil,
            let tail = try? handle.read(upToCount: Int(tailLength)).map(Array.init), tail.count == Int(tailLength)
        else { return nil }
        guard let end = (0...(tail.count - 22)).reversed().first(where: { Self.uint32(tail, $0) == 0x0605_4B50 }) else {
            return nil
        }
        var count = UInt64(Self.uint16(tail, end + 10))
        var size = UInt64(Self.uint32(tail, end + 12))
        var offset = UInt64(Self.uint32(tail, end + 16))
        // Zip64: the real numbers are in the zip64 end record the locator before it points at.
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            guard end >= 20, Self.uint32(tail, end - 20) == 0x0706_4B50 else { return nil }
            let recordOffset = Self.uint64(tail, end - 20 + 8)
            guard (try? handle.seek(toOffset: recordOffset)) != nil,
                let record = try? handle.read(upToCount: 56).map(Array.init), record.count == 56,
                Self.uint32(record, 0) == 0x0606_4B50
            else { return nil }
            count = Self.uint64(record, 32)
            size = Self.uint64(record, 40)
            offset = Self.uint64(record, 48)
        }
        // A directory larger than the file, or of more entries than it could hold, is a lie.
        guard size <= length, offset <= length - size, count <= size / 46 + 1, size <= 64 << 20 else { return nil }
        guard (try? handle.seek(toOffset: offset)) != nil,
            let bytes = try? handle.read(upToCount: Int(size)).map(Array.init), bytes.count == Int(size)
        else { return nil }
        var entries: [Entry] = []
        var position = 0
        while position + 46 <= bytes.count, Self.uint32(bytes, position) == 0x0201_4B50 {
            let nameLength = Int(Self.uint16(bytes, position + 28))
            let extraLength = Int(Self.uint16(bytes, position + 30))
            let commentLength = Int(Self.uint16(bytes, position + 32))
            let nameEnd = position + 46 + nameLength
            guard nameEnd + extraLength <= bytes.count else { return nil }
            var packed = UInt64(Self.uint32(bytes, position + 20))
            var unpacked = UInt64(Self.uint32(bytes, position + 24))
            // Sizes of 4 GB and more are in the zip64 extra field (tag 1): unpacked first.
            var extra = nameEnd
            while extra + 4 <= nameEnd + extraLength {
                let tag = Self.uint16(bytes, extra)
                let dataLength = Int(Self.uint16(bytes, extra + 2))
                if tag == 1 {
                    var field = extra + 4
                    if unpacked == 0xFFFF_FFFF, field + 8 <= bytes.count {
                        unpacked = Self.uint64(bytes, field)
                        field += 8
                    }
                    if packed == 0xFFFF_FFFF, field + 8 <= bytes.count { packed = Self.uint64(bytes, field) }
                }
                extra += 4 + dataLength
            }
            let name = String(decoding: bytes[(position + 46)..<nameEnd], as: UTF8.self)
            entries.append(Entry(name: name, packedSize: packed, size: unpacked))
            position = nameEnd + extraLength + commentLength
        }
        return ZipDirectory(entries: entries)
    }

    private static func uint16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    private static func uint32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(uint16(bytes, at)) | UInt32(uint16(bytes, at + 2)) << 16
    }

    private static func uint64(_ bytes: [UInt8], _ at: Int) -> UInt64 {
        UInt64(uint32(bytes, at)) | UInt64(uint32(bytes, at + 4)) << 32
    }
}

/// What a document to import may unpack to. A real lesson plan with photographs is tens of
/// megabytes; beyond these numbers it is an archive bomb or a document no page can carry.
struct DocumentLimits {
    var unpackedBytes: UInt64 = 512 << 20
    /// One part: the text (`word/document.xml`, `content.xml`) or one picture.
    var partBytes: UInt64 = 64 << 20
    var pictures = 500

    /// Why `directory` is over a limit, as the methodist is told; `nil` when it is within them.
    func problem(_ directory: ZipDirectory) -> WordDocument.Refusal? {
        let total = directory.entries.reduce(UInt64(0)) { $0 &+ $1.size }
        let pictures = directory.entries.filter { Self.isPicture($0.name) }
        let hint =
            "уменьшите документ: сожмите рисунки (Word: Файл → Сохранить как → Сервис → Сжать рисунки), уберите лишние или разделите документ на несколько"
        if total > unpackedBytes {
            return WordDocument.Refusal(
                message:
                    "документ распаковывается в \(total >> 20) МБ, а можно не больше \(unpackedBytes >> 20) МБ (предел размера)",
                hint: hint)
        }
        if let part = directory.entries.first(where: { $0.size > partBytes }) {
            return WordDocument.Refusal(
                message:
                    "часть документа «\(part.name)» распаковывается в \(part.size >> 20) МБ, а можно не больше \(partBytes >> 20) МБ (предел размера)",
                hint: hint)
        }
        if pictures.count > self.pictures {
            return WordDocument.Refusal(
                message:
                    "в документе \(pictures.count) рисунков, а можно не больше \(self.pictures) (предел числа рисунков)",
                hint: hint)
        }
        return nil
    }

    /// Word keeps pictures in `word/media/`, LibreOffice in `Pictures/`.
    static func isPicture(_ name: String) -> Bool {
        (name.hasPrefix("word/media/") || name.hasPrefix("Pictures/") || name.hasPrefix("media/"))
            && !name.hasSuffix("/")
    }
}

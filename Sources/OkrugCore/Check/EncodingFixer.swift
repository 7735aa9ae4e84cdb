import Foundation
import OkrugSystem

/// `okrug check --fix-encoding`: files saved by Windows editors in Windows-1251 or UTF-16 are
/// rewritten as UTF-8, after a `.bak` copy of the original is written beside them.
public enum EncodingFixer {
    public enum Outcome: Sendable, Equatable {
        case converted(from: String, backup: String)
        case unchanged
    }

    /// Text files okrug reads.
    static let textExtensions = [".md", ".markdown", ".yaml", ".yml"]

    /// Converts every such file of `root` that is not valid UTF-8; returns what it did, by
    /// path relative to `root`.
    public static func fixAll(in root: URL) throws -> [(String, Outcome)] {
        let (tree, _) = ContentTree.scan(root: root, displayRoot: "")
        var results: [(String, Outcome)] = []
        for path in tree.sortedPaths where textExtensions.contains(where: { path.lowercased().hasSuffix($0) }) {
            let outcome = try fix(tree.url(of: path))
            if outcome != .unchanged { results.append((path, outcome)) }
        }
        return results
    }

    public static func fix(_ url: URL) throws -> Outcome {
        let bytes = [UInt8](try SourceText.bytes(atPath: url.path))
        guard let (text, encoding) = decodeLegacy(bytes) else { return .unchanged }
        var backup = url.path + ".bak"
        var n = 2
        while FileManager.default.fileExists(atPath: backup) {
            backup = url.path + ".bak\(n)"
            n += 1
        }
        try WholeFile.create(bytes, at: backup)
        try WholeFile.write(text, to: url)
        return .converted(from: encoding, backup: URL(fileURLWithPath: backup).lastPathComponent)
    }

    /// The text of a UTF-16 or Windows-1251 file; `nil` for UTF-8 (nothing to fix).
    static func decodeLegacy(_ bytes: [UInt8]) -> (String, String)? {
        if bytes.starts(with: [0xFF, 0xFE]) { return (utf16(Array(bytes.dropFirst(2)), littleEndian: true), "UTF-16") }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return (utf16(Array(bytes.dropFirst(2)), littleEndian: false), "UTF-16")
        }
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        let sample = bytes.prefix(512)
        if sample.count >= 4, sample.filter({ $0 == 0 }).count * 4 >= sample.count {
            // Without a byte order mark: ASCII characters have their zero byte second in little-endian.
            let oddZeros = stride(from: 1, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
            let evenZeros = stride(from: 0, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
            return (utf16(bytes, littleEndian: oddZeros >= evenZeros), "UTF-16")
        }
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value = byte < 0x80 ? UInt32(byte) : windows1251[Int(byte) - 0x80]
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return (String(scalars), "Windows-1251")
    }

    static func utf16(_ bytes: [UInt8], littleEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 0
        while i + 1 < bytes.count {
            let (low, high) = littleEndian ? (bytes[i], bytes[i + 1]) : (bytes[i + 1], bytes[i])
            units.append(UInt16(high) << 8 | UInt16(low))
            i += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Windows-1251 bytes 0x80–0xFF as Unicode (0x98 is unassigned).
    static let windows1251: [UInt32] = [
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,
        0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
        0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0xFFFD, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
        0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,
        0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
        0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
        0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
        0x0410, 0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417,
        0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E, 0x041F,
        0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427,
        0x0428, 0x0429, 0x042A, 0x042B, 0x042C, 0x042D, 0x042E, 0x042F,
        0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437,
        0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F,
        0x0440, 0x0441, 0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447,
        0x0448, 0x0449, 0x044A, 0x044B, 0x044C, 0x044D, 0x044E, 0x044F,
    ]
}

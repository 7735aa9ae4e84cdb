/// A file's path as it goes into a URL: its name comes from whoever named the file, so every
/// byte that means something in a URL is percent-encoded — `:` (else `javascript:x.pdf` is a
/// scheme), `#` and `?` (else the rest is a fragment or a query), `%` itself, spaces, quotes and
/// control bytes. Letters, including Cyrillic ones (browsers send them as UTF-8), and `/` stay.
public enum URLPath {
    /// Whether `byte` of a path is written as `%XX`.
    @inline(__always) public static func needsEncoding(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x00...0x20, 0x7F: return true
        case UInt8(ascii: "%"), UInt8(ascii: "#"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "\""),
            UInt8(ascii: "'"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\\"), UInt8(ascii: "^"),
            UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"), UInt8(ascii: "["),
            UInt8(ascii: "]"):
            return true
        default: return false
        }
    }

    /// Appends `bytes`, encoded, to `out`.
    public static func append(_ bytes: some Collection<UInt8>, to out: inout [UInt8]) {
        let digits: [UInt8] = Array("0123456789ABCDEF".utf8)
        for byte in bytes {
            if needsEncoding(byte) {
                out += [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
            } else {
                out.append(byte)
            }
        }
    }

    /// `path` encoded (returned as it is when nothing needs it, as for every page's address).
    public static func encode(_ path: String) -> String {
        guard path.utf8.contains(where: needsEncoding) else { return path }
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count + 8)
        append(path.utf8, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

/// Escaping for text in XML and HTML (content and attributes): `& < > " '`. One
/// implementation, over UTF-8 bytes, for feeds, charts, templates (`{{value}}`) and the preview
/// server's diagnostics page; it runs for every value of every page.
public enum XMLText {
    public static func escape(_ text: String) -> String {
        // Most values have nothing to escape: they are returned as they are.
        guard needsEscaping(text) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

extension XMLText {
    /// `escape`, appended to `out` without an intermediate string when nothing needs escaping.
    package static func append(_ text: String, to out: inout [UInt8]) {
        guard needsEscaping(text) else {
            out.append(contentsOf: text.utf8)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
    }
}

extension XMLText {
    /// Whether any of `& < > " '` is in `text`: a loop over the contiguous bytes (the generic
    /// `contains(where:)` over a string's UTF-8 view stepped through an iterator).
    package static func needsEscaping(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { buffer in
            for byte in buffer where byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27 {
                return true
            }
            return false
        }
    }
}

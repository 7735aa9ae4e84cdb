import Ccmark

/// Russian typography on text nodes (never on code): straight double quotes become
/// «ёлочки» (with „лапки“ inside), and a hyphen between spaces becomes an em dash.
enum RussianTypography {
    static func apply(to node: OpaquePointer) {
        guard let literal = cmark_node_get_literal(node) else { return }
        // A byte scan first: most text nodes have neither a straight quote nor « - ».
        var p = UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self)
        var needed = false
        while p.pointee != 0 {
            if p.pointee == 0x22 || (p.pointee == 0x20 && p[1] == 0x2D && p[2] == 0x20) {
                needed = true
                break
            }
            p += 1
        }
        guard needed else { return }
        cmark_node_set_literal(node, convert(String(cString: literal)))
    }

    static func convert(_ text: String) -> String {
        var out = ""
        var depth = 0
        var previous: Character = " "
        let characters = Array(text)
        for (i, ch) in characters.enumerated() {
            if ch == "\"" {
                let next: Character = i + 1 < characters.count ? characters[i + 1] : " "
                let opens = previous.isWhitespace || "([{«„-—".contains(previous)
                let closes = !opens || next.isWhitespace || next.isPunctuation
                if opens && !(closes && depth > 0 && !next.isLetter && !next.isNumber) {
                    out.append(depth == 0 ? "«" : "„")
                    depth += 1
                } else {
                    depth = max(depth - 1, 0)
                    out.append(depth == 0 ? "»" : "“")
                }
            } else if ch == "-", previous == " ", i + 1 < characters.count, characters[i + 1] == " " {
                out.append("—")
            } else {
                out.append(ch)
            }
            previous = out.last ?? ch
        }
        return out
    }
}

import Ccmark

/// Text without markup, taken from the cmark tree.
enum PlainText {
    static func of(_ node: OpaquePointer) -> String {
        var out = ""
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let current = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(current)
            if event == CMARK_EVENT_EXIT {
                if isBlock(type), !out.isEmpty, out.last != " " { out.append(" ") }
                continue
            }
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(current) { out += String(cString: literal) }
            case CMARK_NODE_CODE_BLOCK:
                if let literal = cmark_node_get_literal(current) { out += String(cString: literal) }
                out.append(" ")
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                out.append(" ")
            default:
                break
            }
        }
        return collapseWhitespace(out)
    }

    private static func isBlock(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_ITEM, CMARK_NODE_BLOCK_QUOTE,
            CMARK_NODE_CUSTOM_BLOCK:
            return true
        default:
            return false
        }
    }

    static func collapseWhitespace(_ text: String) -> String {
        // Over scalars, not Characters: grapheme breaking is the slow part of a String loop.
        var out = String.UnicodeScalarView()
        var space = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{A0}" {
                space = true
            } else {
                if space, !out.isEmpty { out.append(" ") }
                space = false
                out.append(scalar)
            }
        }
        return String(out)
    }

    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for ch in text.unicodeScalars {
            let letter =
                ch.isASCII
                ? (("a"..."z").contains(ch) || ("A"..."Z").contains(ch) || ("0"..."9").contains(ch))
                : ch.properties.isAlphabetic
            if letter, !inWord { count += 1 }
            inWord = letter
        }
        return count
    }
}

import Ccmark

/// Text without markup, taken from the cmark tree.
///
/// Written over UTF-8 bytes: it runs over every byte of every material, where a loop over Swift
/// `Character`s or Unicode properties would cost more than cmark's whole parse.
enum PlainText {
    static func of(_ node: OpaquePointer) -> String {
        var out: [UInt8] = []
        var pendingSpace = false
        /// Appends `bytes`, with every run of whitespace (ASCII or no-break space) as one space.
        func append(_ bytes: UnsafePointer<CChar>) {
            var p = UnsafeRawPointer(bytes).assumingMemoryBound(to: UInt8.self)
            while p.pointee != 0 {
                let byte = p.pointee
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                    pendingSpace = true
                    p += 1
                    continue
                }
                if byte == 0xC2, p[1] == 0xA0 {
                    pendingSpace = true
                    p += 2
                    continue
                }
                if pendingSpace, !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                out.append(byte)
                p += 1
            }
        }
        walk(node, text: append, gap: { pendingSpace = true })
        return String(decoding: out, as: UTF8.self)
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

    /// The words of the text under `node` (`wordCount(of(node))`), counted as the tree is walked:
    /// the whole text of a material is never built, only its reading time needs it.
    static func wordCount(of node: OpaquePointer) -> Int {
        var counter = WordCounter()
        walk(node, text: { counter.count($0) }, gap: { counter.isInWord = false })
        return counter.words
    }

    /// The text of the tree under `node` in reading order: `text` for each piece of text or code,
    /// `gap` where the text breaks (a line break, the end of a block).
    @inline(__always) private static func walk(
        _ node: OpaquePointer, text: (UnsafePointer<CChar>) -> Void, gap: () -> Void
    ) {
        walkTree(node) { current, type, entering in
            guard entering else {
                // A custom inline is a table cell (`MarkdownTables`): cells are apart as words.
                if isBlock(type) || type == CMARK_NODE_CUSTOM_INLINE { gap() }
                return
            }
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(current) { text(literal) }
            case CMARK_NODE_CODE_BLOCK:
                if let literal = cmark_node_get_literal(current) { text(literal) }
                gap()
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                gap()
            default:
                break
            }
        }
    }

    /// Words: runs of letters and digits. Judged by a character's first UTF-8 byte: Latin,
    /// Cyrillic and other scripts are letters; Latin-1 signs (U+0080–U+00BF: «», no-break space)
    /// and general punctuation (U+2000–U+2BFF: dashes, „quotes“, №) are not.
    static func wordCount(_ text: String) -> Int {
        var counter = WordCounter()
        for byte in text.utf8 { counter.count(byte) }
        return counter.words
    }
}

/// The word-counting state over UTF-8 bytes, shared by the string and the tree versions.
struct WordCounter {
    var words = 0
    /// 1 inside a word, else 0.
    private var inWord: UInt8 = 0

    var isInWord: Bool {
        get { inWord == 1 }
        set { inWord = newValue ? 1 : 0 }
    }

    /// Per first byte: 1 a letter or digit (Latin, Cyrillic, other scripts), 2 inside a
    /// character (the state stays), 0 anything else (Latin-1 signs U+0080–U+00BF such as «»
    /// and the no-break space, general punctuation U+2000–U+2BFF such as dashes and №).
    // Written once before any use, then only read.
    nonisolated(unsafe) private static let classes: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for byte in 0..<256 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: table[byte] = 1
            case 0x80...0xBF: table[byte] = 2
            case 0xC2, 0xE2: table[byte] = 0
            case 0xC3...0xFF: table[byte] = 1
            default: table[byte] = 0
            }
        }
        return UnsafePointer(table)
    }()

    /// Without branches on the text: a word starts where a letter follows a non-letter.
    @inline(__always) mutating func count(_ byte: UInt8) {
        count(byte, classes: Self.classes)
    }

    @inline(__always) private mutating func count(_ byte: UInt8, classes: UnsafePointer<UInt8>) {
        let kind = classes[Int(byte)]
        let letter = kind & 1
        let inside = kind >> 1
        words &+= Int(letter & (inWord ^ 1))
        inWord = (inWord & inside) | letter
    }

    mutating func count(_ literal: UnsafePointer<CChar>) {
        let classes = Self.classes
        var p = UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self)
        while p.pointee != 0 {
            count(p.pointee, classes: classes)
            p += 1
        }
    }
}

import Ccmark

/// Russian typography over the text of a block (a paragraph, a heading, a table cell), never
/// over code: straight double quotes become «ёлочки», „лапки“ inside, paired across the block's
/// markup (`"**важно**"` → «**важно**»); an escaped `\"` stays a straight quote; a hyphen between
/// spaces becomes a dash; and a no-break space keeps together what must not be split at a line
/// end: initials and the surname, a one- or two-letter word and the next, the word before «—»,
/// a number and its unit, month or «№», «т. е.», «г. Москва».
///
/// Every change is one Unicode scalar for one, so a block's text is changed as one array and
/// written back into its nodes at the same lengths. It runs over every byte of every body, so
/// it reads scalars and classifies them by their code points, not Swift `Character`s.
public enum RussianTypography {
    static let noBreakSpace: UInt32 = 0xA0

    /// One piece of a block's text, in reading order.
    enum Piece {
        /// A text node: its text is changed in place, except the scalars at `kept` (a quote
        /// written `\"` or `&quot;` to stay straight).
        case text(OpaquePointer, kept: [Int])
        /// Code, a line break, an image: read as a letter or a space, never changed.
        case opaque(UInt32)
    }

    /// Applies the rules to one block's pieces and writes back the text nodes that changed.
    static func apply(to pieces: [Piece]) {
        var scalars: [UInt32] = []
        var changeable: [Bool] = []
        var literals: [(node: OpaquePointer, start: Int, count: Int)] = []
        for piece in pieces {
            switch piece {
            case .text(let node, let kept):
                guard let literal = cmark_node_get_literal(node) else { continue }
                let start = scalars.count
                decode(literal, into: &scalars)
                changeable += repeatElement(true, count: scalars.count - start)
                for offset in kept where start + offset < changeable.count { changeable[start + offset] = false }
                literals.append((node, start, scalars.count - start))
            case .opaque(let scalar):
                scalars.append(scalar)
                changeable.append(false)
            }
        }
        let converted = convert(scalars, changeable: changeable)
        for (node, start, count) in literals
        where converted[start..<(start + count)] != scalars[start..<(start + count)] {
            var text = String.UnicodeScalarView()
            for value in converted[start..<(start + count)] {
                if let scalar = Unicode.Scalar(value) { text.append(scalar) }
            }
            cmark_node_set_literal(node, String(text))
        }
    }

    /// A plain string (a title, a summary from the front matter) under the same rules.
    public static func text(_ text: String) -> String {
        let scalars = text.unicodeScalars.map(\.value)
        let converted = convert(scalars, changeable: Array(repeating: true, count: scalars.count))
        guard converted != scalars else { return text }
        var out = String.UnicodeScalarView()
        for value in converted {
            if let scalar = Unicode.Scalar(value) { out.append(scalar) }
        }
        return String(out)
    }

    /// UTF-8 (as cmark keeps it: valid) to code points.
    private static func decode(_ literal: UnsafePointer<CChar>, into out: inout [UInt32]) {
        var p = UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self)
        while p.pointee != 0 {
            let byte = UInt32(p.pointee)
            if byte < 0x80 {
                out.append(byte)
                p += 1
            } else if byte < 0xE0 {
                out.append((byte & 0x1F) << 6 | UInt32(p[1] & 0x3F))
                p += 2
            } else if byte < 0xF0 {
                out.append((byte & 0x0F) << 12 | UInt32(p[1] & 0x3F) << 6 | UInt32(p[2] & 0x3F))
                p += 3
            } else {
                out.append(
                    (byte & 0x07) << 18 | UInt32(p[1] & 0x3F) << 12 | UInt32(p[2] & 0x3F) << 6 | UInt32(p[3] & 0x3F))
                p += 4
            }
        }
    }

    static func convert(_ input: [UInt32], changeable: [Bool]) -> [UInt32] {
        var out = input
        quotesAndDashes(&out, changeable: changeable)
        noBreakSpaces(&out, changeable: changeable)
        return out
    }

    // Code points, by name.
    static let quote: UInt32 = 0x22, space: UInt32 = 0x20, hyphen: UInt32 = 0x2D, dot: UInt32 = 0x2E
    static let emDash: UInt32 = 0x2014, number: UInt32 = 0x2116, percent: UInt32 = 0x25
    static let openOuter: UInt32 = 0xAB, closeOuter: UInt32 = 0xBB, openInner: UInt32 = 0x201E,
        closeInner: UInt32 = 0x201C

    static func isUpper(_ c: UInt32) -> Bool { (0x410...0x42F).contains(c) || c == 0x401 || (0x41...0x5A).contains(c) }
    static func isLower(_ c: UInt32) -> Bool { (0x430...0x44F).contains(c) || c == 0x451 || (0x61...0x7A).contains(c) }
    static func isCyrillic(_ c: UInt32) -> Bool { (0x410...0x44F).contains(c) || c == 0x401 || c == 0x451 }
    static func isLetter(_ c: UInt32) -> Bool { isUpper(c) || isLower(c) || (0xC0...0x24F).contains(c) }
    static func isDigit(_ c: UInt32) -> Bool { (0x30...0x39).contains(c) }
    static func isSpace(_ c: UInt32) -> Bool { c == space || c == 0x09 || c == 0x0A || c == noBreakSpace }
    /// What may stand right after a closing quote.
    static func isClosingContext(_ c: UInt32) -> Bool {
        isSpace(c)
            || [
                0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x5D, 0x7D, 0x2026, closeOuter, closeInner, quote, emDash,
                hyphen,
            ]
            .contains(c)
    }

    private static func quotesAndDashes(_ out: inout [UInt32], changeable: [Bool]) {
        var depth = 0
        for i in out.indices where changeable[i] && (out[i] == quote || out[i] == hyphen) {
            let previous = i > 0 ? out[i - 1] : space
            let next = i + 1 < out.count ? out[i + 1] : space
            if out[i] == quote {
                let opens =
                    isSpace(previous) || [0x28, 0x5B, 0x7B, openOuter, openInner, hyphen, emDash].contains(previous)
                let closes = !opens || isClosingContext(next)
                if opens && !(closes && depth > 0 && !isLetter(next) && !isDigit(next)) {
                    out[i] = depth == 0 ? openOuter : openInner
                    depth += 1
                } else {
                    depth = max(depth - 1, 0)
                    out[i] = depth == 0 ? closeOuter : closeInner
                }
            } else if i > 0, i + 1 < out.count, previous == space, next == space {
                // Spaces written on both sides (a line break or the edge of a block is none).
                out[i] = emDash
            }
        }
    }

    /// Units, months and words a number stays with: «5 кг», «14 февраля», «2023 г.», «7 класс».
    static let afterNumber: Set<String> = [
        "г", "гг", "в", "вв", "кг", "км", "м", "см", "мм", "л", "мл", "ч", "мин", "сек", "с", "руб", "тыс", "млн",
        "млрд",
        "чел", "шт", "кб", "мб", "гб", "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
        "сентября", "октября", "ноября", "декабря", "класс", "класса", "классов", "классе", "классы", "классах",
    ]

    private static func noBreakSpaces(_ out: inout [UInt32], changeable: [Bool]) {
        func isWordPart(_ c: UInt32) -> Bool { isLetter(c) || isDigit(c) || c == dot }
        for i in out.indices where out[i] == space && changeable[i] && i > 0 && i + 1 < out.count {
            let next = out[i + 1]
            var start = i
            while start > 0, isWordPart(out[start - 1]) { start -= 1 }
            var end = i + 1
            while end < out.count, isWordPart(out[end]) { end += 1 }
            let before = out[start..<i]
            let after = out[(i + 1)..<end]
            var keep = false
            if next == emDash {
                // «Итоги — …»: the dash stays at the end of a line, never starts the next one.
                keep = true
            } else if (1...2).contains(before.count), before.allSatisfy(isCyrillic) {
                // «в школе», «на уроке», «не знаю».
                keep = true
            } else if out[i - 1] == number {
                keep = true
            } else if let last = before.last, isDigit(last) {
                // «10 %», «2023 г.», «14 февраля», «5 класс».
                keep = next == percent || afterNumber.contains(lowercased(after.filter { $0 != dot }))
            } else if before.count >= 2, before.last == dot, isUpper(before[before.endIndex - 2]),
                before.count == 2 || before[before.endIndex - 3] == dot, let first = after.first, isUpper(first)
            {
                // «Е.Е. Ткаченко», «Е. Ткаченко».
                keep = true
            } else if after.count >= 2, isUpper(after[after.startIndex]), after[after.startIndex + 1] == dot,
                before.count >= 2, let first = before.first, isUpper(first), before.allSatisfy(isLetter),
                !(end + 1 < out.count && out[end] == space && isUpper(out[end + 1]))
            {
                // «Ткаченко Е.Е.» (initials before a surname go with the surname instead)
                keep = true
            } else if before.count == 2, before.last == dot, isLower(before[before.startIndex]), after.count == 2,
                after.last == dot
            {
                // «т. е.», «т. д.», «т. п.»
                keep = true
            } else if before.last == dot, ["г.", "с.", "ул.", "д.", "п."].contains(lowercased(Array(before))) {
                // «г. Москва», «с. Покровское».
                keep = true
            }
            if keep { out[i] = noBreakSpace }
        }
    }

    private static func lowercased<S: Sequence>(_ scalars: S) -> String where S.Element == UInt32 {
        var text = String.UnicodeScalarView()
        for value in scalars {
            var lowered = value
            if (0x410...0x42F).contains(value) {
                lowered = value + 0x20
            } else if value == 0x401 {
                lowered = 0x451
            } else if (0x41...0x5A).contains(value) {
                lowered = value + 0x20
            }
            if let scalar = Unicode.Scalar(lowered) { text.append(scalar) }
        }
        return String(text)
    }
}

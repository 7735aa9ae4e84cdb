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

    /// Marks a code point the rules read but never change: a kept quote, code, a line break.
    package static let fixed: UInt32 = 0x8000_0000

    /// A plain string (a title, a summary from the front matter) under the same rules.
    public static func text(_ text: String) -> String {
        var scalars = text.unicodeScalars.map(\.value)
        var changes: [Int] = []
        convert(&scalars, changes: &changes)
        guard !changes.isEmpty else { return text }
        return string(scalars)
    }

    /// A code point as UTF-8.
    @inline(__always) static func encode(_ value: UInt32, into out: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            out.append(UInt8(value))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (value >> 6)))
            out.append(UInt8(0x80 | (value & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (value >> 12)))
            out.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (value & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (value >> 18)))
            out.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    /// A value written into a page (a name, a title, a date): only the no-break spaces; its
    /// quotes and dashes were set where it was made.
    public static func noBreaks(_ text: String) -> String {
        // A page writes thousands of values, most of them with no space a rule could keep (or
        // set already): those are passed over on their bytes.
        guard mayKeepASpace(text) else { return text }
        return noBreaksFully(text)
    }

    /// The same without the quick look (the tests hold the two equal).
    static func noBreaksFully(_ text: String) -> String {
        var scalars = text.unicodeScalars.map(\.value)
        var changes: [Int] = []
        noBreakSpaces(&scalars, changes: &changes)
        guard !changes.isEmpty else { return text }
        return string(scalars)
    }

    /// Whether an ordinary space of `text` stands where a rule might keep it: after a word of one
    /// or two letters, a digit, a short word with its dot, «№»; before a dash or initials. A
    /// quick look at the UTF-8 bytes; `noBreakSpaces` decides.
    static func mayKeepASpace(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let count = bytes.count
            // A letter as the rules count them (`isLetter`): Cyrillic and Latin with marks are
            // two bytes, plain Latin one.
            @inline(__always) func letterStart(before end: Int) -> Int? {
                if end >= 2, bytes[end - 2] & 0xE0 == 0xC0, bytes[end - 1] & 0xC0 == 0x80,
                    isLetter(UInt32(bytes[end - 2] & 0x1F) << 6 | UInt32(bytes[end - 1] & 0x3F))
                {
                    return end - 2
                }
                if end >= 1, (0x41...0x5A).contains(bytes[end - 1]) || (0x61...0x7A).contains(bytes[end - 1]) {
                    return end - 1
                }
                return nil
            }
            var index = 0
            while index < count {
                defer { index += 1 }
                guard bytes[index] == 0x20, index > 0, index + 1 < count else { continue }
                let previous = bytes[index - 1]
                // Before «—» (E2 80 94); after «№» (E2 84 96).
                if index + 3 < count, bytes[index + 1] == 0xE2, bytes[index + 2] == 0x80, bytes[index + 3] == 0x94 {
                    return true
                }
                if index >= 3, previous == 0x96, bytes[index - 2] == 0x84, bytes[index - 3] == 0xE2 { return true }
                // A number and what may follow it: a unit, a month, «г.», «%».
                if (0x30...0x39).contains(previous) {
                    if bytes[index + 1] == 0x25 || bytes[index + 1] == 0xD0 || bytes[index + 1] == 0xD1 { return true }
                    continue
                }
                // «г. Москва», «т. е.», «Е.Е. Ткаченко»: a word of at most three letters before its dot.
                var end = index
                if previous == 0x2E { end -= 1 }
                var letters = 0
                var start = end
                while letters < 4, let before = letterStart(before: start) {
                    start = before
                    letters += 1
                }
                let noLetterBefore = start == 0 || letterStart(before: start) == nil
                if previous == 0x2E {
                    if letters >= 1 && letters <= 3 && noLetterBefore { return true }
                    continue
                }
                if letters >= 1 && letters <= 2 && noLetterBefore && (start == 0 || bytes[start - 1] != 0x2E) {
                    return true
                }
                // A surname before initials: «Ткаченко Е.Е.», «Smith J.».
                if letters >= 2, index + 3 < count, bytes[index + 1] == 0xD0, bytes[index + 3] == 0x2E { return true }
                if letters >= 2, index + 2 < count, (0x41...0x5A).contains(bytes[index + 1]), bytes[index + 2] == 0x2E {
                    return true
                }
            }
            return false
        }
    }

    /// The elements whose text is not prose: their spaces stay as written.
    static let rawElements = ["script", "style", "pre", "code", "textarea"]

    /// Where a template's text stands after a piece of it: inside a tag, or inside an element
    /// whose text is not prose. It goes on over the values between the pieces.
    public struct MarkupState: Sendable {
        var raw: String?
        var inTag = false
        /// The tag being read gives data to a program (`data-pagefind-filter`…), and so does the
        /// text right after it: search filters must hold the values as the data has them.
        var tagGivesData = false
        var inData = false

        public init() {}

        /// Outside every tag and every element whose text is not prose.
        public var isProse: Bool { raw == nil && !inTag && !inData }
    }

    /// A template's text (the HTML around its values): the no-break spaces in the prose,
    /// never inside a tag, `<script>`, `<style>`, `<pre>`, `<code>` or `<textarea>`. `state` is
    /// where the previous piece of the template ended (and then where this one ends);
    /// `valueFollows`: a value comes right after, so a short word at the end keeps to it.
    public static func markup(_ text: String, state: inout MarkupState, valueFollows: Bool) -> String {
        var raw = state.raw
        var inTag = state.inTag
        var tagGivesData = state.tagGivesData
        var inData = state.inData
        defer {
            state.raw = raw
            state.inTag = inTag
            state.tagGivesData = tagGivesData
            state.inData = inData
        }
        var scalars = text.unicodeScalars.map(\.value)
        let lower = scalars.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }
        func matches(_ word: String, at index: Int) -> Bool {
            let units = word.unicodeScalars.map(\.value)
            guard index + units.count <= lower.count else { return false }
            return Array(lower[index..<(index + units.count)]) == units
        }
        var index = 0
        while index < scalars.count {
            if let open = raw {
                if matches("</" + open, at: index) {
                    raw = nil
                    inTag = true
                }
                scalars[index] |= fixed
            } else if inTag {
                // `data-pagefind-{{kind}}`: the attribute's name ends in a value.
                let prefix = "data-pagefind-"
                if matches(prefix, at: index),
                    index + prefix.count == lower.count
                        || ["filter", "meta", "sort"].contains(where: { matches(prefix + $0, at: index) })
                {
                    tagGivesData = true
                }
                if scalars[index] == 0x3E {
                    inTag = false
                    inData = tagGivesData
                    tagGivesData = false
                }
                scalars[index] |= fixed
            } else if scalars[index] == 0x3C {
                inTag = true
                inData = false
                if let name = rawElements.first(where: { name in
                    matches("<" + name, at: index)
                        && (index + name.count + 1 >= lower.count
                            || [0x20, 0x3E, 0x0A, 0x09].contains(lower[index + name.count + 1]))
                }) {
                    raw = name
                }
                scalars[index] |= fixed
            } else if inData {
                scalars[index] |= fixed
            }
            index += 1
        }
        // A tag left open at the end (its attributes go on after a value) is not prose either.
        let placeholder = valueFollows && !inTag && !inData && raw == nil
        if placeholder { scalars.append(0x430 | fixed) }
        var changes: [Int] = []
        noBreakSpaces(&scalars, changes: &changes)
        if placeholder { scalars.removeLast() }
        guard !changes.isEmpty else { return text }
        return string(scalars.map { $0 & ~fixed })
    }

    private static func string(_ scalars: [UInt32]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for value in scalars { encode(value, into: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Applies the rules in place; `changes` gets the index of every changed code point.
    package static func convert(_ out: inout [UInt32], changes: inout [Int]) {
        quotesAndDashes(&out, changes: &changes)
        noBreakSpaces(&out, changes: &changes)
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

    private static func quotesAndDashes(_ out: inout [UInt32], changes: inout [Int]) {
        var depth = 0
        for i in out.indices where out[i] == quote || out[i] == hyphen {
            changes.append(i)
            let previous = i > 0 ? out[i - 1] & ~fixed : space
            let next = i + 1 < out.count ? out[i + 1] & ~fixed : space
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
            } else if i > 0, i + 1 < out.count, out[i - 1] == space, out[i + 1] == space {
                // Spaces written on both sides (a line break or the edge of a block is none).
                out[i] = emDash
            } else {
                changes.removeLast()
            }
        }
    }

    /// Units, months and words a number stays with: «5 кг», «14 февраля», «2023 г.», «7 класс».
    static let afterNumber: Set<String> = [
        "г", "гг", "в", "вв", "кг", "км", "м", "см", "мм", "л", "мл", "ч", "мин", "сек", "с", "руб", "тыс", "млн",
        "млрд",
        "чел", "шт", "кб", "мб", "гб", "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
        "сентября", "октября", "ноября", "декабря", "класс", "класса", "классов", "классе", "классы", "классах",
        "год", "года", "году", "годом", "годе",
    ]

    private static func noBreakSpaces(_ out: inout [UInt32], changes: inout [Int]) {
        @inline(__always) func isWordPart(_ c: UInt32) -> Bool { isLetter(c) || isDigit(c) || c == dot }
        let count = out.count
        var i = 1
        while i + 1 < count {
            defer { i += 1 }
            guard out[i] == space else { continue }
            let previous = out[i - 1] & ~fixed
            let next = out[i + 1] & ~fixed
            var keep = false
            if next == emDash || previous == number {
                // «Итоги — …»: the dash stays at the end of a line, never starts the next one.
                keep = true
            } else if isLetter(previous) {
                // The word before: «в школе», «на уроке» (at most three letters back are read).
                var start = i - 1
                while start > 0, i - start < 3, isLetter(out[start - 1]) { start -= 1 }
                let letters = i - start
                if letters <= 2, start == 0 || !isWordPart(out[start - 1]), isCyrillic(previous),
                    letters == 1 || isCyrillic(out[start])
                {
                    keep = true
                } else if isUpper(next), i + 2 < count, out[i + 2] == dot {
                    // A surname before initials, «Ткаченко Е.Е.»: now the whole word.
                    while start > 0, isLetter(out[start - 1]) { start -= 1 }
                    guard start == 0 || !isWordPart(out[start - 1]), isUpper(out[start]), i - start >= 2 else {
                        continue
                    }
                    // Initials after the surname, unless they stand before another name («… Е.Е. Ткаченко»).
                    var end = i + 1
                    while end < count, isLetter(out[end]) || out[end] == dot { end += 1 }
                    keep = !(end + 1 < count && out[end] == space && isUpper(out[end + 1]))
                }
            } else if previous == dot, i >= 2 {
                let beforeDot = out[i - 2]
                let thirdBack = i >= 3 ? out[i - 3] : space
                if isUpper(beforeDot), !isLetter(thirdBack), isUpper(next) {
                    // «Е.Е. Ткаченко», «Е. Ткаченко».
                    keep = true
                } else if isLower(beforeDot), !isLetter(thirdBack), i + 2 < count, isLetter(next), out[i + 2] == dot {
                    // «т. е.», «т. д.», «т. п.»
                    keep = true
                } else if !isLetter(thirdBack) || (i >= 4 && !isLetter(out[i - 4]) && isLetter(thirdBack)) {
                    // «г. Москва», «с. Покровское», «ул. Мира».
                    var start = i - 1
                    while start > 0, isLetter(out[start - 1]) { start -= 1 }
                    let word = lowercased(out[start..<i])
                    keep =
                        ["г.", "с.", "ул.", "д.", "п."].contains(word) && (start == 0 || !isWordPart(out[start - 1]))
                }
            } else if isDigit(previous) {
                // «10 %», «2023 г.», «14 февраля», «5 класс».
                if next == percent {
                    keep = true
                } else {
                    var end = i + 1
                    while end < count, isLetter(out[end]) { end += 1 }
                    keep = end > i + 1 && end - i - 1 <= 9 && afterNumber.contains(lowercased(out[(i + 1)..<end]))
                }
            }
            if keep {
                out[i] = noBreakSpace
                changes.append(i)
            }
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

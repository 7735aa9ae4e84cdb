import Foundation
import OkrugCore
import OkrugSystem

/// The site's own words, for search that forgives: a word the index does not hold is compared
/// with these («семенар» → «семинар»), and a word typed in the other keyboard layout is
/// recognised by them. Written beside Pagefind's index (`pagefind/okrug-words/`) from the
/// text Pagefind indexes — the part of each searchable page marked `data-pagefind-body`,
/// without what is marked `data-pagefind-ignore` — one file per first letter, so a query loads
/// only the letters of its words: `441.txt` holds the words beginning with «с», one
/// `word count` per line.
package enum SearchWords {
    static let folder = "okrug-words"
    /// Shorter words are not corrected: «в», «на», «5».
    static let shortest = 3
    /// Longer ones are not words but codes, addresses and run-together text.
    static let longest = 32

    /// Writes the files of `site`'s searchable pages into `bundle/okrug-words/`.
    package static func write(site: URL, bundle: URL) throws {
        var counts: [String: Int] = [:]
        // A page without a body mark gives no words (`indexedText`): each page is read once.
        for page in SearchPieces.candidates(of: site) {
            guard let data = FileManager.default.contents(atPath: site.appendingPathComponent(page).path) else {
                continue
            }
            for word in words(in: indexedText(of: [UInt8](data))) { counts[word, default: 0] += 1 }
        }
        var buckets: [String: [(String, Int)]] = [:]
        for (word, count) in counts {
            guard let first = word.unicodeScalars.first else { continue }
            buckets[String(first.value, radix: 16), default: []].append((word, count))
        }
        let target = bundle.appendingPathComponent(folder)
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for (bucket, words) in buckets {
            let text = words.sorted { $0.0 < $1.0 }.map { "\($0.0) \($0.1)\n" }.joined()
            try WholeFile.write(text, to: target.appendingPathComponent(bucket + ".txt"))
        }
    }

    /// The words of `text` as search compares them: lower case, «ё» as «е», split at anything
    /// that is not a letter (a hyphenated word gives its parts, as Pagefind indexes them).
    static func words(in text: String) -> [String] {
        var words: [String] = []
        var current = ""
        func flush() {
            let count = current.count
            if count >= shortest, count <= longest { words.append(current) }
            current = ""
        }
        for character in text.lowercased() {
            if character.isLetter {
                current.append(character == "ё" ? "е" : character)
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    /// The text Pagefind indexes of a page okrug wrote: inside the element marked
    /// `data-pagefind-body`, without elements marked `data-pagefind-ignore`, scripts and styles.
    static func indexedText(of page: [UInt8]) -> String {
        guard let mark = ByteSearch.firstIndex(of: Array("data-pagefind-body".utf8), in: page, from: 0),
            let open = page[..<mark].lastIndex(of: UInt8(ascii: "<"))
        else { return "" }
        var text: [UInt8] = []
        var index = open
        var depth = 0
        var bodyTag: [UInt8] = []
        // The element being left out and how deep inside it the scan is.
        var skipped: (tag: [UInt8], depth: Int)?
        while index < page.count {
            if page[index] != UInt8(ascii: "<") {
                let next = page[index...].firstIndex(of: UInt8(ascii: "<")) ?? page.count
                if skipped == nil, depth > 0 { text += page[index..<next] }
                index = next
                continue
            }
            guard let close = page[index...].firstIndex(of: UInt8(ascii: ">")) else { break }
            let tag = page[(index + 1)..<close]
            let closing = tag.first == UInt8(ascii: "/")
            let name = Array(
                tag.drop { $0 == UInt8(ascii: "/") }.prefix { $0 != 0x20 && $0 != 0x0A && $0 != UInt8(ascii: "/") }
                    .map { $0 | 0x20 })
            index = close + 1
            if bodyTag.isEmpty {
                bodyTag = name
                depth = 1
                continue
            }
            if name == bodyTag { depth += closing ? -1 : 1 }
            if depth == 0 { break }
            if var current = skipped {
                if name == current.tag { current.depth += closing ? -1 : 1 }
                skipped = current.depth == 0 ? nil : current
            } else if !closing, !voidElements.contains(name),
                ByteSearch.firstIndex(of: Array("data-pagefind-ignore".utf8), in: Array(tag), from: 0) != nil
                    || name == Array("script".utf8) || name == Array("style".utf8)
            {
                skipped = (name, 1)
            }
            text.append(0x20)
        }
        return decodeEntities(String(decoding: text, as: UTF8.self))
    }

    /// Elements without a closing tag: nothing to leave out after them.
    static let voidElements: Set<[UInt8]> = Set(
        ["img", "br", "hr", "input", "meta", "link", "source", "wbr", "area", "col"].map { Array($0.utf8) })

    /// Character references as text: numeric ones and the named ones pages use; any other is
    /// a space (it never joins two words).
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named: [Substring: String] = [
            "nbsp": " ", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "laquo": "«", "raquo": "»",
            "mdash": "—", "ndash": "–", "hellip": "…", "shy": "",
        ]
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semicolon = after.prefix(12).firstIndex(of: ";") else {
                out += "&"
                rest = after
                continue
            }
            let name = after[..<semicolon]
            if name.hasPrefix("#") {
                let digits = name.dropFirst()
                let value =
                    digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                out += value.flatMap(Unicode.Scalar.init).map { String(Character($0)) } ?? " "
            } else {
                out += named[name] ?? " "
            }
            rest = after[after.index(after: semicolon)...]
        }
        return out + rest
    }
}

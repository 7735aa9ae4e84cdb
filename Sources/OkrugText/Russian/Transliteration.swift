/// Latin slugs from Russian text, by one documented table: ICAO Doc 9303 (the table of
/// Russian international passports since 2013, Приказ МИД России № 2113).
///
/// а a · б b · в v · г g · д d · е e · ё e · ж zh · з z · и i · й i · к k · л l · м m ·
/// н n · о o · п p · р r · с s · т t · у u · ф f · х kh · ц ts · ч ch · ш sh · щ shch ·
/// ъ ie · ы y · ь (dropped) · э e · ю iu · я ia
public enum Transliteration {
    static let table: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
        "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu",
        "я": "ia",
        // Ukrainian and Belarusian letters that turn up in names.
        "і": "i", "ї": "i", "є": "ie", "ґ": "g", "ў": "u",
    ]

    /// `table` by scalar, for `slug`: а–я and ё, then the other letters.
    static let cyrillic: [UInt32: String] = {
        var map: [UInt32: String] = [:]
        for (character, latin) in table {
            if let scalar = character.unicodeScalars.first { map[scalar.value] = latin }
        }
        return map
    }()

    /// `cyrillic` as an array over U+0400–U+04FF: a slug is made for every heading, author and
    /// tag, and an index is cheaper than hashing each letter.
    static let cyrillicBlock: [String?] = (0x0400...0x04FF).map { cyrillic[UInt32($0)] }

    /// A URL slug: transliterated, lowercase ASCII letters and digits, words joined by
    /// single hyphens. «Через инновации — к качеству!» → `cherez-innovatsii-k-kachestvu`.
    /// Over Unicode scalars (not `Character`s): it runs for every author, tag and title.
    public static func slug(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        func word(_ bytes: some Sequence<UInt8>) {
            if pendingHyphen, !out.isEmpty { out.append(UInt8(ascii: "-")) }
            pendingHyphen = false
            out.append(contentsOf: bytes)
        }
        for scalar in text.unicodeScalars {
            var value = scalar.value
            switch value {
            case 0x41...0x5A: word(CollectionOfOne(UInt8(value + 0x20)))
            case 0x61...0x7A, 0x30...0x39: word(CollectionOfOne(UInt8(value)))
            default:
                // Cyrillic capitals to lower case: А–Я (U+0410–042F) → а–я, Ѐ–Џ (U+0400–040F) → ѐ–џ.
                if (0x0410...0x042F).contains(value) {
                    value += 0x20
                } else if (0x0400...0x040F).contains(value) {
                    value += 0x50
                } else if value == 0x0490 {
                    value = 0x0491
                }
                if let mapped = (0x0400...0x04FF).contains(value) ? cyrillicBlock[Int(value) - 0x0400] : nil {
                    if !mapped.isEmpty { word(mapped.utf8) }
                } else if value >= 0x80, let lower = Unicode.Scalar(value)?.properties.lowercaseMapping,
                    lower.unicodeScalars.allSatisfy({
                        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))
                    })
                {
                    word(lower.utf8.map { $0 })
                } else {
                    pendingHyphen = true
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

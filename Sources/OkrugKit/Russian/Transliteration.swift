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

    /// Transliterates, keeping every other character as it is.
    public static func latin(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.lowercased() {
            if let mapped = table[ch] { out += mapped } else { out.append(ch) }
        }
        return out
    }

    /// A URL slug: transliterated, lowercase ASCII letters and digits, words joined by
    /// single hyphens. «Через инновации — к качеству!» → `cherez-innovatsii-k-kachestvu`.
    public static func slug(_ text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for ch in latin(text) {
            if ch.isASCII, ch.isLetter || ch.isNumber {
                if pendingHyphen, !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.append(ch)
            } else {
                pendingHyphen = true
            }
        }
        return out
    }
}

import OkrugText

/// An author or a responsible person, recognised by name however it is spaced:
/// «Ткаченко Е.Е.», «Ткаченко Е. Е.» and «Ткаченко  Е.Е.» are the same person.
public struct Person: Sendable, Hashable, Comparable {
    /// The name as shown: «Ткаченко Е.Е.».
    public var name: String
    /// URL slug: `tkachenko-e-e`.
    public var slug: String

    public init(name raw: String) {
        self.name = Person.normalizedName(raw)
        self.slug = Transliteration.slug(self.name)
    }

    /// Collapses spaces, removes spaces between initials, and puts `ё` where it was written.
    static func normalizedName(_ raw: String) -> String {
        let words = raw.split(whereSeparator: { $0.isWhitespace })
        var out = ""
        for word in words {
            // An initial («Е.», «Е.Е.») joins the previous initial without a space.
            let isInitial = word.hasSuffix(".") && word.count <= 4
            if out.isEmpty {
                out = String(word)
            } else if isInitial, out.hasSuffix(".") {
                out += word
            } else {
                out += " " + word
            }
        }
        return out
    }

    public static func < (lhs: Person, rhs: Person) -> Bool {
        (lhs.name.lowercased(), lhs.name) < (rhs.name.lowercased(), rhs.name)
    }
}

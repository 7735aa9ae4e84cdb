import Foundation
import OkrugCore

/// A document's «Автор» property read as a person's name in the bank's form, «Фамилия И.О.».
/// Word fills the property from the computer's user name, so it is often «Администратор»,
/// «User» or a school's name: only what reads as a Russian name is taken.
enum AuthorName {
    /// «Ткаченко Е.Е.» for «Ткаченко Е.Е.», «Ткаченко Е. Е.», «Е.Е. Ткаченко» and «Ткаченко Елена
    /// Евгеньевна»; several people separated by «;» or «,»; `nil` when it is not names.
    static func names(fromProperty property: String) -> [String]? {
        let people = property.split(whereSeparator: { $0 == ";" || $0 == "," })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !people.isEmpty else { return nil }
        var names: [String] = []
        for person in people {
            guard let name = name(person) else { return nil }
            names.append(name)
        }
        return names
    }

    static func name(_ text: String) -> String? {
        // «Е.Е.» and «Е. Е.» alike: initials are letters followed by dots.
        let words = text.replacingOccurrences(of: ".", with: ". ").split(separator: " ").map(String.init)
        let initials = words.filter { isInitial($0) }
        let full = words.filter { !isInitial($0) }
        if full.count == 1, (1...2).contains(initials.count), isNameWord(full[0]) {
            return full[0] + " " + initials.joined()
        }
        // «Фамилия Имя Отчество»: the patronymic's ending tells it is one.
        if initials.isEmpty, full.count == 3, full.allSatisfy(isNameWord), isPatronymic(full[2]) {
            return "\(full[0]) \(full[1].prefix(1)).\(full[2].prefix(1))."
        }
        return nil
    }

    private static func isInitial(_ word: String) -> Bool {
        word.count == 2 && word.last == "." && word.first.map(isCapitalCyrillic) == true
    }

    private static func isNameWord(_ word: String) -> Bool {
        guard let first = word.first, isCapitalCyrillic(first), word.count >= 2 else { return false }
        // A double surname has a capital after its hyphen: «Римский-Корсаков».
        var previous = first
        for character in word.dropFirst() {
            let small = ("а"..."я").contains(character) || character == "ё"
            guard small || character == "-" || (previous == "-" && isCapitalCyrillic(character)) else { return false }
            previous = character
        }
        return previous != "-"
    }

    private static func isCapitalCyrillic(_ character: Character) -> Bool {
        ("А"..."Я").contains(character) || character == "Ё"
    }

    private static func isPatronymic(_ word: String) -> Bool {
        ["вич", "вна", "чна", "ична", "оглы", "кызы"].contains { word.hasSuffix($0) }
    }
}

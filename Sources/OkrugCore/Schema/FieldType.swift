import OkrugText

/// What a front-matter field holds, and so how it is read and what its errors say.
public enum FieldType: Sendable, Equatable {
    /// A line of text: `title: Семинар`.
    case text
    /// A day, `ГГГГ-ММ-ДД`.
    case date
    /// A list of texts: `authors: [Ткаченко Е.Е., Вареник И.А.]`.
    case texts
    /// A whole number: `menu: 3`.
    case number
    /// `true` or `false`.
    case flag
    /// A list of records (`attachments:`, `photos:`), each read by its own fields.
    case records
}

/// One field's value as read, with where it was written.
public enum FieldValue: Sendable {
    case text(Located<String>)
    case date(Located<CalendarDay>)
    case texts([Located<String>])
    case number(Located<Int>)
    case flag(Bool)

    /// The value as a page shows it: text with Russian typography, a list joined by commas,
    /// a date as «14 февраля 2023 г.».
    public var shown: String {
        switch self {
        case .text(let text): RussianTypography.text(text.value)
        case .date(let day): day.value.russian
        case .texts(let items): items.map { RussianTypography.text($0.value) }.joined(separator: ", ")
        case .number(let number): String(number.value)
        case .flag(let flag): flag ? "да" : "нет"
        }
    }
}

/// The fields of one document as read, by key.
public struct FieldValues: Sendable {
    var values: [String: FieldValue] = [:]

    subscript(key: String) -> FieldValue? {
        get { values[key] }
        set { values[key] = newValue }
    }

    func text(_ key: String) -> Located<String>? {
        if case .text(let value) = values[key] { return value }
        return nil
    }

    func texts(_ key: String) -> [Located<String>] {
        if case .texts(let items) = values[key] { return items }
        return []
    }

    func date(_ key: String) -> Located<CalendarDay>? {
        if case .date(let day) = values[key] { return day }
        return nil
    }

    func number(_ key: String) -> Located<Int>? {
        if case .number(let number) = values[key] { return number }
        return nil
    }

    func flag(_ key: String) -> Bool? {
        if case .flag(let flag) = values[key] { return flag }
        return nil
    }

    /// Only the values of `keys` (what a source keeps after its typed properties are taken).
    func only(_ keys: Set<String>) -> FieldValues {
        var kept = FieldValues()
        for key in keys { kept.values[key] = values[key] }
        return kept
    }

    /// The values of `keys` as a page shows them (the fields with no property of their own:
    /// the others are on the document already).
    func shown(_ keys: Set<String>) -> [String: String] {
        var shown: [String: String] = [:]
        for key in keys { if let value = values[key] { shown[key] = value.shown } }
        return shown
    }
}

/// A resolved document that carries the fields with no property of their own as shown
/// (`Material`, `Page`): such a field is one line of its schema.
public protocol ShowsFields {
    var fields: [String: String] { get }
}

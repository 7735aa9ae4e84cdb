import Foundation
import OkrugText

/// Reads typed fields from a YAML mapping and collects every problem instead of stopping at
/// the first: unknown keys (with «did you mean»), missing required fields, wrong types.
struct MappingReader {
    let file: YAMLFile
    let position: SourcePosition
    private let pairs: [(key: String, keyNode: YAMLNode, value: YAMLNode)]
    private(set) var diagnostics: [Diagnostic] = []
    /// What the mapping describes, for messages: «материала», «школы».
    let subject: String

    /// `nil` (with a diagnostic) when `node` is not a mapping.
    init?(node: YAMLNode, file: YAMLFile, allowedKeys: [String], subject: String, diagnostics: inout [Diagnostic]) {
        guard case .mapping(let mapping) = node else {
            diagnostics.append(
                .error(
                    file.position(node), "здесь ожидается набор полей «ключ: значение» для \(subject)",
                    hint: "запишите поля по одному на строке: «title: Название»"))
            return nil
        }
        self.file = file
        self.subject = subject
        self.position = file.position(node)
        self.pairs = mapping.pairs.map { (key: $0.key.string ?? "", keyNode: $0.key, value: $0.value) }
        for (index, pair) in pairs.enumerated() where !allowedKeys.contains(pair.key) {
            let suggestion = Suggestion.didYouMean(pair.key, in: allowedKeys)
            var hint =
                (suggestion.isEmpty ? "" : suggestion + "; ")
                + "допустимые ключи: \(allowedKeys.joined(separator: ", "))"
            // `{file: 1.jpg, caption: Семинар, фото 1}`: the comma ended the caption.
            if index > 0, pair.key.contains(" "), case .scalar(let empty) = pair.value, empty.string.isEmpty,
                case .scalar(let before) = pairs[index - 1].value
            {
                hint =
                    "запятая внутри {…} разделяет поля; если «\(pair.key)» — продолжение предыдущего значения, заключите его в кавычки: \(pairs[index - 1].key): \"\(before.string), \(pair.key)\""
            }
            self.diagnostics.append(
                .error(file.position(pair.keyNode), "неизвестный ключ «\(pair.key)» у \(subject)", hint: hint))
        }
    }

    func node(_ key: String) -> YAMLNode? {
        guard let value = pairs.first(where: { $0.key == key })?.value else { return nil }
        if case .scalar(let scalar) = value, scalar.style == .plain,
            ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        {
            return nil
        }
        return value
    }

    func has(_ key: String) -> Bool { node(key) != nil }

    func keyPosition(_ key: String) -> SourcePosition? {
        pairs.first(where: { $0.key == key }).map { file.position($0.keyNode) }
    }

    private mutating func missing(_ key: String, example: String) {
        diagnostics.append(
            .error(
                position, "не заполнено обязательное поле «\(key)» у \(subject)",
                hint: "добавьте строку «\(key): \(example)»"))
    }

    mutating func string(_ key: String, required: Bool = false, example: String = "…") -> Located<String>? {
        guard let value = node(key) else {
            if required { missing(key, example: example) }
            return nil
        }
        guard case .scalar(let scalar) = value else {
            diagnostics.append(
                .error(
                    file.position(value), "поле «\(key)» должно быть строкой", hint: "например: «\(key): \(example)»"))
            return nil
        }
        let text = scalar.string.trimmedOfWhitespace
        if text.isEmpty {
            if required { missing(key, example: example) }
            return nil
        }
        return Located(text, at: file.position(value))
    }

    /// A list of strings; a single string is taken as a list of one.
    mutating func stringList(_ key: String, required: Bool = false, example: String = "[…]") -> [Located<String>] {
        guard let value = node(key) else {
            if required { missing(key, example: example) }
            return []
        }
        guard let items = Self.items(of: value) else {
            diagnostics.append(
                .error(
                    file.position(value), "поле «\(key)» должно быть списком", hint: "например: «\(key): \(example)»"))
            return []
        }
        var out: [Located<String>] = []
        for item in items {
            guard case .scalar(let scalar) = item else {
                diagnostics.append(
                    .error(
                        file.position(item), "элемент списка «\(key)» должен быть строкой",
                        hint: "например: «\(key): \(example)»"))
                continue
            }
            let text = scalar.string.trimmedOfWhitespace
            if !text.isEmpty { out.append(Located(text, at: file.position(item))) }
        }
        if required, out.isEmpty { missing(key, example: example) }
        return out
    }

    mutating func int(_ key: String) -> Located<Int>? {
        guard let located = string(key) else { return nil }
        guard let number = Int(located.value) else {
            diagnostics.append(
                .error(
                    located.position, "поле «\(key)» должно быть целым числом, а не «\(located.value)»",
                    hint: "например: «\(key): 1»"))
            return nil
        }
        return Located(number, at: located.position)
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let located = string(key) else { return nil }
        switch located.value.lowercased() {
        case "true", "yes", "да": return true
        case "false", "no", "нет": return false
        default:
            diagnostics.append(
                .error(
                    located.position, "поле «\(key)» должно быть true или false, а не «\(located.value)»",
                    hint: "например: «\(key): true»"))
            return nil
        }
    }

    mutating func date(_ key: String, required: Bool = false) -> Located<CalendarDay>? {
        guard let located = string(key, required: required, example: "2023-02-14") else { return nil }
        if let day = CalendarDay(iso: located.value) { return Located(day, at: located.position) }
        var hint = "пишите дату как ГГГГ-ММ-ДД, например «\(key): 2023-02-14»"
        // A day written the Russian way («14.02.2023», «14 февраля 2023 г.») is understood by the
        // plan's date parser; no year means no guess.
        if case .day(let guess) = FuzzyDateParser.parse(located.value, planYear: 0).value {
            hint = "запишите её как «\(key): \(guess.iso)»"
        }
        diagnostics.append(.error(located.position, "«\(located.value)» — не дата", hint: hint))
        return nil
    }

    /// The field as its schema describes it: required or not, with its example in the errors.
    /// Every field of `fields` that the mapping has, read by its type; a wrong value or a
    /// missing required field is reported. Records (`attachments:`) are left to their readers.
    mutating func read<R>(_ fields: [ContentField<R>]) -> FieldValues {
        var values = FieldValues()
        for field in fields {
            switch field.type {
            case .text: values[field.key] = string(field).map(FieldValue.text)
            case .date: values[field.key] = date(field).map(FieldValue.date)
            case .texts:
                let items = stringList(field)
                if has(field.key) { values[field.key] = .texts(items) }
            case .number: values[field.key] = int(field).map(FieldValue.number)
            case .flag: values[field.key] = bool(field).map(FieldValue.flag)
            case .records: break
            }
        }
        return values
    }

    mutating func string<R>(_ field: ContentField<R>) -> Located<String>? {
        string(field.key, required: field.required, example: field.example)
    }

    mutating func stringList<R>(_ field: ContentField<R>) -> [Located<String>] {
        stringList(field.key, required: field.required, example: field.example)
    }

    mutating func date<R>(_ field: ContentField<R>) -> Located<CalendarDay>? {
        date(field.key, required: field.required)
    }

    mutating func int<R>(_ field: ContentField<R>) -> Located<Int>? { int(field.key) }

    mutating func bool<R>(_ field: ContentField<R>) -> Bool? { bool(field.key) }

    mutating func mappingList<R>(_ field: ContentField<R>) -> [YAMLNode] { mappingList(field.key) }

    /// The items of a list of mappings (`attachments: [{file: …, title: …}]`).
    mutating func mappingList(_ key: String) -> [YAMLNode] {
        guard let value = node(key) else { return [] }
        guard case .sequence(let sequence) = value else {
            diagnostics.append(
                .error(file.position(value), "поле «\(key)» должно быть списком", hint: "каждый элемент начните с «- »")
            )
            return []
        }
        return sequence.items
    }

    /// Each record of the list at `key` (a list of mappings), read by `read` with a reader of
    /// its own that allows `allowedKeys`; the records' problems go to `problems`.
    mutating func records<Value>(
        _ key: String, allowedKeys: [String], subject: String, problems: inout [Diagnostic],
        _ read: (inout MappingReader) -> Value?
    ) -> [Value] {
        Self.records(
            mappingList(key), file: file, allowedKeys: allowedKeys, subject: subject, problems: &problems, read)
    }

    /// Each of `nodes` (mappings) read by `read` with a reader that allows `allowedKeys`.
    static func records<Value>(
        _ nodes: [YAMLNode], file: YAMLFile, allowedKeys: [String], subject: String, problems: inout [Diagnostic],
        _ read: (inout MappingReader) -> Value?
    ) -> [Value] {
        var values: [Value] = []
        for node in nodes {
            guard
                var item = MappingReader(
                    node: node, file: file, allowedKeys: allowedKeys, subject: subject, diagnostics: &problems)
            else { continue }
            let value = read(&item)
            problems += item.diagnostics
            if let value { values.append(value) }
        }
        return values
    }

    /// A mapping from ids to lists of ids (`support: {prigorodnaya: [methodical]}`), in order.
    mutating func listsByKey(_ key: String, example: String) -> [(key: Located<String>, values: [Located<String>])] {
        guard let value = node(key) else { return [] }
        guard case .mapping(let mapping) = value else {
            diagnostics.append(
                .error(
                    file.position(value), "поле «\(key)» должно быть набором «id: [список]»",
                    hint: "например: «\(key): \(example)»"))
            return []
        }
        var out: [(key: Located<String>, values: [Located<String>])] = []
        for pair in mapping.pairs {
            let (keyNode, listNode) = (pair.key, pair.value)
            let name = Located(keyNode.string ?? "", at: file.position(keyNode))
            let listed = Self.items(of: listNode)
            let items = listed ?? []
            if listed == nil {
                diagnostics.append(
                    .error(
                        file.position(listNode), "у «\(name.value)» в «\(key)» должен быть список",
                        hint: "например: «\(key): \(example)»"))
            }
            let values = items.compactMap { item -> Located<String>? in
                guard case .scalar(let scalar) = item, !scalar.string.isEmpty else { return nil }
                return Located(scalar.string, at: file.position(item))
            }
            out.append((name, values))
        }
        return out
    }

    /// A list's items, one value read as a list of one; `nil` for a mapping.
    static func items(of node: YAMLNode) -> [YAMLNode]? {
        switch node {
        case .sequence(let sequence): sequence.items
        case .scalar: [node]
        case .mapping: nil
        }
    }

    mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
    mutating func report(_ diagnostic: Diagnostic?) { if let diagnostic { diagnostics.append(diagnostic) } }
}

extension String {
    /// Without leading and trailing whitespace and line breaks; Foundation's trimming (through
    /// NSString) only when there is something to trim, which is almost never.
    var trimmedOfWhitespace: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        let edges = CharacterSet.whitespacesAndNewlines
        guard edges.contains(first) || edges.contains(last) else { return self }
        return trimmingCharacters(in: edges)
    }
}

/// One field of a kind of content (`Resolved`: the material, page, school… it ends up in),
/// described once. The allowed keys, their reading and errors, `okrug new`'s scaffold, the
/// README's field reference, what other pages show (`ShownElsewhere`) and the page's facts all
/// come from these descriptions, so they cannot drift apart.
public struct ContentField<Resolved>: Sendable {
    public var key: String
    /// What it holds: how it is read (`MappingReader.read`) and what a wrong value is told.
    public var type: FieldType
    public var required: Bool
    /// The value as a methodist writes it (`[Ткаченко Е.Е., Вареник И.А.]`): the README's
    /// reference and the «например» of an error.
    public var example: String
    /// What the README says of it after the value (`обязательно, ГГГГ-ММ-ДД`).
    public var note: String
    /// The comment `okrug new` writes above it; `{schools}`, `{directions}` and `{kinds}` are
    /// the site's own lists. `nil`: the scaffold leaves the field out.
    public var scaffold: String?
    /// What other pages show of it (listings, cards, menus, feeds), as one comparable text;
    /// `nil` when only the document's own page shows it. An edit that changes none of these
    /// re-renders one page in `okrug serve`.
    public var shownElsewhere: (@Sendable (Resolved) -> String)?
    /// Its row among the page's facts («Школа: …»), made from the resolved value.
    public var metaRow: (@Sendable (Resolved, Site) -> MetaRow?)?
    /// A field with no property of its own: its value is kept as shown (`ShowsFields.fields`).
    public var keptAsText = false

    public init(
        _ key: String, _ type: FieldType = .text, required: Bool = false, example: String, note: String,
        scaffold: String? = nil, shownElsewhere: (@Sendable (Resolved) -> String)? = nil,
        metaRow: (@Sendable (Resolved, Site) -> MetaRow?)? = nil
    ) {
        self.key = key
        self.type = type
        self.required = required
        self.example = example
        self.note = note
        self.scaffold = scaffold
        self.shownElsewhere = shownElsewhere
        self.metaRow = metaRow
    }
}

extension ContentField where Resolved: ShowsFields {
    /// A field that needs no property of its own: read by its type, shown among the page's
    /// facts under `label` (when given) and, with `listed`, counted as shown by other pages
    /// too; templates read it as `{{fields.<key>}}`. Adding one is this line and, if it is shown
    /// other than as a fact, the template.
    public init(
        _ key: String, _ type: FieldType = .text, label: String?, listed: Bool = false, example: String, note: String,
        scaffold: String? = nil
    ) {
        var shown: (@Sendable (Resolved) -> String)?
        if listed {
            shown = { resolved in resolved.fields[key] ?? "" }
        }
        var row: (@Sendable (Resolved, Site) -> MetaRow?)?
        if let label {
            row = { resolved, _ in resolved.fields[key].map { MetaRow(label: label, text: $0) } }
        }
        self.init(
            key, type, example: example, note: note, scaffold: scaffold, shownElsewhere: shown, metaRow: row)
        keptAsText = true
    }
}

/// One row of a page's facts: a label and its linked values (targets are site paths), or its
/// text.
public struct MetaRow: Sendable, Equatable {
    public var label: String
    public var links: [Link]
    public var text: String?

    public struct Link: Sendable, Equatable {
        public var title: String
        public var target: String
    }

    /// «Автор»/«Авторы» by the number of values.
    init(_ one: String, _ many: String, _ links: [Link]) {
        label = links.count == 1 ? one : many
        self.links = links
    }

    /// One linked value: «Школа: СОШ №13».
    static func link(_ label: String, _ title: String, _ target: String) -> MetaRow {
        MetaRow(label, label, [Link(title: title, target: target)])
    }

    init(label: String, text: String) {
        self.label = label
        links = []
        self.text = text
    }
}

extension Array {
    /// The keys of the fields kept as text (those without a property of their own).
    func keysKeptAsText<Resolved>() -> Set<String> where Element == ContentField<Resolved> {
        Set(filter(\.keptAsText).map(\.key))
    }

    /// The field of `key`; a programming mistake (a key not in the table) stops the tests.
    func field<Resolved>(_ key: String) -> ContentField<Resolved> where Element == ContentField<Resolved> {
        guard let field = first(where: { $0.key == key }) else {
            preconditionFailure("«\(key)» is not described in the schema")
        }
        return field
    }
}

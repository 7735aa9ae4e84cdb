/// How a view model shows itself to templates, written once per type as a table of key paths:
///
///     extension LinkView: TemplateFields {
///         static let templateFields = FieldTable<LinkView>(\.title, \.url)
///     }
///
/// A field's name is its property's name, read from the key path, so the table cannot name a
/// field the type does not have, and renaming a property renames the field (the templates then
/// report the old name as unknown). A lookup is one dictionary probe and one key-path read:
/// no reflection, no dynamic casts. The site's tests check that no stored property is missing
/// from its type's table.
package protocol TemplateFields: TemplateObject {
    static var templateFields: FieldTable<Self> { get }
}

extension TemplateFields {
    package func field(_ name: String) -> TemplateValue {
        Self.templateFields.value(name, of: self)
    }
}

/// The fields of `Root`, by name.
package struct FieldTable<Root>: Sendable {
    package struct Field: Sendable {
        package let name: String
        let read: @Sendable (Root) -> TemplateValue
    }

    /// In the order written.
    package let fields: [Field]
    private let byName: [String: Field]

    package init<each Value: TemplateRepresentable>(_ paths: repeat KeyPath<Root, each Value> & Sendable) {
        var fields: [Field] = []
        for path in repeat each paths {
            fields.append(Field(name: Self.name(of: path), read: { $0[keyPath: path].templateValue }))
        }
        self.fields = fields
        byName = Dictionary(fields.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// `title` for `\LinkView.title`: the last component of the key path as Swift prints it.
    static func name(of path: AnyKeyPath) -> String {
        let written = String(describing: path)
        guard let dot = written.lastIndex(of: ".") else { return written }
        return String(written[written.index(after: dot)...])
    }

    func value(_ name: String, of root: Root) -> TemplateValue {
        guard let field = byName[name] else { return .unknown }
        return field.read(root)
    }
}

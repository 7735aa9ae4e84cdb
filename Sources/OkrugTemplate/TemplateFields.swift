/// How a view model shows itself to templates, written once per type as a table of key paths:
///
///     extension LinkView: TemplateFields {
///         static let templateFields = FieldTable<LinkView>(.field(\.title), .field(\.url))
///     }
///
/// A field's name is its property's name, read from the key path, so the table cannot name a
/// field the type does not have, and renaming a property renames the field (the templates then
/// report the old name as unknown). The site's tests check that no stored property is missing
/// from its type's table.
///
/// Speed: `field(_:)` and `.field(_:)` are inlinable, so each table is built in the view
/// model's own module with concrete types: the optimiser turns each literal key path into a
/// plain property read and specialises the value's conversion. A lookup compares the name with
/// the table's names, as a `switch` over them would.
public protocol TemplateFields: TemplateObject {
    static var templateFields: FieldTable<Self> { get }
}

extension TemplateFields {
    @inlinable public func field(_ name: String) -> TemplateValue {
        Self.templateFields.value(name, of: self)
    }
}

/// The fields of `Root`, by name.
public struct FieldTable<Root>: Sendable {
    public struct Field: Sendable {
        public let name: String
        @usableFromInline let read: @Sendable (Root) -> TemplateValue

        @inlinable init(name: String, read: @escaping @Sendable (Root) -> TemplateValue) {
            self.name = name
            self.read = read
        }

        /// The property at `path`, under its own name.
        @inlinable public static func field<Value: TemplateRepresentable>(
            _ path: KeyPath<Root, Value> & Sendable
        ) -> Field {
            Field(name: FieldTable.name(of: path), read: { $0[keyPath: path].templateValue })
        }
    }

    /// In the order written.
    public let fields: [Field]
    @usableFromInline let names: [String]

    public init(_ fields: Field...) {
        self.fields = fields
        names = fields.map(\.name)
    }

    /// `title` for `\LinkView.title`: the last component of the key path as Swift prints it.
    @usableFromInline static func name(of path: AnyKeyPath) -> String {
        let written = String(describing: path)
        guard let dot = written.lastIndex(of: ".") else { return written }
        return String(written[written.index(after: dot)...])
    }

    @inlinable func value(_ name: String, of root: Root) -> TemplateValue {
        guard let index = names.firstIndex(of: name) else { return .unknown }
        return fields[index].read(root)
    }
}

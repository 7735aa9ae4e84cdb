import OkrugSystem

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
/// Speed: a key path applied at run time goes through the runtime's generic metadata at every
/// read (a tenth of the render stage), so each field reads its property at the offset the key
/// path points at (`StoredProperty`). `field(_:)` and `.field(_:)` are inlinable, so the value's
/// conversion is specialised in the view model's own module. A lookup compares the name with
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

        /// The stored property at `path`, under its own name. Stored only: Swift prints a
        /// computed property's key path without its name; the site's tests check that every
        /// name in a table is a stored property's.
        @inlinable public static func field<Value: TemplateRepresentable & SendableMetatype>(
            _ path: KeyPath<Root, Value> & Sendable
        ) -> Field {
            let name = FieldTable.name(of: path)
            if let stored = StoredProperty(path) {
                return Field(name: name, read: { stored.read($0).templateValue })
            }
            // Not a stored property of a struct (a class's): the key path itself.
            return Field(name: name, read: { $0[keyPath: path].templateValue })
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

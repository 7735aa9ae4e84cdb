/// What a template sees of a view model. The view models answer `field(_:)` from their field
/// tables (`FieldTable`), so a lookup is a name comparison and an enum: no reflection and no
/// dynamic casts, which would cost a third of a 10 000-material build.
public enum TemplateValue {
    /// A field the view model has, holding `nil`: a lookup goes on down the context stack, as
    /// Mustache specifies.
    case missing
    /// A name the view model has no field for: a lookup goes on down the stack too, and when
    /// no value in scope knows the name, a strict renderer reports the tag (a typo such as
    /// `{{titel}}` would otherwise leave every page without its title).
    case unknown
    case bool(Bool)
    /// Strings and numbers. Any text, even an empty one, opens a section; a section over text
    /// is an error in a strict renderer unless the text is optional (`{{#summary}}…`), the
    /// usual way to show a piece only when it is there.
    case text(String, optional: Bool = false)
    case object(any TemplateObject)
    case list([TemplateValue])
    /// HTML made elsewhere (a material's body in the spool, a card): copied into the page as
    /// bytes by `{{{…}}}`, without becoming one string first.
    case html(any HTMLFragment)
}

/// HTML a page copies in as it is.
public protocol HTMLFragment: Sendable {
    func append(to out: inout [UInt8])
    /// The same HTML as a string (for `{{…}}`, which escapes it).
    var text: String { get }
}

/// A view model the templates can read: `{{name}}` is `field("name")`.
public protocol TemplateObject: TemplateRepresentable {
    func field(_ name: String) -> TemplateValue
}

extension TemplateObject {
    @inlinable public var templateValue: TemplateValue { .object(self) }
}

/// Anything a view model property may be: the conversion is chosen at compile time. The
/// conversions are inlinable, so the site's module specialises them for its own types (a
/// generic `Array.templateValue` called across modules would go through witness tables for
/// every element).
public protocol TemplateRepresentable {
    var templateValue: TemplateValue { get }
}

extension String: TemplateRepresentable {
    @inlinable public var templateValue: TemplateValue { .text(self) }
}

extension Int: TemplateRepresentable {
    @inlinable public var templateValue: TemplateValue { .text(String(self)) }
}

extension Bool: TemplateRepresentable {
    @inlinable public var templateValue: TemplateValue { .bool(self) }
}

extension Optional: TemplateRepresentable where Wrapped: TemplateRepresentable {
    @inlinable public var templateValue: TemplateValue {
        guard let value = self?.templateValue else { return .missing }
        // Optional text is there when it says something: an empty one is as good as nil, so
        // `{{#summary}}<p>{{summary}}</p>{{/summary}}` writes no empty paragraph.
        if case .text(let text, _) = value { return text.isEmpty ? .missing : .text(text, optional: true) }
        return value
    }
}

extension Array: TemplateRepresentable where Element: TemplateRepresentable {
    @inlinable public var templateValue: TemplateValue { .list(map(\.templateValue)) }
}

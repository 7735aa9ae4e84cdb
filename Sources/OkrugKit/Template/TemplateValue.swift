/// What a template sees of a view model. The view models answer `field(_:)` with a switch over
/// their property names, so a lookup is a string comparison and an enum: no reflection and no
/// dynamic casts, which made up a third of a 10 000-material build with swift-mustache.
enum TemplateValue {
    /// Not there, or `nil`: a lookup goes on down the context stack, as Mustache specifies.
    case missing
    case bool(Bool)
    /// Strings and numbers. Any text, even an empty one, opens a section (swift-mustache's rule).
    case text(String)
    case object(any TemplateObject)
    case list([TemplateValue])
    /// HTML made elsewhere (a material's body in the spool, a card): copied into the page as
    /// bytes by `{{{…}}}`, without becoming one string first.
    case html(any HTMLFragment)
}

/// HTML a page copies in as it is.
protocol HTMLFragment: Sendable {
    func append(to out: inout [UInt8])
    /// The same HTML as a string (for `{{…}}`, which escapes it).
    var text: String { get }
}

/// A view model the templates can read: `{{name}}` is `field("name")`.
protocol TemplateObject: TemplateRepresentable {
    func field(_ name: String) -> TemplateValue
}

extension TemplateObject {
    var templateValue: TemplateValue { .object(self) }
}

/// Anything a view model property may be: the conversion is chosen at compile time.
protocol TemplateRepresentable {
    var templateValue: TemplateValue { get }
}

extension String: TemplateRepresentable {
    var templateValue: TemplateValue { .text(self) }
}

extension Int: TemplateRepresentable {
    var templateValue: TemplateValue { .text(String(self)) }
}

extension Bool: TemplateRepresentable {
    var templateValue: TemplateValue { .bool(self) }
}

extension Optional: TemplateRepresentable where Wrapped: TemplateRepresentable {
    var templateValue: TemplateValue { self?.templateValue ?? .missing }
}

extension Array: TemplateRepresentable where Element: TemplateRepresentable {
    var templateValue: TemplateValue { .list(map(\.templateValue)) }
}

extension StoredHTML: TemplateRepresentable, HTMLFragment {
    var templateValue: TemplateValue { .html(self) }
}

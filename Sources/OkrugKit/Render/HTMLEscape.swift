import Mustache

/// The HTML escaping of `{{value}}` in the templates: `XMLText.escape`, the same five
/// characters as swift-mustache's own escaping, which goes Character by Character and was a
/// sixth of the build. Templates select it with `{{% CONTENT_TYPE: HTML }}` (registered under
/// that name); a template without the pragma still escapes, only slower.
struct FastHTMLContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { XMLText.escape(text) }

    /// Registers the escaper as the templates' `HTML` content type (idempotent).
    static func register() {
        MustacheContentTypes.register(FastHTMLContentType(), named: "HTML")
    }
}

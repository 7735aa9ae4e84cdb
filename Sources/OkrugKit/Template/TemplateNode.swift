/// A parsed template: text and tags, sections holding their own nodes. Parsed once per build,
/// shared by every page.
enum TemplateNode: Sendable {
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (as it is).
    case variable(TemplatePath, escaped: Bool)
    case section(TemplatePath, [TemplateNode])
    case invertedSection(TemplatePath, [TemplateNode])
    /// `{{> name}}`; `indentation` when the tag stands alone on its line; `blocks` for a parent
    /// template (`{{< name}}…{{/name}}`) with the blocks it fills in.
    case partial(name: String, indentation: String?, blocks: [String: [TemplateNode]]?)
    /// `{{$name}}default{{/name}}` in a parent template.
    case block(name: String, defaultNodes: [TemplateNode], indentation: String)
    /// `{{$name}}…{{/name}}` inside `{{< parent}}`: what the block is filled with.
    case blockDefinition(name: String, nodes: [TemplateNode])
    /// `{{% CONTENT_TYPE: HTML }}` escapes values (the default); `TEXT` writes them as they are.
    case contentType(escapes: Bool)
}

/// A tag's name split once at parse time: `layout.browse` → `["layout", "browse"]`.
struct TemplatePath: Sendable, Equatable {
    /// `{{.}}`: the current value.
    var isCurrent: Bool
    /// `{{.name}}`: looked up in the current value only, not further down the stack.
    var isAnchored: Bool
    var components: [String]
    /// As written, for error messages.
    var text: String

    init(_ text: String) {
        self.text = text
        isCurrent = text == "."
        isAnchored = !isCurrent && text.hasPrefix(".")
        components = text.split(separator: ".").map(String.init)
    }
}

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
    /// A number for the first name, the same in every template of a set, given by
    /// `TemplateSlots` when a `TemplateRenderer` is made: what the page's own view answers is
    /// kept in an array by it, not a dictionary by name.
    var slot = -1

    init(_ text: String) {
        self.text = text
        isCurrent = text == "."
        isAnchored = !isCurrent && text.hasPrefix(".")
        components = text.split(separator: ".").map(String.init)
    }
}

/// Numbers the first names of all paths of a template set, so the renderer can keep what the
/// page's view answered in an array.
enum TemplateSlots {
    static func assign(_ templates: inout [String: [TemplateNode]]) -> Int {
        var slots: [String: Int] = [:]
        func number(_ path: TemplatePath) -> TemplatePath {
            guard let first = path.components.first else { return path }
            var numbered = path
            if let slot = slots[first] {
                numbered.slot = slot
            } else {
                numbered.slot = slots.count
                slots[first] = slots.count
            }
            return numbered
        }
        func walk(_ nodes: [TemplateNode]) -> [TemplateNode] {
            nodes.map { node in
                switch node {
                case .variable(let path, let escaped): .variable(number(path), escaped: escaped)
                case .section(let path, let children): .section(number(path), walk(children))
                case .invertedSection(let path, let children): .invertedSection(number(path), walk(children))
                case .partial(let name, let indentation, let blocks):
                    .partial(name: name, indentation: indentation, blocks: blocks?.mapValues(walk))
                case .block(let name, let defaultNodes, let indentation):
                    .block(name: name, defaultNodes: walk(defaultNodes), indentation: indentation)
                case .blockDefinition(let name, let children): .blockDefinition(name: name, nodes: walk(children))
                case .text, .contentType: node
                }
            }
        }
        for name in templates.keys.sorted() { templates[name] = templates[name].map(walk) }
        return slots.count
    }
}

/// A parsed template: text and tags, sections holding their own nodes. Parsed once per build,
/// shared by every page.
package enum TemplateNode: Sendable {
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (as it is).
    case variable(TemplatePath, escaped: Bool)
    case section(TemplatePath, [TemplateNode])
    case invertedSection(TemplatePath, [TemplateNode])
    /// `{{> name}}`; `indentation` when the tag stands alone on its line; `blocks` for a parent
    /// template (`{{< name}}…{{/name}}`) with the blocks it fills in.
    case partial(name: String, indentation: String?, blocks: [String: [TemplateNode]]?)
    /// `{{$name}}default{{/name}}` in a parent template. `intrinsic`: the tag stood alone at the
    /// start of its line, so a filled-in block takes the indentation of the default's first line
    /// (the spec's "intrinsic indentation"), its first line included.
    case block(name: String, defaultNodes: [TemplateNode], indentation: String, intrinsic: Bool = false)
    /// `{{$name}}…{{/name}}` inside `{{< parent}}`: what the block is filled with.
    case blockDefinition(name: String, nodes: [TemplateNode])
    /// `{{% CONTENT_TYPE: HTML }}` escapes values (the default); `TEXT` writes them as they are.
    case contentType(escapes: Bool)
}

/// A tag's name split once at parse time: `layout.browse` → `["layout", "browse"]`.
package struct TemplatePath: Sendable, Equatable {
    /// `{{.}}`: the current value.
    var isCurrent: Bool
    /// `{{.name}}`: looked up in the current value only, not further down the stack.
    var isAnchored: Bool
    var components: [String]
    /// As written, for error messages.
    var text: String
    /// Where the tag is: the template's file as shown to the user, and the byte offset of its
    /// `{{` (turned into line and column only when a problem is reported).
    var file = ""
    var offset = 0
    /// A number for the first name, the same in every template of a set, given by
    /// `TemplateSlots` when a `TemplateRenderer` is made: what the page's own view answers is
    /// kept in an array by it, not a dictionary by name.
    var slot = -1
    /// The tag stands in a page's prose, not in an attribute or a script: a site's typography
    /// applies to its value (`TemplateRenderer.textFilter`).
    package var inProse = false

    init(_ text: String, file: String = "", offset: Int = 0) {
        self.text = text
        self.file = file
        self.offset = offset
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
                case .block(let name, let defaultNodes, let indentation, let intrinsic):
                    .block(
                        name: name, defaultNodes: walk(defaultNodes), indentation: indentation, intrinsic: intrinsic)
                case .blockDefinition(let name, let children): .blockDefinition(name: name, nodes: walk(children))
                case .text, .contentType: node
                }
            }
        }
        for name in templates.keys.sorted() { templates[name] = templates[name].map(walk) }
        return slots.count
    }
}

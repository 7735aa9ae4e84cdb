import OkrugTemplate
import OkrugText

/// Russian typography in the theme's own text (the words around the values: «Все школы и их
/// контакты», «Перейти к содержанию»): the no-break spaces are set once, when the templates
/// are read, in document order so a tag or a `<script>` cut by a value is known as such. The
/// values written in prose are marked so, and get the same spaces when a page is rendered;
/// those in attributes (an option's value, a filter) stay as the data has them.
enum TemplateTypography {
    static func apply(_ nodes: [TemplateNode]) -> [TemplateNode] {
        var state = RussianTypography.MarkupState()
        return apply(nodes, state: &state)
    }

    private static func apply(_ nodes: [TemplateNode], state: inout RussianTypography.MarkupState) -> [TemplateNode] {
        var out: [TemplateNode] = []
        out.reserveCapacity(nodes.count)
        for (index, node) in nodes.enumerated() {
            switch node {
            case .text(let text):
                let valueFollows: Bool
                if index + 1 < nodes.count, case .variable = nodes[index + 1] {
                    valueFollows = true
                } else {
                    valueFollows = false
                }
                out.append(.text(RussianTypography.markup(text, state: &state, valueFollows: valueFollows)))
            case .section(let path, let children):
                out.append(.section(path, apply(children, state: &state)))
            case .invertedSection(let path, let children):
                out.append(.invertedSection(path, apply(children, state: &state)))
            case .block(let name, let defaults, let indentation, let intrinsic):
                out.append(
                    .block(
                        name: name, defaultNodes: apply(defaults, state: &state), indentation: indentation,
                        intrinsic: intrinsic))
            case .blockDefinition(let name, let children):
                out.append(.blockDefinition(name: name, nodes: apply(children, state: &state)))
            case .partial(let name, let indentation, let blocks):
                out.append(.partial(name: name, indentation: indentation, blocks: blocks?.mapValues { apply($0) }))
            case .variable(var path, let escaped):
                path.inProse = escaped && state.isProse
                out.append(.variable(path, escaped: escaped))
            case .contentType:
                out.append(node)
            }
        }
        return out
    }
}

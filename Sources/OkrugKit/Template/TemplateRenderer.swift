/// Renders parsed templates against view models into one growing byte array (a page is bytes
/// on disk; a material's body is copied in from the spool without becoming a string). The context stack is
/// one array pushed and popped in place; everything else a nested render needs (indentation,
/// filled blocks, escaping) is a small value passed down.
struct TemplateRenderer: Sendable {
    let templates: [String: [TemplateNode]]
    /// How many first names `TemplateSlots` numbered.
    let slots: Int

    /// Numbers the first names of the templates' tags (`TemplateSlots`); made once per set.
    init(templates: [String: [TemplateNode]]) {
        var numbered = templates
        slots = TemplateSlots.assign(&numbered)
        self.templates = numbered
    }

    func render(_ view: any TemplateObject, template name: String) -> [UInt8] {
        guard let nodes = templates[name] else { return [] }
        var out: [UInt8] = []
        out.reserveCapacity(32 * 1024)
        var stack = Stack(values: [.object(view)], slotted: Array(repeating: nil, count: slots))
        var scope = Scope()
        render(nodes, scope: &scope, stack: &stack, into: &out)
        return out
    }

    /// The values sections have opened, innermost last. What the page's own view answers is
    /// kept: `{{layout.title}}`, `{{layout.root}}`… would otherwise copy the whole layout out of
    /// the page view at every tag.
    private struct Stack {
        var values: [TemplateValue]
        /// What the page's own view answered, by the number of the name asked for.
        var slotted: [TemplateValue?]

        mutating func append(_ value: TemplateValue) { values.append(value) }
        mutating func removeLast() { values.removeLast() }
        var last: TemplateValue? { values.last }

        mutating func rootField(_ name: String, slot: Int) -> TemplateValue {
            if let known = slotted[slot] { return known }
            guard case .object(let root) = values.first else { return .missing }
            let value = root.field(name)
            slotted[slot] = value
            return value
        }
    }

    /// What a template is rendered within, apart from the values.
    private struct Scope {
        var indentation: String?
        var blocks: [String: [TemplateNode]]?
        var escapes = true
    }

    /// One template, or one section of it. A `CONTENT_TYPE` pragma holds to the end of it.
    private func render(_ nodes: [TemplateNode], scope: inout Scope, stack: inout Stack, into out: inout [UInt8]) {
        let escapes = scope.escapes
        defer { scope.escapes = escapes }
        guard let indentation = scope.indentation, !indentation.isEmpty else {
            for index in nodes.indices { render(nodes[index], scope: &scope, stack: &stack, into: &out) }
            return
        }
        // A standalone partial's indentation goes before every line it writes (after the first).
        let start = out.count
        for node in nodes {
            if case .text(let text) = node {
                // Texts were merged across lines at parse time; the rule is per line.
                let utf8 = text.utf8
                var pieceStart = utf8.startIndex
                while pieceStart < utf8.endIndex {
                    let pieceEnd =
                        utf8[pieceStart...].firstIndex(of: 0x0A).map { utf8.index(after: $0) } ?? utf8.endIndex
                    if out.count > start, out.last == 0x0A { out.append(contentsOf: indentation.utf8) }
                    out.append(contentsOf: utf8[pieceStart..<pieceEnd])
                    pieceStart = pieceEnd
                }
                continue
            }
            var piece: [UInt8] = []
            render(node, scope: &scope, stack: &stack, into: &piece)
            if !piece.isEmpty, out.count > start, out.last == 0x0A { out.append(contentsOf: indentation.utf8) }
            out += piece
        }
    }

    private func render(_ node: TemplateNode, scope: inout Scope, stack: inout Stack, into out: inout [UInt8]) {
        switch node {
        case .text(let text):
            out.append(contentsOf: text.utf8)
        case .variable(let path, let escaped):
            switch lookup(path, in: &stack) {
            case .text(let text):
                if escaped && scope.escapes {
                    XMLText.append(text, to: &out)
                } else {
                    out.append(contentsOf: text.utf8)
                }
            case .html(let stored):
                if escaped && scope.escapes { XMLText.append(stored.text, to: &out) } else { stored.append(to: &out) }
            case .bool(let value):
                out.append(contentsOf: (value ? "true" : "false").utf8)
            case .missing, .object, .list:
                break
            }
        case .section(let path, let children):
            let value = lookup(path, in: &stack)
            switch value {
            case .missing: break
            case .bool(let isTrue):
                if isTrue { render(children, scope: &scope, stack: &stack, into: &out) }
            case .list(let items):
                for item in items {
                    stack.append(item)
                    render(children, scope: &scope, stack: &stack, into: &out)
                    stack.removeLast()
                }
            case .text, .object, .html:
                stack.append(value)
                render(children, scope: &scope, stack: &stack, into: &out)
                stack.removeLast()
            }
        case .invertedSection(let path, let children):
            let isEmpty: Bool
            switch lookup(path, in: &stack) {
            case .missing: isEmpty = true
            case .bool(let value): isEmpty = !value
            case .list(let items): isEmpty = items.isEmpty
            case .text, .object, .html: isEmpty = false
            }
            if isEmpty { render(children, scope: &scope, stack: &stack, into: &out) }
        case .partial(let name, let indented, let filled):
            guard let nodes = templates[name] else { return }
            var inner = Scope(indentation: scope.indentation, blocks: scope.blocks, escapes: true)
            if let indented { inner.indentation = (scope.indentation ?? "") + indented }
            if let filled {
                // A block filled further out wins over the same block filled here.
                inner.blocks = (scope.blocks ?? [:]).merging(filled) { outer, _ in outer }
            }
            render(nodes, scope: &inner, stack: &stack, into: &out)
        case .block(let name, let defaultNodes, let indented):
            var inner = scope
            inner.indentation = (scope.indentation ?? "") + indented
            render(scope.blocks?[name] ?? defaultNodes, scope: &inner, stack: &stack, into: &out)
        case .blockDefinition:
            break
        case .contentType(let escapes):
            scope.escapes = escapes
        }
    }

    /// `{{a.b}}`: `a` is looked for from the innermost value outwards, `b` only in what was found.
    private func lookup(_ path: TemplatePath, in stack: inout Stack) -> TemplateValue {
        if path.isCurrent { return stack.last ?? .missing }
        guard let first = path.components.first else { return .missing }
        var found = TemplateValue.missing
        if path.isAnchored {
            if stack.values.count == 1 {
                found = stack.rootField(first, slot: path.slot)
            } else if let top = stack.last {
                found = field(first, of: top)
            }
        } else {
            var index = stack.values.count - 1
            while index > 0 {
                found = field(first, of: stack.values[index])
                if case .missing = found {
                    index -= 1
                    continue
                }
                break
            }
            if index == 0 { found = stack.rootField(first, slot: path.slot) }
        }
        var index = 1
        while index < path.components.count {
            if case .missing = found { return .missing }
            found = field(path.components[index], of: found)
            index += 1
        }
        return found
    }

    private func field(_ name: String, of value: TemplateValue) -> TemplateValue {
        if case .object(let object) = value { return object.field(name) }
        return .missing
    }
}

import OkrugText

/// Renders parsed templates against view models into one growing byte array (a page is bytes
/// on disk; a material's body is copied in from the spool without becoming a string). The context stack is
/// one array pushed and popped in place; everything else a nested render needs (indentation,
/// filled blocks, escaping) is a small value passed down.
package struct TemplateRenderer: Sendable {
    let templates: [String: [TemplateNode]]
    /// How many first names `TemplateSlots` numbered.
    let slots: Int
    /// Where a strict renderer reports unknown names and sections over text; `nil` renders
    /// as the Mustache specification says (a miss is empty), for the spec's own tests.
    package let problems: TemplateProblems?

    /// What escaped text values in prose (`TemplatePath.inProse`) go through before they are
    /// escaped: a site's typography. `nil`: written as they are, as the specification says.
    let textFilter: (@Sendable (String) -> String)?

    /// Numbers the first names of the templates' tags (`TemplateSlots`); made once per set.
    package init(
        templates: [String: [TemplateNode]], strict: Bool = false, textFilter: (@Sendable (String) -> String)? = nil
    ) {
        var numbered = templates
        slots = TemplateSlots.assign(&numbered)
        self.templates = numbered
        problems = strict ? TemplateProblems() : nil
        self.textFilter = textFilter
    }

    package func render(_ view: any TemplateObject, template name: String) -> [UInt8] {
        render(.object(view), template: name)
    }

    /// Renders with any value as the outermost context (the spec's data may be a list or text).
    func render(_ root: TemplateValue, template name: String) -> [UInt8] {
        guard let nodes = templates[name] else { return [] }
        var out: [UInt8] = []
        out.reserveCapacity(32 * 1024)
        var stack = Stack(values: [root], slotted: Array(repeating: nil, count: slots))
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
        /// Partials and parents expanded for this page so far: a template that includes itself
        /// twice would double its work at every level, so the page stops at a budget.
        var expansions = 0

        mutating func append(_ value: TemplateValue) { values.append(value) }
        mutating func removeLast() { values.removeLast() }
        var last: TemplateValue? { values.last }

        mutating func rootField(_ name: String, slot: Int) -> TemplateValue {
            if let known = slotted[slot] { return known }
            guard case .object(let root) = values.first else { return .unknown }
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
        /// Partials and parents this render is inside of: a partial that includes itself
        /// without end stops here instead of exhausting the stack.
        var depth = 0
    }

    /// Partials inside partials a render may go: recursion over data (a tree of nodes, as the
    /// spec's own example) stays far below; a template that includes itself does not.
    static let maximumPartialDepth = 32
    /// Partials and parents one page may expand: a theme uses tens.
    static let maximumExpansions = 1_000

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
            case .text(let text, _):
                if escaped && scope.escapes {
                    if path.inProse, let textFilter {
                        XMLText.append(textFilter(text), to: &out)
                    } else {
                        XMLText.append(text, to: &out)
                    }
                } else {
                    out.append(contentsOf: text.utf8)
                }
            case .html(let stored):
                if escaped && scope.escapes { XMLText.append(stored.text, to: &out) } else { stored.append(to: &out) }
            case .bool(let value):
                out.append(contentsOf: (value ? "true" : "false").utf8)
            case .missing, .unknown, .object, .list:
                break
            }
        case .section(let path, let children):
            let value = lookup(path, in: &stack)
            switch value {
            case .missing, .unknown: break
            case .bool(let isTrue):
                if isTrue { render(children, scope: &scope, stack: &stack, into: &out) }
            case .list(let items):
                for item in items {
                    stack.append(item)
                    render(children, scope: &scope, stack: &stack, into: &out)
                    stack.removeLast()
                }
            case .text(_, let optional):
                if !optional, let problems {
                    problems.report(
                        path, message: "раздел {{#\(path.text)}} открыт над текстом, а не над списком или объектом",
                        hint: "выведите текст тегом {{\(path.text)}}; для условия нужен флаг или необязательное поле")
                }
                stack.append(value)
                render(children, scope: &scope, stack: &stack, into: &out)
                stack.removeLast()
            case .object, .html:
                stack.append(value)
                render(children, scope: &scope, stack: &stack, into: &out)
                stack.removeLast()
            }
        case .invertedSection(let path, let children):
            let isEmpty: Bool
            switch lookup(path, in: &stack) {
            case .missing, .unknown: isEmpty = true
            case .bool(let value): isEmpty = !value
            case .list(let items): isEmpty = items.isEmpty
            case .text, .object, .html: isEmpty = false
            }
            if isEmpty { render(children, scope: &scope, stack: &stack, into: &out) }
        case .partial(let name, let indented, let filled):
            guard let nodes = templates[name] else { return }
            if stack.expansions < Int.max { stack.expansions += 1 }
            guard scope.depth < Self.maximumPartialDepth, stack.expansions <= Self.maximumExpansions else {
                // Once per page: the first partial over the limit is the one that recurses.
                if stack.expansions != Int.max {
                    problems?.report(
                        template: name,
                        message:
                            "подшаблон «\(name)» включает сам себя: вложен больше \(Self.maximumPartialDepth) раз или страница включает больше \(Self.maximumExpansions) подшаблонов",
                        hint: "уберите {{> \(name)}} или {{< \(name)}} из самого подшаблона и из тех, что он включает")
                }
                stack.expansions = Int.max
                return
            }
            var inner = Scope(
                indentation: scope.indentation, blocks: scope.blocks, escapes: true, depth: scope.depth + 1)
            if let indented { inner.indentation = (scope.indentation ?? "") + indented }
            if let filled {
                // A block filled further out wins over the same block filled here.
                inner.blocks = (scope.blocks ?? [:]).merging(filled) { outer, _ in outer }
            }
            render(nodes, scope: &inner, stack: &stack, into: &out)
        case .block(let name, let defaultNodes, let indented, let intrinsic):
            var inner = scope
            if let filled = scope.blocks?[name] {
                inner.indentation = (scope.indentation ?? "") + indented
                if intrinsic, !indented.isEmpty { out.append(contentsOf: indented.utf8) }
                render(filled, scope: &inner, stack: &stack, into: &out)
            } else {
                // The default is written as it stands in the parent, its own indentation included.
                if !intrinsic { inner.indentation = (scope.indentation ?? "") + indented }
                render(defaultNodes, scope: &inner, stack: &stack, into: &out)
            }
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
        var found = TemplateValue.unknown
        if path.isAnchored {
            if stack.values.count == 1 {
                found = stack.rootField(first, slot: path.slot)
            } else if let top = stack.last {
                found = field(first, of: top)
            }
        } else {
            // A known field holding nil lets the lookup go on outwards, but is remembered: the
            // name exists, so a miss further out is no unknown name.
            var known = false
            var index = stack.values.count - 1
            search: while index > 0 {
                found = field(first, of: stack.values[index])
                switch found {
                case .unknown: index -= 1
                case .missing:
                    known = true
                    index -= 1
                default: break search
                }
            }
            if index == 0 { found = stack.rootField(first, slot: path.slot) }
            if known, case .unknown = found { found = .missing }
        }
        if case .unknown = found {
            reportUnknown(first, path: path, in: stack, anchored: path.isAnchored)
            return .missing
        }
        var index = 1
        while index < path.components.count {
            if case .missing = found { return .missing }
            let parent = found
            found = field(path.components[index], of: parent)
            if case .unknown = found {
                reportUnknown(
                    path.components[index], path: path, in: Stack(values: [parent], slotted: []), anchored: true)
                return .missing
            }
            index += 1
        }
        return found
    }

    private func field(_ name: String, of value: TemplateValue) -> TemplateValue {
        if case .object(let object) = value { return object.field(name) }
        return .unknown
    }

    /// A tag whose name no value in scope has: reported with the names that are there (read
    /// off the view models' properties, which are their fields: `ViewModelFieldTests`).
    private func reportUnknown(_ name: String, path: TemplatePath, in stack: Stack, anchored: Bool) {
        guard let problems else { return }
        var names: Set<String> = []
        for value in anchored ? Array(stack.values.suffix(1)) : stack.values {
            guard case .object(let object) = value else { continue }
            for child in Mirror(reflecting: object).children {
                if let label = child.label, !label.hasPrefix("_") { names.insert(label) }
            }
        }
        let suggestion = Suggestion.didYouMean(name, in: names.sorted())
        problems.report(
            path, message: "в шаблоне неизвестное имя «\(name)» в {{\(path.text)}}",
            hint: suggestion.isEmpty
                ? "здесь есть: \(names.sorted().joined(separator: ", "))"
                : suggestion + "; здесь есть: \(names.sorted().joined(separator: ", "))")
    }
}

/// Parses Mustache as the theme's templates use it: variables, sections, inverted sections,
/// comments, partials, parent templates with blocks and the `CONTENT_TYPE` pragma. Lines that
/// hold only a section, comment, partial, block or pragma tag vanish with their line break,
/// as the Mustache specification says (its whole suite runs in `MustacheSpecTests`).
package struct TemplateParser {
    package struct Failure: Error {
        package var line: Int
        package var column: Int
        package var message: String
        package var hint: String
    }

    private let bytes: [UInt8]
    private var position = 0
    /// The file as shown in messages, kept in every tag's path.
    private let file: String
    /// The tag delimiters, `{{` and `}}` until a `{{=<% %>=}}` tag changes them (for the rest
    /// of this template, sections included; partials start with the defaults again).
    private var openDelimiter: [UInt8] = [0x7B, 0x7B]
    private var closeDelimiter: [UInt8] = [0x7D, 0x7D]
    private var defaultDelimiters: Bool { openDelimiter == [0x7B, 0x7B] && closeDelimiter == [0x7D, 0x7D] }

    init(_ text: String, file: String = "") {
        bytes = Array(text.utf8)
        self.file = file
    }

    package static func parse(_ text: String, file: String = "") throws(Failure) -> [TemplateNode] {
        var parser = TemplateParser(text, file: file)
        return merged(try parser.parse(State()))
    }

    /// Neighbouring texts as one (the parser makes one per line): fewer steps for every page.
    private static func merged(_ nodes: [TemplateNode]) -> [TemplateNode] {
        var out: [TemplateNode] = []
        for node in nodes {
            switch node {
            case .text(let text):
                if case .text(let previous) = out.last {
                    out[out.count - 1] = .text(previous + text)
                } else {
                    out.append(node)
                }
            case .section(let path, let children): out.append(.section(path, merged(children)))
            case .invertedSection(let path, let children): out.append(.invertedSection(path, merged(children)))
            case .partial(let name, let indentation, let blocks):
                out.append(.partial(name: name, indentation: indentation, blocks: blocks?.mapValues(merged)))
            case .block(let name, let defaultNodes, let indentation, let intrinsic):
                out.append(
                    .block(
                        name: name, defaultNodes: merged(defaultNodes), indentation: indentation, intrinsic: intrinsic))
            case .blockDefinition(let name, let children):
                out.append(.blockDefinition(name: name, nodes: merged(children)))
            case .variable, .contentType:
                out.append(node)
            }
        }
        return out
    }

    private struct State {
        var section: String?
        var newLine = true
        /// Inside `{{< parent}}…{{/parent}}`, and directly there (where `{{$…}}` defines a block).
        var inParent = false
        var inParentTopLevel = false
        /// The indentation of a block definition's first line, taken off every line after it.
        var definitionIndent: Int?
        /// Sections, parents and blocks this one is inside of.
        var depth = 0

        func entering(section name: String, newLine: Bool) -> State {
            var state = self
            state.depth += 1
            state.section = name
            state.inParentTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func enteringParent(_ name: String) -> State {
            var state = self
            state.depth += 1
            state.section = name
            state.newLine = true
            state.inParent = true
            state.inParentTopLevel = true
            return state
        }
    }

    private static let space: UInt8 = 0x20
    private static let tab: UInt8 = 0x09
    private static let newline: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D
    private static let open: UInt8 = 0x7B  // {
    private static let close: UInt8 = 0x7D  // }

    private var atEnd: Bool { position >= bytes.count }
    private var current: UInt8 { bytes[position] }

    /// Sections inside sections a template may have: far more than a theme needs, few enough
    /// that parsing and rendering them stays well within a thread's stack.
    static let maximumDepth = 48

    private mutating func parse(_ initial: State) throws(Failure) -> [TemplateNode] {
        if initial.depth > Self.maximumDepth {
            throw failure(
                "слишком глубокая вложенность разделов (больше \(Self.maximumDepth))",
                hint: "проверьте, что каждый {{#…}} закрыт своим {{/…}}")
        }
        var nodes: [TemplateNode] = []
        var state = initial
        var whitespaceBefore = ""
        while !atEnd {
            if state.newLine {
                let whitespace = readSpacesAndTabs()
                if state.inParent, !state.inParentTopLevel {
                    if let indent = state.definitionIndent {
                        whitespaceBefore = String(whitespace.dropFirst(indent))
                    } else {
                        state.definitionIndent = whitespace.count
                    }
                } else {
                    whitespaceBefore = whitespace
                }
            }
            let text = readUntilTagOrNewline()
            if let lineBreak = readLineBreak() {
                nodes.append(.text(whitespaceBefore + text + lineBreak))
                state.newLine = true
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whitespaceBefore + text))
                whitespaceBefore = ""
                state.newLine = false
            }
            if atEnd { break }
            var setNewLine = false
            func flushWhitespace() {
                if !whitespaceBefore.isEmpty {
                    nodes.append(.text(whitespaceBefore))
                    whitespaceBefore = ""
                }
            }
            let tagStart = position - openDelimiter.count
            switch current {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let inverted = current == UInt8(ascii: "^")
                position += 1
                let name = try readName()
                if isStandalone(state) { setNewLine = true } else { flushWhitespace() }
                let children = try parse(state.entering(section: name, newLine: setNewLine))
                let path = TemplatePath(name, file: file, offset: tagStart)
                nodes.append(inverted ? .invertedSection(path, children) : .section(path, children))

            case UInt8(ascii: "/"):
                position += 1
                let nameStart = position
                let name = try readName()
                guard name == state.section else {
                    position = nameStart
                    if let open = state.section {
                        throw failure(
                            "тег {{/\(name)}} закрывает не тот раздел: открыт {{#\(open)}}",
                            hint: "закройте разделы в обратном порядке: сначала {{/\(open)}}")
                    }
                    throw failure(
                        "тег {{/\(name)}} закрывает раздел, который не был открыт",
                        hint: "уберите его или добавьте {{#\(name)}} перед ним")
                }
                if isStandalone(state) { setNewLine = true } else { flushWhitespace() }
                return nodes

            case UInt8(ascii: "!"):
                position += 1
                try skipComment()
                setNewLine = isStandalone(state)

            case Self.open where defaultDelimiters, UInt8(ascii: "&"):
                let triple = current == Self.open
                flushWhitespace()
                position += 1
                let name = try readName()
                if triple {
                    guard !atEnd, current == Self.close else {
                        throw failure("у тега {{{\(name)}} нет третьей скобки }", hint: "напишите {{{\(name)}}}")
                    }
                    position += 1
                }
                nodes.append(.variable(TemplatePath(name, file: file, offset: tagStart), escaped: false))

            case UInt8(ascii: ">"):
                position += 1
                skipWhitespace()
                let name = try readPartialName()
                emit(whitespaceBefore, into: &nodes)
                if isStandalone(state) {
                    setNewLine = true
                    nodes.append(.partial(name: name, indentation: whitespaceBefore, blocks: nil))
                } else {
                    nodes.append(.partial(name: name, indentation: nil, blocks: nil))
                }
                whitespaceBefore = ""

            case UInt8(ascii: "<"):
                position += 1
                skipWhitespace()
                let name = try readPartialName()
                emit(whitespaceBefore, into: &nodes)
                if isStandalone(state) { setNewLine = true }
                let children = try parse(state.enteringParent(name))
                var blocks: [String: [TemplateNode]] = [:]
                for child in children {
                    switch child {
                    case .blockDefinition(let block, let content): blocks[block] = content
                    case .text: break
                    default:
                        position = tagStart
                        throw failure(
                            "внутри {{<\(name)}} допустимы только блоки {{$имя}}…{{/имя}}",
                            hint: "перенесите остальное внутрь блока")
                    }
                }
                nodes.append(.partial(name: name, indentation: whitespaceBefore, blocks: blocks))
                whitespaceBefore = ""

            case UInt8(ascii: "$"):
                position += 1
                let name = try readName()
                if state.inParentTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    let children = try parse(state.entering(section: name, newLine: setNewLine))
                    nodes.append(.blockDefinition(name: name, nodes: children))
                } else {
                    emit(whitespaceBefore, into: &nodes)
                    let standalone = isStandalone(state)
                    if standalone { setNewLine = true }
                    let children = try parse(state.entering(section: name, newLine: setNewLine))
                    if standalone, whitespaceBefore.isEmpty, case .text(let first)? = children.first {
                        let indent = String(first.prefix { $0 == " " || $0 == "\t" })
                        nodes.append(.block(name: name, defaultNodes: children, indentation: indent, intrinsic: true))
                    } else {
                        nodes.append(.block(name: name, defaultNodes: children, indentation: whitespaceBefore))
                    }
                    whitespaceBefore = ""
                }

            case UInt8(ascii: "="):
                position += 1
                try readDelimiters()
                setNewLine = isStandalone(state)

            case UInt8(ascii: "%"):
                position += 1
                nodes.append(try readPragma())
                setNewLine = isStandalone(state)

            default:
                flushWhitespace()
                let name = try readName()
                nodes.append(.variable(TemplatePath(name, file: file, offset: tagStart), escaped: true))
            }
            state.newLine = setNewLine
        }
        if let open = state.section {
            throw failure("раздел {{#\(open)}} не закрыт", hint: "добавьте {{/\(open)}} в конце раздела")
        }
        return nodes
    }

    /// Partials and blocks put the whitespace before them out as text but also keep it (as
    /// the indentation of a standalone tag).
    private func emit(_ whitespace: String, into nodes: inout [TemplateNode]) {
        if !whitespace.isEmpty { nodes.append(.text(whitespace)) }
    }

    // MARK: - Reading

    private mutating func readSpacesAndTabs() -> String {
        let start = position
        while !atEnd, current == Self.space || current == Self.tab { position += 1 }
        return string(start..<position)
    }

    private mutating func skipWhitespace() {
        while !atEnd, [Self.space, Self.tab, Self.newline, Self.carriageReturn, 0x0B, 0x0C].contains(current) {
            position += 1
        }
    }

    private func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// Text up to a line break (not consumed) or up to and including `{{`.
    private mutating func readUntilTagOrNewline() -> String {
        let start = position
        while !atEnd {
            let byte = current
            if byte == Self.newline || byte == Self.carriageReturn { return string(start..<position) }
            if byte == openDelimiter[0], matches(openDelimiter, at: position) {
                let text = string(start..<position)
                position += openDelimiter.count
                return text
            }
            position += 1
        }
        return string(start..<position)
    }

    private mutating func readLineBreak() -> String? {
        guard !atEnd else { return nil }
        if current == Self.newline {
            position += 1
            return "\n"
        }
        if current == Self.carriageReturn {
            position += 1
            if !atEnd, current == Self.newline {
                position += 1
                return "\r\n"
            }
            return "\r"
        }
        return nil
    }

    /// A tag alone on its line: the rest of the line (spaces, the line break) is consumed.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        let saved = position
        _ = readSpacesAndTabs()
        if readLineBreak() == nil {
            position = saved
            return false
        }
        return true
    }

    private static func isNameByte(_ byte: UInt8, partial: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return true
        case UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*"),
            UInt8(ascii: "("), UInt8(ascii: ")"):
            return true
        case UInt8(ascii: "/"): return partial
        default: return false
        }
    }

    private mutating func readName(partial: Bool = false) throws(Failure) -> String {
        skipWhitespace()
        let start = position
        while !atEnd, Self.isNameByte(current, partial: partial) { position += 1 }
        let name = string(start..<position)
        skipWhitespace()
        guard readCloseDelimiter() else {
            throw failure(
                "тег не закрыт или в имени недопустимый знак",
                hint: "имя из латинских букв, цифр, «.», «-», «_», тег закрывается }}")
        }
        if name.contains("(") || name.contains(")") {
            position = start
            throw failure("преобразования в шаблонах ({{f(x)}}) не поддерживаются", hint: "подготовьте значение в коде")
        }
        if name.isEmpty {
            position = start
            throw failure("у тега нет имени", hint: "напишите имя поля: {{title}}")
        }
        return name
    }

    private mutating func readPartialName() throws(Failure) -> String {
        if !atEnd, current == UInt8(ascii: "*") {
            throw failure("подшаблоны по имени из данных ({{>*x}}) не поддерживаются", hint: "назовите подшаблон прямо")
        }
        return try readName(partial: true)
    }

    private mutating func readCloseDelimiter() -> Bool {
        guard matches(closeDelimiter, at: position) else { return false }
        position += closeDelimiter.count
        return true
    }

    private func matches(_ delimiter: [UInt8], at offset: Int) -> Bool {
        guard offset + delimiter.count <= bytes.count else { return false }
        for index in delimiter.indices where bytes[offset + index] != delimiter[index] { return false }
        return true
    }

    /// `{{=<% %>=}}`, read after its `=`: two new delimiters, no spaces or `=` in them.
    private mutating func readDelimiters() throws(Failure) {
        let start = position
        func word() -> [UInt8] {
            skipWhitespace()
            let from = position
            while !atEnd,
                ![Self.space, Self.tab, Self.newline, Self.carriageReturn, UInt8(ascii: "=")].contains(current)
            {
                position += 1
            }
            return Array(bytes[from..<position])
        }
        let open = word()
        let close = word()
        skipWhitespace()
        guard !open.isEmpty, !close.isEmpty, !atEnd, current == UInt8(ascii: "=") else {
            position = start
            throw failure(
                "смена разделителей записана неверно", hint: "пишите {{=<% %>=}}: два разделителя через пробел")
        }
        position += 1
        guard readCloseDelimiter() else {
            position = start
            throw failure("тег смены разделителей не закрыт", hint: "закончите его =}}")
        }
        openDelimiter = open
        closeDelimiter = close
    }

    private mutating func skipComment() throws(Failure) {
        let start = position
        while position < bytes.count {
            if matches(closeDelimiter, at: position) {
                position += closeDelimiter.count
                return
            }
            position += 1
        }
        position = start
        throw failure("комментарий {{! … не закрыт", hint: "закончите его }}")
    }

    private mutating func readPragma() throws(Failure) -> TemplateNode {
        let start = position
        skipWhitespace()
        let nameStart = position
        while !atEnd, Self.isNameByte(current, partial: false), current != 0x28, current != 0x29 { position += 1 }
        let name = string(nameStart..<position)
        skipWhitespace()
        guard !atEnd, current == UInt8(ascii: ":") else {
            position = start
            throw failure("настройка шаблона записана неверно", hint: "пишите {{% CONTENT_TYPE: HTML }}")
        }
        position += 1
        skipWhitespace()
        let valueStart = position
        while !atEnd, Self.isNameByte(current, partial: false), current != 0x28, current != 0x29 { position += 1 }
        let value = string(valueStart..<position)
        skipWhitespace()
        guard readCloseDelimiter(), name == "CONTENT_TYPE", value == "HTML" || value == "TEXT" else {
            position = start
            throw failure(
                "неизвестная настройка шаблона «\(name): \(value)»",
                hint: "допустимо {{% CONTENT_TYPE: HTML }} или TEXT")
        }
        return .contentType(escapes: value == "HTML")
    }

    // MARK: - Errors

    /// Line and column (in characters) of a byte offset of `text`: for reporting a tag.
    package static func place(of offset: Int, in text: String) -> (line: Int, column: Int) {
        let bytes = Array(text.utf8.prefix(offset))
        let lineStart = (bytes.lastIndex(of: newline).map { $0 + 1 }) ?? 0
        let line = bytes.reduce(1) { $0 + ($1 == newline ? 1 : 0) }
        let column = String(decoding: bytes[lineStart...], as: UTF8.self).count + 1
        return (line, column)
    }

    private func failure(_ message: String, hint: String) -> Failure {
        var line = 1
        var lineStart = 0
        for index in 0..<min(position, bytes.count) where bytes[index] == Self.newline {
            line += 1
            lineStart = index + 1
        }
        let column = string(lineStart..<min(position, bytes.count)).count + 1
        return Failure(line: line, column: column, message: message, hint: hint)
    }
}

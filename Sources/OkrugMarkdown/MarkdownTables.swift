import Ccmark
import OkrugText

/// Pipe tables on top of cmark's tree. cmark (CommonMark) reads a table as a paragraph; each
/// paragraph whose lines hold one (`PipeTable`) is replaced by custom nodes that write the
/// table, and each cell's text is parsed by cmark on its own as inline Markdown, so emphasis,
/// links and code work in cells and the later steps (links, typography, plain text) see them.
///
/// The HTML is the GFM spec's, with okrug's changes (the conformance tests undo exactly these):
/// the table sits in `<div class="table-scroll" …>`, a box that scrolls sideways on a narrow
/// screen instead of the page; header cells are `<th scope="col">`; an alignment is a class
/// (`class="align-center"`), since HTML5 has no `align` attribute.
struct MarkdownTables {
    /// Nodes parsed apart from the body (a cell's text, lines above a table) and where their
    /// text starts in the body: line and byte column.
    var relocations: [OpaquePointer: (line: Int, column: Int)] = [:]
    var problems: [MarkdownProblem] = []

    static let scrollBoxStart =
        "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Таблица\">\n<table>"
    static let scrollBoxEnd = "</table>\n</div>"

    /// Replaces every paragraph that is a table; reports tables that did not come out.
    static func expand(
        _ root: OpaquePointer, lines: LineIndex, allocator: UnsafeMutablePointer<cmark_mem>
    ) -> MarkdownTables {
        var tables = MarkdownTables()
        guard lines.hasPipe else { return tables }
        for paragraph in paragraphs(under: root) {
            let paragraphLines = sourceLines(of: paragraph, in: lines)
            guard paragraphLines.contains(where: { $0.text.utf8.contains(0x7C) }) else { continue }
            let firstLine = Int(cmark_node_get_start_line(paragraph))
            switch PipeTable.search(paragraphLines) {
            case .table(let table):
                tables.build(
                    table, replacing: paragraph, lines: paragraphLines, firstLine: firstLine, source: lines,
                    allocator: allocator)
            case .tooLarge(let line, let columns, let rows):
                tables.problems.append(
                    MarkdownProblem(
                        position: tables.position(
                            line: firstLine + line, byteColumn: paragraphLines[line].column, lines),
                        message:
                            "таблица слишком большая (\(MarkdownTables.column.counted(columns)), строк: \(rows)) — она останется текстом",
                        hint:
                            "в таблице на странице может быть до \(PipeTable.maximumColumns) столбцов и до \(PipeTable.maximumCells) ячеек; разделите её на несколько или приложите файлом Excel"
                    ))
            case nil:
                tables.explainMissingTable(paragraphLines, firstLine: firstLine, source: lines)
            }
        }
        return tables
    }

    /// Paragraphs of two lines or more: a table needs a header and a delimiter row.
    private static func paragraphs(under root: OpaquePointer) -> [OpaquePointer] {
        var found: [OpaquePointer] = []
        walkTree(root) { node, type, entering in
            if entering, type == CMARK_NODE_PARAGRAPH, cmark_node_get_end_line(node) > cmark_node_get_start_line(node) {
                found.append(node)
            }
        }
        return found
    }

    /// The paragraph's lines as written, without the prefix its container puts before each
    /// (`> ` of a quote, a list item's indent). A lazy continuation line has no prefix.
    private static func sourceLines(of paragraph: OpaquePointer, in lines: LineIndex) -> [PipeTable.Line] {
        let first = Int(cmark_node_get_start_line(paragraph))
        let last = Int(cmark_node_get_end_line(paragraph))
        let column = max(Int(cmark_node_get_start_column(paragraph)), 1)
        var result: [PipeTable.Line] = []
        for number in first...max(first, last) {
            guard let line = lines.line(number) else { break }
            let bytes = Array(line.utf8)
            var skip = 0
            if number == first || bytes.prefix(column - 1).allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x3E }) {
                skip = min(column - 1, bytes.count)
            } else {
                while skip < bytes.count, bytes[skip] == 0x20 || bytes[skip] == 0x09 { skip += 1 }
            }
            result.append(PipeTable.Line(text: String(decoding: bytes[skip...], as: UTF8.self), column: skip + 1))
        }
        return result
    }

    private mutating func build(
        _ table: PipeTable, replacing paragraph: OpaquePointer, lines: [PipeTable.Line], firstLine: Int,
        source: LineIndex, allocator: UnsafeMutablePointer<cmark_mem>
    ) {
        guard let box = Self.block(Self.scrollBoxStart, Self.scrollBoxEnd, allocator) else { return }
        // Lines above the header stay a paragraph of their own, parsed again.
        if table.headerLine > 0 {
            let text = lines[0..<table.headerLine].map(\.text).joined(separator: "\n")
            for block in parse(text, source: source, allocator: allocator) {
                cmark_node_insert_before(paragraph, block)
                relocations[block] = (firstLine, lines[0].column)
            }
        }
        guard let head = Self.block("<thead>", "</thead>", allocator) else { return }
        cmark_node_append_child(box, head)
        addRow(
            table.header, line: firstLine + table.headerLine, header: true, alignments: table.alignments, to: head,
            source: source, allocator: allocator)
        if !table.rows.isEmpty, let body = Self.block("<tbody>", "</tbody>", allocator) {
            cmark_node_append_child(box, body)
            for (cells, line) in zip(table.rows, table.rowLines) {
                addRow(
                    cells, line: firstLine + line, header: false, alignments: table.alignments, to: body,
                    source: source, allocator: allocator)
            }
        }
        cmark_node_replace(paragraph, box)
        cmark_node_free(paragraph)

        for (line, cells) in table.dropped {
            let listed = cells.map { "«\($0.text)»" }.joined(separator: ", ")
            problems.append(
                MarkdownProblem(
                    position: position(line: firstLine + line, byteColumn: cells[0].column, source),
                    message:
                        "в строке таблицы ячеек больше, чем в заголовке (\(table.header.count)): \(listed) не попадёт на страницу",
                    hint:
                        "добавьте столбец в заголовок и в строку-разделитель или уберите лишние |; вертикальную черту внутри ячейки пишите как \\|"
                ))
        }
    }

    private mutating func addRow(
        _ cells: [PipeTable.Cell], line: Int, header: Bool, alignments: [PipeTable.Alignment], to parent: OpaquePointer,
        source: LineIndex, allocator: UnsafeMutablePointer<cmark_mem>
    ) {
        guard let row = Self.block("<tr>", "</tr>", allocator) else { return }
        cmark_node_append_child(parent, row)
        for (cell, alignment) in zip(cells, alignments) {
            let tag = header ? "th" : "td"
            var open = header ? "<th scope=\"col\"" : "<td"
            switch alignment {
            case .none: break
            case .left: open += " class=\"align-left\""
            case .center: open += " class=\"align-center\""
            case .right: open += " class=\"align-right\""
            }
            guard let node = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_INLINE, allocator) else { continue }
            cmark_node_set_on_enter(node, open + ">")
            // The line break after each cell is the spec's HTML; cmark adds none between inlines.
            cmark_node_set_on_exit(node, "</\(tag)>\n")
            cmark_node_append_child(row, node)
            guard !cell.text.isEmpty else { continue }
            relocations[node] = (line, cell.column)
            // Most cells are plain words and numbers: a text node of their own, without a parser.
            if !cell.text.utf8.contains(where: Self.isInlineMarkup),
                let text = cmark_node_new_with_mem(CMARK_NODE_TEXT, allocator)
            {
                cmark_node_set_literal(text, cell.text)
                cmark_node_append_child(node, text)
                continue
            }
            for block in parse(Self.inlineOnly(cell.text), source: source, allocator: allocator) {
                // A cell holds inlines: the paragraph cmark made of its text gives them up.
                while let child = cmark_node_first_child(block) {
                    if cmark_node_append_child(node, child) == 0 { break }
                }
                cmark_node_free(block)
            }
        }
    }

    /// A byte that may start inline markup: an escape, code, emphasis, a link or picture, HTML, an entity.
    static func isInlineMarkup(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x21, 0x3C, 0x26: return true
        default: return false
        }
    }

    /// The blocks cmark makes of `text`, unlinked from their document, which is freed. The
    /// body's link reference definitions go along, so `[текст][имя]` works in a cell.
    private func parse(_ text: String, source: LineIndex, allocator: UnsafeMutablePointer<cmark_mem>)
        -> [OpaquePointer]
    {
        guard let parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, allocator) else { return [] }
        defer { cmark_parser_free(parser) }
        var input = text
        if text.utf8.contains(0x5B) {
            let definitions = source.referenceDefinitions
            if !definitions.isEmpty { input += "\n\n" + definitions }
        }
        input.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let document = cmark_parser_finish(parser) else { return [] }
        var blocks: [OpaquePointer] = []
        while let block = cmark_node_first_child(document) {
            cmark_node_unlink(block)
            blocks.append(block)
        }
        cmark_node_free(document)
        return blocks
    }

    /// A cell's text with what would start a block escaped (`# `, `> `, `- `, `1. `, a fence,
    /// a thematic break): in a table a cell is inline text, as the spec says.
    static func inlineOnly(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard let first = bytes.first else { return text }
        func followedBySpace(_ index: Int) -> Bool {
            index >= bytes.count || bytes[index] == 0x20 || bytes[index] == 0x09
        }
        switch first {
        case 0x3E:  // >
            return "\\" + text
        case 0x23:  // #
            var hashes = 0
            while hashes < bytes.count, bytes[hashes] == 0x23 { hashes += 1 }
            return hashes <= 6 && followedBySpace(hashes) ? "\\" + text : text
        case 0x2D, 0x2B, 0x2A, 0x5F:  // - + * _
            let marks = bytes.filter { $0 != 0x20 && $0 != 0x09 }
            let isBreak = first != 0x2B && marks.count >= 3 && marks.allSatisfy { $0 == first }
            return isBreak || (first != 0x5F && followedBySpace(1)) ? "\\" + text : text
        case 0x60, 0x7E:  // ``` ~~~
            return bytes.count >= 3 && bytes[1] == first && bytes[2] == first ? "\\" + text : text
        case 0x30...0x39:
            var digits = 0
            while digits < bytes.count, digits < 10, (0x30...0x39).contains(bytes[digits]) { digits += 1 }
            guard digits <= 9, digits < bytes.count, bytes[digits] == 0x2E || bytes[digits] == 0x29,
                followedBySpace(digits + 1)
            else { return text }
            return String(decoding: bytes[..<digits], as: UTF8.self) + "\\"
                + String(decoding: bytes[digits...], as: UTF8.self)
        default:
            return text
        }
    }

    /// A paragraph written as a table that did not come out as one gets a warning that says why.
    private mutating func explainMissingTable(_ lines: [PipeTable.Line], firstLine: Int, source: LineIndex) {
        for index in lines.indices.dropFirst() where PipeTable.looksLikeDelimiter(lines[index]) {
            let header = PipeTable.Row(lines[index - 1])?.cells.count ?? 0
            let delimiter = PipeTable.Row(lines[index])?.cells.count ?? 0
            let message =
                header != delimiter
                ? "таблица не получилась: в строке-разделителе \(Self.column.counted(delimiter)), а в заголовке \(header)"
                : "таблица не получилась: строка-разделитель записана неверно"
            problems.append(
                MarkdownProblem(
                    position: position(line: firstLine + index, byteColumn: lines[index].column, source),
                    message: message + "; текст останется абзацем",
                    hint:
                        "под строкой заголовка нужна строка-разделитель с тем же числом столбцов: \(Self.delimiterRow(header))"
                ))
            return
        }
        // Rows without a delimiter row under the first: a table typed without the middle line.
        if lines.count >= 2, PipeTable.looksLikeRow(lines[0]), PipeTable.looksLikeRow(lines[1]) {
            let header = PipeTable.Row(lines[0])?.cells.count ?? 1
            problems.append(
                MarkdownProblem(
                    position: position(line: firstLine + 1, byteColumn: lines[1].column, source),
                    message: "похоже на таблицу, но под первой строкой нет строки-разделителя; текст останется абзацем",
                    hint: "вставьте под строкой заголовка строку \(Self.delimiterRow(header))"))
        }
    }

    static let column = RussianPlural("столбец", "столбца", "столбцов")

    static func delimiterRow(_ columns: Int) -> String {
        "|" + String(repeating: " --- |", count: max(columns, 1))
    }

    func position(line: Int, byteColumn: Int, _ source: LineIndex) -> MarkdownPosition {
        MarkdownPosition(line: line, column: source.characterColumn(line: line, byteColumn: byteColumn))
    }

    private static func block(_ enter: String, _ exit: String, _ allocator: UnsafeMutablePointer<cmark_mem>)
        -> OpaquePointer?
    {
        guard let node = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, allocator) else { return nil }
        cmark_node_set_on_enter(node, enter)
        cmark_node_set_on_exit(node, exit)
        return node
    }
}

/// Something in a body that a human should look at: a table that did not come out, cells left out.
public struct MarkdownProblem: Sendable, Hashable {
    public var position: MarkdownPosition
    public var message: String
    public var hint: String
}

/// A GitHub-style pipe table, read from the lines of one paragraph as the GFM spec's tables
/// extension reads them: a header row, a delimiter row (`| --- | :-: |`) with as many cells,
/// then body rows up to the paragraph's end. libcmark parses CommonMark, which has no tables,
/// so such a table comes out of cmark as a paragraph; `MarkdownTables` finds it there and
/// replaces it with table nodes.
struct PipeTable: Equatable {
    enum Alignment: Equatable {
        case none, left, center, right
    }

    /// One cell's text as written, `\|` already turned into `|`, with where it starts.
    struct Cell: Equatable {
        var text: String
        /// 1-based byte column of the text's first byte within its line.
        var column: Int
    }

    /// A line of the paragraph without its container prefix (`> `, a list item's indent).
    struct Line: Equatable {
        var text: String
        /// 1-based byte column in the source line where `text` starts.
        var column: Int
    }

    /// The index of the header's line among the paragraph's lines: lines before it stay a paragraph.
    var headerLine: Int
    var alignments: [Alignment]
    var header: [Cell]
    /// Each body row with as many cells as the header (short rows get empty cells).
    var rows: [[Cell]]
    /// The index of each body row's line.
    var rowLines: [Int]
    /// Cells beyond the header's count, which GFM leaves out: the tables report them.
    var dropped: [(line: Int, cells: [Cell])]

    static func == (a: PipeTable, b: PipeTable) -> Bool {
        a.headerLine == b.headerLine && a.alignments == b.alignments && a.header == b.header && a.rows == b.rows
            && a.rowLines == b.rowLines && a.dropped.map(\.line) == b.dropped.map(\.line)
            && a.dropped.map(\.cells) == b.dropped.map(\.cells)
    }

    /// Bigger than any table a person reads: each cell is parsed by cmark on its own, so a
    /// pasted wall of pipes (5 million cells) would take minutes. Such a text stays a paragraph.
    static let maximumColumns = 100
    static let maximumCells = 20_000

    enum Found {
        case table(PipeTable)
        /// A table over the limits, with its header's line index and size.
        case tooLarge(line: Int, columns: Int, rows: Int)
    }

    /// The first table in `lines`, if any.
    static func find(in lines: [Line]) -> PipeTable? {
        if case .table(let table) = search(lines) { return table }
        return nil
    }

    static func search(_ lines: [Line]) -> Found? {
        guard lines.count >= 2 else { return nil }
        for index in 0..<(lines.count - 1) {
            // A byte scan first: a delimiter row has only pipes, dashes, colons and spaces.
            guard looksLikeDelimiter(lines[index + 1]) || !lines[index + 1].text.utf8.contains(0x7C),
                let delimiter = Row(lines[index + 1]), let alignments = delimiter.alignments,
                let header = Row(lines[index]), header.cells.count == alignments.count,
                header.hasPipe || delimiter.hasPipe
            else { continue }
            let rows = lines.count - index - 2
            if alignments.count > maximumColumns || alignments.count * (rows + 1) > maximumCells {
                return .tooLarge(line: index, columns: alignments.count, rows: rows)
            }
            var table = PipeTable(
                headerLine: index, alignments: alignments, header: header.cells, rows: [], rowLines: [], dropped: [])
            for rowIndex in (index + 2)..<lines.count {
                guard var cells = Row(lines[rowIndex])?.cells else { continue }
                if cells.count > alignments.count {
                    table.dropped.append((rowIndex, Array(cells[alignments.count...])))
                    cells.removeLast(cells.count - alignments.count)
                }
                while cells.count < alignments.count { cells.append(Cell(text: "", column: lines[rowIndex].column)) }
                table.rows.append(cells)
                table.rowLines.append(rowIndex)
            }
            return .table(table)
        }
        return nil
    }

    /// A line read as a row of cells.
    struct Row {
        var cells: [Cell]
        /// Whether the line has an unescaped `|` at all.
        var hasPipe: Bool

        init?(_ line: Line) {
            let bytes = Array(line.text.utf8)
            var start = 0
            var end = bytes.count
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
            guard start < end else { return nil }
            hasPipe = false
            if bytes[start] == 0x7C {
                start += 1
                hasPipe = true
            }
            if end > start, bytes[end - 1] == 0x7C, !Self.isEscaped(bytes, end - 1) {
                end -= 1
                hasPipe = true
            }
            cells = []
            var cellStart = start
            var index = start
            while index <= end {
                if index == end || (bytes[index] == 0x7C && !Self.isEscaped(bytes, index)) {
                    if index < end { hasPipe = true }
                    cells.append(Self.cell(bytes, cellStart, index, lineColumn: line.column))
                    cellStart = index + 1
                }
                index += 1
            }
        }

        /// A `|` after an odd number of backslashes is part of the cell's text.
        static func isEscaped(_ bytes: [UInt8], _ index: Int) -> Bool {
            var backslashes = 0
            var before = index - 1
            while before >= 0, bytes[before] == 0x5C {
                backslashes += 1
                before -= 1
            }
            return backslashes % 2 == 1
        }

        static func cell(_ bytes: [UInt8], _ from: Int, _ to: Int, lineColumn: Int) -> Cell {
            var start = from
            var end = to
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            var text: [UInt8] = []
            text.reserveCapacity(end - start)
            var index = start
            while index < end {
                // `\|` is a pipe inside the cell: the spec unescapes it before inline parsing,
                // so it stays a pipe inside code spans too.
                if bytes[index] == 0x5C, index + 1 < end, bytes[index + 1] == 0x7C {
                    index += 1
                    continue
                }
                text.append(bytes[index])
                index += 1
            }
            return Cell(text: String(decoding: text, as: UTF8.self), column: lineColumn + start)
        }

        /// The columns' alignments when this is a delimiter row (`:?-+:?` in every cell).
        var alignments: [Alignment]? {
            var result: [Alignment] = []
            for cell in cells {
                let bytes = Array(cell.text.utf8)
                guard !bytes.isEmpty else { return nil }
                let left = bytes.first == 0x3A
                let right = bytes.count > 1 && bytes.last == 0x3A
                let dashes = bytes[(left ? 1 : 0)..<(bytes.count - (right ? 1 : 0))]
                guard !dashes.isEmpty, dashes.allSatisfy({ $0 == 0x2D }) else { return nil }
                result.append(left && right ? .center : left ? .left : right ? .right : .none)
            }
            return result
        }
    }

    /// A line that was meant as a delimiter row: only pipes, dashes, colons and spaces, with at
    /// least one dash and one pipe. Used to tell an author that a table did not come out.
    static func looksLikeDelimiter(_ line: Line) -> Bool {
        var dash = false
        var pipe = false
        for byte in line.text.utf8 {
            switch byte {
            case 0x2D: dash = true
            case 0x7C: pipe = true
            case 0x3A, 0x20, 0x09, 0x0D: break
            default: return false
            }
        }
        return dash && pipe
    }

    /// A line written as a table row: it starts and ends with `|` and has a cell between.
    static func looksLikeRow(_ line: Line) -> Bool {
        let text = line.text.utf8.filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }
        return text.count >= 3 && text.first == 0x7C && text.last == 0x7C
    }
}

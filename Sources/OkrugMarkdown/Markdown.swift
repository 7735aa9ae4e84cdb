import Ccmark
import Glibc
import OkrugText

/// The one place that talks to libcmark. Each document is parsed, rewritten and rendered in
/// a single call, so the per-document work can run on any thread.
public enum Markdown {
    /// Parses `source`, resolves its links with `resolve`, adds heading anchors and renders HTML.
    public static func render(
        _ source: String,
        options: MarkdownOptions = MarkdownOptions(),
        spool: HTMLSpool? = nil,
        resolve: (String, MarkdownLink.Kind) -> LinkResolution = { _, _ in .keep }
    ) -> MarkdownDocument {
        MarkdownArena.scope { allocator in
            guard let root = parse(source, allocator: allocator) else {
                return MarkdownDocument(
                    html: "", stored: nil, headings: [], links: [], omittedHTML: [], problems: [], firstParagraph: "",
                    wordCount: 0)
            }
            return render(root, source: source, options: options, spool: spool, resolve: resolve, allocator: allocator)
        }
    }

    /// The document tree of `source`, in the scope's arena.
    private static func parse(_ source: String, allocator: UnsafeMutablePointer<cmark_mem>) -> OpaquePointer? {
        guard let parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, allocator) else { return nil }
        defer { cmark_parser_free(parser) }
        // The whole text by its length: a NUL inside it must not end it (the load stage rejects
        // one with an error; cmark itself replaces it with U+FFFD).
        var text = source
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        return cmark_parser_finish(parser)
    }

    private static func render(
        _ root: OpaquePointer, source: String, options: MarkdownOptions, spool: HTMLSpool?,
        resolve: (String, MarkdownLink.Kind) -> LinkResolution, allocator: UnsafeMutablePointer<cmark_mem>
    ) -> MarkdownDocument {
        let lines = LineIndex(source)
        let tables = MarkdownTables.expand(root, lines: lines, allocator: allocator)
        var walk = TreeWalk(lines: lines, options: options, relocations: tables.relocations)
        walk.collect(root)

        var headings: [MarkdownHeading] = []
        var anchors = AnchorNamer()
        for node in walk.headingNodes {
            let level = Int(cmark_node_get_heading_level(node))
            let text = PlainText.of(node)
            let anchor = anchors.anchor(for: text)
            headings.append(
                MarkdownHeading(level: level, text: text, anchor: anchor, position: walk.position(of: node)))
            // Every heading gets its id, so every heading a link may target can be reached.
            replaceHeading(node, level: level, anchor: anchor, allocator: allocator)
        }

        var links: [MarkdownLink] = []
        for (node, kind) in walk.linkNodes {
            let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            var resolution = resolve(destination, kind)
            if !options.allowUnsafeHTML, UnsafeURL.isUnsafe(destination, kind: kind) {
                resolution = .unsafe
            }
            if case .rewrite(let url) = resolution { cmark_node_set_url(node, url) }
            links.append(
                MarkdownLink(
                    kind: kind, destination: destination, position: walk.position(of: node), resolution: resolution))
        }

        var omitted: [MarkdownPosition] = []
        if !options.allowUnsafeHTML {
            // Removed rather than left to safe mode, which would write a comment in their place.
            for node in walk.rawHTMLNodes {
                omitted.append(walk.position(of: node))
                cmark_node_unlink(node)
                cmark_node_free(node)
            }
        }

        if options.russianTypography {
            var scratch = MarkdownTypography.Scratch()
            for run in walk.textRuns { MarkdownTypography.apply(to: run, scratch: &scratch) }
        }

        let renderOptions = options.allowUnsafeHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        var html = ""
        var stored: StoredHTML?
        if let rendered = cmark_render_html(root, renderOptions) {
            // With a spool the HTML goes there byte for byte, never becoming a Swift string.
            stored = spool?.store(UnsafeRawBufferPointer(start: rendered, count: strlen(rendered)))
            if stored == nil { html = String(cString: rendered) }
        }
        return MarkdownDocument(
            html: html,
            stored: stored,
            headings: headings,
            links: links,
            omittedHTML: omitted,
            problems: tables.problems,
            firstParagraph: walk.firstParagraph.map(PlainText.of) ?? "",
            wordCount: PlainText.wordCount(of: root)
        )
    }

    /// Renders a short text (a plan's title, «ответственный») as inline HTML: the paragraph
    /// cmark wraps it in is replaced by a custom block that writes nothing of its own.
    public static func renderInline(_ source: String, options: MarkdownOptions = MarkdownOptions()) -> (
        html: String, plain: String
    ) {
        MarkdownArena.scope { allocator in
            guard let root = parse(source, allocator: allocator) else { return ("", source) }
            return renderInline(root, source: source, options: options, allocator: allocator)
        }
    }

    private static func renderInline(
        _ root: OpaquePointer, source: String, options: MarkdownOptions, allocator: UnsafeMutablePointer<cmark_mem>
    ) -> (html: String, plain: String) {
        var walk = TreeWalk(lines: LineIndex(source), options: options)
        walk.collect(root)
        if !options.allowUnsafeHTML {
            for node in walk.rawHTMLNodes {
                cmark_node_unlink(node)
                cmark_node_free(node)
            }
        }
        if options.russianTypography {
            var scratch = MarkdownTypography.Scratch()
            for run in walk.textRuns { MarkdownTypography.apply(to: run, scratch: &scratch) }
        }
        var node = cmark_node_first_child(root)
        while let block = node {
            node = cmark_node_next(block)
            guard cmark_node_get_type(block) == CMARK_NODE_PARAGRAPH,
                let bare = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, allocator)
            else { continue }
            while let child = cmark_node_first_child(block) {
                if cmark_node_append_child(bare, child) == 0 { break }
            }
            cmark_node_replace(block, bare)
            cmark_node_free(block)
        }
        var html = ""
        // The rendered HTML is in the arena too: copied out, never freed.
        if let rendered = cmark_render_html(root, options.allowUnsafeHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT) {
            html = String(cString: rendered)
        }
        return (html.trimmingCharacters(in: .whitespacesAndNewlines), PlainText.of(root))
    }

    /// Replaces a heading with a custom block that writes the same heading with an `id` and a
    /// visible anchor link: cmark's own heading renderer has no place for an id. The «#» is for
    /// the mouse (copy a link to the section): hidden from screen readers, so the heading's
    /// name is its text, and out of the Tab order, so the keyboard goes from link to link.
    private static func replaceHeading(
        _ node: OpaquePointer, level: Int, anchor: String, allocator: UnsafeMutablePointer<cmark_mem>
    ) {
        guard let custom = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, allocator) else { return }
        cmark_node_set_on_enter(custom, "<h\(level) id=\"\(anchor)\">")
        cmark_node_set_on_exit(
            custom,
            "<a class=\"heading-anchor\" href=\"#\(anchor)\" aria-hidden=\"true\" tabindex=\"-1\" data-pagefind-ignore>#</a></h\(level)>"
        )
        while let child = cmark_node_first_child(node) {
            if cmark_node_append_child(custom, child) == 0 { break }
        }
        cmark_node_replace(node, custom)
        cmark_node_free(node)
    }
}

/// One pass over the tree that remembers the nodes the later steps change; the tree is
/// changed only after the iterator is done with it.
private struct TreeWalk {
    let lines: LineIndex
    let options: MarkdownOptions
    /// Nodes parsed apart from the body (table cells) and where their text starts in it.
    let relocations: [OpaquePointer: (line: Int, column: Int)]
    var headingNodes: [OpaquePointer] = []
    var linkNodes: [(OpaquePointer, MarkdownLink.Kind)] = []
    var rawHTMLNodes: [OpaquePointer] = []
    /// The text of each block (paragraph, heading, table cell) in reading order, for typography.
    var textRuns: [[MarkdownTypography.Piece]] = []
    private var openRuns: [Int] = []
    var firstParagraph: OpaquePointer?

    init(lines: LineIndex, options: MarkdownOptions, relocations: [OpaquePointer: (line: Int, column: Int)] = [:]) {
        self.lines = lines
        self.options = options
        self.relocations = relocations
    }

    mutating func collect(_ root: OpaquePointer) {
        var insideLink = 0
        walkTree(root) { node, type, entering in
            guard entering else {
                if type == CMARK_NODE_LINK { insideLink -= 1 }
                if Self.startsRun(type) { openRuns.removeLast() }
                return
            }
            if Self.startsRun(type) {
                openRuns.append(textRuns.count)
                textRuns.append([])
            }
            switch type {
            case CMARK_NODE_HEADING:
                headingNodes.append(node)
            case CMARK_NODE_LINK:
                linkNodes.append((node, .link))
                insideLink += 1
            case CMARK_NODE_IMAGE:
                linkNodes.append((node, .image))
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                rawHTMLNodes.append(node)
            case CMARK_NODE_TEXT:
                addToRun(.text(node, kept: keptQuotes(node)))
            case CMARK_NODE_CODE:
                addToRun(.opaque(MarkdownTypography.codePlaceholder))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                addToRun(.opaque(0x0A))
            case CMARK_NODE_PARAGRAPH:
                if firstParagraph == nil, cmark_node_parent(node) == root { firstParagraph = node }
            default:
                break
            }
        }
    }

    /// The scalar offsets, in a text node, of quotes written `\"` or as an entity (`&quot;`):
    /// cmark gives them as plain `"` inside the text, so the source says which ones they were.
    func keptQuotes(_ node: OpaquePointer) -> [Int] {
        guard let literal = cmark_node_get_literal(node), strchr(literal, 0x22) != nil else { return [] }
        let lineNumber = Int(cmark_node_get_start_line(node))
        guard lineNumber > 0, let line = lines.line(lineNumber) else { return [] }
        let source = Array(line.utf8)
        let text = UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self)
        var kept: [Int] = []
        var position = max(Int(cmark_node_get_start_column(node)) - 1, 0)
        var index = 0
        var scalar = 0
        while text[index] != 0, position < source.count {
            let byte = text[index]
            if source[position] == 0x5C, position + 1 < source.count, source[position + 1] == byte, byte < 0x80 {
                // `\"`, `\*`: one character in the text, two in the source.
                if byte == 0x22 { kept.append(scalar) }
                position += 2
            } else if source[position] == 0x26, byte != 0x26 {
                // An entity: one character in the text, `&…;` in the source.
                if byte == 0x22 { kept.append(scalar) }
                while position < source.count, source[position] != 0x3B { position += 1 }
                position += 1
                while text[index + 1] & 0xC0 == 0x80 { index += 1 }
            } else {
                position += 1
            }
            if byte & 0xC0 != 0x80 { scalar += 1 }
            index += 1
        }
        return kept
    }

    /// Blocks whose text is one run: a paragraph, a heading, a table cell (a custom inline).
    static func startsRun(_ type: cmark_node_type) -> Bool {
        type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_CUSTOM_INLINE
    }

    private mutating func addToRun(_ piece: MarkdownTypography.Piece) {
        if let current = openRuns.last {
            textRuns[current].append(piece)
        } else {
            textRuns.append([piece])
        }
    }

    func position(of node: OpaquePointer) -> MarkdownPosition {
        if !relocations.isEmpty, let relocated = relocatedPosition(of: node) { return relocated }
        var current: OpaquePointer? = node
        // Soft breaks and some inlines carry no position; their parent block does.
        while let n = current, cmark_node_get_start_line(n) == 0 { current = cmark_node_parent(n) }
        guard let n = current else { return MarkdownPosition(line: 1, column: 1) }
        let line = Int(cmark_node_get_start_line(n))
        let byteColumn = Int(cmark_node_get_start_column(n))
        return MarkdownPosition(line: line, column: lines.characterColumn(line: line, byteColumn: byteColumn))
    }
}

extension TreeWalk {
    /// A node parsed apart (in a table cell): its place within the cell's text, moved to where
    /// that text starts in the body. `nil` for a node of the body itself.
    func relocatedPosition(of node: OpaquePointer) -> MarkdownPosition? {
        var inner: (line: Int, column: Int)?
        var current: OpaquePointer? = node
        while let n = current {
            if let base = relocations[n] {
                let (line, column) = inner ?? (1, 1)
                let bodyLine = base.line + line - 1
                let byteColumn = line == 1 ? base.column + column - 1 : column
                return MarkdownPosition(
                    line: bodyLine, column: lines.characterColumn(line: bodyLine, byteColumn: byteColumn))
            }
            if inner == nil, cmark_node_get_start_line(n) != 0 {
                inner = (Int(cmark_node_get_start_line(n)), Int(cmark_node_get_start_column(n)))
            }
            current = cmark_node_parent(n)
        }
        return nil
    }
}

/// Byte offsets of line starts, to turn cmark's byte columns into character columns. Found
/// with `memchr` over the text's own bytes, without copying them. Places are asked for in the
/// order of the text, so counting goes on from the last place on the same line: thousands of
/// links on one long line cost one pass over it, not one pass each.
final class LineIndex {
    private let text: String
    private var starts: [Int] = [0]
    private var last: (line: Int, byte: Int, column: Int) = (0, 1, 1)

    init(_ text: String) {
        var text = text
        var starts: [Int] = [0]
        text.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
                offset = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base + 1
                starts.append(offset)
            }
        }
        self.text = text
        self.starts = starts
    }

    /// Line `number` (1-based) without its line ending; `nil` past the end.
    func line(_ number: Int) -> String? {
        guard number >= 1, number <= starts.count else { return nil }
        let utf8 = text.utf8
        let start = starts[number - 1]
        var end = number < starts.count ? starts[number] - 1 : utf8.count
        guard start <= end else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: start)
        if end > start, utf8[utf8.index(lower, offsetBy: end - start - 1)] == 0x0D { end -= 1 }
        return String(decoding: utf8[lower..<utf8.index(lower, offsetBy: end - start)], as: UTF8.self)
    }

    /// Whether the text has a `|` at all: most bodies have none, and then no paragraph can be a table.
    private(set) lazy var hasPipe: Bool = {
        var text = text
        return text.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, 0x7C, buffer.count) != nil
        }
    }()

    /// Link reference definitions as written (`[имя]: адрес`), for parsing a table cell on its
    /// own: cmark keeps a document's definitions to itself.
    private(set) lazy var referenceDefinitions: String = {
        var found: [String] = []
        for number in 1...starts.count {
            guard let line = line(number) else { continue }
            let trimmed = line.drop { $0 == " " }
            guard line.count - trimmed.count <= 3, trimmed.hasPrefix("["), trimmed.contains("]:") else { continue }
            found.append(String(trimmed))
        }
        return found.joined(separator: "\n")
    }()

    func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= starts.count, byteColumn >= 1 else { return max(byteColumn, 1) }
        let start = starts[line - 1]
        let utf8 = text.utf8
        let end = min(start + byteColumn - 1, utf8.count)
        guard start <= end else { return byteColumn }
        var from = start
        var column = 1
        if last.line == line, last.byte <= byteColumn {
            from = min(start + last.byte - 1, end)
            column = last.column
        }
        // Count scalars that start in the slice: every byte that is not a continuation byte.
        let lower = utf8.index(utf8.startIndex, offsetBy: from)
        let upper = utf8.index(lower, offsetBy: end - from)
        column = utf8[lower..<upper].reduce(column) { $0 + (($1 & 0xC0) == 0x80 ? 0 : 1) }
        last = (line, byteColumn, column)
        return column
    }
}

/// Unique anchors for headings: transliterated slugs, numbered when repeated, never one the
/// theme's templates use for their own elements (`ReservedIDs`).
struct AnchorNamer {
    private var used: Set<String> = ReservedIDs.theme
    private var next: [String: Int] = [:]

    mutating func anchor(for text: String) -> String {
        var base = Transliteration.slug(text)
        if base.isEmpty { base = "razdel" }
        // «Итоги», «Итоги», «Итоги 1»: itogi, itogi-1, itogi-1-1 — each id once.
        var candidate = base
        var number = next[base] ?? 1
        while used.contains(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        if candidate != base { next[base] = number }
        used.insert(candidate)
        return candidate
    }
}

/// The ids the theme's templates give their own elements on pages that show a Markdown body:
/// a heading never takes one (`<main id="main">` is the skip link's target). `ThemeIDTests`
/// checks the list against `Templates/`.
enum ReservedIDs {
    static let theme: Set<String> = [
        "main", "a11y-panel", "site-menu-q", "activities-title", "definitions-title", "files-title",
        "directions-title", "execution-title", "feed-address", "feed-title", "howto-google", "howto-outlook",
        "howto-phone", "howto-title", "howto-yandex", "lenta",
        "goal-title", "hero-title", "latest-title", "materials-title", "photos-title", "plan-title", "related-title",
        "photo-reports-title", "results-title", "roadmap-title", "satellites-title", "schools-title", "search-q",
        "site-search-q",
        "toc-title",
    ]
}

enum UnsafeURL {
    /// The schemes cmark's safe mode removes (`javascript:`, `vbscript:`, `file:`, and
    /// `data:` except images).
    static func isUnsafe(_ url: String, kind: MarkdownLink.Kind) -> Bool {
        let lowered = url.trimmingLeadingWhitespace.lowercased()
        if lowered.hasPrefix("javascript:") || lowered.hasPrefix("vbscript:") || lowered.hasPrefix("file:") {
            return true
        }
        if lowered.hasPrefix("data:") {
            let imageData = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
            return !imageData.contains { lowered.hasPrefix($0) }
        }
        return false
    }
}

extension String {
    var trimmingLeadingWhitespace: Substring {
        self.drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" })
    }
}

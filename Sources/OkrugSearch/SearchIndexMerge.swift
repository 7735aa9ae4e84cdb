import Foundation
import OkrugCore
import OkrugSystem

/// Joins the indexes Pagefind wrote for pieces of one site (`SearchPieces`) into the index one
/// run over the whole site writes: the pieces' pages one after another; each word's pages and
/// positions put together, renumbered; the filters' and the sort's pages likewise. The pieces
/// are in the order of the site's one sort key (the date), so the joined sort is the pieces'
/// sorts one after another. Knows Pagefind 1.5.2's layout (`SearchIndexOrder.knownVersions`);
/// anything else is refused, and the caller indexes the site in one run instead.
enum SearchIndexMerge {
    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// Pagefind's chunk size: a chunk of the word index ends once its pages and positions
    /// reach this many.
    static let chunkSize = 20_000

    /// One piece's index as Pagefind wrote it.
    struct Piece {
        let folder: URL
        let entryText: String
        let hash: String
        /// [version, pages, word chunks, filters, sorts, metadata fields].
        let meta: [CBORValue]
    }

    static func read(_ folder: URL) throws -> Piece {
        guard let entry = PagefindEntry.read(folder), entry.hashes.count == 1, let hash = entry.hashes.first?.hash,
            case .array(let meta)? = SearchIndexOrder.read(folder.appendingPathComponent("pagefind.\(hash).pf_meta")),
            meta.count == 6, meta[0].text == entry.version
        else { throw Failure("часть индекса не в известном формате Pagefind: \(folder.lastPathComponent)") }
        return Piece(folder: folder, entryText: entry.text, hash: hash, meta: meta)
    }

    static func merge(_ folders: [URL], into bundle: URL) throws {
        let pieces = try folders.map(read)
        guard let first = pieces.first, let prefix = SearchIndexOrder.prefix(of: first.hash) else {
            throw Failure("нет частей индекса")
        }
        guard pieces.allSatisfy({ $0.meta[0] == first.meta[0] && $0.hash.hasPrefix(prefix) }) else {
            throw Failure("части индекса разных версий или языков")
        }
        let files = FileManager.default
        try files.createDirectory(at: bundle, withIntermediateDirectories: true)

        // The program: scripts, styles, WebAssembly — the same in every piece.
        for name in try files.contentsOfDirectory(atPath: first.folder.path).sorted()
        where name != PagefindEntry.fileName && !name.hasSuffix(".pf_meta")
            && !["index", "fragment", "filter"].contains(name)
        {
            let target = bundle.appendingPathComponent(name)
            try? files.removeItem(at: target)
            try files.copyItem(at: first.folder.appendingPathComponent(name), to: target)
        }

        // The pages, one piece after another, with their fragments.
        var offsets: [Int] = []
        var pages: [CBORValue] = []
        var fragmentNames: Set<String> = []
        let fragments = bundle.appendingPathComponent("fragment")
        try files.createDirectory(at: fragments, withIntermediateDirectories: true)
        for piece in pieces {
            offsets.append(pages.count)
            for page in piece.meta[1].array ?? [] {
                guard var fields = page.array, fields.count == 2, let hash = fields[0].text else {
                    throw Failure("страница части индекса не в известном формате")
                }
                let source = piece.folder.appendingPathComponent("fragment/\(hash).pf_fragment")
                var name = hash
                if fragmentNames.contains(name) {
                    // Two pieces gave two pages one short name: the later one gets a longer one.
                    let data = try Data(contentsOf: source)
                    name = SearchIndexOrder.contentName(
                        prefix: prefix, of: [UInt8](data), length: 10, avoiding: fragmentNames)
                }
                fragmentNames.insert(name)
                try files.moveItem(at: source, to: fragments.appendingPathComponent("\(name).pf_fragment"))
                fields[0] = .text(name)
                pages.append(.array(fields))
            }
        }

        // The metadata fields (title, date…), by name; a word's positions in them name a field
        // by its place in this list, and a piece's list may lack some (no page of it had them).
        var fieldSet = Set<String>()
        for piece in pieces {
            for field in piece.meta[5].array ?? [] { if let text = field.text { fieldSet.insert(text) } }
        }
        let fieldNames = fieldSet.sorted(by: SearchIndexOrder.precedes)
        let fieldMaps: [[UInt64]] = pieces.map { piece in
            (piece.meta[5].array ?? []).map { field in UInt64(fieldNames.firstIndex(of: field.text ?? "") ?? 0) }
        }

        // The words: the pieces' word lists are sorted, so they are joined in one pass.
        var writer = ChunkWriter(folder: bundle.appendingPathComponent("index"), prefix: prefix)
        try files.createDirectory(at: writer.folder, withIntermediateDirectories: true)
        var cursors = try pieces.map { try WordCursor(piece: $0) }
        while let stem = cursors.compactMap({ $0.current?.stem }).min(by: SearchIndexOrder.precedes) {
            var word = MergedWord(stem: stem)
            for index in cursors.indices {
                guard let current = cursors[index].current, current.stem == stem else { continue }
                try word.add(current, offset: offsets[index], fields: fieldMaps[index])
                try cursors[index].advance()
            }
            try writer.add(word.value, size: word.size)
        }
        try writer.finish()

        // Filters: each value's pages, renumbered; in order of name and value.
        var filters: [String: [String: [CBORValue]]] = [:]
        for (piece, offset) in zip(pieces, offsets) {
            for item in piece.meta[3].array ?? [] {
                guard let pair = item.array, pair.count == 2, let name = pair[0].text, let hash = pair[1].text,
                    case .array(let content)? = SearchIndexOrder.read(
                        SearchIndexOrder.filterURL(hash, in: piece.folder)),
                    content.count == 2, let values = content[1].array
                else { throw Failure("фильтр части индекса не в известном формате") }
                for value in values {
                    guard let fields = value.array, fields.count == 2, let text = fields[0].text,
                        let numbers = fields[1].array
                    else { throw Failure("значение фильтра не в известном формате") }
                    filters[name, default: [:]][text, default: []] += try numbers.map { try shifted($0, by: offset) }
                }
            }
        }
        let filterList = try SearchIndexOrder.writeFilters(
            filters.mapValues { $0.mapValues { CBORValue.array($0) } }, prefix: prefix, in: bundle)

        // The sort: the pieces are in its order, so their lists follow one another.
        var sorts: [String: [CBORValue]] = [:]
        for (piece, offset) in zip(pieces, offsets) {
            for item in piece.meta[4].array ?? [] {
                guard let pair = item.array, pair.count == 2, let name = pair[0].text, let numbers = pair[1].array
                else {
                    throw Failure("сортировка части индекса не в известном формате")
                }
                sorts[name, default: []] += try numbers.map { try shifted($0, by: offset) }
            }
        }
        guard sorts.count <= 1 else { throw Failure("больше одной сортировки: части не сложить") }
        let sortList = sorts.keys.sorted().map { CBORValue.array([.text($0), .array(sorts[$0] ?? [])]) }

        let hash = try SearchIndexOrder.writeMeta(
            [
                first.meta[0], .array(pages), .array(writer.chunkList()), .array(filterList), .array(sortList),
                .array(fieldNames.map { .text($0) }),
            ], prefix: prefix, in: bundle)

        var entry = first.entryText.replacingOccurrences(of: "\"\(first.hash)\"", with: "\"\(hash)\"")
        if let range = entry.range(of: #""page_count":\d+"#, options: .regularExpression) {
            entry.replaceSubrange(range, with: "\"page_count\":\(pages.count)")
        }
        try WholeFile.write(entry, to: bundle.appendingPathComponent(PagefindEntry.fileName))
    }

    static func shifted(_ number: CBORValue, by offset: Int) throws -> CBORValue {
        guard case .unsigned(let page) = number else { throw Failure("номер страницы не в известном формате") }
        return .unsigned(page + UInt64(offset))
    }

    /// A word's entry: [stem, pages of the stem itself, [[form, pages]…]]; each pages list is
    /// [[page, positions, title positions]…] with the first page number whole and the rest as
    /// differences from the one before.
    struct WordEntry {
        let stem: String
        let pages: [CBORValue]
        let forms: [(form: String, pages: [CBORValue])]

        init(_ value: CBORValue) throws {
            guard let fields = value.array, fields.count == 3, let stem = fields[0].text, let pages = fields[1].array,
                let forms = fields[2].array
            else { throw Failure("слово части индекса не в известном формате") }
            self.stem = stem
            self.pages = pages
            self.forms = try forms.map {
                guard let pair = $0.array, pair.count == 2, let form = pair[0].text, let pages = pair[1].array else {
                    throw Failure("форма слова не в известном формате")
                }
                return (form, pages)
            }
        }
    }

    /// One piece's words in order, a chunk at a time.
    struct WordCursor {
        let piece: Piece
        var chunks: [String]
        var words: [CBORValue] = []
        var position = 0
        var current: WordEntry?

        init(piece: Piece) throws {
            self.piece = piece
            chunks = try (piece.meta[2].array ?? []).map {
                guard let fields = $0.array, fields.count == 3, let hash = fields[2].text else {
                    throw Failure("часть словаря не в известном формате")
                }
                return hash
            }
            chunks.reverse()
            try advance()
        }

        mutating func advance() throws {
            while position >= words.count {
                guard let hash = chunks.popLast() else {
                    current = nil
                    return
                }
                guard
                    case .array(let content)? = SearchIndexOrder.read(
                        piece.folder.appendingPathComponent("index/\(hash).pf_index")), content.count == 1,
                    let words = content[0].array
                else { throw Failure("часть словаря не читается: \(hash)") }
                self.words = words
                position = 0
            }
            current = try WordEntry(words[position])
            position += 1
        }
    }

    /// A list of pages, renumbered as pieces are added to it.
    struct PageList {
        var items: [CBORValue] = []
        var last: UInt64?
        /// Pages and positions (in the text and in the metadata): how Pagefind measures a chunk.
        var size = 0

        /// `fields`: the piece's metadata field numbers in the joined list.
        mutating func add(_ pages: [CBORValue], offset: Int, fields map: [UInt64]) throws {
            var page: UInt64 = 0
            for (index, item) in pages.enumerated() {
                guard var fields = item.array, fields.count == 3, case .unsigned(let number) = fields[0],
                    let positions = fields[1].array, let titled = fields[2].array
                else { throw Failure("страница слова не в известном формате") }
                // Positions in metadata: −(n + 1) names field n, the numbers after it are positions.
                fields[2] = .array(
                    try titled.map {
                        guard case .negative(let field) = $0 else { return $0 }
                        guard field < UInt64(map.count) else { throw Failure("поле метаданных не в известном формате") }
                        return .negative(map[Int(field)])
                    })
                if index == 0 {
                    page = number + UInt64(offset)
                    if let last {
                        guard page > last else { throw Failure("страницы частей идут не по порядку") }
                        fields[0] = .unsigned(page - last)
                    } else {
                        fields[0] = .unsigned(page)
                    }
                } else {
                    page += number
                }
                size += positions.count + titled.count + 1
                items.append(.array(fields))
            }
            if !pages.isEmpty { last = page }
        }
    }

    struct MergedWord {
        let stem: String
        var pages = PageList()
        var forms: [String: PageList] = [:]

        init(stem: String) { self.stem = stem }

        mutating func add(_ entry: WordEntry, offset: Int, fields: [UInt64]) throws {
            try pages.add(entry.pages, offset: offset, fields: fields)
            for form in entry.forms {
                try forms[form.form, default: PageList()].add(form.pages, offset: offset, fields: fields)
            }
        }

        /// What the word adds to its chunk: Pagefind counts the stem's own pages only (each page
        /// and its positions, in the text and in the metadata), not its forms'.
        var size: Int { pages.size }

        var value: CBORValue {
            .array([
                .text(stem), .array(pages.items),
                .array(
                    forms.keys.sorted(by: SearchIndexOrder.precedes).map {
                        .array([.text($0), .array(forms[$0]?.items ?? [])])
                    }),
            ])
        }
    }

    /// Words into chunks of about `chunkSize`, each written as it fills.
    struct ChunkWriter {
        let folder: URL
        let prefix: String
        var words: [CBORValue] = []
        var first: String?
        var lastStem = ""
        var size = 0
        /// [first word, last word, file] of each chunk written.
        var chunks: [(from: String, to: String, hash: String)] = []
        var names: Set<String> = []

        init(folder: URL, prefix: String) {
            self.folder = folder
            self.prefix = prefix
        }

        mutating func add(_ word: CBORValue, size: Int) throws {
            guard let stem = word.array?.first?.text else { return }
            if first == nil { first = stem }
            lastStem = stem
            words.append(word)
            self.size += size
            if self.size >= SearchIndexMerge.chunkSize { try finish() }
        }

        mutating func finish() throws {
            guard let from = first, !words.isEmpty else { return }
            let payload = CBORValue.array([.array(words)]).encoded()
            let hash = SearchIndexOrder.contentName(prefix: prefix, of: payload, length: 7, avoiding: names)
            names.insert(hash)
            try SearchIndexOrder.write(payload, to: folder.appendingPathComponent("\(hash).pf_index"))
            chunks.append((from, lastStem, hash))
            words = []
            first = nil
            size = 0
        }

        /// The metadata's list of chunks: where two meet, each side is cut to one character past
        /// what they share, so a search knows which chunk to load for a word — Pagefind 1.5.2's
        /// rule, so the joined index lists the chunks its own would.
        func chunkList() -> [CBORValue] {
            var named = chunks
            for index in named.indices.dropLast() {
                let a = Array(named[index].to.unicodeScalars)
                let b = Array(named[index + 1].from.unicodeScalars)
                let shared = zip(a, b).prefix { $0 == $1 }.count
                let to = String(String.UnicodeScalarView(a.prefix(shared + 1)))
                // A range may not end before it starts (a chunk of one word): then its whole last word.
                if !SearchIndexOrder.precedes(to, named[index].from) { named[index].to = to }
                named[index + 1].from = String(String.UnicodeScalarView(b.prefix(shared + 1)))
            }
            return named.map { .array([.text($0.from), .text($0.to), .text($0.hash)]) }
        }
    }
}

import Foundation
import Testing

@testable import OkrugSearch
@testable import OkrugSite
@testable import OkrugSystem

/// Pagefind's filter files put in order after it (`SearchIndexOrder`), and the two pieces that
/// reads and writes them with: CBOR (`CBORValue`) and gzip (`Gzip`, zlib).
@Suite struct SearchIndexOrderTests {
    static func bytes(_ hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            out.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return out
    }

    /// RFC 8949, appendix A: the examples of the kinds Pagefind's files use.
    @Test func cborMatchesTheStandardsExamples() {
        let examples: [(String, CBORValue)] = [
            ("00", .unsigned(0)), ("17", .unsigned(23)), ("1818", .unsigned(24)), ("1864", .unsigned(100)),
            ("1903e8", .unsigned(1000)), ("1a000f4240", .unsigned(1_000_000)),
            ("1b000000e8d4a51000", .unsigned(1_000_000_000_000)), ("1bffffffffffffffff", .unsigned(.max)),
            ("20", .negative(0)), ("3863", .negative(99)), ("3903e7", .negative(999)), ("40", .bytes([])),
            ("4401020304", .bytes([1, 2, 3, 4])), ("60", .text("")), ("6161", .text("a")),
            ("62c3bc", .text("ü")), ("63e6b0b4", .text("水")), ("80", .array([])),
            ("83010203", .array([.unsigned(1), .unsigned(2), .unsigned(3)])),
            (
                "a26161016162820203",
                .map([.text("a"), .unsigned(1), .text("b"), .array([.unsigned(2), .unsigned(3)])])
            ),
        ]
        for (hex, value) in examples {
            #expect(CBORValue.decode(Self.bytes(hex)) == value, "\(hex)")
            #expect(value.encoded() == Self.bytes(hex), "\(hex)")
        }
        // Indefinite lengths are read (and written back definite).
        #expect(
            CBORValue.decode(Self.bytes("9f018202039f0405ffff"))
                == .array([
                    .unsigned(1), .array([.unsigned(2), .unsigned(3)]), .array([.unsigned(4), .unsigned(5)]),
                ]))
        #expect(CBORValue.decode(Self.bytes("7f657374726561646d696e67ff")) == .text("streaming"))
    }

    @Test func cborRefusesWhatIsNotOneWholeItem() {
        for hex in [
            "", "18", "1a000f42", "62c3", "830102", "a16161", "f93c00", "c11a514b67b0", "0000", "62c328",
            "9f01", "7f6161", "7f4161ff", "9b7fffffffffffffff", "5b7fffffffffffffff",
        ] {
            #expect(CBORValue.decode(Self.bytes(hex)) == nil, "\(hex)")
        }
        let deep = [UInt8](repeating: 0x81, count: 100) + [0x00]
        #expect(CBORValue.decode(deep) == nil)
        #expect(CBORValue.decode(deep, depth: 200) != nil)
    }

    /// Generated items, written and read back: the same item.
    @Test func cborRoundTripsGeneratedItems() {
        var generator = SystemRandomNumberGenerator()
        func item(_ depth: Int) -> CBORValue {
            switch Int.random(in: 0..<(depth > 3 ? 4 : 6), using: &generator) {
            case 0: return .unsigned(UInt64.random(in: 0...UInt64.max) >> UInt64.random(in: 0...63))
            case 1: return .negative(UInt64.random(in: 0...70_000))
            case 2: return .bytes((0..<Int.random(in: 0...300)).map { _ in UInt8.random(in: 0...255) })
            case 3: return .text(String((0..<Int.random(in: 0...40)).map { _ in "aяё «»—1".randomElement()! }))
            case 4: return .array((0..<Int.random(in: 0...30)).map { _ in item(depth + 1) })
            default: return .map((0..<2 * Int.random(in: 0...5)).map { _ in item(depth + 1) })
            }
        }
        for _ in 0..<500 {
            let value = item(0)
            #expect(CBORValue.decode(value.encoded()) == value)
        }
    }

    @Test func gzipRoundTripsAndRefusesBrokenStreams() throws {
        let samples: [[UInt8]] = [
            [], [42], (0..<100_000).map { _ in UInt8.random(in: 0...255) },
            Array(String(repeating: "Образовательный округ. ", count: 50_000).utf8),
        ]
        for sample in samples {
            let packed = try #require(Gzip.compress(sample))
            #expect(Array(packed.prefix(2)) == [0x1F, 0x8B])
            #expect(Gzip.compress(sample) == packed)
            #expect(Gzip.decompress(packed) == sample)
            if packed.count > 20 { #expect(Gzip.decompress(Array(packed.dropLast(9))) == nil) }
        }
        #expect(Gzip.decompress(Array("не gzip".utf8)) == nil)
        let big = try #require(Gzip.compress([UInt8](repeating: 0, count: 2_000_000)))
        #expect(Gzip.decompress(big, limit: 1_000_000) == nil)
    }

    static let python = repositoryRoot.appendingPathComponent(".venv/bin/python")

    /// The sample site built twice with its search index: the same bytes, filter files included,
    /// and every file of Pagefind's written back by `CBORValue` is the bytes Pagefind wrote.
    @Test(
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: python.path), "needs Pagefind in .venv: scripts/setup.sh"))
    func twoBuildsWithSearchAreTheSameBytes() throws {
        try #require(FileManager.default.isExecutableFile(atPath: CommandLineTests.executable.path))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("okrug-search-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        func build(_ name: String) throws -> URL {
            let output = folder.appendingPathComponent(name)
            let result = try CommandLineTests.okrug(
                ["build", "--output", output.path], environment: ["SOURCE_DATE_EPOCH": "1700000000"])
            #expect(result.status == 0)
            return output.appendingPathComponent("pagefind")
        }
        let first = try build("first")
        let second = try build("second")
        let files = try FileManager.default.subpathsOfDirectory(atPath: first.path).sorted()
        #expect(files == (try FileManager.default.subpathsOfDirectory(atPath: second.path)).sorted())
        for file in files {
            let a = FileManager.default.contents(atPath: first.appendingPathComponent(file).path)
            let b = FileManager.default.contents(atPath: second.appendingPathComponent(file).path)
            #expect(a == b, "\(file)")
        }

        // The entry names the metadata file; its filters are in order of name, with files.
        let entry = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: first.appendingPathComponent("pagefind-entry.json")))
                as? [String: Any])
        let hash = try #require(((entry["languages"] as? [String: Any])?["ru"] as? [String: Any])?["hash"] as? String)
        let meta = try #require(SearchIndexOrder.read(first.appendingPathComponent("pagefind.\(hash).pf_meta"))?.array)
        let filters = try #require(meta[3].array).compactMap { $0.array }
        let names = filters.compactMap { $0.first?.text }
        #expect(names.count >= 5)
        #expect(names == names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        for filter in filters {
            let content = try #require(
                SearchIndexOrder.read(SearchIndexOrder.filterURL(filter[1].text ?? "", in: first)))
            let values = try #require(content.array?[1].array).compactMap { $0.array?.first?.text }
            #expect(values.count > 1)
            #expect(values == values.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        }

        // What okrug did not rewrite (the word index) reads and writes back to Pagefind's bytes:
        // the CBOR written is the form Pagefind writes.
        let chunks = files.filter { $0.hasSuffix(".pf_index") }
        #expect(!chunks.isEmpty)
        for chunk in chunks {
            let data = try Data(contentsOf: first.appendingPathComponent(chunk))
            let unpacked = try #require(Gzip.decompress([UInt8](data)))
            #expect(unpacked.starts(with: SearchIndexOrder.signature))
            let payload = Array(unpacked.dropFirst(SearchIndexOrder.signature.count))
            #expect(CBORValue.decode(payload)?.encoded() == payload, "\(chunk)")
        }
    }
}

/// A large site's search index made in pieces and joined (`SearchPieces`, `SearchIndexMerge`):
/// the sample site in pieces of 10 pages against one Pagefind run over it.
@Suite struct SearchPiecesTests {
    /// What an index says, by page address: each page's word count and fragment, each word's
    /// pages with positions (for the stem and each form), each filter value's pages, the sort.
    struct Decoded: Equatable {
        var pages: [String: Int] = [:]
        var fragments: [String: String] = [:]
        var words: [String: [String]] = [:]
        var filters: [String: [String: [String]]] = [:]
        var sorts: [String: [String]] = [:]
        var fields: [String] = []
        var pageCount = 0
        /// Each chunk's [from, to] and its words, to check the ranges cover them.
        var chunks: [(from: String, to: String, words: [String])] = []

        static func == (a: Decoded, b: Decoded) -> Bool {
            a.pages == b.pages && a.fragments == b.fragments && a.words == b.words && a.filters == b.filters
                && a.sorts == b.sorts && a.fields == b.fields && a.pageCount == b.pageCount
        }
    }

    static func decode(_ bundle: URL) throws -> Decoded {
        var decoded = Decoded()
        let entry = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: bundle.appendingPathComponent("pagefind-entry.json")))
                as? [String: Any])
        let language = try #require((entry["languages"] as? [String: Any])?["ru"] as? [String: Any])
        decoded.pageCount = try #require(language["page_count"] as? Int)
        let hash = try #require(language["hash"] as? String)
        let meta = try #require(SearchIndexOrder.read(bundle.appendingPathComponent("pagefind.\(hash).pf_meta"))?.array)
        var urls: [String] = []
        for page in meta[1].array ?? [] {
            let fields = try #require(page.array)
            let name = try #require(fields[0].text)
            let data = try Data(contentsOf: bundle.appendingPathComponent("fragment/\(name).pf_fragment"))
            let unpacked = try #require(Gzip.decompress([UInt8](data)))
            let json = Array(unpacked.dropFirst(SearchIndexOrder.signature.count))
            let fragment = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
            let url = try #require(fragment["url"] as? String)
            urls.append(url)
            decoded.fragments[url] = String(decoding: json, as: UTF8.self)
            if case .unsigned(let count) = fields[1] { decoded.pages[url] = Int(count) }
        }
        func pages(_ list: [CBORValue]) throws -> [String] {
            var page: UInt64 = 0
            var out: [String] = []
            for (index, item) in list.enumerated() {
                let fields = try #require(item.array)
                guard case .unsigned(let number) = fields[0] else { throw SearchIndexMerge.Failure("номер") }
                page = index == 0 ? number : page + number
                out.append("\(urls[Int(page)]) \(fields[1]) \(fields[2])")
            }
            return out.sorted()
        }
        for chunk in meta[2].array ?? [] {
            let fields = try #require(chunk.array)
            let name = try #require(fields[2].text)
            let content = try #require(SearchIndexOrder.read(bundle.appendingPathComponent("index/\(name).pf_index")))
            var stems: [String] = []
            for word in content.array?.first?.array ?? [] {
                let entry = try SearchIndexMerge.WordEntry(word)
                stems.append(entry.stem)
                decoded.words[entry.stem] = try pages(entry.pages)
                for form in entry.forms { decoded.words[entry.stem + " → " + form.form] = try pages(form.pages) }
            }
            decoded.chunks.append((fields[0].text ?? "", fields[1].text ?? "", stems))
        }
        for filter in meta[3].array ?? [] {
            let pair = try #require(filter.array)
            let name = try #require(pair[0].text)
            let content = try #require(
                SearchIndexOrder.read(SearchIndexOrder.filterURL(pair[1].text ?? "", in: bundle)))
            for value in content.array?[1].array ?? [] {
                let fields = try #require(value.array)
                decoded.filters[name, default: [:]][fields[0].text ?? ""] = (fields[1].array ?? []).compactMap {
                    if case .unsigned(let page) = $0 { return urls[Int(page)] }
                    return nil
                }.sorted()
            }
        }
        for sort in meta[4].array ?? [] {
            let pair = try #require(sort.array)
            decoded.sorts[pair[0].text ?? ""] = (pair[1].array ?? []).compactMap {
                if case .unsigned(let page) = $0 { return urls[Int(page)] }
                return nil
            }
        }
        decoded.fields = (meta[5].array ?? []).compactMap(\.text)
        return decoded
    }

    static func build(_ output: URL, piece: String?) throws {
        let result = try CommandLineTests.okrug(
            ["build", "--output", output.path],
            environment: ["SOURCE_DATE_EPOCH": "1700000000", "OKRUG_SEARCH_PIECE": piece])
        #expect(result.status == 0)
    }

    @Test(
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: SearchIndexOrderTests.python.path),
            "needs Pagefind in .venv: scripts/setup.sh"))
    func piecesJoinedAreTheIndexOfOneRun() throws {
        try #require(FileManager.default.isExecutableFile(atPath: CommandLineTests.executable.path))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("okrug-pieces-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let one = folder.appendingPathComponent("one")
        let pieced = folder.appendingPathComponent("pieced")
        try Self.build(one, piece: nil)
        try Self.build(pieced, piece: "10")
        let single = try Self.decode(one.appendingPathComponent("pagefind"))
        let joined = try Self.decode(pieced.appendingPathComponent("pagefind"))
        // The sample has 50 searchable pages (materials, their files' pages, plan activities):
        // five pieces, and something in each part.
        #expect(single.pageCount == 50)
        #expect(single.words.count > 1000 && single.filters.count >= 5 && single.sorts["date"]?.count == 50)
        #expect(single.words.values.contains { $0.contains { !$0.hasSuffix(" []") } }, "no positions in titles")
        #expect(joined.pages == single.pages)
        #expect(joined.fragments == single.fragments)
        #expect(joined.fields == single.fields)
        #expect(joined.filters == single.filters)
        #expect(joined.sorts == single.sorts)
        #expect(joined.pageCount == single.pageCount)
        let differing = single.words.keys.filter { joined.words[$0] != single.words[$0] }.sorted()
        #expect(differing.isEmpty, "\(differing.prefix(5))")
        #expect(joined.words.count == single.words.count)
        // Chunked as Pagefind chunks: the same ranges, so a search loads the same amount.
        #expect(joined.chunks.map { "\($0.from)…\($0.to)" } == single.chunks.map { "\($0.from)…\($0.to)" })
        // Each word is in the chunk whose range a search loads for it.
        for chunk in joined.chunks {
            for word in chunk.words {
                #expect(!SearchIndexOrder.precedes(word, chunk.from), "\(word) < \(chunk.from)")
                #expect(
                    !SearchIndexOrder.precedes(
                        chunk.to, String(word.unicodeScalars.prefix(chunk.to.unicodeScalars.count))))
            }
        }
        // The rest of the site is the same, and the pieces' folders are gone.
        #expect(!FileManager.default.fileExists(atPath: pieced.appendingPathComponent(SearchPieces.workFolder).path))
        let pages = try FileManager.default.subpathsOfDirectory(atPath: one.path).filter { !$0.hasPrefix("pagefind") }
        for page in pages {
            #expect(
                FileManager.default.contents(atPath: one.appendingPathComponent(page).path)
                    == FileManager.default.contents(atPath: pieced.appendingPathComponent(page).path), "\(page)")
        }
    }

    @Test func sortValuesAreReadFromThePage() {
        let page = Array(
            #"<span data-pagefind-filter="тип">материал</span><span data-pagefind-sort="date">2023-05-30</span>"#.utf8)
        #expect(SearchPieces.sortValue(in: page) == .date("2023-05-30"))
        #expect(SearchPieces.sortValue(in: Array("<p>нет</p>".utf8)) == SearchPieces.PageSort.none)
        #expect(SearchPieces.sortValue(in: Array(#"<span data-pagefind-sort="title">Б</span>"#.utf8)) == .other)
        #expect(SearchPieces.sortValue(in: Array(#"<b data-pagefind-sort="date:2023-01-01"></b>"#.utf8)) == .other)
        #expect(SearchPieces.pagesPerPiece([:]) == 625)
        #expect(SearchPieces.pagesPerPiece(["OKRUG_SEARCH_PIECE": "10"]) == 10)
    }
}

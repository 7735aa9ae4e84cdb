import Foundation
import OkrugCore
import OkrugSystem

/// Pagefind keeps every page it indexes in memory until it writes the index: for a large bank
/// more than a school's small server or a modest CI runner has. Above
/// `pagesPerPiece` searchable pages okrug runs it over pieces of the site, two at a time — each
/// piece a folder of hard links to its pages, the pages in the order of their date — and joins
/// the pieces' indexes into one (`SearchIndexMerge`): the same words, pages, filters and date
/// order as one run, with two pieces' memory.
struct SearchPieces {
    static let defaultPagesPerPiece = 625
    /// Two Pagefind runs at once keep both cores busy (one run writes its index on one core);
    /// two pieces of 625 pages take the memory of one of 1 250.
    static let piecesAtOnce = 2
    /// Where the pieces are made, inside the site being written (and removed after).
    static let workFolder = ".okrug-search-pieces"

    /// `OKRUG_SEARCH_PIECE` (pages per piece), else `defaultPagesPerPiece`.
    static func pagesPerPiece(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        environment["OKRUG_SEARCH_PIECE"].flatMap { Int($0) }.map { max(1, $0) } ?? defaultPagesPerPiece
    }

    /// The searchable pages (`Routes.isSearchable`) of the written site, by their date (the
    /// `data-pagefind-sort` value), then path; `nil` when a page has a sort other than one date.
    /// Only when there are more than `limit` of them (then each page is read for its date):
    /// `nil` for a site small enough for one run.
    static func pages(of site: URL, moreThan limit: Int = 0) -> [String]? {
        let candidates = self.candidates(of: site)
        guard candidates.count > limit else { return nil }
        var found: [(path: String, date: String?)] = []
        let files = FileManager.default
        let body = Array("data-pagefind-body".utf8)
        for path in candidates {
            guard let data = files.contents(atPath: site.appendingPathComponent(path).path) else { continue }
            let page = [UInt8](data)
            // One run leaves out a page without a body mark (the plan's «Итоги») since others
            // have one; a piece of such pages alone would index them whole.
            guard ByteSearch.firstIndex(of: body, in: page, from: 0) != nil else { continue }
            switch sortValue(in: page) {
            case .date(let date): found.append((path, date))
            case .none: found.append((path, nil))
            case .other: return nil
            }
        }
        // A page without a date goes last: it is in no date list, wherever it is.
        return found.sorted { a, b in
            let x = a.date ?? "\u{10FFFF}"
            let y = b.date ?? "\u{10FFFF}"
            return x != y ? SearchIndexOrder.precedes(x, y) : SearchIndexOrder.precedes(a.path, b.path)
        }.map(\.path)
    }

    /// The pages search may index (`Routes.isSearchable`) of the written site, from its folders
    /// alone: nothing is read.
    static func candidates(of site: URL) -> [String] {
        let files = FileManager.default
        func folders(_ path: String) -> [String] {
            ((try? files.contentsOfDirectory(atPath: site.appendingPathComponent(path).path)) ?? []).sorted()
        }
        var candidates: [String] = []
        for name in folders(Routes.materials) {
            let material = Routes.materials + name + "/"
            candidates.append(material + "index.html")
            // Its files' pages, by the material's date like the material itself.
            for file in folders(material + Routes.onlineFolder) {
                candidates.append(material + Routes.onlineFolder + file + "/index.html")
            }
            for file in folders(material + Routes.textFolder) {
                let folder = material + Routes.textFolder + file + "/"
                candidates.append(folder + "index.html")
                for part in folders(folder) where Int(part) != nil { candidates.append(folder + part + "/index.html") }
            }
        }
        for year in folders(Routes.plans) {
            for name in folders(Routes.plans + year) {
                candidates.append(Routes.plans + year + "/" + name + "/index.html")
            }
        }
        return candidates.filter(Routes.isSearchable)
    }

    enum PageSort: Equatable {
        case date(String)
        case none
        /// A sort by anything but one date: the pieces could not be put in its order.
        case other
    }

    /// The page's `<… data-pagefind-sort="date">value<`.
    static func sortValue(in page: [UInt8]) -> PageSort {
        let marker = Array("data-pagefind-sort=\"".utf8)
        var date: String?
        var index = 0
        while let start = ByteSearch.firstIndex(of: marker, in: page, from: index) {
            var cursor = start + marker.count
            guard let quote = page[cursor...].firstIndex(of: UInt8(ascii: "\"")) else { return .other }
            let name = String(decoding: page[cursor..<quote], as: UTF8.self)
            guard name == "date", quote + 1 < page.count, page[quote + 1] == UInt8(ascii: ">") else {
                return .other
            }
            cursor = quote + 2
            guard let end = page[cursor...].firstIndex(of: UInt8(ascii: "<")) else { return .other }
            let value = String(decoding: page[cursor..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            guard date == nil || date == value else { return .other }
            date = value
            index = end
        }
        return date.map { .date($0) } ?? .none
    }

    /// Indexes `site` in pieces of `perPiece` pages into `bundle`, `atOnce` pieces at a time;
    /// the error output when Pagefind fails, or `nil` when the site cannot be pieced (then
    /// index it in one run).
    static func index(
        site: URL, bundle: URL, pages: [String], perPiece: Int, atOnce: Int = piecesAtOnce,
        run: @escaping @Sendable ([String]) -> (status: Int32, output: String)
    ) -> (succeeded: Bool, output: String)? {
        let files = FileManager.default
        let work = site.appendingPathComponent(workFolder)
        defer { try? files.removeItem(at: work) }
        try? files.removeItem(at: work)
        // Every piece's folder of links first: they cost no disk, and the runs can then overlap.
        var pieces: [(folder: URL, output: URL)] = []
        var start = 0
        while start < pages.count {
            let number = pieces.count
            let folder = work.appendingPathComponent("site-\(number)")
            do {
                for path in pages[start..<min(start + perPiece, pages.count)] {
                    let target = folder.appendingPathComponent(path)
                    try files.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try files.linkItem(at: site.appendingPathComponent(path), to: target)
                }
            } catch {
                return nil
            }
            pieces.append((folder, work.appendingPathComponent("index-\(number)")))
            start += perPiece
        }
        let results = ParallelMap.map(pieces.map { [$0.folder.path, $0.output.path] }, threads: atOnce) { paths in
            run(["--site", paths[0], "--output-path", paths[1], "--force-language", "ru", "--quiet"])
        }
        if let failed = results.first(where: { $0.status != 0 }) { return (false, failed.output) }
        do {
            try? files.removeItem(at: bundle)
            try SearchIndexMerge.merge(pieces.map(\.output), into: bundle)
        } catch {
            try? files.removeItem(at: bundle)
            return nil
        }
        return (true, "")
    }
}

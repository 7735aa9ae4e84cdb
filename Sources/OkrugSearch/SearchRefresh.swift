import Foundation
import OkrugCore
import OkrugSystem
import OkrugText

/// The preview's search, kept up with edits without holding up the build or the reloads.
///
/// After a build of the whole site Pagefind indexes it anew in the background (`pagefind/`).
/// After an edit of a few documents only their pages are indexed, into a second, small index
/// (`pagefind-saved/`, with `okrug-saved.json`: their addresses), which the search page merges
/// in, leaving out the older copies of those pages: a save is then findable without waiting for a
/// whole index. Each index is made in a
/// folder of its own and swapped in whole; builds that finish while Pagefind runs are covered
/// by one more run after it.
package actor SearchRefresh {
    /// The small index's folder and address.
    package static let savedFolder = "pagefind-saved"
    package static let savedList = "okrug-saved.json"
    /// More saved pages than this: the whole site is indexed again instead.
    package static let savedLimit = 200

    private let indexer: SearchIndexer
    private let site: URL
    /// Where the server reads the indexes from (`.<output>.search/pagefind`, `…/pagefind-saved`).
    package nonisolated let bundle: URL
    package nonisolated let saved: URL
    private let log: @Sendable (String) -> Void
    private var running = false
    /// What the next run has to do: the whole site, or these pages (site paths of `index.html`).
    private var wholeSite = true
    private var pending = false
    /// Pages saved since the whole site was indexed.
    private var savedPages: Set<String> = []
    private var indexedSaved: Set<String> = []

    package init(indexer: SearchIndexer, site: URL, log: @escaping @Sendable (String) -> Void) {
        self.indexer = indexer
        self.site = site
        let folder = site.deletingLastPathComponent().appendingPathComponent("." + site.lastPathComponent + ".search")
        self.bundle = folder.appendingPathComponent(String(Routes.searchIndex.dropLast()))
        self.saved = folder.appendingPathComponent(Self.savedFolder)
        self.log = log
    }

    /// Asks for an index of the site as it is now: `pages` rewritten by a build of a few
    /// documents, `nil` after a build of the whole site.
    package func request(_ pages: [String]?) {
        if let pages {
            savedPages.formUnion(pages.filter(Routes.isSearchable))
            if savedPages.count > Self.savedLimit { wholeSite = true }
        } else {
            wholeSite = true
        }
        pending = true
        guard !running else { return }
        running = true
        Task.detached { [self] in await self.loop() }
    }

    private func loop() async {
        while pending {
            pending = false
            if wholeSite {
                wholeSite = false
                savedPages = []
                let started = Date()
                if await run(into: bundle, pages: nil) {
                    try? FileManager.default.removeItem(at: saved)
                    indexedSaved = []
                    // Said once per index of the whole site: on a big bank it takes a while.
                    let seconds = Date().timeIntervalSince(started)
                    log(
                        "Поиск в просмотре готов (\(seconds < 10 ? RussianNumber.tenths(seconds) : String(Int(seconds))) с)."
                    )
                }
            } else if savedPages != indexedSaved {
                let pages = savedPages
                let glob = "{" + pages.sorted().joined(separator: ",") + "}"
                if await run(into: saved, pages: glob, addresses: pages) { indexedSaved = pages }
            }
        }
        running = false
    }

    /// Pagefind over `pages` (a glob; `nil`: the whole site, as a build indexes it) into a new
    /// folder that then takes `target`'s place.
    private func run(into target: URL, pages: String?, addresses: Set<String>? = nil) async -> Bool {
        let next = target.deletingLastPathComponent().appendingPathComponent(".next-\(UUID().uuidString)")
        let (indexer, site) = (self.indexer, self.site)
        let result = await offThread {
            if let pages {
                indexer.index(site: site, bundle: next, pages: pages)
            } else {
                indexer.index(site: site, bundle: next)
            }
        }
        guard result.succeeded else {
            try? FileManager.default.removeItem(at: next)
            log("Поиск в просмотре не обновлён: \(result.output.trimmingCharacters(in: .whitespacesAndNewlines))")
            return false
        }
        if let addresses {
            // The saved pages' words are new to the site's words: the preview's search reads
            // the whole site's words from here while this index is there.
            try? SearchWords.write(site: site, bundle: next)
            // The addresses as the search page sees them: from the root, without index.html.
            let urls = addresses.sorted().map { "/" + $0.dropLast("index.html".count) }
            let json = "[" + urls.map { "\"\($0)\"" }.joined(separator: ",") + "]"
            try? WholeFile.write(json, to: next.appendingPathComponent(Self.savedList))
        }
        install(next, as: target)
        return true
    }

    /// The new index takes the old one's place in one step (a search reads one or the other).
    private func install(_ next: URL, as target: URL) {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: target.path) {
            if (try? FileIO.exchange(next.path, target.path)) == true {
                try? fileManager.removeItem(at: next)
                return
            }
            try? fileManager.removeItem(at: target)
        }
        try? fileManager.moveItem(at: next, to: target)
    }
}

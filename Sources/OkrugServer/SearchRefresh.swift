import Foundation
import OkrugSite
import OkrugSystem

/// The preview's search index, made again after every successful build without holding up
/// the build or the page reloads: Pagefind runs in the background into a folder of its own,
/// which then takes the place of the one the server answers `/pagefind/…` from. Builds that
/// finish while it runs are covered by one more run after it.
actor SearchRefresh {
    private let indexer: SearchIndexer
    private let site: URL
    /// Where the server reads the index from (`<output>.search/pagefind`).
    let bundle: URL
    private let log: @Sendable (String) -> Void
    private var running = false
    private var pending = false
    /// Finished runs, for tests and the log.
    private(set) var runs = 0

    init(indexer: SearchIndexer, site: URL, log: @escaping @Sendable (String) -> Void) {
        self.indexer = indexer
        self.site = site
        let folder = site.deletingLastPathComponent().appendingPathComponent("." + site.lastPathComponent + ".search")
        self.bundle = folder.appendingPathComponent("pagefind")
        self.log = log
    }

    /// Asks for an index of the site as it is now.
    func request() {
        if running {
            pending = true
            return
        }
        running = true
        Task.detached { [self] in await self.loop() }
    }

    private func loop() async {
        repeat {
            pending = false
            let next = bundle.deletingLastPathComponent().appendingPathComponent("next-\(UUID().uuidString)")
            let (indexer, site) = (self.indexer, self.site)
            let result = await withCheckedContinuation { continuation in
                DispatchQueue.global().async { continuation.resume(returning: indexer.index(site: site, bundle: next)) }
            }
            if result.succeeded {
                install(next)
                runs += 1
            } else {
                try? FileManager.default.removeItem(at: next)
                log("Поиск в просмотре не обновлён: \(result.output.trimmingCharacters(in: .whitespacesAndNewlines))")
            }
        } while pending
        running = false
    }

    /// The new index takes the old one's place in one step (a page mid-search reads one or the other).
    private func install(_ next: URL) {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: bundle.path) {
            if (try? FileIO.exchange(next.path, bundle.path)) == true {
                try? fileManager.removeItem(at: next)
                return
            }
            try? fileManager.removeItem(at: bundle)
        }
        try? fileManager.moveItem(at: next, to: bundle)
    }
}

import Dispatch
import Foundation
import OkrugCore
import OkrugSystem
import Synchronization

/// What the output folder holds before a write: its folders, and its files with the marks
/// okrug left on them (`WrittenMark`) and their current size and time.
///
/// `okrug build` starts the listing in the background before it reads the content: when the
/// old site is not in the system's cache (after another big job), listing it is tens of
/// thousands of reads of folder and inode blocks, done by eight threads while the content is
/// parsed. A rebuild then knows which pages are unchanged without touching them again.
public struct OutputListing: Sendable {
    struct File: Sendable {
        /// The mark, when it still matches the file's size and time.
        var mark: WrittenMark?
        /// A regular file (not a symlink or anything else), which may be compared and linked.
        var isRegular = true
    }

    var files: [String: File] = [:]
    var folders: Set<String> = []
    /// There was no output folder at all.
    var isMissing = false

    /// Lists `root` now (folders level by level, each level on eight threads).
    static func list(_ root: String) -> OutputListing {
        var listing = OutputListing()
        var level = [""]
        while !level.isEmpty {
            let found = ParallelMap.map(level, threads: 8) { relative in Self.entries(of: relative, root: root) }
            level = []
            for entries in found {
                for entry in entries {
                    if entry.isFolder {
                        listing.folders.insert(entry.path)
                        level.append(entry.path)
                    } else {
                        listing.files[entry.path] = File(mark: entry.mark, isRegular: entry.isRegular)
                    }
                }
            }
        }
        return listing
    }

    private struct Entry: Sendable {
        var path: String
        var isFolder: Bool
        var mark: WrittenMark?
        var isRegular = false
    }

    /// The entries of one folder, with each file's mark.
    private static func entries(of relative: String, root: String) -> [Entry] {
        let path = relative.isEmpty ? root : root + "/" + relative
        return FileIO.folderEntries(path).map { entry in
            Entry(
                path: relative.isEmpty ? entry.name : relative + "/" + entry.name, isFolder: entry.kind == .folder,
                mark: entry.mark, isRegular: entry.kind == .regular)
        }
    }

    /// A listing made on a background thread, waited for when the write begins.
    public final class Pending: Sendable {
        private let result = Mutex<OutputListing?>(nil)
        private let done = DispatchSemaphore(value: 0)

        /// `nil` when there is no output folder yet (or a symlink stands there, which the write
        /// refuses).
        public static func start(_ output: URL) -> Pending? {
            guard FileIO.kind(output.standardizedFileURL.path) == .folder else { return nil }
            let pending = Pending()
            let root = output.standardizedFileURL.path
            Thread {
                let listing = OutputListing.list(root)
                pending.result.withLock { $0 = listing }
                pending.done.signal()
            }.start()
            return pending
        }

        func wait() -> OutputListing {
            done.wait()
            done.signal()
            return result.withLock { $0 } ?? OutputListing()
        }
    }
}

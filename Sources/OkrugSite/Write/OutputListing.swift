import Dispatch
import Foundation
import OkrugCore
import OkrugSystem
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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

    /// The entries of one folder, with each file's mark read through the folder's descriptor.
    private static func entries(of relative: String, root: String) -> [Entry] {
        let path = relative.isEmpty ? root : root + "/" + relative
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        let folder = dirfd(directory)
        var entries: [Entry] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let child = relative.isEmpty ? name : relative + "/" + name
            var status = stat()
            guard fstatat(folder, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            if status.st_mode & S_IFMT == S_IFDIR {
                entries.append(Entry(path: child, isFolder: true))
                continue
            }
            var mark: WrittenMark?
            if status.st_mode & S_IFMT == S_IFREG, let stored = WrittenMark.read(path: path + "/" + name),
                stored == WrittenMark(fingerprint: stored.fingerprint, status: status)
            {
                mark = stored
            }
            entries.append(
                Entry(path: child, isFolder: false, mark: mark, isRegular: status.st_mode & S_IFMT == S_IFREG))
        }
        return entries
    }

    /// A listing made on a background thread, waited for when the write begins.
    public final class Pending: Sendable {
        private let result = Mutex<OutputListing?>(nil)
        private let done = DispatchSemaphore(value: 0)

        /// `nil` when there is no output folder yet (or a symlink stands there, which the write
        /// refuses).
        public static func start(_ output: URL) -> Pending? {
            guard OutputGeneration.kind(output.standardizedFileURL.path) == S_IFDIR else { return nil }
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

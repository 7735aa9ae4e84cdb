import Foundation
import OkrugCore
import OkrugSystem

/// Where an attachment's extras are kept in the cache is named by its content (a hash and the
/// size), so finding them would mean reading and hashing every PDF and Word file on every build. The key is
/// remembered here with the file's size and modification time (`keys.tsv` in the cache), and
/// only a file whose size or time changed is read again, as `git status` and `make` judge files.
struct AttachmentKeys: Sendable {
    struct Stamp: Hashable, Sendable {
        var size: Int
        /// Nanoseconds since 1970.
        var modified: Int
    }

    struct Known: Hashable, Sendable {
        var stamp: Stamp
        var key: String
    }

    /// By the attachment's path in `Content/`.
    private(set) var known: [String: Known] = [:]

    static let fileName = "keys.tsv"

    /// The keys the last build saved; an unreadable or garbled file only means reading the files again.
    static func load(from folder: URL) -> AttachmentKeys {
        var keys = AttachmentKeys()
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(fileName).path) else {
            return keys
        }
        // key, size, modified, path: the path last, so nothing it holds can shift the columns.
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let columns = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
            guard columns.count == 4, let size = Int(columns[1]), let modified = Int(columns[2]) else { continue }
            keys.known[String(columns[3])] = Known(
                stamp: Stamp(size: size, modified: modified), key: String(columns[0]))
        }
        return keys
    }

    /// The key of the file at `source` when it has not changed since it was hashed.
    func key(for source: String, stamp: Stamp) -> String? {
        guard let entry = known[source], entry.stamp == stamp else { return nil }
        return entry.key
    }

    /// The key of `source` (its path in `Content/`, at `file`) with the stamp it was taken at:
    /// remembered when the file's size and time are unchanged, else read and hashed. The stamp
    /// comes before the content, so a file saved in between is read again next time. `nil`
    /// when it is not a regular file or cannot be read.
    func known(_ source: String, at file: URL) -> Known? {
        guard let status = FileStatus.of(file.path), status.isRegular else { return nil }
        let stamp = Stamp(size: status.size, modified: status.modified)
        if let key = key(for: source, stamp: stamp) { return Known(stamp: stamp, key: key) }
        guard let key = try? Self.key(ofFile: file.path) else { return nil }
        return Known(stamp: stamp, key: key)
    }

    /// The key of the file at `path`: the fingerprint okrug marks its output with (16 bytes per
    /// step, read piece by piece, memory independent of the size) and the size.
    static func key(ofFile path: String) throws(SystemError) -> String {
        let (fingerprint, count) = try AttachmentFile.fingerprint(of: path)
        let digits = String(fingerprint, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits + "-\(count)"
    }

    /// Keeps `entries` (and only them: an attachment no material lists any more is forgotten)
    /// when they differ from what was loaded. Written beside and renamed: a build stopped
    /// halfway leaves the old file or the new one, never half of one.
    func save(_ entries: [String: Known], to folder: URL) {
        guard entries != known else { return }
        var text = ""
        for (source, entry) in entries.sorted(by: { $0.key < $1.key }) {
            text += "\(entry.key)\t\(entry.stamp.size)\t\(entry.stamp.modified)\t\(source)\n"
        }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? WholeFile.write(text, to: folder.appendingPathComponent(Self.fileName))
    }
}

import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The write stage. A build with errors never gets here, so the previous site stays as it was.
///
/// A first build writes into a staging folder beside the output and renames it into place. A
/// rebuild updates the existing folder: files whose bytes did not change are left alone, the
/// others are rewritten in place, and files the site no longer has are removed. (Writing a
/// new folder and deleting the old one each time made the file system's inode allocation,
/// slowed by tens of thousands of just-deleted inodes, the longest step of the build.)
public struct OutputWriter: Sendable {
    public var output: URL
    /// `Content/`, where copied files come from.
    public var contentRoot: URL

    public init(output: URL, contentRoot: URL) {
        self.output = output.standardizedFileURL
        self.contentRoot = contentRoot
    }

    public enum WriteError: Error, CustomStringConvertible {
        case unsafePath(String)
        case io(String)

        public var description: String {
            switch self {
            case .unsafePath(let path): return "путь «\(path)» выходит за папку сайта"
            case .io(let message): return message
            }
        }
    }

    /// Writes `files` as the whole site: the output holds exactly these files afterwards.
    public func write(_ files: [OutputFile]) throws {
        let session = try OutputSession(writer: self)
        do {
            try ParallelMap.forEach(files) { try session.put($0) }
            try session.finish()
        } catch {
            session.abandon()
            throw error
        }
    }

    /// Renders and writes the whole site, each page written by the thread that rendered it as
    /// soon as it is made; returns the paths written.
    @discardableResult
    public func write(_ renderer: SiteRenderer, listing: OutputListing.Pending? = nil) throws -> [String] {
        let session = try OutputSession(writer: self, listing: listing)
        do {
            try renderer.render(to: session)
            try session.finish()
        } catch {
            session.abandon()
            throw error
        }
        return session.writtenPaths
    }

    static func isSafe(_ path: String) -> Bool {
        // Over the bytes: no leading `/`, and no component `..` (a `.` component is harmless).
        guard let first = path.utf8.first, first != UInt8(ascii: "/") else { return false }
        var componentStart = true
        var dots = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if dots == 2 { return false }
                componentStart = true
                dots = 0
            } else if byte == UInt8(ascii: "."), componentStart || dots > 0 {
                dots += 1
                componentStart = false
            } else {
                dots = -1
                componentStart = false
            }
        }
        return dots != 2
    }

    /// Writes `files` into the existing output folder, each one atomically (a temporary file
    /// renamed over the old one): how `okrug serve` updates the few pages an edit changed.
    public func writeInPlace(_ files: [OutputFile]) throws {
        let manager = FileManager.default
        for file in files {
            guard Self.isSafe(file.path) else { throw WriteError.unsafePath(file.path) }
            let target = output.appendingPathComponent(file.path)
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            let data: Data
            switch file.contents {
            case .bytes(let bytes): data = bytes
            case .array(let bytes): data = Data(bytes)
            case .copy(let source): data = try Data(contentsOf: contentRoot.appendingPathComponent(source))
            }
            try data.write(to: target, options: .atomic)
        }
    }

}

/// Where rendered files go. `put` is called from several threads at once.
public protocol OutputSink: Sendable {
    func put(_ file: OutputFile) throws
}

/// One write of the whole site, fed file by file from the rendering threads, so pages are
/// never all in memory at once. A first build goes into a staging folder renamed into place by
/// `finish`; a rebuild updates the existing folder (unchanged files untouched) and `finish`
/// removes what the site no longer has.
public final class OutputSession: OutputSink {
    let writer: OutputWriter
    /// The folder files are written into: the staging folder, or the output itself.
    let root: String
    let staging: URL?
    /// What the output held before this write (empty for a staging folder).
    private let existing: OutputListing
    private var existingFiles: Dictionary<String, OutputListing.File>.Keys { existing.files.keys }
    private var existingFolders: Set<String> { existing.folders }
    private struct Progress {
        var folders: Set<String> = []
        var written: Set<String> = []
    }
    private let progress = Mutex(Progress())

    /// `listing`: the output folder as listed in the background (`OutputListing.Pending`);
    /// without it the folder is listed here.
    public init(writer: OutputWriter, listing: OutputListing.Pending? = nil) throws {
        self.writer = writer
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: writer.output.path, isDirectory: &isDirectory), isDirectory.boolValue {
            root = writer.output.path
            staging = nil
            existing = listing?.wait() ?? OutputListing.list(root)
        } else {
            let parent = writer.output.deletingLastPathComponent()
            let folder = parent.appendingPathComponent(
                ".\(writer.output.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)")
            try? manager.removeItem(at: folder)
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            staging = folder
            root = folder.path
            existing = OutputListing()
        }
    }

    public func put(_ file: OutputFile) throws {
        guard OutputWriter.isSafe(file.path) else { throw OutputWriter.WriteError.unsafePath(file.path) }
        try makeFolders(for: file.path)
        let target = root + "/" + file.path
        do {
            switch file.contents {
            case .bytes(let data): try store(data, path: file.path, target: target)
            case .array(let bytes): try store(bytes, path: file.path, target: target)
            case .copy(let source):
                try store(
                    try Data(contentsOf: writer.contentRoot.appendingPathComponent(source)), path: file.path,
                    target: target)
            }
        } catch {
            throw OutputWriter.WriteError.io("не удалось записать \(file.path): \(error)")
        }
        progress.withLock { _ = $0.written.insert(file.path) }
    }

    /// Writes the bytes unless the file okrug left there already holds them (its mark says so
    /// without a system call; else `FileIO.update` looks).
    private func store(_ data: some ContiguousBytes, path: String, target: String) throws {
        let (fingerprint, count) = data.withUnsafeBytes { (WrittenMark.fingerprint($0), $0.count) }
        if let before = existing.files[path] {
            if let mark = before.mark, mark.fingerprint == fingerprint, mark.size == count { return }
            try FileIO.update(data, fingerprint: fingerprint, at: target)
        } else {
            try FileIO.write(data, fingerprint: fingerprint, to: target)
        }
    }

    /// The folders above `path`, made once each (under the lock, so no file is written into a
    /// folder another thread is still making). A file standing where a folder must be goes.
    private func makeFolders(for path: String) throws {
        let parent = ContentPath.directory(of: path)
        guard !parent.isEmpty else { return }
        try progress.withLock { state in
            guard !state.folders.contains(parent) else { return }
            var needed: [String] = []
            var folder = parent
            while !folder.isEmpty, state.folders.insert(folder).inserted {
                needed.append(folder)
                folder = ContentPath.directory(of: folder)
            }
            for folder in needed.reversed() where !existingFolders.contains(folder) {
                if existing.files[folder] != nil { unlink(root + "/" + folder) }
                try FileIO.makeDirectory(root + "/" + folder)
            }
        }
    }

    /// The paths written by this session, sorted.
    public var writtenPaths: [String] { progress.withLock { $0.written.sorted() } }

    /// The staging folder renamed into place, or what the site no longer has removed.
    public func finish() throws {
        if let staging {
            try FileManager.default.moveItem(at: staging, to: writer.output)
            return
        }
        let (written, folders) = progress.withLock { ($0.written, $0.folders) }
        for stale in existingFiles where !written.contains(stale) { unlink(root + "/" + stale) }
        for folder in existingFolders.subtracting(folders).sorted(by: { $0.count > $1.count }) {
            rmdir(root + "/" + folder)
        }
    }

    /// After a failure: a staging folder goes; an updated output keeps what was written.
    public func abandon() {
        if let staging { try? FileManager.default.removeItem(at: staging) }
    }
}

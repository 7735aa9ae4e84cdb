import Foundation

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
            try session.write(files)
            try session.finish()
        } catch {
            session.abandon()
            throw error
        }
    }

    /// Renders the whole site and writes it batch by batch as it is rendered, so the pages are
    /// never all in memory at once. Returns the paths written.
    @discardableResult
    public func write(_ renderer: SiteRenderer) throws -> [String] {
        let session = try OutputSession(writer: self)
        var paths: [String] = []
        do {
            try renderer.render { batch in
                try session.write(batch)
                paths += batch.map(\.path)
            }
            try session.finish()
        } catch {
            session.abandon()
            throw error
        }
        return paths
    }

    /// Output paths are relative and never climb out of the output folder.
    static func isSafe(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && ContentPath.staysInside(path)
            && !path.split(separator: "/").contains("..")
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
            case .copy(let source): data = try Data(contentsOf: contentRoot.appendingPathComponent(source))
            }
            try data.write(to: target, options: .atomic)
        }
    }

}

/// One write of the whole site, fed in batches as the pages are rendered, so they need not all
/// be in memory at once. A first build goes into a staging folder renamed into place by
/// `finish`; a rebuild updates the existing folder (unchanged files untouched) and `finish`
/// removes what the site no longer has.
public final class OutputSession {
    let writer: OutputWriter
    /// The folder files are written into: the staging folder, or the output itself.
    let root: String
    let staging: URL?
    private var existingFiles: Set<String> = []
    private var existingFolders: Set<String> = []
    private var folders: Set<String> = []
    private var written: Set<String> = []

    public init(writer: OutputWriter) throws {
        self.writer = writer
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: writer.output.path, isDirectory: &isDirectory), isDirectory.boolValue {
            root = writer.output.path
            staging = nil
            walk("")
        } else {
            let parent = writer.output.deletingLastPathComponent()
            let folder = parent.appendingPathComponent(
                ".\(writer.output.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)")
            try? manager.removeItem(at: folder)
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            staging = folder
            root = folder.path
        }
    }

    /// What the existing output holds: files and folders, relative paths.
    private func walk(_ relative: String) {
        let path = relative.isEmpty ? root : root + "/" + relative
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names {
            let child = relative.isEmpty ? name : relative + "/" + name
            guard let status = FileStatus.of(root + "/" + child, followLinks: false) else { continue }
            if status.isDirectory {
                existingFolders.insert(child)
                walk(child)
            } else {
                existingFiles.insert(child)
            }
        }
    }

    public func write(_ files: [OutputFile]) throws {
        var needed: [String] = []
        for file in files {
            guard OutputWriter.isSafe(file.path) else { throw OutputWriter.WriteError.unsafePath(file.path) }
            var parent = ContentPath.directory(of: file.path)
            while !parent.isEmpty, folders.insert(parent).inserted {
                needed.append(parent)
                parent = ContentPath.directory(of: parent)
            }
        }
        // Parents before their children.
        for folder in needed.sorted() where !existingFolders.contains(folder) {
            if existingFiles.remove(folder) != nil { unlink(root + "/" + folder) }
            try FileIO.makeDirectory(root + "/" + folder)
        }
        let root = self.root
        let present = existingFiles
        let contentRoot = writer.contentRoot
        let failures = ParallelMap.map(files) { file -> String? in
            let target = root + "/" + file.path
            do {
                let data: Data
                switch file.contents {
                case .bytes(let bytes): data = bytes
                case .copy(let source): data = try Data(contentsOf: contentRoot.appendingPathComponent(source))
                }
                if present.contains(file.path), FileIO.holds(data, path: target) { return nil }
                try FileIO.write(data, to: target)
                return nil
            } catch {
                return "не удалось записать \(file.path): \(error)"
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw OutputWriter.WriteError.io(failure) }
        for file in files { written.insert(file.path) }
    }

    /// The staging folder renamed into place, or what the site no longer has removed.
    public func finish() throws {
        if let staging {
            try FileManager.default.moveItem(at: staging, to: writer.output)
            return
        }
        for stale in existingFiles.subtracting(written) { unlink(root + "/" + stale) }
        for folder in existingFolders.subtracting(folders).sorted(by: { $0.count > $1.count }) {
            rmdir(root + "/" + folder)
        }
    }

    /// After a failure: a staging folder goes; an updated output keeps what was written.
    public func abandon() {
        if let staging { try? FileManager.default.removeItem(at: staging) }
    }
}

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
        for file in files where !Self.isSafe(file.path) { throw WriteError.unsafePath(file.path) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory), isDirectory.boolValue {
            try update(files)
        } else {
            try writeFresh(files)
        }
    }

    /// Brings an existing output folder to exactly `files`.
    func update(_ files: [OutputFile]) throws {
        let root = output.path
        // What is there now: files and folders, relative paths.
        var existingFiles = Set<String>()
        var existingFolders = Set<String>()
        func walk(_ relative: String) {
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
        walk("")

        var folders = Set<String>()
        for file in files {
            var parent = ContentPath.directory(of: file.path)
            while !parent.isEmpty, folders.insert(parent).inserted { parent = ContentPath.directory(of: parent) }
        }
        for folder in folders.sorted() where !existingFolders.contains(folder) {
            // A file where a folder must be: it goes.
            if existingFiles.remove(folder) != nil { unlink(root + "/" + folder) }
            try FileIO.makeDirectory(root + "/" + folder)
        }
        let contentRoot = self.contentRoot
        let present = existingFiles
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
        if let failure = failures.compactMap({ $0 }).first { throw WriteError.io(failure) }

        // What the site no longer has.
        let written = Set(files.map(\.path))
        for stale in existingFiles.subtracting(written) { unlink(root + "/" + stale) }
        for folder in existingFolders.subtracting(folders).sorted(by: { $0.count > $1.count }) {
            rmdir(root + "/" + folder)
        }
    }

    /// A first build: a staging folder renamed into place.
    func writeFresh(_ files: [OutputFile]) throws {
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let staging = parent.appendingPathComponent(".\(name).staging-\(ProcessInfo.processInfo.processIdentifier)")
        let previous = parent.appendingPathComponent(".\(name).previous-\(ProcessInfo.processInfo.processIdentifier)")
        try? manager.removeItem(at: staging)
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            // Folders first (sorted, once each), then the files on all cores.
            var folders = Set<String>()
            for file in files {
                guard Self.isSafe(file.path) else { throw WriteError.unsafePath(file.path) }
                folders.insert(ContentPath.directory(of: file.path))
            }
            // Sorted, a folder comes after its parent; the parents of the parents are added too.
            for folder in folders {
                var parent = ContentPath.directory(of: folder)
                while !parent.isEmpty, folders.insert(parent).inserted { parent = ContentPath.directory(of: parent) }
            }
            let stagingPath = staging.path
            for folder in folders.sorted() where !folder.isEmpty {
                try FileIO.makeDirectory(stagingPath + "/" + folder)
            }
            let contentRoot = self.contentRoot
            let failures = ParallelMap.map(files) { file -> String? in
                let target = stagingPath + "/" + file.path
                do {
                    switch file.contents {
                    case .bytes(let data):
                        try FileIO.write(data, to: target)
                    case .copy(let source):
                        let data = try Data(contentsOf: contentRoot.appendingPathComponent(source))
                        try FileIO.write(data, to: target)
                    }
                    return nil
                } catch {
                    return "не удалось записать \(file.path): \(error.localizedDescription)"
                }
            }
            if let failure = failures.compactMap({ $0 }).first { throw WriteError.io(failure) }
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
        // The swap: two renames in the same folder.
        if manager.fileExists(atPath: output.path) {
            try? manager.removeItem(at: previous)
            try manager.moveItem(at: output, to: previous)
        }
        do {
            try manager.moveItem(at: staging, to: output)
        } catch {
            if manager.fileExists(atPath: previous.path) { try? manager.moveItem(at: previous, to: output) }
            throw error
        }
        try? manager.removeItem(at: previous)
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

    /// Output paths are relative and never climb out of the output folder.
    static func isSafe(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && ContentPath.staysInside(path)
            && !path.split(separator: "/").contains("..")
    }
}

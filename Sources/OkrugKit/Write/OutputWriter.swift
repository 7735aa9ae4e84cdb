import Foundation

/// The write stage: writes the whole site into a staging folder beside the output and swaps
/// it in only when everything is written, so a failed build leaves the previous site as it was.
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

    /// Writes `files`, then replaces the output folder with the result.
    public func write(_ files: [OutputFile]) throws {
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

import Foundation
import OkrugCore
import OkrugSystem
import Synchronization

/// The write stage. A build with errors never gets here, and a write that fails leaves the
/// output as it was.
///
/// The new site is made whole in a folder beside the output (`OutputGeneration`): pages whose
/// bytes did not change become hard links to the old files (no bytes written, and the marks
/// that say so travel with them), changed pages are written fresh, and the finished folder
/// trades places with the output in one rename. A rebuild that changes nothing leaves the
/// output untouched. One build at a time holds the output (`OutputLock`).
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
        case system(SystemError)
        /// The output holds files okrug did not write (`OutputOwnership`): nothing was touched.
        case notOwned([String])

        public var description: String {
            switch self {
            case .unsafePath(let path): return "путь «\(path)» выходит за папку сайта"
            case .system(let error): return error.description
            case .notOwned(let names): return OutputOwnership.strayRefusal("", names).message
            }
        }

        public var hint: String {
            switch self {
            case .unsafePath: return "исправьте имя файла или поле slug"
            case .system(let error): return error.hint
            case .notOwned(let names): return OutputOwnership.strayRefusal("", names).hint
            }
        }

        /// The error as the build reports it, on the output folder named `shown`.
        public func diagnostic(_ shown: String, _ what: String) -> Diagnostic {
            if case .notOwned(let names) = self { return OutputOwnership.strayRefusal(shown, names) }
            return .error(SourcePosition(file: shown, line: 0, column: 0), "\(what): \(self)", hint: hint)
        }
    }

    /// Writes `files` as the whole site: the output holds exactly these files afterwards.
    public func write(_ files: [OutputFile]) throws(WriteError) {
        let session = try OutputSession(writer: self)
        try session.fill { session in try ParallelMap.forEach(files) { try session.put($0) } }
        try session.finish()
    }

    /// Renders and writes the whole site, each page written by the thread that rendered it as
    /// soon as it is made; returns the session, finished.
    @discardableResult
    public func write(_ renderer: SiteRenderer, listing: OutputListing.Pending? = nil, lock: OutputLock? = nil)
        throws(WriteError) -> OutputSession
    {
        let session = try OutputSession(writer: self, listing: listing, lock: lock)
        try session.fill { try renderer.render(to: $0) }
        try session.finish()
        return session
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

    /// What `file` will hold: fingerprint and size (a copied file read in pieces); `nil` when a
    /// copied file cannot be read (its write then says why).
    private func written(_ file: OutputFile) -> OutputOwnership.Written? {
        switch file.contents {
        case .bytes(let data): .init(fingerprint: WrittenMark.fingerprint(of: data), size: data.count)
        case .array(let bytes): .init(fingerprint: WrittenMark.fingerprint(of: bytes), size: bytes.count)
        case .copy, .made:
            file.contents.copied(contentRoot: contentRoot).flatMap {
                (try? AttachmentFile.fingerprint(of: $0.from)).map { .init(fingerprint: $0.0, size: $0.1) }
            }
        }
    }

    /// Records `files` in the output's list with what they will hold, before they are written:
    /// a write cut short leaves a list that still claims them.
    private func updateManifest(for files: [OutputFile], written: [OutputOwnership.Written?]) throws(WriteError) {
        guard var listed = OutputOwnership.readManifest(output.path) else { return }
        let before = listed.files
        for (file, written) in zip(files, written) where file.path != OutputOwnership.manifestName {
            listed.files[file.path] = .some(written)
        }
        guard listed.files != before else { return }
        let list = OutputOwnership.manifest(listed.files, indexed: listed.ownsSearchIndex)
        try writeInPlace([OutputFile(path: OutputOwnership.manifestName, contents: .array(list))])
    }

    /// Writes `files` into the existing output folder, each one atomically (a temporary file
    /// renamed over the old one): how `okrug serve` updates the few pages an edit changed in
    /// its own preview folder. No folder on the way may be a symlink.
    public func writeInPlace(_ files: [OutputFile]) throws(WriteError) {
        // Each file's fingerprint once: for the output's list and for the mark on the file.
        let fingerprints = files.map(written)
        try updateManifest(for: files, written: fingerprints)
        for (file, known) in zip(files, fingerprints) {
            guard Self.isSafe(file.path) else { throw WriteError.unsafePath(file.path) }
            var folder = output.path
            for component in file.path.split(separator: "/").dropLast() {
                folder += "/" + component
                switch FileIO.kind(folder) {
                case nil:
                    do { try FileIO.makeDirectory(folder) } catch { throw .system(error) }
                case .folder?: break
                default: throw .system(SystemError(path: folder, code: ELOOP))
                }
            }
            let target = output.path + "/" + file.path
            let temporary =
                folder + "/.okrug-\(getpid())-" + (file.path.split(separator: "/").last.map(String.init) ?? "")
            FileIO.removeFile(temporary)
            do throws(SystemError) {
                switch file.contents {
                case .bytes(let data):
                    try FileIO.create(data, fingerprint: known?.fingerprint ?? 0, at: temporary)
                case .array(let bytes):
                    try FileIO.create(bytes, fingerprint: known?.fingerprint ?? 0, at: temporary)
                case .copy, .made:
                    guard let (from, shown) = file.contents.copied(contentRoot: contentRoot) else { break }
                    do throws(SystemError) {
                        var fingerprint = known?.fingerprint ?? 0
                        if known == nil { fingerprint = try AttachmentFile.fingerprint(of: from).0 }
                        try RegularFile.copy(from, to: temporary, fingerprint: fingerprint)
                    } catch {
                        throw error.path == from ? SystemError(path: shown, code: error.code) : error
                    }
                }
                try FileIO.rename(temporary, to: target)
            } catch {
                FileIO.removeFile(temporary)
                throw .system(error)
            }
        }
    }
}

/// Where rendered files go. `put` is called from several threads at once.
public protocol OutputSink: Sendable {
    func put(_ file: OutputFile) throws
}

/// One write of the whole site, fed file by file from the rendering threads, so pages are
/// never all in memory at once. Changed files go into the new generation folder at once;
/// unchanged ones are only noted, and linked in by `prepare` if the site changed at all.
public final class OutputSession: OutputSink {
    let writer: OutputWriter
    /// The folder the new site is made in (beside the output).
    public let generation: String
    /// Whether the search index (`pagefind/`) is made anew over the new generation: then the
    /// old index is neither carried over nor counted as a change.
    private let ownedByIndexer: Bool
    private let lock: OutputLock
    /// What the output held before this write (empty when there was none).
    private let existing: OutputListing
    private struct Progress {
        var folders: Set<String> = []
        var written: Set<String> = []
        /// What each written path holds, for the output's list.
        var fingerprints: [String: OutputOwnership.Written] = [:]
        var unchanged: [String] = []
        var changed = 0
        /// `prepare`'s answer, once it was asked.
        var prepared: Bool?
    }
    private let progress = Mutex(Progress())

    /// `listing`: the output folder as listed in the background (`OutputListing.Pending`);
    /// without it the folder is listed here. `lock`: the output's lock when the caller took it
    /// already (before listing); else it is taken here. `indexed`: the search index will be
    /// made over the new generation between `prepare` and `finish`.
    public init(
        writer: OutputWriter, listing: OutputListing.Pending? = nil, lock: OutputLock? = nil, indexed: Bool = false
    ) throws(OutputWriter.WriteError) {
        self.writer = writer
        ownedByIndexer = indexed
        if let lock {
            self.lock = lock
        } else {
            do { self.lock = try OutputLock.acquire(writer.output) } catch { throw .system(error) }
        }
        let output = writer.output.path
        switch FileIO.kind(output) {
        case nil: existing = OutputListing(isMissing: true)
        case .folder?: existing = listing?.wait() ?? OutputListing.list(output)
        case .symlink?: throw .system(SystemError(path: writer.output.lastPathComponent, code: ELOOP))
        default: throw .system(SystemError(path: writer.output.lastPathComponent, code: ENOTDIR))
        }
        let stray = OutputOwnership.strayFiles(in: existing, output: output)
        guard stray.isEmpty else { throw .notOwned(stray) }
        generation = OutputGeneration.newFolder(for: writer.output)
        try? FileManager.default.removeItem(atPath: generation)
        do { try FileIO.makeDirectory(generation) } catch { throw .system(error) }
    }

    private func isIndex(_ path: String) -> Bool {
        ownedByIndexer && (path + "/" == Routes.searchIndex || path.hasPrefix(Routes.searchIndex))
    }

    public func put(_ file: OutputFile) throws {
        guard OutputWriter.isSafe(file.path) else { throw OutputWriter.WriteError.unsafePath(file.path) }
        do throws(SystemError) {
            switch file.contents {
            case .bytes(let data): try store(data, path: file.path)
            case .array(let bytes): try store(bytes, path: file.path)
            case .copy, .made:
                guard let (from, shown) = file.contents.copied(contentRoot: writer.contentRoot) else { return }
                try storeCopy(from: from, shown: shown, path: file.path)
            }
        } catch {
            throw OutputWriter.WriteError.system(shown(error))
        }
    }

    /// The error with the generation's path shown as the output's: that is where the file goes.
    private func shown(_ error: SystemError) -> SystemError {
        var error = error
        let name = writer.output.lastPathComponent
        if error.path.hasPrefix(generation) {
            error.path = name + error.path.dropFirst(generation.count)
        } else if error.path.hasPrefix(writer.output.path) {
            error.path = name + error.path.dropFirst(writer.output.path.count)
        }
        return error
    }

    /// Notes the file as unchanged when the old output holds these bytes (its mark says so
    /// without a system call; without a mark, a file of the same size is compared); else
    /// writes it into the new generation.
    private func store(_ data: some Collection<UInt8> & ContiguousBytes, path: String) throws(SystemError) {
        let (fingerprint, count) = (WrittenMark.fingerprint(of: data), data.count)
        progress.withLock { $0.fingerprints[path] = .init(fingerprint: fingerprint, size: count) }
        if let before = existing.files[path] {
            if let mark = before.mark, mark.fingerprint == fingerprint, mark.size == count {
                progress.withLock {
                    $0.written.insert(path)
                    $0.unchanged.append(path)
                }
                return
            }
            if before.isRegular, FileIO.holds(data, fingerprint: fingerprint, at: writer.output.path + "/" + path) {
                progress.withLock {
                    $0.written.insert(path)
                    $0.unchanged.append(path)
                }
                return
            }
        }
        try makeFolders(for: path)
        try FileIO.create(data, fingerprint: fingerprint, at: generation + "/" + path)
        progress.withLock {
            $0.written.insert(path)
            $0.changed += 1
        }
    }

    /// An attachment, read piece by piece (a 5 GB video costs one piece of memory): noted as
    /// unchanged when the old output's mark has its fingerprint, else copied into the generation.
    private func storeCopy(from: String, shown source: String, path: String) throws(SystemError) {
        let fingerprint: UInt64
        let count: Int
        do throws(SystemError) {
            (fingerprint, count) = try AttachmentFile.fingerprint(of: from)
        } catch {
            throw SystemError(path: source, code: error.code)
        }
        progress.withLock { $0.fingerprints[path] = .init(fingerprint: fingerprint, size: count) }
        if let before = existing.files[path], let mark = before.mark, mark.fingerprint == fingerprint,
            mark.size == count
        {
            progress.withLock {
                $0.written.insert(path)
                $0.unchanged.append(path)
            }
            return
        }
        try makeFolders(for: path)
        do throws(SystemError) {
            try RegularFile.copy(from, to: generation + "/" + path, fingerprint: fingerprint)
        } catch {
            throw error.path == from ? SystemError(path: source, code: error.code) : error
        }
        progress.withLock {
            $0.written.insert(path)
            $0.changed += 1
        }
    }

    /// The folders above `path` in the new generation, made once each (under the lock, so no
    /// file is written into a folder another thread is still making).
    private func makeFolders(for path: String) throws(SystemError) {
        let parent = ContentPath.directory(of: path)
        guard !parent.isEmpty else { return }
        try progress.withLock { (state: inout Progress) throws(SystemError) in
            guard !state.folders.contains(parent) else { return }
            var needed: [String] = []
            var folder = parent
            while !folder.isEmpty, state.folders.insert(folder).inserted {
                needed.append(folder)
                folder = ContentPath.directory(of: folder)
            }
            for folder in needed.reversed() { try FileIO.makeDirectory(generation + "/" + folder) }
        }
    }

    /// Whether the new site differs from the old output (known after `prepare`).
    public var changesOutput: Bool { progress.withLock { $0.prepared ?? false } }

    /// Runs `body`, which puts the site's files; on a failure the new generation goes and the
    /// error is the write's.
    public func fill(_ body: (OutputSession) throws -> Void) throws(OutputWriter.WriteError) {
        do {
            try body(self)
        } catch {
            abandon()
            throw (error as? OutputWriter.WriteError)
                ?? .system(SystemError(path: writer.output.lastPathComponent, code: EIO))
        }
    }

    /// The paths written by this session, sorted.
    public var writtenPaths: [String] { progress.withLock { $0.written.sorted() } }

    /// Files whose bytes changed (written anew).
    public var changedCount: Int { progress.withLock { $0.changed } }

    /// Each written file's size, by its path (the search index, made later, is not in it).
    public var fileSizes: [String: Int] { progress.withLock { $0.fingerprints.mapValues(\.size) } }

    /// Completes the new generation: `false` (and nothing left beside the output) when it is
    /// the same as the output; else the unchanged files are linked in from the old output.
    @discardableResult
    public func prepare() throws(OutputWriter.WriteError) -> Bool {
        let (written, unchanged, changed, prepared, fingerprints) = progress.withLock {
            ($0.written, $0.unchanged, $0.changed, $0.prepared, $0.fingerprints)
        }
        if let prepared { return prepared }
        var folders: Set<String> = []
        for path in written {
            var folder = ContentPath.directory(of: path)
            while !folder.isEmpty, folders.insert(folder).inserted { folder = ContentPath.directory(of: folder) }
        }
        let manifest = OutputOwnership.manifestName
        let staleFile = existing.files.keys.contains { !written.contains($0) && !isIndex($0) && $0 != manifest }
        let staleFolder = existing.folders.contains { !folders.contains($0) && !isIndex($0) }
        let indexMissing = ownedByIndexer && !existing.folders.contains("pagefind")
        let unlisted = existing.files[manifest] == nil
        let changesOutput = changed > 0 || staleFile || staleFolder || indexMissing || existing.isMissing || unlisted
        progress.withLock { $0.prepared = changesOutput }
        guard changesOutput else {
            try? FileManager.default.removeItem(atPath: generation)
            return false
        }
        do {
            try ParallelMap.forEach(unchanged) { [self] path in
                try makeFolders(for: path)
                try FileIO.link(writer.output.path + "/" + path, to: generation + "/" + path)
            }
            let list = OutputOwnership.manifest(fingerprints.mapValues { $0 }, indexed: ownedByIndexer)
            try FileIO.create(list, fingerprint: WrittenMark.fingerprint(of: list), at: generation + "/" + manifest)
        } catch {
            abandon()
            throw .system(shown((error as? SystemError) ?? SystemError(path: generation, code: EIO)))
        }
        return true
    }

    /// Puts the new generation in place of the output (after `prepare`, and after the search
    /// index was made in it).
    public func finish() throws(OutputWriter.WriteError) {
        guard try prepare() else { return }
        do {
            try OutputGeneration.swap(generation, into: writer.output)
        } catch {
            abandon()
            throw .system(shown(error))
        }
    }

    /// After a failure: the new generation goes; the output was never touched.
    public func abandon() {
        try? FileManager.default.removeItem(atPath: generation)
    }
}

import CXattr
import Foundation
import Glibc

/// Creating folders and writing files with the system calls themselves: a site is tens of
/// thousands of small files, and Foundation's `createDirectory`/`Data.write` cost more per file
/// than the writing does (each walks and checks every component of the path).
package enum FileIO {
    /// One folder whose parent exists; an existing folder is fine.
    package static func makeDirectory(_ path: String) throws(SystemError) {
        if mkdir(path, 0o755) != 0, errno != EEXIST { throw SystemError(path: path, code: errno) }
    }

    /// Reads exactly `buffer.count` bytes at `offset` (retrying short reads and `EINTR`);
    /// `false` at an error or the end of the file.
    package static func readFully(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int)
        -> Bool
    {
        guard let base = buffer.baseAddress else { return true }
        var done = 0
        while done < buffer.count {
            let got = pread(descriptor, base + done, buffer.count - done, off_t(offset + done))
            if got < 0, errno == EINTR { continue }
            if got <= 0 { return false }
            done += got
        }
        return true
    }

    /// Writes all of `buffer` at `offset` (retrying short writes and `EINTR`); the `errno` of
    /// a failure.
    package static func writeFully(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer, at offset: Int) -> Int32? {
        guard let base = buffer.baseAddress else { return nil }
        var done = 0
        while done < buffer.count {
            let written = pwrite(descriptor, base + done, buffer.count - done, off_t(offset + done))
            if written < 0, errno == EINTR { continue }
            if written <= 0 { return written < 0 ? errno : EIO }
            done += written
        }
        return nil
    }

    /// A new file that must not exist yet (never through a symlink): written, then marked
    /// (`WrittenMark`) with `fingerprint`.
    package static func create(_ data: some ContiguousBytes, fingerprint: UInt64, at path: String) throws(SystemError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SystemError(path: path, code: errno) }
        defer { close(descriptor) }
        let failure = data.withUnsafeBytes { writeFully(descriptor, $0, at: 0) }
        if let failure { throw SystemError(path: path, code: failure) }
        mark(descriptor, fingerprint)
    }

    /// Whether the regular file at `path` (not followed if a symlink) holds exactly `wanted`;
    /// if so it gets the mark, so the next build need not read it.
    package static func holds(_ wanted: some ContiguousBytes, fingerprint: UInt64, at path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return false }
        let same = wanted.withUnsafeBytes { expected -> Bool in
            guard Int(status.st_size) == expected.count else { return false }
            guard expected.count > 0, let expectedBase = expected.baseAddress else { return true }
            var existing = [UInt8](repeating: 0, count: expected.count)
            return existing.withUnsafeMutableBytes { buffer in
                guard let base = buffer.baseAddress, readFully(descriptor, into: buffer, at: 0) else { return false }
                return memcmp(base, expectedBase, expected.count) == 0
            }
        }
        if same { mark(descriptor, fingerprint) }
        return same
    }

    /// `target` as a second name of the file at `source` (never following a symlink); a copy
    /// where the file system has no hard links.
    package static func link(_ source: String, to target: String) throws(SystemError) {
        if linkat(AT_FDCWD, source, AT_FDCWD, target, 0) == 0 { return }
        let code = errno
        guard code == EXDEV || code == EPERM || code == EMLINK || code == ENOTSUP else {
            throw SystemError(path: target, code: code)
        }
        guard let bytes = read(source) else { throw SystemError(path: source, code: errno) }
        try create(bytes, fingerprint: bytes.withUnsafeBytes { WrittenMark.fingerprint($0) }, at: target)
    }

    static func mark(_ descriptor: Int32, _ fingerprint: UInt64) {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return }
        WrittenMark(fingerprint: fingerprint, status: status).store(on: descriptor)
    }

    /// The whole file at `path`, read straight into an array of its size (Foundation's
    /// `contents(atPath:)` and `URL` paths cost more than the reading for 10 000 small files).
    package static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        let size = max(Int(status.st_size), 0)
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            while initialized < size, let base = buffer.baseAddress {
                let got = Glibc.read(descriptor, base + initialized, size - initialized)
                if got < 0, errno == EINTR { continue }
                if got <= 0 {
                    failed = got < 0
                    break
                }
                initialized += got
            }
        }
        guard !failed else { return nil }
        // A file that grew since `fstat`: the rest, in pieces.
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let got = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if got < 0, errno == EINTR { continue }
            if got < 0 { return nil }
            if got == 0 { return bytes }
            bytes += chunk[0..<got]
        }
    }
}

// MARK: - Folders, kinds, renames

extension FileIO {
    /// What stands at a path, as `lstat` says (a symlink is not followed).
    package enum Kind: Sendable, Equatable {
        case folder, regular, symlink, other
    }

    /// What stands at `path`; `nil` when nothing does.
    package static func kind(_ path: String) -> Kind? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        return kind(of: status)
    }

    static func kind(of status: stat) -> Kind {
        switch status.st_mode & S_IFMT {
        case S_IFDIR: .folder
        case S_IFREG: .regular
        case S_IFLNK: .symlink
        default: .other
        }
    }

    /// Calls `body` with the folder's descriptor and each name in it (without `.` and `..`), in
    /// the order the system gives them; the `errno` when the folder cannot be opened or read.
    private static func eachName(in path: String, _ body: (_ folder: Int32, _ name: String) -> Void) -> Int32? {
        guard let directory = opendir(path) else { return errno }
        defer { closedir(directory) }
        let folder = dirfd(directory)
        while true {
            errno = 0
            guard let entry = readdir(directory) else { break }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { body(folder, name) }
        }
        return errno == 0 ? nil : errno
    }

    /// The names in a folder, without `.` and `..`, in the order the system gives them.
    package static func folderNames(_ path: String) throws(SystemError) -> [String] {
        var names: [String] = []
        if let code = eachName(in: path, { _, name in names.append(name) }) {
            throw SystemError(path: path, code: code)
        }
        return names
    }

    /// One entry of a folder: its kind (symlinks not followed) and, for a regular file, the
    /// `WrittenMark` okrug left on it when it still matches the file's size and time.
    package struct FolderEntry: Sendable {
        package var name: String
        package var kind: Kind
        package var mark: WrittenMark?
    }

    /// The entries of the folder at `path`; empty when it cannot be read. Each file's status
    /// is asked through the folder's descriptor (one lookup, not a walk of the whole path).
    package static func folderEntries(_ path: String) -> [FolderEntry] {
        var entries: [FolderEntry] = []
        _ = eachName(in: path) { folder, name in
            var status = stat()
            guard fstatat(folder, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return }
            let kind = kind(of: status)
            var mark: WrittenMark?
            if kind == .regular, let stored = WrittenMark.read(path: path + "/" + name),
                stored == WrittenMark(fingerprint: stored.fingerprint, status: status)
            {
                mark = stored
            }
            entries.append(FolderEntry(name: name, kind: kind, mark: mark))
        }
        return entries
    }

    /// Renames `source` to `target` (replacing a file there); the error names `target`.
    package static func rename(_ source: String, to target: String) throws(SystemError) {
        guard Glibc.rename(source, target) == 0 else { throw SystemError(path: target, code: errno) }
    }

    /// Swaps the names of two existing paths in one step (`renameat2` with `RENAME_EXCHANGE`).
    /// `false` when the file system cannot (the caller falls back to two renames).
    package static func exchange(_ first: String, _ second: String) throws(SystemError) -> Bool {
        if okrug_rename_exchange(first, second) == 0 { return true }
        let code = errno
        guard code == EINVAL || code == ENOSYS || code == EPERM else { throw SystemError(path: second, code: code) }
        return false
    }

    /// Removes the file at `path` if there is one.
    package static func removeFile(_ path: String) {
        unlink(path)
    }

    /// The whole file at `path`; the error names `shown` (the path as the user knows it).
    package static func contents(_ path: String, shown: String) throws(SystemError) -> [UInt8] {
        guard let bytes = read(path) else { throw SystemError(path: shown, code: errno == 0 ? EIO : errno) }
        return bytes
    }

    /// The first `byte` in `bytes` (`memchr`, many bytes per step: every Markdown file is
    /// searched for a carriage return).
    package static func firstIndex(of byte: UInt8, in bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBytes { raw -> Int? in
            guard let base = raw.baseAddress, let found = memchr(base, Int32(byte), raw.count) else { return nil }
            return bytes.startIndex + (UnsafeRawPointer(found) - base)
        }
    }
}

// MARK: - Locks and scratch files

/// An exclusive `flock` on a file, held while this object lives. The lock goes with the
/// process, so a killed holder never leaves it taken.
package final class FileLock: Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Takes the lock on `path` (made if missing), calling `waiting` once if another process
    /// holds it and then waiting for it.
    package static func acquire(_ path: String, waiting: () -> Void) throws(SystemError) -> FileLock {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw SystemError(path: path, code: errno) }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else {
                let code = errno
                close(descriptor)
                throw SystemError(path: path, code: code)
            }
            waiting()
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    let code = errno
                    close(descriptor)
                    throw SystemError(path: path, code: code)
                }
            }
        }
        return FileLock(descriptor: descriptor)
    }
}

/// A temporary file with no name: unlinked as soon as it is made, so it disappears with the
/// process whatever happens. Written and read at offsets, from any thread.
package final class ScratchFile: Sendable {
    private let descriptor: Int32

    /// `nil` when no temporary file can be made.
    package init?() {
        var template = Array((NSTemporaryDirectory() + "/okrug-scratch-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            let descriptor = mkstemp(base)
            if descriptor >= 0 { unlink(base) }
            return descriptor
        }
        guard made >= 0 else { return nil }
        descriptor = made
    }

    deinit { close(descriptor) }

    /// Writes `bytes` at `offset`; the `errno` of a failure.
    package func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Int32? {
        FileIO.writeFully(descriptor, bytes, at: offset)
    }

    /// Appends `length` bytes read at `offset` to `out`; the `errno` of a failure (`EIO` for a
    /// file that ends too soon), leaving `out` as it was.
    package func append(offset: Int, length: Int, to out: inout [UInt8]) -> Int32? {
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: length))
        errno = 0
        let read = out.withUnsafeMutableBytes {
            FileIO.readFully(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: $0[start...]), at: offset)
        }
        if read { return nil }
        let code = errno == 0 ? EIO : errno
        out.removeLast(length)
        return code
    }
}

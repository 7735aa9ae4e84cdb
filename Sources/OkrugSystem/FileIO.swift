import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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

    private static func mark(_ descriptor: Int32, _ fingerprint: UInt64) {
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

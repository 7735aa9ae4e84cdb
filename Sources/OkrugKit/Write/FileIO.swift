import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Creating folders and writing files with the system calls themselves: a site is tens of
/// thousands of small files, and Foundation's `createDirectory`/`Data.write` cost more per file
/// than the writing does (each walks and checks every component of the path).
enum FileIO {
    struct Failure: Error, CustomStringConvertible {
        var path: String
        var code: Int32
        var description: String { "\(path): \(String(cString: strerror(code)))" }
    }

    /// One folder whose parent exists; an existing folder is fine.
    static func makeDirectory(_ path: String) throws {
        if mkdir(path, 0o755) != 0, errno != EEXIST { throw Failure(path: path, code: errno) }
    }

    /// Reads exactly `buffer.count` bytes at `offset` (retrying short reads and `EINTR`);
    /// `false` at an error or the end of the file.
    static func readFully(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Bool {
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
    static func writeFully(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer, at offset: Int) -> Int32? {
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

    /// A new file: written, then marked (`WrittenMark`) with `fingerprint`.
    static func write(_ data: some ContiguousBytes, fingerprint: UInt64, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(path: path, code: errno) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { buffer in
            try write(buffer, over: descriptor, oldSize: nil, path: path)
            mark(descriptor, fingerprint)
        }
    }

    /// Makes the existing file at `path` hold `data`, touching it only if it holds something
    /// else. Its mark tells without reading it; without a valid mark, the bytes are compared
    /// when the sizes match. Changed bytes are written over the old ones and the file is cut
    /// only if it got shorter: opening with `O_TRUNC` makes ext4 allocate the blocks of a
    /// file truncated to zero and written again at `close` (`auto_da_alloc`), which made
    /// closing the pages of a rebuild cost more than rendering them.
    static func update(_ data: some ContiguousBytes, fingerprint: UInt64, at path: String) throws {
        let descriptor = open(path, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else {
            try write(data, fingerprint: fingerprint, to: path)
            return
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw Failure(path: path, code: errno == 0 ? EISDIR : errno)
        }
        let oldSize = Int(status.st_size)
        try data.withUnsafeBytes { wanted in
            if let mark = WrittenMark.read(descriptor),
                mark == WrittenMark(fingerprint: mark.fingerprint, status: status)
            {
                if mark.fingerprint == fingerprint, oldSize == wanted.count { return }
            } else if oldSize == wanted.count, holds(wanted, descriptor) {
                self.mark(descriptor, fingerprint)
                return
            }
            try write(wanted, over: descriptor, oldSize: oldSize, path: path)
            self.mark(descriptor, fingerprint)
        }
    }

    /// Whether the open file's bytes are `wanted` (same size already checked).
    private static func holds(_ wanted: UnsafeRawBufferPointer, _ descriptor: Int32) -> Bool {
        let size = wanted.count
        guard size > 0, let expected = wanted.baseAddress else { return true }
        var existing = [UInt8](repeating: 0, count: size)
        return existing.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress, readFully(descriptor, into: buffer, at: 0) else { return false }
            return memcmp(base, expected, size) == 0
        }
    }

    private static func write(_ buffer: UnsafeRawBufferPointer, over descriptor: Int32, oldSize: Int?, path: String)
        throws
    {
        if let code = writeFully(descriptor, buffer, at: 0) { throw Failure(path: path, code: code) }
        if let oldSize, oldSize > buffer.count, ftruncate(descriptor, off_t(buffer.count)) != 0 {
            throw Failure(path: path, code: errno)
        }
    }

    private static func mark(_ descriptor: Int32, _ fingerprint: UInt64) {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return }
        WrittenMark(fingerprint: fingerprint, status: status).store(on: descriptor)
    }

    /// The whole file at `path`, read straight into an array of its size (Foundation's
    /// `contents(atPath:)` and `URL` paths cost more than the reading for 10 000 small files).
    static func read(_ path: String) -> [UInt8]? {
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

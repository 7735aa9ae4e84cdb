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

    /// Writes over the old bytes and then cuts the file to its new length, instead of opening
    /// with `O_TRUNC`: ext4 treats a file truncated to zero and written again as a replacement
    /// and allocates its blocks at `close` (`auto_da_alloc`), which made closing the pages of a
    /// rebuild cost more than rendering them.
    static func write(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(path: path, code: errno) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { buffer in
            guard var pointer = buffer.baseAddress else { return }
            var left = buffer.count
            while left > 0 {
                let written = Glibc.write(descriptor, pointer, left)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Failure(path: path, code: errno)
                }
                pointer += written
                left -= written
            }
        }
        if ftruncate(descriptor, off_t(data.count)) != 0 { throw Failure(path: path, code: errno) }
    }

    /// Makes the existing file at `path` hold `data`, touching it only if it holds something
    /// else: one open, one `fstat`, and a read when the sizes match (a rebuild of an unchanged
    /// site writes nothing). Changed bytes are written over the old ones and the file is cut
    /// only if it got shorter (see `write`).
    static func update(_ data: Data, at path: String) throws {
        let descriptor = open(path, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else {
            try write(data, to: path)
            return
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw Failure(path: path, code: errno == 0 ? EISDIR : errno)
        }
        let oldSize = Int(status.st_size)
        if oldSize == data.count {
            if oldSize == 0 { return }
            let same = data.withUnsafeBytes { wanted -> Bool in
                var existing = [UInt8](repeating: 0, count: oldSize)
                var done = 0
                while done < oldSize {
                    let got = existing.withUnsafeMutableBytes {
                        pread(descriptor, $0.baseAddress! + done, oldSize - done, off_t(done))
                    }
                    if got < 0, errno == EINTR { continue }
                    if got <= 0 { return false }
                    done += got
                }
                return existing.withUnsafeBytes { have in
                    guard let have = have.baseAddress, let wanted = wanted.baseAddress else { return false }
                    return memcmp(have, wanted, oldSize) == 0
                }
            }
            if same { return }
        }
        try data.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count, let base = buffer.baseAddress {
                let written = pwrite(descriptor, base + done, buffer.count - done, off_t(done))
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Failure(path: path, code: errno)
                }
                done += written
            }
        }
        if oldSize > data.count, ftruncate(descriptor, off_t(data.count)) != 0 {
            throw Failure(path: path, code: errno)
        }
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

import Glibc

/// Reading what a user put in an input folder: only a regular file is opened for its bytes, and
/// its size is known before a byte is read. A FIFO would make a read wait forever and a device
/// never ends, so both are refused by type (`open` with `O_NONBLOCK` cannot wait on a FIFO).
package enum RegularFile {
    /// The `errno`-style code for «not a regular file» (a device, a FIFO, a socket).
    package static let notRegular = ENODEV

    /// An open regular file and its status.
    private static func open(_ path: String) throws(SystemError) -> (Int32, stat) {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else { throw SystemError(path: path, code: errno) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            throw SystemError(path: path, code: code)
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw SystemError(path: path, code: status.st_mode & S_IFMT == S_IFDIR ? EISDIR : notRegular)
        }
        return (descriptor, status)
    }

    /// The whole file, if it is a regular file of at most `limit` bytes (`EFBIG` otherwise,
    /// told before reading: a 5 GB file costs no memory).
    package static func read(_ path: String, limit: Int) throws(SystemError) -> [UInt8] {
        let (descriptor, status) = try open(path)
        defer { close(descriptor) }
        let size = Int(status.st_size)
        guard size <= limit else { throw SystemError(path: path, code: EFBIG) }
        // One byte more than allowed is asked for, to notice a file that grew since `fstat`.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var done = 0
        while done < bytes.count {
            let got = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + done, $0.count - done) }
            if got < 0, errno == EINTR { continue }
            if got < 0 { throw SystemError(path: path, code: errno) }
            if got == 0 { break }
            done += got
            if done == bytes.count, done <= limit { bytes.append(contentsOf: repeatElement(0, count: 65536)) }
        }
        guard done <= limit else { throw SystemError(path: path, code: EFBIG) }
        bytes.removeLast(bytes.count - done)
        return bytes
    }

    /// Calls `body` with each piece of the regular file in turn (at most `pieceSize` bytes),
    /// so a file of any size costs one piece of memory; returns the number of bytes seen.
    @discardableResult
    package static func forEachPiece(
        _ path: String, pieceSize: Int = 1 << 20, _ body: (UnsafeRawBufferPointer) throws(SystemError) -> Void
    ) throws(SystemError) -> Int {
        let (descriptor, _) = try open(path)
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: pieceSize)
        var total = 0
        while true {
            let got = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if got < 0, errno == EINTR { continue }
            if got < 0 { throw SystemError(path: path, code: errno) }
            if got == 0 { return total }
            total += got
            var failure: SystemError?
            buffer.withUnsafeBytes { raw in
                do throws(SystemError) {
                    try body(UnsafeRawBufferPointer(rebasing: raw[0..<got]))
                } catch {
                    failure = error
                }
            }
            if let failure { throw failure }
        }
    }

    /// Copies the regular file at `source` into a new file at `target` (never through a
    /// symlink) piece by piece, and marks it with `fingerprint`.
    package static func copy(_ source: String, to target: String, fingerprint: UInt64) throws(SystemError) {
        let output = Glibc.open(target, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw SystemError(path: target, code: errno) }
        defer { close(output) }
        var offset = 0
        do throws(SystemError) {
            try forEachPiece(source) { (piece) throws(SystemError) in
                if let failure = FileIO.writeFully(output, piece, at: offset) {
                    throw SystemError(path: target, code: failure)
                }
                offset += piece.count
            }
        } catch {
            unlink(target)
            throw error
        }
        FileIO.mark(output, fingerprint)
    }
}

/// `WrittenMark.fingerprint` worked out piece by piece, for a file too big to hold: the same
/// number as over the whole bytes when the total size is known first.
package struct StreamingFingerprint {
    private var hash: UInt64
    private let count: Int
    private var pending: [UInt8] = []

    package init(totalSize: Int) {
        count = totalSize
        hash = 0xa076_1d64_78bd_642f ^ UInt64(totalSize)
    }

    package mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var input = bytes[...]
        if !pending.isEmpty {
            let needed = 16 - pending.count
            pending += input.prefix(needed)
            input = input.dropFirst(needed)
            guard pending.count == 16 else { return }
            pending.withUnsafeBytes { hash = WrittenMark.absorb($0, offset: 0, into: hash) }
            pending.removeAll(keepingCapacity: true)
        }
        let whole = input.count / 16 * 16
        if whole > 0 {
            let slice = UnsafeRawBufferPointer(rebasing: input.prefix(whole))
            var offset = 0
            while offset < whole {
                hash = WrittenMark.absorb(slice, offset: offset, into: hash)
                offset += 16
            }
        }
        pending += input.dropFirst(whole)
    }

    package func finish() -> UInt64 {
        pending.withUnsafeBytes { WrittenMark.finish($0, into: hash, count: count) }
    }
}

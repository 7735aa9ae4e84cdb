import CXattr
import Foundation
import Glibc

/// What okrug wrote into an output file, kept on the file itself in the extended attribute
/// `user.okrug.written`: a fingerprint of the bytes with the size and modification time the
/// file had right after. A rebuild whose page has the same fingerprint, on a file whose size
/// and time still match, leaves it without reading it; any other change to the file (an edit,
/// a copy without attributes) makes the marks differ, and the file is compared or rewritten.
///
/// Reading every old page to compare it was cheap while the pages sat in the system's cache,
/// and most of a rebuild when they did not (after another big job, or a restart).
package struct WrittenMark: Equatable {
    package var fingerprint: UInt64
    package var size: Int64
    var seconds: Int64
    var nanoseconds: Int64

    static let attribute = "user.okrug.written"

    package init(fingerprint: UInt64, status: stat) {
        self.fingerprint = fingerprint
        size = Int64(status.st_size)
        seconds = Int64(status.st_mtim.tv_sec)
        nanoseconds = Int64(status.st_mtim.tv_nsec)
    }

    /// The mark stored on the open file, if there is one.
    static func read(_ descriptor: Int32) -> WrittenMark? {
        decode { fgetxattr(descriptor, attribute, $0.baseAddress, $0.count) }
    }

    /// The mark stored on the file at `path` (not following a symbolic link).
    package static func read(path: String) -> WrittenMark? {
        decode { lgetxattr(path, attribute, $0.baseAddress, $0.count) }
    }

    /// The four numbers of a mark, as `get` reads them into a buffer.
    private static func decode(_ get: (UnsafeMutableRawBufferPointer) -> Int) -> WrittenMark? {
        var words: (UInt64, Int64, Int64, Int64) = (0, 0, 0, 0)
        let length = withUnsafeMutableBytes(of: &words, get)
        guard length == MemoryLayout<(UInt64, Int64, Int64, Int64)>.size else { return nil }
        var mark = WrittenMark(fingerprint: 0, status: stat())
        (mark.fingerprint, mark.size, mark.seconds, mark.nanoseconds) = words
        return mark
    }

    /// Stores the mark for what was just written (file systems without user attributes keep
    /// nothing, and the next rebuild compares bytes).
    func store(on descriptor: Int32) {
        var words = (fingerprint, size, seconds, nanoseconds)
        _ = withUnsafeBytes(of: &words) { fsetxattr(descriptor, Self.attribute, $0.baseAddress, $0.count, 0) }
    }

    /// A 64-bit fingerprint of `bytes` (in the style of wyhash: 16 bytes per 128-bit multiply),
    /// to notice a changed page; not for security.
    package static func fingerprint(of bytes: some ContiguousBytes) -> UInt64 {
        bytes.withUnsafeBytes { fingerprint($0) }
    }

    static func fingerprint(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let count = bytes.count
        var hash: UInt64 = 0xa076_1d64_78bd_642f ^ UInt64(count)
        var offset = 0
        while offset + 16 <= count {
            hash = absorb(bytes, offset: offset, into: hash)
            offset += 16
        }
        return finish(UnsafeRawBufferPointer(rebasing: bytes[offset...]), into: hash, count: count)
    }

    @inline(__always) private static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    /// One 16-byte block at `offset`.
    @inline(__always) static func absorb(_ bytes: UnsafeRawBufferPointer, offset: Int, into hash: UInt64) -> UInt64 {
        let a = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        let b = bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)
        return mix(a ^ 0xe703_7ed1_a0b4_28db, b ^ hash)
    }

    /// The last (under 16) bytes and the total size.
    static func finish(_ tailBytes: UnsafeRawBufferPointer, into hash: UInt64, count: Int) -> UInt64 {
        var tail: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &tail) { target in
            for index in 0..<tailBytes.count { target[index] = tailBytes[index] }
        }
        let hash = mix(tail.0 ^ 0x8ebc_6af0_9c88_c6e3, tail.1 ^ hash)
        return mix(hash ^ 0x5899_65cc_7537_4cc3, UInt64(count) ^ 0x1d8e_4e27_c47d_124f)
    }
}

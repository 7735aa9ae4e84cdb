import Foundation
import OkrugSystem
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the body HTML of every material waits between the parse and its page: a temporary
/// file instead of memory. At 10 000 materials that is 300 MB a build no longer holds; the
/// file's pages stay in the system's cache, so reading them back costs little.
public final class HTMLSpool: Sendable {
    private let descriptor: Int32
    private let end = Mutex<Int>(0)

    /// `nil` when no temporary file can be made (then HTML stays in memory).
    public init?() {
        var template = Array((NSTemporaryDirectory() + "/okrug-html-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return nil }
        // Unlinked at once: the file disappears with the process, whatever happens.
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        descriptor = fd
    }

    deinit { close(descriptor) }

    package func store(_ text: String) -> StoredHTML {
        var text = text
        return text.withUTF8 { store(UnsafeRawBufferPointer($0)) } ?? StoredHTML(inline: text)
    }

    /// Stores bytes as they are (cmark's output, straight from its buffer); `nil` if the
    /// temporary file cannot take them.
    func store(_ bytes: UnsafeRawBufferPointer) -> StoredHTML? {
        let offset = end.withLock { next -> Int in
            let offset = next
            next += bytes.count
            return offset
        }
        guard FileIO.writeFully(descriptor, bytes, at: offset) == nil else { return nil }
        return StoredHTML(spool: self, offset: offset, length: bytes.count)
    }

    /// Appends the stored bytes to `out`, read straight into its free capacity.
    func append(offset: Int, length: Int, to out: inout [UInt8]) -> Bool {
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: length))
        let read = out.withUnsafeMutableBytes {
            FileIO.readFully(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: $0[start...]), at: offset)
        }
        if !read { out.removeLast(length) }
        return read
    }

    func read(offset: Int, length: Int) -> String? {
        var bytes: [UInt8] = []
        guard append(offset: offset, length: length, to: &bytes) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A material's body HTML: in memory, or in the build's spool.
public struct StoredHTML: Sendable {
    let spool: HTMLSpool?
    let offset: Int
    let length: Int
    let inline: String

    package init(inline: String) {
        self.spool = nil
        self.offset = 0
        self.length = 0
        self.inline = inline
    }

    init(spool: HTMLSpool, offset: Int, length: Int) {
        self.spool = spool
        self.offset = offset
        self.length = length
        self.inline = ""
    }

    public var text: String {
        guard let spool else { return inline }
        return spool.read(offset: offset, length: length) ?? ""
    }

    /// The HTML appended to a page being written, without making a string of it.
    package func append(to out: inout [UInt8]) {
        guard let spool, spool.append(offset: offset, length: length, to: &out) else {
            out.append(contentsOf: text.utf8)
            return
        }
    }

    package var isEmpty: Bool { spool == nil ? inline.isEmpty : length == 0 }
}

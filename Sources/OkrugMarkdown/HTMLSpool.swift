import Foundation
import OkrugSystem
import Synchronization

/// Where the body HTML of every material waits between the parse and its page: a temporary
/// file instead of memory, so a large bank's bodies are not all held at once; the file's pages
/// stay in the system's cache, so reading them back costs little.
public final class HTMLSpool: Sendable {
    private let file: ScratchFile
    private let end = Mutex<Int>(0)
    private let failure = Mutex<SystemError?>(nil)

    /// `nil` when no temporary file can be made (then HTML stays in memory).
    public init?() {
        guard let file = ScratchFile() else { return nil }
        self.file = file
    }

    /// The first read that failed: the pages made since lack a body, so the build must stop
    /// (`Builder` checks this before the new site replaces the old one).
    package var readFailure: SystemError? { failure.withLock { $0 } }

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
        guard file.write(bytes, at: offset) == nil else { return nil }
        return StoredHTML(spool: self, offset: offset, length: bytes.count)
    }

    /// Appends the stored bytes to `out`, read straight into its free capacity; a failure is
    /// kept for `readFailure`.
    func append(offset: Int, length: Int, to out: inout [UInt8]) {
        guard let code = file.append(offset: offset, length: length, to: &out) else { return }
        failure.withLock { first in
            if first == nil { first = SystemError(path: "временный файл с текстами материалов", code: code) }
        }
    }

    func read(offset: Int, length: Int) -> String {
        var bytes: [UInt8] = []
        append(offset: offset, length: length, to: &bytes)
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

    /// The HTML; empty if the spool cannot be read, which the spool reports (`readFailure`).
    public var text: String {
        guard let spool else { return inline }
        return spool.read(offset: offset, length: length)
    }

    /// The HTML appended to a page being written, without making a string of it.
    public func append(to out: inout [UInt8]) {
        guard let spool else {
            out.append(contentsOf: inline.utf8)
            return
        }
        spool.append(offset: offset, length: length, to: &out)
    }

    package var isEmpty: Bool { spool == nil ? inline.isEmpty : length == 0 }
}

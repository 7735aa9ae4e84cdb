import CXattr
import Foundation
import Testing

@testable import OkrugSite
@testable import OkrugSystem
@testable import OkrugText

/// The write stage on real folders: a first build, then rebuilds that update it.
@Suite struct OutputWriterTests {
    @Test func rebuildsLeaveTheOutputHoldingExactlyTheSite() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("okrug-writer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("Public")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let writer = OutputWriter(output: output, contentRoot: root)
        func read(_ path: String) -> String? {
            (try? Data(contentsOf: output.appendingPathComponent(path))).map { String(decoding: $0, as: UTF8.self) }
        }
        func modified(_ path: String) -> Int? { FileStatus.of(output.appendingPathComponent(path).path)?.modified }

        try writer.write([
            .text("index.html", "главная"), .text("materials/a/index.html", "А"), .text("materials/b/index.html", "Б"),
        ])
        #expect(read("materials/a/index.html") == "А")
        let untouched = try #require(modified("index.html"))

        usleep(20_000)
        try writer.write([.text("index.html", "главная"), .text("materials/a/index.html", "А, исправлено")])
        #expect(read("materials/a/index.html") == "А, исправлено")
        // The same bytes are not written again; what the site no longer has is gone, folders too.
        #expect(modified("index.html") == untouched)
        #expect(read("materials/b/index.html") == nil)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("materials/b").path))
        // Nothing is left beside the output but its lock file.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == [".Public.lock", "Public"])
        #expect(throws: OutputWriter.WriteError.self) { try writer.write([.text("../escape.html", "x")]) }
    }

    /// A rebuild trusts the mark okrug left on a file only while the file is as okrug wrote it:
    /// a page edited in place (same size) is refused, not written over; a page that lost its
    /// mark is compared byte for byte with what okrug wrote; a new page's bytes replace okrug's own.
    @Test func marksOnWrittenFilesNeverHideAChange() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("okrug-marks-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("Public")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let writer = OutputWriter(output: output, contentRoot: root)
        let page = output.appendingPathComponent("index.html")
        func read() throws -> String { String(decoding: try Data(contentsOf: page), as: UTF8.self) }
        func modified() -> Int? { FileStatus.of(page.path)?.modified }

        try writer.write([.text("index.html", "страница один")])
        #if os(Linux)
            #expect(listxattr(page.path, nil, 0) > 0, "the page carries its mark")
        #endif

        // Edited by hand, same length: the mark no longer matches, the bytes are not okrug's, and
        // the rebuild refuses to write over the edit; once the file is gone it is written again.
        usleep(20_000)
        try Data("страница нуль".utf8).write(to: page)
        #expect(throws: OutputWriter.WriteError.self) { try writer.write([.text("index.html", "страница один")]) }
        #expect(try read() == "страница нуль")
        try FileManager.default.removeItem(at: page)
        try writer.write([.text("index.html", "страница один")])
        #expect(try read() == "страница один")

        // Unchanged: left alone.
        let written = try #require(modified())
        usleep(20_000)
        try writer.write([.text("index.html", "страница один")])
        #expect(modified() == written)

        // Without its mark (copied elsewhere, say): compared, found equal, left alone.
        #if os(Linux)
            removexattr(page.path, WrittenMark.attribute)
        #endif
        try writer.write([.text("index.html", "страница один")])
        #expect(modified() == written)

        // Shorter content: the file is cut to it.
        try writer.write([.text("index.html", "стр")])
        #expect(try read() == "стр")
        try writer.write([.text("index.html", "страница, которая стала длиннее")])
        #expect(try read() == "страница, которая стала длиннее")
    }

    @Test func fingerprintsTellPagesApart() {
        func fingerprint(_ text: String) -> UInt64 {
            Array(text.utf8).withUnsafeBytes { WrittenMark.fingerprint($0) }
        }
        let texts = [
            "", "a", "b", "ab", "ba", String(repeating: "страница ", count: 100),
            "x" + String(repeating: "страница ", count: 100),
        ]
        #expect(Set(texts.map(fingerprint)).count == texts.count)
        // Every byte counts, the last of a long text too.
        let long = String(repeating: "0123456789abcdef", count: 64)
        #expect(fingerprint(long) != fingerprint(String(long.dropLast()) + "g"))
        #expect(fingerprint(long) == fingerprint(long))
    }
}

import Foundation
import Testing

@testable import OkrugKit

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
        // Nothing is left beside the output.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["Public"])
        #expect(throws: OutputWriter.WriteError.self) { try writer.write([.text("../escape.html", "x")]) }
    }
}

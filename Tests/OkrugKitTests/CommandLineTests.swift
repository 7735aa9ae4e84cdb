import Foundation
import Testing

@testable import OkrugKit

/// The `okrug` executable as a methodist runs it: exit codes, messages on stderr, `Public/` kept.
@Suite struct CommandLineTests {
    static var executable: URL {
        repositoryRoot.appendingPathComponent(".build/debug/okrug")
    }

    func run(_ arguments: [String], in directory: URL) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outData, as: UTF8.self),
            String(decoding: errData, as: UTF8.self)
        )
    }

    @Test func buildSucceedsThenFailsWithAllErrorsAndKeepsTheSite() throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: Self.executable.path),
            "build the executable first: swift build (scripts/test.sh does)")
        let site = try TempSite(files: ["materials/a.md": TempSite.material(title: "Первый")])
        defer { site.remove() }
        let templates = repositoryRoot.appendingPathComponent("Templates").path

        let good = try run(["build", "--templates", templates], in: site.root)
        #expect(good.status == 0)
        #expect(good.stdout.contains("1 материал"))
        let page = try #require(site.read("Public/materials/a/index.html"))

        try TempSite.material(date: "вчера").write(
            to: site.root.appendingPathComponent("Content/materials/b.md"), atomically: true, encoding: .utf8)
        try TempSite.material().replacingOccurrences(of: "kind: seminar", with: "kind: lecture").write(
            to: site.root.appendingPathComponent("Content/materials/c.md"), atomically: true, encoding: .utf8)
        let bad = try run(["build", "--templates", templates], in: site.root)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("Content/materials/b.md:3:7: error: «вчера» — не дата — "))
        #expect(bad.stderr.contains("Content/materials/c.md:7:7: error: неизвестная форма материала «lecture»"))
        #expect(bad.stderr.contains("2 ошибки"))
        #expect(site.read("Public/materials/a/index.html") == page)
        #expect(!site.exists("Public/materials/b"))
    }

    @Test func baseURLOption() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path))
        let site = try TempSite(files: ["materials/a.md": TempSite.material()])
        defer { site.remove() }
        let result = try run(
            [
                "build", "--templates", repositoryRoot.appendingPathComponent("Templates").path, "--output", "Site",
                "--base-url", "https://school.example/okrug",
            ], in: site.root)
        #expect(result.status == 0)
        #expect(site.read("Site/sitemap.xml")?.contains("<loc>https://school.example/okrug/materials/a/</loc>") == true)
    }
}

import Foundation
import Testing

@testable import OkrugCore
@testable import OkrugSite
@testable import OkrugTemplate

/// The `okrug` executable as a methodist runs it: exit codes, messages on stderr, `Public/` kept.
@Suite struct CommandLineTests {
    static var executable: URL {
        repositoryRoot.appendingPathComponent(".build/debug/okrug")
    }

    func run(_ arguments: [String], in directory: URL) throws -> (status: Int32, stdout: String, stderr: String) {
        try Self.okrug(arguments, in: directory)
    }

    /// `okrug` with `arguments` in `directory`, its environment changed by `environment` (a
    /// `nil` value removes the variable); its exit code and what it printed.
    @discardableResult
    static func okrug(
        _ arguments: [String], in directory: URL = repositoryRoot, environment: [String: String?] = [:],
        program: URL = executable
    ) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var variables = ProcessInfo.processInfo.environment
        for (name, value) in environment { variables[name] = value }
        process.environment = variables
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

    /// `okrug serve` without the preview program beside it says how to get it, in Russian.
    @Test func serveWithoutThePreviewProgramSaysHowToBuildIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("okrug-alone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let alone = folder.appendingPathComponent("okrug")
        try FileManager.default.copyItem(at: Self.executable, to: alone)
        let process = Process()
        process.executableURL = alone
        process.arguments = ["serve", "--port", "0"]
        process.currentDirectoryURL = folder
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(text.contains("okrug-serve"))
        #expect(text.contains("scripts/serve.sh"))
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

    @Test func aSingleThreadedBuildWritesTheSameBytes() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("okrug-threads-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        func build(_ name: String, threads: String?) throws -> URL {
            let output = folder.appendingPathComponent(name)
            let result = try Self.okrug(
                ["build", "--no-search", "--output", output.path],
                environment: ["SOURCE_DATE_EPOCH": "1700000000", "OKRUG_THREADS": threads])
            #expect(result.status == 0)
            return output
        }
        let parallel = try build("parallel", threads: nil)
        let sequential = try build("sequential", threads: "1")
        let files = try FileManager.default.subpathsOfDirectory(atPath: parallel.path).sorted()
        #expect(files.count > 100)
        #expect(files == (try FileManager.default.subpathsOfDirectory(atPath: sequential.path)).sorted())
        for file in files {
            let a = FileManager.default.contents(atPath: parallel.appendingPathComponent(file).path)
            let b = FileManager.default.contents(atPath: sequential.appendingPathComponent(file).path)
            #expect(a == b, "\(file)")
        }
    }

    /// Without `SOURCE_DATE_EPOCH` a rebuild of unchanged content on the same day writes nothing:
    /// the calendar's DTSTAMP is the day's start, not the second of the build.
    @Test func aSameDayRebuildWithoutSourceDateEpochChangesNothing() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("okrug-sameday-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        func build() throws -> String {
            let result = try Self.okrug(
                ["build", "--no-search", "--output", folder.path], environment: ["SOURCE_DATE_EPOCH": nil])
            #expect(result.status == 0)
            return result.stdout
        }
        let day = BuildOptions.dayFromEnvironment([:])
        _ = try build()
        let calendar = try #require(
            try FileManager.default.subpathsOfDirectory(atPath: folder.path).first { $0.hasSuffix("calendar.ics") })
        let first = try Data(contentsOf: folder.appendingPathComponent(calendar))
        sleep(1)  // a stamp to the second would differ now
        let again = try build()
        // A build that crossed midnight (UTC) may rightly differ.
        try #require(BuildOptions.dayFromEnvironment([:]) == day)
        #expect(again.contains("уже этот сайт, ничего не изменилось."), "\(again)")
        #expect(try Data(contentsOf: folder.appendingPathComponent(calendar)) == first)
        let stamp = "DTSTAMP:" + day.iso.replacingOccurrences(of: "-", with: "") + "T000000Z"
        #expect(String(decoding: first, as: UTF8.self).contains(stamp))
    }

    @Test func baseURLOption() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path))
        let site = try TempSite(files: ["materials/a.md": TempSite.material()])
        defer { site.remove() }
        let result = try run(
            [
                "build", "--templates", repositoryRoot.appendingPathComponent("Templates").path, "--output", "Site",
                "--base-url", "https://school.example/okrug/",
            ], in: site.root)
        #expect(result.status == 0)
        #expect(site.read("Site/sitemap.xml")?.contains("<loc>https://school.example/okrug/materials/a/</loc>") == true)

        // An address that is not one is refused before anything is written, with the fix.
        for (bad, expected) in [
            ("https://school.example/okrug", "например: https://school.example/okrug/"),
            ("school.example/okrug/", "https:// или http://"), ("https:///okrug/", "нет имени сервера"),
            ("https://school.example/okrug/?x=1", "«?»"),
        ] {
            let refused = try run(
                [
                    "build", "--templates", repositoryRoot.appendingPathComponent("Templates").path, "--output",
                    "Other",
                    "--base-url", bad,
                ], in: site.root)
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("--base-url: error:"), "\(bad): \(refused.stderr)")
            #expect(refused.stderr.contains(expected), "\(bad): \(refused.stderr)")
            #expect(!site.exists("Other"))
        }
    }

    /// As a user without the rights a root test runner has: an unreadable folder of Content/
    /// is an error naming it, and an output folder that cannot be written is reported with the
    /// folder left as it was.
    /// It drops to another user with setpriv, which only root can: elsewhere it reports a skip.
    @Test(
        .enabled(
            if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
            "needs root and setpriv to run okrug as a user without rights"))
    func permissionProblemsAreErrorsThatSayWhatToDo() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path))
        let site = try TempSite(files: [
            "materials/a.md": TempSite.material(), "pages/o-proekte.md": "---\ntitle: О проекте\n---\n\nТекст.\n",
        ])
        defer { site.remove() }
        let templates = site.root.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Templates"), to: templates)
        // Everything readable by anyone; the test runs okrug as `nobody`.
        chmod(site.root.path, 0o777)
        _ = try run(["build", "--no-search"], in: site.root)
        let all = try FileManager.default.subpathsOfDirectory(atPath: site.root.path)
        for path in all { chmod(site.root.appendingPathComponent(path).path, 0o755) }
        for path in all where !path.hasPrefix("Public") {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(
                atPath: site.root.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { chmod(site.root.appendingPathComponent(path).path, 0o644) }
        }
        func runAsNobody(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", Self.executable.path] + arguments
            process.currentDirectoryURL = site.root
            let err = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = err
            try process.run()
            let data = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }
        let before = CrashSafeOutputTests.snapshot(site.root.appendingPathComponent("Public"))

        // Public/ and the folder above it belong to root: nobody cannot write there.
        chmod(site.root.path, 0o755)
        try TempSite.material(title: "Изменённый").write(
            to: site.root.appendingPathComponent("Content/materials/a.md"), atomically: true, encoding: .utf8)
        chmod(site.root.appendingPathComponent("Content/materials/a.md").path, 0o644)
        let unwritable = try runAsNobody(["build", "--no-search"])
        #expect(unwritable.status == 1)
        #expect(unwritable.stderr.contains("нет прав"), "\(unwritable.stderr)")
        #expect(unwritable.stderr.contains("Папка Public/ не изменена"))
        #expect(!unwritable.stderr.contains("Error Domain"))
        #expect(CrashSafeOutputTests.snapshot(site.root.appendingPathComponent("Public")) == before)

        // A folder of Content/ nobody may read.
        chmod(site.root.appendingPathComponent("Content/pages").path, 0o700)
        let unreadable = try runAsNobody(["check"])
        #expect(unreadable.status == 1)
        #expect(
            unreadable.stderr.contains("Content/pages: error: папку не удалось прочитать: нет прав"),
            "\(unreadable.stderr)")
    }
}

import Foundation
import Testing

@testable import OkrugCore
@testable import OkrugSite
@testable import OkrugSystem
@testable import OkrugTemplate
@testable import OkrugText

#if canImport(Glibc)
    import Glibc
#endif

/// The output folder under faults: a write that fails, a symlink planted in the site, a build
/// killed at any moment, two builds at once. Each time the folder is wholly one site.
@Suite struct CrashSafeOutputTests {
    /// A folder's files and their bytes, for comparing whole sites.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let paths = FileManager.default.subpaths(atPath: folder.path) else { return [:] }
        for path in paths {
            let url = folder.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = FileManager.default.contents(atPath: url.path)
            }
        }
        return files
    }

    static func temporaryFolder(_ name: String) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("okrug-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root
    }

    static func fortyMaterials() throws -> TempSite {
        try TempSite(
            files: (1...40).reduce(into: [:]) { $0["materials/m\($1).md"] = TempSite.material(title: "Материал \($1)") }
        )
    }

    /// `okrug build --no-search` of `site` into `output`, started and not waited for.
    static func startBuild(of site: TempSite, into output: String) throws -> (process: Process, errors: Pipe) {
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = [
            "build", "--no-search", "--templates", repositoryRoot.appendingPathComponent("Templates").path,
            "--output", output,
        ]
        process.currentDirectoryURL = site.root
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = "1700000000"
        process.environment = environment
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        return (process, errors)
    }

    @Test func aWriteThatFailsLeavesTheOldSiteWhole() throws {
        let root = try Self.temporaryFolder("failed-write")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("Public")
        let writer = OutputWriter(output: output, contentRoot: root)
        try writer.write([.text("index.html", "старая главная"), .text("materials/a/index.html", "А")])
        let before = Self.snapshot(output)

        // The new site's index changed, and one of its names is longer than the file system allows.
        let tooLong = String(repeating: "д", count: 200) + ".html"
        #expect(throws: OutputWriter.WriteError.self) {
            try writer.write([
                .text("index.html", "новая главная"), .text("materials/a/index.html", "А"),
                .text("materials/" + tooLong, "x"),
            ])
        }
        #expect(Self.snapshot(output) == before)
        do {
            try writer.write([.text("materials/" + tooLong, "x")])
        } catch {
            // Said in Russian, naming the file as it would be in the output.
            #expect(error.description.contains("Public/materials/"))
            #expect(error.description.contains("слишком длинное имя"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == [".Public.lock", "Public"])
    }

    @Test func aSymlinkInTheSiteIsRefusedNeverFollowed() throws {
        let root = try Self.temporaryFolder("symlink")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("Public")
        let outside = root.appendingPathComponent("outside.txt")
        try Data("чужой файл".utf8).write(to: outside)
        let writer = OutputWriter(output: output, contentRoot: root)
        try writer.write([.text("index.html", "главная"), .text("a/page.html", "страница")])

        // Someone replaced two pages and a folder of the site with links to a file outside it.
        try FileManager.default.removeItem(at: output.appendingPathComponent("index.html"))
        try FileManager.default.createSymbolicLink(
            at: output.appendingPathComponent("index.html"), withDestinationURL: outside)
        try FileManager.default.removeItem(at: output.appendingPathComponent("a"))
        try FileManager.default.createSymbolicLink(at: output.appendingPathComponent("a"), withDestinationURL: root)
        // The links are not okrug's (it wrote a page and a folder there): the site is not replaced.
        #expect {
            try writer.write([.text("index.html", "главная"), .text("a/page.html", "новая страница")])
        } throws: { error in
            guard case .notOwned(let names) = error as? OutputWriter.WriteError else { return false }
            return names == ["a", "index.html"]
        }
        #expect(FileIO.kind(output.appendingPathComponent("a").path) == .symlink)
        #expect(FileIO.kind(output.appendingPathComponent("index.html").path) == .symlink)
        // Once they are gone, real files take their places; nothing was written through them.
        try FileManager.default.removeItem(at: output.appendingPathComponent("a"))
        try FileManager.default.removeItem(at: output.appendingPathComponent("index.html"))
        try writer.write([.text("index.html", "главная"), .text("a/page.html", "новая страница")])

        #expect(String(decoding: try Data(contentsOf: outside), as: UTF8.self) == "чужой файл")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("page.html").path))
        #expect(FileIO.kind(output.appendingPathComponent("index.html").path) == .regular)
        #expect(FileIO.kind(output.appendingPathComponent("a").path) == .folder)
        #expect(
            String(decoding: try Data(contentsOf: output.appendingPathComponent("a/page.html")), as: UTF8.self)
                == "новая страница")

        // Serve's in-place writes refuse a symlinked folder as well.
        try FileManager.default.removeItem(at: output.appendingPathComponent("a"))
        try FileManager.default.createSymbolicLink(at: output.appendingPathComponent("a"), withDestinationURL: root)
        #expect(throws: OutputWriter.WriteError.self) { try writer.writeInPlace([.text("a/page.html", "x")]) }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("page.html").path))

        // An output folder that is itself a symlink is refused, not written through.
        let elsewhere = root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let linked = root.appendingPathComponent("Linked")
        try FileManager.default.createSymbolicLink(at: linked, withDestinationURL: elsewhere)
        #expect(throws: OutputWriter.WriteError.self) {
            try OutputWriter(output: linked, contentRoot: root).write([.text("index.html", "x")])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    }

    @Test func anUnchangedRebuildTouchesNothingAndAChangedOneKeepsUnchangedFiles() throws {
        let root = try Self.temporaryFolder("generations")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("Public")
        let writer = OutputWriter(output: output, contentRoot: root)
        try writer.write([.text("index.html", "главная"), .text("a/index.html", "А")])
        var status = stat()
        #expect(lstat(output.path, &status) == 0)
        let folderInode = status.st_ino
        #expect(lstat(output.appendingPathComponent("index.html").path, &status) == 0)
        let pageInode = status.st_ino

        // Nothing changed: the very same folder stays.
        try writer.write([.text("index.html", "главная"), .text("a/index.html", "А")])
        #expect(lstat(output.path, &status) == 0)
        #expect(status.st_ino == folderInode)

        // One page changed: a new folder is swapped in; the unchanged page is the same file.
        try writer.write([.text("index.html", "главная"), .text("a/index.html", "Б")])
        #expect(lstat(output.path, &status) == 0)
        #expect(status.st_ino != folderInode)
        #expect(lstat(output.appendingPathComponent("index.html").path, &status) == 0)
        #expect(status.st_ino == pageInode)
    }

    @Test func leftoversOfAKilledBuildAreCleared() throws {
        let root = try Self.temporaryFolder("leftovers")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("Public")
        let writer = OutputWriter(output: output, contentRoot: root)
        try writer.write([.text("index.html", "главная")])
        for name in [".Public.new-999999", ".Public.staging-999999"] {
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent(name + "/materials"), withIntermediateDirectories: true)
        }
        // Killed between the two renames of the fallback swap: the old site is put back.
        try FileManager.default.moveItem(at: output, to: root.appendingPathComponent(".Public.old-999998"))
        try writer.write([.text("index.html", "главная"), .text("b.html", "Б")])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == [".Public.lock", "Public"])
        #expect(Set(Self.snapshot(output).keys) == ["index.html", "b.html", ".okrug-site"])
    }

    /// Builds of two different sites into one folder, each killed with SIGKILL at a different
    /// moment: after every kill the folder is wholly the first site or wholly the second.
    @Test func killedBuildsLeaveOneWholeSite() throws {
        try #require(FileManager.default.isExecutableFile(atPath: CommandLineTests.executable.path))
        let siteA = try Self.fortyMaterials()
        defer { siteA.remove() }
        func start(_ output: String) throws -> Process { try Self.startBuild(of: siteA, into: output).process }
        func buildWhole(_ output: String) throws -> [String: Data] {
            let process = try start(output)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            return Self.snapshot(siteA.root.appendingPathComponent(output))
        }
        let material = siteA.root.appendingPathComponent("Content/materials/m1.md")
        func setVersion(_ version: Int) throws {
            try TempSite.material(title: "Материал 1, версия \(version)").write(
                to: material, atomically: true, encoding: .utf8)
        }
        try setVersion(1)
        let first = try buildWhole("ReferenceA")
        try setVersion(2)
        let second = try buildWhole("ReferenceB")
        #expect(first != second)

        try setVersion(1)
        _ = try buildWhole("Public")
        let public_ = siteA.root.appendingPathComponent("Public")
        var version = 1
        for delay in [5, 20, 40, 60, 80, 100, 130, 160, 200, 250, 320, 400] {
            version = version == 1 ? 2 : 1
            try setVersion(version)
            let process = try start("Public")
            usleep(useconds_t(delay * 1000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = Self.snapshot(public_)
            #expect(now == first || now == second, "killed after \(delay) ms: a mixed site")
        }
        // The next build clears what the killed ones left and finishes the job.
        try setVersion(2)
        #expect(try buildWhole("Public") == second)
        let beside = try FileManager.default.contentsOfDirectory(atPath: siteA.root.path)
            .filter { $0.hasPrefix(".Public") }
        #expect(beside == [".Public.lock"])
    }

    /// Two builds into one folder at once: the second waits for the first, says so, and both
    /// end with the folder wholly the site.
    @Test func twoBuildsAtOnceTakeTurns() throws {
        try #require(FileManager.default.isExecutableFile(atPath: CommandLineTests.executable.path))
        let site = try Self.fortyMaterials()
        defer { site.remove() }
        func start(_ output: String) throws -> (Process, Pipe) {
            let started = try Self.startBuild(of: site, into: output)
            return (started.process, started.errors)
        }
        let (reference, _) = try start("Reference")
        reference.waitUntilExit()
        let expected = Self.snapshot(site.root.appendingPathComponent("Reference"))

        // The lock is held here, as a running build would hold it, while a real build starts.
        let lock = try OutputLock.acquire(site.root.appendingPathComponent("Public"))
        let (waiting, errors) = try start("Public")
        usleep(300_000)
        #expect(waiting.isRunning, "the second build waits while the folder is taken")
        withExtendedLifetime(lock) {}
        _ = consume lock
        waiting.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(waiting.terminationStatus == 0)
        #expect(message.contains("другая сборка okrug; жду"))
        #expect(Self.snapshot(site.root.appendingPathComponent("Public")) == expected)

        let (one, _) = try start("Public")
        let (two, _) = try start("Public")
        one.waitUntilExit()
        two.waitUntilExit()
        #expect(one.terminationStatus == 0 && two.terminationStatus == 0)
        #expect(Self.snapshot(site.root.appendingPathComponent("Public")) == expected)
    }
}

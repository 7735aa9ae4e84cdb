import Foundation
import Testing

@testable import OkrugCore
@testable import OkrugSite
@testable import OkrugSystem

/// okrug replaces only what it wrote: every output folder that is not its own is refused through
/// the real command, and every file of the project is still there, byte for byte, afterwards.
@Suite struct OutputOwnershipTests {
    /// A project as a methodist has it: Content/, its own Templates/, documents, a README, git.
    static func project() throws -> TempSite {
        let site = try TempSite(files: ["materials/a.md": TempSite.material(title: "Материал А")])
        let manager = FileManager.default
        try manager.copyItem(
            at: repositoryRoot.appendingPathComponent("Templates"), to: site.root.appendingPathComponent("Templates"))
        for (path, text) in [
            "docs/notes.txt": "заметки методиста", "README.md": "# Проект", ".git/HEAD": "ref: refs/heads/main",
            "other/keep.txt": "чужой файл",
        ] {
            let url = site.root.appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return site
    }

    /// Every file and folder under `root` (hidden ones too) with its bytes.
    static func everything(_ root: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        for path in FileManager.default.subpaths(atPath: root.path) ?? [] {
            let url = root.appendingPathComponent(path)
            result[path] =
                FileIO.kind(url.path) == .regular ? (try? Data(contentsOf: url)) ?? Data() : Data("<папка>".utf8)
        }
        return result
    }

    func build(_ site: TempSite, output: String) throws -> (status: Int32, stdout: String, stderr: String) {
        try CommandLineTests.okrug(
            ["build", "--templates", "Templates", "--output", output, "--no-search"], in: site.root,
            environment: ["SOURCE_DATE_EPOCH": "1700000000"])
    }

    @Test(arguments: [
        ".", "./", "Content/..", "Templates", "Content", "docs", "docs/", "other", "README.md", "..", "/",
    ])
    func aFolderOkrugDidNotWriteIsRefusedAndNothingIsTouched(output: String) throws {
        let site = try Self.project()
        defer { site.remove() }
        let parent = site.root.deletingLastPathComponent()
        let beside = Set((try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [])
        let before = Self.everything(site.root)

        let run = try build(site, output: output)

        #expect(run.status == 1, "\(output): \(run.stdout) \(run.stderr)")
        #expect(run.stderr.contains("Сайт не собран"))
        #expect(run.stderr.contains(output.count > 1 && output.hasSuffix("/") ? String(output.dropLast()) : output))
        #expect(run.stderr.contains("--output"), "the message says what to do: \(run.stderr)")
        #expect(Self.everything(site.root) == before, "\(output): a file of the project changed")
        // Not even the lock or a new generation beside the refused folder (another test's lock
        // may appear in the same temporary folder meanwhile: only this project's name counts).
        let besideAfter = Set((try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [])
        let name = site.root.lastPathComponent
        #expect(
            besideAfter.subtracting(beside).filter { $0.hasPrefix(".") && $0.contains(".lock") && $0.contains(name) }
                .isEmpty)
    }

    @Test func aSymlinkToTheProjectIsRefused() throws {
        let site = try Self.project()
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(
            at: site.root.appendingPathComponent("site-link"), withDestinationURL: site.root)
        let before = Self.everything(site.root)
        for output in ["site-link", "site-link/"] {
            let run = try build(site, output: output)
            #expect(run.status == 1, "\(output): \(run.stderr)")
        }
        #expect(Self.everything(site.root) == before)
    }

    @Test func okrugReplacesItsOwnOutputAndRefusesAFileAddedToIt() throws {
        let site = try Self.project()
        defer { site.remove() }
        #expect(try build(site, output: "Public").status == 0)
        let list = try #require(site.read("Public/.okrug-site"))
        #expect(list.contains("\tindex.html\n") && list.contains("\tmaterials/a/index.html\n"))
        // A rebuild and a changed rebuild of its own output.
        #expect(try build(site, output: "Public").status == 0)
        try Data(TempSite.material(title: "Материал Б").utf8).write(
            to: site.root.appendingPathComponent("Content/materials/b.md"))
        #expect(try build(site, output: "Public").status == 0)
        #expect(site.exists("Public/materials/b/index.html"))

        // A page of the site touched, or copied without okrug's marks: the same bytes, built over.
        let robots = site.root.appendingPathComponent("Public/robots.txt")
        let bytes = try Data(contentsOf: robots)
        try FileManager.default.removeItem(at: robots)
        try bytes.write(to: robots)
        #expect(try build(site, output: "Public").status == 0)
        // A page of the site edited by hand: the edit is not built over.
        try Data("User-agent: *\nDisallow: /private/\n".utf8).write(to: robots)
        var before = Self.everything(site.root)
        var refused = try build(site, output: "Public")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("«robots.txt»"), "\(refused.stderr)")
        #expect(Self.everything(site.root) == before)
        try FileManager.default.removeItem(at: robots)
        #expect(try build(site, output: "Public").status == 0)

        // Someone adds a file by hand (GitHub's CNAME): the next build refuses rather than lose it.
        try Data("okrug.example.org".utf8).write(to: site.root.appendingPathComponent("Public/CNAME"))
        before = Self.everything(site.root)
        refused = try build(site, output: "Public")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("«CNAME»"), "\(refused.stderr)")
        #expect(Self.everything(site.root) == before)
    }

    /// Whether the temporary folder's file system keeps okrug's marks (user attributes).
    static let temporaryFolderKeepsMarks: Bool = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("okrug-mark-\(UUID())").path
        defer { FileIO.removeFile(path) }
        guard (try? FileIO.create([1, 2, 3], fingerprint: 7, at: path)) != nil else { return false }
        return WrittenMark.read(path: path) != nil
    }()

    @Test(
        .enabled(
            if: temporaryFolderKeepsMarks,
            "this file system keeps no user attributes: only the list can tell okrug's files"))
    func anOutputFromBeforeTheListIsKnownByOkrugsMarks() throws {
        let site = try Self.project()
        defer { site.remove() }
        #expect(try build(site, output: "Public").status == 0)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Public/.okrug-site"))
        #expect(WrittenMark.read(path: site.root.appendingPathComponent("Public/index.html").path) != nil)
        #expect(try build(site, output: "Public").status == 0)
        #expect(site.exists("Public/.okrug-site"))
    }

    @Test func theEmptyOrMissingFolderIsFine() throws {
        let site = try Self.project()
        defer { site.remove() }
        try FileManager.default.createDirectory(
            at: site.root.appendingPathComponent("empty"), withIntermediateDirectories: true)
        #expect(try build(site, output: "empty").status == 0)
        #expect(try build(site, output: "new/folder/site").status == 0)
        #expect(site.exists("new/folder/site/index.html"))
    }

    /// `okrug serve`'s folder follows the same rule, and its in-place writes keep the list.
    @Test func thePreviewRefusesAForeignFolderAndListsWhatItAdds() throws {
        let site = try Self.project()
        defer { site.remove() }
        let before = Self.everything(site.root)
        var options = site.options(output: "docs")
        options.templates = site.root.appendingPathComponent("Templates")
        let refused = IncrementalBuilder(options: options).build()
        #expect(!refused.succeeded)
        #expect(refused.diagnostics.errors.contains { $0.message.contains("«notes.txt»") })
        #expect(Self.everything(site.root) == before)

        options = site.options(output: ".okrug-serve")
        let preview = IncrementalBuilder(options: options)
        #expect(preview.build().succeeded)
        try OutputWriter(output: options.output, contentRoot: options.content).writeInPlace([
            .text("materials/new/index.html", "новая")
        ])
        let list = try #require(site.read(".okrug-serve/.okrug-site"))
        #expect(list.contains("\tmaterials/new/index.html\n"))
        #expect(IncrementalBuilder(options: options).build().succeeded)
    }
}

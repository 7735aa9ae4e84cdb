import Foundation
import Testing

@testable import OkrugCore
@testable import OkrugSite
@testable import OkrugSystem

/// Files no methodist means to publish: FIFOs, devices, links out of the input folders, files
/// of gigabytes, names that differ only in how a letter is composed. Each is refused by type or
/// size before it is opened or read, with its name; none hangs, aborts or leaks.
@Suite(.timeLimit(.minutes(2))) struct HostileFilesTests {
    static func fifo(_ url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(mkfifo(url.path, 0o644) == 0)
    }

    @Test(arguments: ["materials/fifo.md", "site.yaml", "materials/m/programma.pdf"])
    func aFIFOIsRefusedByTypeNotWaitedOn(path: String) throws {
        var files = [
            "materials/m/index.md": TempSite.material(extra: "attachments: [{file: programma.pdf, title: Программа}]\n")
        ]
        if path != "materials/m/programma.pdf" { files["materials/m/programma.pdf"] = "%PDF-1.4" }
        let site = try TempSite(files: files)
        defer { site.remove() }
        let url = site.root.appendingPathComponent("Content/" + path)
        try? FileManager.default.removeItem(at: url)
        try Self.fifo(url)
        let errors = site.check().errors
        let error = try #require(errors.first { $0.file == "Content/" + path }, "\(errors)")
        #expect(error.message.contains("именованный канал"))
        #expect(!site.build().succeeded)
    }

    @Test(arguments: ["/dev/zero", "/dev/urandom", "/dev/null"])
    func aLinkToADeviceIsRefused(device: String) throws {
        let site = try TempSite(files: ["materials/a.md": TempSite.material()])
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(
            at: site.root.appendingPathComponent("Content/materials/b.md"),
            withDestinationURL: URL(fileURLWithPath: device))
        let errors = site.check().errors
        #expect(errors.contains { $0.file == "Content/materials/b.md" }, "\(errors)")
    }

    /// The same links in Templates/ publish nothing: not a secret file, not the environment.
    @Test(arguments: ["secret", "/proc/self/environ", "/etc/shadow", "/dev/zero", "dangling", "fifo"])
    func aLinkOutOfTemplatesIsAnErrorAndNothingLeaks(target: String) throws {
        let site = try TempSite(files: ["materials/a.md": TempSite.material()])
        defer { site.remove() }
        let templates = site.root.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Templates"), to: templates)
        let secret = site.root.appendingPathComponent("secret.txt")
        try Data("SECRETMARK-42".utf8).write(to: secret)
        let link = templates.appendingPathComponent("assets/env.txt")
        switch target {
        case "secret": try FileManager.default.createSymbolicLink(at: link, withDestinationURL: secret)
        case "dangling":
            try FileManager.default.createSymbolicLink(
                at: link, withDestinationURL: templates.appendingPathComponent("assets/gone.txt"))
        case "fifo": try Self.fifo(link)
        default: try FileManager.default.createSymbolicLink(at: link, withDestinationURL: URL(fileURLWithPath: target))
        }
        var options = site.options()
        options.templates = templates
        options.templatesDisplay = "Templates"
        let report = Builder.build(options)
        #expect(!report.succeeded)
        #expect(report.diagnostics.errors.contains { $0.file == "Templates/assets/env.txt" }, "\(report.diagnostics)")
        #expect(!site.exists("Public"))
    }

    @Test func anUnreadableAssetIsAnErrorNotAMissingFile() throws {
        let site = try TempSite(files: ["materials/a.md": TempSite.material()])
        defer { site.remove() }
        let templates = site.root.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Templates"), to: templates)
        // Larger than an asset may be: told before it is read.
        let big = templates.appendingPathComponent("assets/video.mp4")
        #expect(FileManager.default.createFile(atPath: big.path, contents: nil))
        #expect(truncate(big.path, 5 << 30) == 0)
        var options = site.options()
        options.templates = templates
        options.templatesDisplay = "Templates"
        let report = Builder.build(options)
        let error = try #require(report.diagnostics.errors.first { $0.file == "Templates/assets/video.mp4" })
        #expect(error.message.contains("больше 64 МБ"))
        // A folder where the theme's script was: every page would link to nothing.
        let script = templates.appendingPathComponent("assets/a11y.js")
        try FileManager.default.removeItem(at: script)
        try FileManager.default.createDirectory(at: script, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: script.appendingPathComponent("inner.txt"))
        let missing = Builder.build(options).diagnostics.errors.first { $0.file == "Templates/assets/a11y.js" }
        #expect(missing?.message.contains("на него ссылается каждая страница") == true)
    }

    /// A 5 GB material (sparse: no disk used) is refused from its size, through the real
    /// command, inside an address space far smaller than the file.
    @Test(arguments: ["materials/big.md", "schools.yaml", "plans/2023.yaml"])
    func aHugeFileIsRefusedBeforeItIsRead(path: String) throws {
        let site = try TempSite(files: ["materials/a.md": TempSite.material()])
        defer { site.remove() }
        let url = site.root.appendingPathComponent("Content/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        #expect(truncate(url.path, 5 << 30) == 0)
        let run = try CommandLineTests.okrug(
            [
                "--as=\(2 << 30)", "--", CommandLineTests.executable.path, "check", "--templates",
                repositoryRoot.appendingPathComponent("Templates").path,
            ],
            in: site.root, program: URL(fileURLWithPath: "/usr/bin/prlimit"))
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("Content/\(path):1:1: error: файл слишком большой: 5120 МБ"), "\(run.stderr)")
    }

    /// An attachment is copied and fingerprinted piece by piece: a big one (a warning over 50 MB,
    /// under GitHub's 100 MB) is published whole by a build held to a small address space.
    @Test func aBigAttachmentIsCopiedWithBoundedMemory() throws {
        let site = try TempSite(files: [
            "materials/m/index.md": TempSite.material(extra: "attachments: [{file: video.mp4, title: Видео}]\n")
        ])
        defer { site.remove() }
        let video = site.root.appendingPathComponent("Content/materials/m/video.mp4")
        #expect(FileManager.default.createFile(atPath: video.path, contents: nil))
        // Under the 100 MB a file may have (a warning above 50 MB).
        let size = 99 << 20
        #expect(truncate(video.path, off_t(size)) == 0)
        let run = try CommandLineTests.okrug(
            [
                "--as=\(1 << 30)", "--", CommandLineTests.executable.path, "build", "--no-search",
                "--templates", repositoryRoot.appendingPathComponent("Templates").path,
            ],
            in: site.root, program: URL(fileURLWithPath: "/usr/bin/prlimit"))
        #expect(run.status == 0, "\(run.stdout) \(run.stderr)")
        #expect(run.stderr.contains("video.mp4: warning: файл большой: 99 МБ"), "\(run.stderr)")
        #expect(FileStatus.of(site.root.appendingPathComponent("Public/materials/m/video.mp4").path)?.size == size)
        // A rebuild knows the copy by its mark, and writes nothing.
        let again = try CommandLineTests.okrug(
            [
                "--as=\(1 << 30)", "--", CommandLineTests.executable.path, "build", "--no-search",
                "--templates", repositoryRoot.appendingPathComponent("Templates").path,
            ],
            in: site.root, program: URL(fileURLWithPath: "/usr/bin/prlimit"))
        #expect(again.status == 0)
        #expect(again.stdout.contains("ничего не изменилось"), "\(again.stdout)")
    }

    /// Over 100 MB GitHub refuses the push: an error from the listing's size, nothing read or copied.
    @Test func anAttachmentOverAHundredMegabytesIsAnError() throws {
        let site = try TempSite(files: [
            "materials/m/index.md": TempSite.material(extra: "attachments: [{file: video.mp4, title: Видео}]\n")
        ])
        defer { site.remove() }
        let video = site.root.appendingPathComponent("Content/materials/m/video.mp4")
        #expect(FileManager.default.createFile(atPath: video.path, contents: nil))
        #expect(truncate(video.path, 5 << 30) == 0)
        let report = site.build()
        #expect(!report.succeeded)
        let error = try #require(report.diagnostics.errors.first)
        #expect(error.file == "Content/materials/m/video.mp4")
        #expect(error.message.contains("файл слишком большой для сайта"), "\(error.message)")
        #expect(!site.exists("Public"))
    }

    /// GitHub Pages publishes at most 1 GB: from 900 MB the build says so, naming the heaviest.
    @Test func aSiteNearTheHostsLimitIsAWarningNamingItsHeaviestFiles() throws {
        var sizes = ["index.html": 40_000, "materials/a/video.mp4": 99 << 20]
        #expect(SiteSize.warning(sizes, output: "Public") == nil)
        for number in 1...9 { sizes["materials/m\(number)/scan.pdf"] = 95 << 20 }
        let warning = try #require(SiteSize.warning(sizes, output: "Public"))
        #expect(warning.severity == .warning && warning.file == "Public")
        #expect(warning.message.hasPrefix("сайт весит 954 МБ, а GitHub Pages публикует сайт не больше 1 ГБ"))
        #expect(
            warning.message.contains("больше всего весят: materials/a/video.mp4 (99 МБ), materials/m1/scan.pdf (95 МБ)")
        )
        #expect(!warning.message.contains("index.html"))
        // Every build says what the site weighs.
        let site = try TempSite(files: ["materials/a.md": TempSite.material()])
        defer { site.remove() }
        let report = site.build()
        #expect(report.totalBytes > 0)
        #expect(report.summary(output: "Public").contains("Вес сайта: "))
    }

    @Test func namesEqualAfterNormalisationAreAnErrorNamingBoth() throws {
        let composed = "материал-й.md"  // «й» as one character
        let decomposed = "материал-\u{0438}\u{0306}.md"  // «и» and the combining breve
        #expect(composed.unicodeScalars.count != decomposed.unicodeScalars.count)
        // Swift's strings compare canonically, so the two names cannot be keys of one dictionary.
        let site = try TempSite(files: ["materials/" + composed: TempSite.material(title: "Первый")])
        defer { site.remove() }
        let second = site.root.path + "/Content/materials/" + decomposed
        #expect(FileManager.default.createFile(atPath: second, contents: Data(TempSite.material(title: "Второй").utf8)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path + "/Content/materials").count == 2)
        let errors = site.check().errors
        let error = try #require(errors.first { $0.message.contains("нормализации Юникода") }, "\(errors)")
        #expect(error.message.contains("Content/materials/"))
        #expect(!site.build().succeeded)

        // Folders too: the second folder's file was never listed, its text lost without a word.
        let folders = try TempSite(files: ["materials/урок-й/index.md": TempSite.material(title: "Первый")])
        defer { folders.remove() }
        let twin = folders.root.path + "/Content/materials/урок-\u{0438}\u{0306}"
        try FileManager.default.createDirectory(atPath: twin, withIntermediateDirectories: true)
        #expect(
            FileManager.default.createFile(
                atPath: twin + "/index.md", contents: Data(TempSite.material(title: "Второй").utf8)))
        #expect(folders.check().errors.contains { $0.message.contains("нормализации Юникода") })
    }

    /// The commands that write into Content/ read only regular files and write only there.
    @Test func theImportCommandsRefuseFIFOsAndWritingOutsideContent() throws {
        let site = try TempSite(files: ["materials/a.md": TempSite.material()])
        defer { site.remove() }
        try Self.fifo(site.root.appendingPathComponent("seeds/plan.txt"))
        try Self.fifo(site.root.appendingPathComponent("seeds/plan.docx"))
        let seed = try CommandLineTests.okrug(["import-plan", "seeds/plan.txt"], in: site.root)
        #expect(seed.status == 1)
        #expect(seed.stderr.contains("seeds/plan.txt") && seed.stderr.contains("именованный канал"), "\(seed.stderr)")
        let word = try CommandLineTests.okrug(
            ["import-doc", "seeds/plan.docx", "--school", "sosh13", "--direction", "methodical", "--kind", "seminar"],
            in: site.root, environment: ["OKRUG_PANDOC": "/bin/false"])
        #expect(word.status == 1)

        try FileManager.default.copyItem(
            at: repositoryRoot.appendingPathComponent("seeds/plan-2023.txt"),
            to: site.root.appendingPathComponent("seeds/plan-2023.txt"))
        for out in ["../plan.yaml", "Content/schools.yaml", "Content/materials/2023.yaml", "/tmp/okrug-plan.yaml"] {
            let run = try CommandLineTests.okrug(["import-plan", "seeds/plan-2023.txt", "--out", out], in: site.root)
            #expect(run.status == 1, "\(out): \(run.stderr)")
            #expect(run.stderr.contains("план записывается только в папку Content/plans/"), "\(run.stderr)")
        }
        #expect(
            !FileManager.default.fileExists(
                atPath: site.root.deletingLastPathComponent().appendingPathComponent("plan.yaml").path))
        #expect(site.read("Content/schools.yaml") == TempSite.schoolsYAML)
    }
}

import Foundation
import Glibc
import Testing

@testable import OkrugCore
@testable import OkrugImport
@testable import OkrugSite
@testable import OkrugSystem

/// A material's files as the page shows them, made with the real tools: poppler's pdftoppm and
/// pdfinfo for a PDF's first page and page count, pandoc for a Word document's online copy.
/// `scripts/setup.sh` installs all three; without them these tests fail and say so.
@Suite(.serialized) struct AttachmentExtrasTests {
    static let docx = repositoryRoot.appendingPathComponent(
        "Content/materials/predmetnaia-nedelia-ekologicheskogo-vospitaniia/plan-predmetnoi-nedeli.docx")

    static let pptx = repositoryRoot.appendingPathComponent(
        "Content/materials/tochka-rosta-opyt-raboty/prezentatsiia-tochka-rosta.pptx")

    static func site() throws -> TempSite {
        let material = TempSite.material(
            title: "Семинар с файлами",
            extra: """
                attachments:
                  - {file: programma.pdf, title: "Программа: семинар"}
                  - {file: plan.docx, title: План недели}
                  - {file: slaidy.pptx, title: Презентация}
                  - {file: slomannaia.pptx, title: Сломанная}

                """)
        return try TempSite(
            files: ["materials/seminar/index.md": material],
            data: [
                "materials/seminar/programma.pdf": Self.pdf(pages: 2),
                "materials/seminar/plan.docx": try Data(contentsOf: docx),
                "materials/seminar/slaidy.pptx": try Data(contentsOf: pptx),
                // A zip's first bytes and nothing of a presentation: LibreOffice cannot load it.
                "materials/seminar/slomannaia.pptx": Data(
                    [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0] + Array("broken".utf8)),
            ])
    }

    static func tools() throws -> AttachmentTools {
        let tools = AttachmentTools.find(workingDirectory: repositoryRoot)
        try #require(tools.pdftoppm != nil && tools.pdfinfo != nil, "poppler-utils: run scripts/setup.sh")
        try #require(tools.pandoc != nil, "pandoc 3: run scripts/setup.sh")
        try #require(tools.soffice != nil, "LibreOffice: run scripts/setup.sh --office")
        return tools
    }

    @Test func previewsPageCountsAndOnlineCopiesAreMadeAndCached() throws {
        let site = try Self.site()
        defer { site.remove() }
        var options = site.options()
        options.attachmentTools = try Self.tools()
        let report = Builder.build(options)
        #expect(report.succeeded, "\(report.diagnostics.map(\.formatted))")
        // The one file LibreOffice cannot read is a warning naming it; the site is built.
        #expect(report.diagnostics.count == 1, "\(report.diagnostics.map(\.formatted))")
        let broken = try #require(report.diagnostics.first)
        #expect(broken.file.hasSuffix("materials/seminar/slomannaia.pptx"))
        #expect(broken.message.contains("документ не переведён в PDF"))
        let html = try #require(site.read("Public/materials/seminar/index.html"))

        #expect(html.contains(">Файлы (4)</h2>"))
        // The PDF: its first page as a picture, its pages counted, opened or saved by its title.
        #expect(html.contains("<img src=\"programma.pdf.png\" width=\"90\" height=\"128\""))
        #expect(html.contains("PDF, "))
        #expect(html.contains(", 2 страницы</p>"))
        #expect(html.contains("href=\"programma.pdf\">Открыть"))
        #expect(html.contains("href=\"programma.pdf\" download=\"Программа семинар.pdf\">Скачать"))
        let png = try Data(contentsOf: site.root.appendingPathComponent("Public/materials/seminar/programma.pdf.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // A presentation: LibreOffice's PDF opens in the browser, its first slide is the picture,
        // its slides are counted, and the original is saved under its title.
        #expect(html.contains("<img src=\"slaidy.pptx.png\""))
        #expect(html.contains("Презентация PowerPoint, 32 КБ, 5 слайдов</p>"))
        #expect(html.contains("href=\"slaidy.pptx.pdf\">Открыть"))
        #expect(html.contains("href=\"slaidy.pptx\" download=\"Презентация.pptx\">Скачать"))
        let slides = try Data(contentsOf: site.root.appendingPathComponent("Public/materials/seminar/slaidy.pptx.pdf"))
        #expect(slides.starts(with: Array("%PDF".utf8)))
        // Converted again from nothing (another cache, another second): the same bytes.
        var fresh = options
        fresh.cache = site.root.appendingPathComponent("other-cache")
        fresh.output = site.root.appendingPathComponent("Fresh")
        #expect(Builder.build(fresh).succeeded)
        #expect(
            try Data(contentsOf: site.root.appendingPathComponent("Fresh/materials/seminar/slaidy.pptx.pdf")) == slides)
        // The Word document opens as a PDF too; a file LibreOffice cannot read is only saved.
        #expect(html.contains("href=\"plan.docx.pdf\">Открыть"))
        #expect(html.contains("file__icon--slides\" aria-hidden=\"true\">PPTX</span>"))
        #expect(html.contains("href=\"slomannaia.pptx\" download=\"Сломанная.pptx\">Скачать"))
        #expect(!html.contains("href=\"slomannaia.pptx.pdf\""))
        // The Word document: read on the site, in the site's layout, with the original to save.
        #expect(html.contains("href=\"chitat/plan/\">Читать онлайн"))
        let online = try #require(site.readExactly("Public/materials/seminar/chitat/plan/index.html"))
        #expect(online.contains("<h1 class=\"material__title\">План недели</h1>"))
        #expect(online.contains("Экологическая игра «Лесная тропа»"))
        #expect(online.contains("href=\"../../plan.docx\" download=\"План недели.docx\">Скачать оригинал"))
        #expect(online.contains("href=\"../../\">← К\u{A0}материалу «Семинар с\u{A0}файлами»"))
        // Cards say how many files a material has.
        #expect(site.read("Public/materials/index.html")?.contains("4 файла") == true)

        // A rebuild takes both from the cache: tools that would fail are never asked.
        var cached = options
        cached.attachmentTools.pdftoppm = ExternalTool(executable: "/bin/false")
        cached.attachmentTools.pdfinfo = ExternalTool(executable: "/bin/false")
        cached.attachmentTools.pandoc = Pandoc(tool: ExternalTool(executable: "/bin/false"))
        cached.attachmentTools.soffice = ExternalTool(executable: "/bin/false")
        cached.output = site.root.appendingPathComponent("Again")
        let again = Builder.build(cached)
        #expect(again.diagnostics.map(\.formatted) == report.diagnostics.map(\.formatted))
        #expect(site.read("Again/materials/seminar/index.html") == html)
        #expect(
            try Data(contentsOf: site.root.appendingPathComponent("Again/materials/seminar/programma.pdf.png")) == png)
        #expect(site.readExactly("Again/materials/seminar/chitat/plan/index.html") == online)
    }

    @Test func withoutTheToolsTheSiteIsBuiltWithOneWarningEach() throws {
        let site = try Self.site()
        defer { site.remove() }
        let report = site.build()
        #expect(report.succeeded)
        let warnings = report.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.count == 3, "\(warnings.map(\.formatted))")
        #expect(
            warnings.contains { $0.message.contains("LibreOffice") && $0.hint.contains("scripts/setup.sh --office") })
        #expect(warnings.contains { $0.message.contains("pdftoppm") && $0.hint.contains("scripts/setup.sh") })
        #expect(warnings.contains { $0.message.contains("pandoc") && $0.hint.contains("scripts/setup.sh") })
        let html = try #require(site.read("Public/materials/seminar/index.html"))
        #expect(html.contains("file__icon--pdf\" aria-hidden=\"true\">PDF</span>"))
        #expect(html.contains("href=\"programma.pdf\">Открыть"))
        #expect(!html.contains("Читать онлайн"))
        #expect(!site.exists("Public/materials/seminar/chitat"))
    }

    @Test func aBrokenPDFIsAWarningAndTheFileStaysDownloadable() throws {
        let material = TempSite.material(extra: "attachments:\n  - {file: broken.pdf, title: Сломанный}\n")
        let site = try TempSite(
            files: ["materials/m/index.md": material],
            data: ["materials/m/broken.pdf": Data("%PDF-1.4 nothing else".utf8)])
        defer { site.remove() }
        var options = site.options()
        options.attachmentTools = try Self.tools()
        let report = Builder.build(options)
        #expect(report.succeeded)
        let warning = try #require(report.diagnostics.first { $0.severity == .warning })
        #expect(warning.file.hasSuffix("materials/m/broken.pdf"))
        #expect(warning.message.contains("картинка первой страницы PDF не сделана"))
        let html = try #require(site.read("Public/materials/m/index.html"))
        #expect(html.contains("href=\"broken.pdf\" download=\"Сломанный.pdf\">Скачать"))
    }

    /// Found by the fuzz run: the same PDF listed twice made its preview twice, and the
    /// second write of one path stopped the build.
    @Test func aFileListedTwiceIsMadeOnce() throws {
        let entry = "  - {file: programma.pdf, title: Программа}\n"
        let material = TempSite.material(extra: "attachments:\n" + entry + entry)
        let site = try TempSite(
            files: ["materials/m/index.md": material], data: ["materials/m/programma.pdf": Self.pdf(pages: 1)])
        defer { site.remove() }
        var options = site.options()
        options.attachmentTools = try Self.tools()
        let report = Builder.build(options)
        #expect(report.succeeded, "\(report.diagnostics.map(\.formatted))")
        #expect(site.exists("Public/materials/m/programma.pdf.png"))
    }

    /// «plan.docx» and «sub/plan.docx» would both read at «chitat/plan/»: the second is «plan-2»;
    /// «plan.odt.docx» is «plan-odt».
    @Test func twoDocumentsOfOneNameGetTwoPages() throws {
        let material = TempSite.material(
            extra: "attachments:\n  - {file: plan.docx, title: План}\n  - {file: plan.odt.docx, title: Второй план}\n"
                + "  - {file: sub/plan.docx, title: Третий}\n")
        let docx = try Data(contentsOf: Self.docx)
        let site = try TempSite(
            files: ["materials/m/index.md": material],
            data: ["materials/m/plan.docx": docx, "materials/m/plan.odt.docx": docx, "materials/m/sub/plan.docx": docx])
        defer { site.remove() }
        var options = site.options()
        options.attachmentTools = try Self.tools()
        let report = Builder.build(options)
        #expect(report.succeeded, "\(report.diagnostics.map(\.formatted))")
        let html = try #require(site.read("Public/materials/m/index.html"))
        #expect(html.contains("href=\"chitat/plan/\">Читать онлайн"))
        #expect(html.contains("href=\"chitat/plan-odt/\">Читать онлайн"))
        #expect(html.contains("href=\"chitat/plan-2/\">Читать онлайн"))
        #expect(site.read("Public/materials/m/chitat/plan-2/index.html")?.contains("Третий") == true)
    }

    /// A rebuild reads an attachment again only when its size or modification time changed
    /// (`AttachmentKeys`): a file put back with its old size and time is not read, a changed
    /// one is, and one only touched is read and found in the cache.
    @Test func onlyAChangedAttachmentIsReadAgain() throws {
        let material = TempSite.material(extra: "attachments:\n  - {file: programma.pdf, title: Программа}\n")
        let site = try TempSite(
            files: ["materials/m/index.md": material], data: ["materials/m/programma.pdf": Self.pdf(pages: 2)])
        defer { site.remove() }
        let pdf = site.root.appendingPathComponent("Content/materials/m/programma.pdf")
        var options = site.options()
        options.attachmentTools = try Self.tools()
        #expect(Builder.build(options).succeeded)
        var failing = options
        failing.attachmentTools.pdftoppm = ExternalTool(executable: "/bin/false")
        failing.attachmentTools.pdfinfo = ExternalTool(executable: "/bin/false")
        func pages() -> String? {
            site.read("Public/materials/m/index.html").flatMap { html in
                ["2 страницы", "3 страницы"].first { html.contains(", \($0)</p>") }
            }
        }
        #expect(pages() == "2 страницы")

        // Other bytes, put back with the same size and time: trusted, not read (the tools that
        // would fail are not asked, and the page still says two pages).
        let before = try #require(FileStatus.of(pdf.path))
        var bytes = try Data(contentsOf: pdf)
        bytes[bytes.count / 2] ^= 0x20
        try bytes.write(to: pdf)
        var times = [
            timespec(tv_sec: before.modified / 1_000_000_000, tv_nsec: before.modified % 1_000_000_000),
            timespec(tv_sec: before.modified / 1_000_000_000, tv_nsec: before.modified % 1_000_000_000),
        ]
        try #require(utimensat(AT_FDCWD, pdf.path, &times, 0) == 0)
        let trusted = Builder.build(failing)
        #expect(trusted.diagnostics.isEmpty, "\(trusted.diagnostics.map(\.formatted))")
        #expect(pages() == "2 страницы")

        // Three pages now, saved at a new time: read again, and made with the tools.
        try Self.pdf(pages: 3).write(to: pdf)
        let changed = Builder.build(options)
        #expect(changed.diagnostics.isEmpty, "\(changed.diagnostics.map(\.formatted))")
        #expect(pages() == "3 страницы")

        // Only touched: read again, its content known, so the failing tools are not asked.
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: pdf.path)
        let touched = Builder.build(failing)
        #expect(touched.diagnostics.isEmpty, "\(touched.diagnostics.map(\.formatted))")
        #expect(pages() == "3 страницы")
    }

    @Test func downloadNamesAreTitlesWindowsAccepts() {
        func name(_ title: String, _ file: String) -> String {
            Attachment(file: file, title: title, byteCount: 1).downloadName
        }
        #expect(name("Программа семинара", "programma.pdf") == "Программа семинара.pdf")
        #expect(name("План: 5/6 классы?", "plan.DOCX") == "План 5 6 классы.docx")
        #expect(name("Отчёт.pdf", "otchet.pdf") == "Отчёт.pdf")
        #expect(name("...", "x.pdf") == "x.pdf")
        #expect(name("Без расширения", "README") == "Без расширения")
    }

    /// A PDF of `pages` empty A4 pages, with its cross-reference table's offsets right.
    static func pdf(pages: Int) -> Data {
        var objects = ["<< /Type /Catalog /Pages 2 0 R >>"]
        let kids = (0..<pages).map { "\(3 + $0) 0 R" }.joined(separator: " ")
        objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pages) >>")
        for _ in 0..<pages { objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>") }
        var text = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(text.utf8.count)
            text += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = text.utf8.count
        text += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            text += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n"
        }
        text += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(text.utf8)
    }
}

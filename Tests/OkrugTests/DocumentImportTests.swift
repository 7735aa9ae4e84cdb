import Foundation
import Testing

@testable import OkrugCore
@testable import OkrugImport
@testable import OkrugSite
@testable import OkrugSystem

/// The pieces of `okrug import-doc` that need no pandoc; the command itself runs over real
/// documents in Tests/importdoc.
@Suite struct DocumentImportTests {
    @Test func authorPropertiesThatAreNamesBecomeTheBanksForm() {
        #expect(AuthorName.names(fromProperty: "Ткаченко Е.Е.") == ["Ткаченко Е.Е."])
        #expect(AuthorName.names(fromProperty: "Ткаченко Е. Е.") == ["Ткаченко Е.Е."])
        #expect(AuthorName.names(fromProperty: "Е.Е. Ткаченко") == ["Ткаченко Е.Е."])
        #expect(AuthorName.names(fromProperty: "Ткаченко Елена Евгеньевна") == ["Ткаченко Е.Е."])
        #expect(AuthorName.names(fromProperty: "Вареник И.А.; Дынер Н.С.") == ["Вареник И.А.", "Дынер Н.С."])
        #expect(AuthorName.names(fromProperty: "Римский-Корсаков Н.А.") == ["Римский-Корсаков Н.А."])
        for notAName in ["Администратор", "User", "МБОУ «СОШ №13»", "Учитель Информатики", "Ткаченко", ""] {
            #expect(AuthorName.names(fromProperty: notAName) == nil, "\(notAName)")
        }
    }

    @Test func theFiltersLinesAreReadAndPandocsOwnKeptApart() {
        let report = DocumentConversion.FilterReport(
            """
            [WARNING] Could not convert TeX math
            okrug-warning: image okrug-media/media/image2.png: no alt text
            okrug-warning: table 2: merged cells
            okrug-warning: image okrug-media/media/image3.emf: format not shown by browsers
            okrug-meta: {"title":"Программа","author":"Ткаченко Е.Е.","first_heading":{"level":1,"text":"Программа"}}
            """)
        #expect(report.meta.title == "Программа")
        #expect(report.meta.author == "Ткаченко Е.Е.")
        #expect(report.mergedTables == [2])
        #expect(report.imagesWithoutText == ["okrug-media/media/image2.png"])
        #expect(report.imagesBrowsersCannotShow == ["okrug-media/media/image3.emf"])
        #expect(report.pandocLines == ["[WARNING] Could not convert TeX math"])
    }

    @Test func picturesAndTablesAreFoundInPandocsText() {
        let body = """
            ![Схема](okrug-media/media/image1.png)

            | а | б |
            |---|:-:|
            | 1 | 2 |

            Снова ![x](okrug-media/media/image1.png) и ![](okrug-media/Pictures/0.png).
            """
        #expect(
            DocumentConversion.picturePaths(in: body) == ["okrug-media/media/image1.png", "okrug-media/Pictures/0.png"])
        #expect(DocumentConversion.tableLines(body.components(separatedBy: "\n")) == [2])
    }

    @Test func aDocumentIsJudgedByItsFirstBytesBeforePandocSeesIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("okrug-word-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func judge(_ name: String, _ bytes: [UInt8]) throws -> String? {
            let url = folder.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            if case .failure(let refusal) = WordDocument.open(url) { return refusal.message }
            return nil
        }
        // A zip's first bytes, but no table of contents at its end: cut off.
        #expect(try judge("a.docx", [0x50, 0x4B, 0x03, 0x04, 0, 0])?.contains("нет оглавления архива") == true)
        #expect(try judge("b.docx", [])?.contains("пуст") == true)
        #expect(try judge("c.docx", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0])?.contains("паролем") == true)
        #expect(try judge("d.odt", Array("просто текст".utf8))?.contains("не документ .odt") == true)
        #expect(try judge("e.doc", [0xD0, 0xCF])?.contains("не документ Word 97–2003 (.doc)") == true)
        #expect(try judge("g.rtf", Array("просто текст".utf8))?.contains("не документ RTF") == true)
        #expect(try judge("f.pdf", [0x25, 0x50])?.contains("не документ Word") == true)
        #expect(
            WordDocument.documents(in: folder).map(\.lastPathComponent) == [
                "a.docx", "b.docx", "c.docx", "d.odt", "e.doc", "g.rtf",
            ])
    }

    @Test func pandocsVersionIsReadFromItsFirstLine() {
        #expect(Pandoc.majorVersion(of: "pandoc 3.9\nFeatures: +server +lua\n") == 3)
        #expect(Pandoc.majorVersion(of: "pandoc 2.17.1.1\nCompiled with …") == 2)
        #expect(Pandoc.majorVersion(of: "bash: pandoc: command not found") == nil)
    }
}

/// Word's pictures that browsers do not show become PNG with the field's tools: an EMF drawing
/// (made here by LibreOffice from an SVG, as Word would save one) is drawn by LibreOffice and
/// cut to the drawing by libvips, not left on a whole white page.
@Suite struct PictureConversionTests {
    @Test func anEMFDrawingBecomesAPNGOfTheDrawingAlone() throws {
        let helpers = DocumentImport.Helpers.find()
        let soffice = try #require(helpers.soffice, "LibreOffice: run scripts/setup.sh --office")
        try #require(helpers.vips != nil, "libvips: run scripts/setup.sh --office")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("okrug-emf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let svg = folder.appendingPathComponent("schema.svg")
        try Data(
            """
            <svg xmlns="http://www.w3.org/2000/svg" width="300" height="120" viewBox="0 0 300 120">
            <rect x="0" y="0" width="300" height="120" fill="#1d5c4b"/>
            <rect x="20" y="20" width="260" height="80" fill="#ffffff"/>
            </svg>
            """.utf8
        ).write(to: svg)
        let emf: URL
        switch OfficeConversion.convert(svg, to: "emf", in: folder.appendingPathComponent("make"), soffice: soffice) {
        case .success(let made): emf = made
        case .failure(let failure):
            Issue.record("LibreOffice did not make an EMF: \(failure.reason)")
            return
        }
        let picture = folder.appendingPathComponent("risunok-1.emf")
        try FileManager.default.moveItem(at: emf, to: picture)
        let kept = folder.appendingPathComponent("kept.emf")
        try FileManager.default.copyItem(at: picture, to: kept)
        let name = try #require(
            PictureConversion.replace("risunok-1.emf", in: folder, scratch: folder, helpers: helpers))
        #expect(name == "risunok-1.png")
        #expect(!FileManager.default.fileExists(atPath: picture.path))
        let png = try Data(contentsOf: folder.appendingPathComponent(name))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // IHDR: the drawing's proportions (300 × 120), not an A4 page's.
        let bytes = [UInt8](png.prefix(24))
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width > height * 2 && width < height * 3, "\(width)×\(height)")

        // The same drawing in a material's Markdown: the page shows its PNG with its size, and
        // the drawing itself is there to download.
        let site = try TempSite(files: ["materials/m/index.md": TempSite.material(body: "![Схема](skhema.emf)\n")])
        defer { site.remove() }
        try FileManager.default.copyItem(
            at: kept, to: site.root.appendingPathComponent("Content/materials/m/skhema.emf"))
        var options = site.options()
        options.attachmentTools = AttachmentTools.find(workingDirectory: repositoryRoot)
        let report = Builder.build(options)
        #expect(report.succeeded && report.diagnostics.isEmpty, "\(report.diagnostics.map(\.formatted))")
        let html = try #require(site.read("Public/materials/m/index.html"))
        #expect(html.contains("<img src=\"skhema.emf.png\""), "\(html)")
        #expect(html.contains("alt=\"Схема\""))
        let shown = try Data(contentsOf: site.root.appendingPathComponent("Public/materials/m/skhema.emf.png"))
        #expect(shown.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(site.exists("Public/materials/m/skhema.emf"))
    }
}

/// The import's Lua filter is a real Lua file, embedded in the program as it is: pandoc's own
/// Lua 5.4 compiles it (a syntax error fails here, not in a methodist's import).
@Suite struct ImportFilterTests {
    static let file = repositoryRoot.appendingPathComponent("Sources/OkrugImport/Word/import-filter.lua")

    @Test func theEmbeddedFilterIsTheLuaFile() throws {
        #expect(ImportFilter.lua == (try String(contentsOf: Self.file, encoding: .utf8)))
    }

    @Test func pandocsLuaCompilesTheFilter() throws {
        let pandoc = try #require(Pandoc.find(workingDirectory: repositoryRoot), "pandoc: run scripts/setup.sh")
        let compile = pandoc.tool.run(["lua", "-e", "assert(loadfile(arg[1]))", Self.file.path], limits: .question)
        #expect(compile.status == 0, "\(compile.errors)")
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("okrug-broken-\(UUID()).lua")
        try Data("function f(\n".utf8).write(to: broken)
        defer { try? FileManager.default.removeItem(at: broken) }
        let refused = pandoc.tool.run(["lua", "-e", "assert(loadfile(arg[1]))", broken.path], limits: .question)
        #expect(refused.status != 0)
    }
}

import Foundation
import Testing

@testable import OkrugCore

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

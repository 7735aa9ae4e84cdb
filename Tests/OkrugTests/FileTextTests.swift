import Foundation
import OkrugText
import Testing

@testable import OkrugCore
@testable import OkrugSearch
@testable import OkrugSite
@testable import OkrugSystem

/// The words inside a material's files: taken from a PDF (or an office file's PDF) page by page
/// with poppler's pdftotext, scanned pages read by tesseract, and written as text pages that
/// search finds.
@Suite(.serialized) struct FileTextTests {
    static let programme = repositoryRoot.appendingPathComponent(
        "Content/materials/cherez-innovatsii-k-kachestvu-obrazovaniia/programma-seminara.pdf")
    static let scan = repositoryRoot.appendingPathComponent("Tests/files/scan/prikaz-scan.pdf")
    static let scanWords = repositoryRoot.appendingPathComponent("Tests/files/scan/prikaz-scan.txt")

    // MARK: The text as the tools give it

    @Test func linesBecomeParagraphsAndPagesSplitAtFormFeeds() {
        let raw = FileText.rawPages(
            fromPdftotext:
                "Программа семинара\nпрактикума\n\n13:30  Регистрация\u{07}\n\u{0C}Учителя школ-\nспутников\n\u{0C}")
        #expect(raw.count == 2)
        let text = FileText(raw: raw, recognized: [])
        #expect(text.pages == ["Программа семинара практикума\n\n13:30 Регистрация", "Учителя школ-спутников"])
        #expect(text.hasWords)
        #expect(!FileText(raw: ["", " \n"], recognized: []).hasWords)
    }

    @Test func aPageWithAPictureAndNoLettersIsAScan() {
        let list = """
            page   num  type   width height color comp bpc  enc interp  object ID x-ppi y-ppi size ratio
            --------------------------------------------------------------------------------------------
               2     0 image    2480  3508  gray    1   8  jpeg   no         7  0   300   300  400K 4.7%
               5     1 image     100   100  rgb     3   8  image  no        12  0    72    72  1K   3.3%
            """
        #expect(FileText.pagesWithPictures(pdfimagesList: list) == [2, 5])
        #expect(FileText.letterCount("12.03.2023 — №") < FileText.scannedBelow)
        #expect(FileText.letterCount("Приказ о создании образовательного округа") >= FileText.scannedBelow)
    }

    @Test func theCacheKeepsTheRawTextAndTheRecognisedPages() throws {
        let data = FileText.encoded(raw: ["первая\nстраница", "скан\u{0C}с переводом страницы"], recognized: [2])
        let text = try #require(FileText.decoded(data))
        #expect(text.pages == ["первая страница", "скан с переводом страницы"])
        #expect(text.recognized == [2])
        #expect(FileText.decoded(Data("garbage".utf8)) == nil)
    }

    @Test func aLongTextIsCutIntoPartsAtParagraphsAndThePageGoesOn() {
        let paragraph = String(repeating: "слово ", count: 20).trimmingCharacters(in: .whitespaces)  // 119
        let text = FileText(
            raw: [
                Array(repeating: paragraph, count: 3).joined(separator: "\n\n"), "",
                Array(repeating: paragraph, count: 2).joined(separator: "\n\n"),
            ], recognized: [])
        let parts = FileTextPage.parts(of: text, limit: 300)
        // 119 + 119 fit, the third paragraph starts a part, page 3 follows it there.
        #expect(parts.map { $0.map(\.page) } == [[1], [1, 3], [3]])
        #expect(parts[1][0].continued)
        #expect(!parts[1][1].continued)
        #expect(parts[2][0].continued)
        #expect(parts.flatMap { $0.flatMap(\.paragraphs) }.count == 5)
        // A paragraph longer than a part is cut at spaces, and nothing is lost.
        let long = FileTextPage.split(String(repeating: "абв ", count: 100), limit: 50)
        #expect(long.allSatisfy { $0.count <= 50 })
        #expect(
            long.joined(separator: " ") == String(repeating: "абв ", count: 100).trimmingCharacters(in: .whitespaces))
    }

    @Test func searchFindsTheFilePagesAndNothingElseNew() {
        #expect(Routes.isSearchable("materials/m/index.html"))
        #expect(Routes.isSearchable("materials/m/tekst/programma/index.html"))
        #expect(Routes.isSearchable("materials/m/tekst/programma/2/index.html"))
        #expect(Routes.isSearchable("materials/m/chitat/plan/index.html"))
        #expect(!Routes.isSearchable("materials/m/chitat/plan/2/index.html"))
        #expect(!Routes.isSearchable("materials/m/files/plan/index.html"))
        #expect(!Routes.isSearchable("materials/page/2/index.html"))
        #expect(!Routes.isSearchable("materials//tekst/x/index.html"))
    }

    // MARK: A site with files

    static func tools() throws -> AttachmentTools {
        let tools = AttachmentTools.find(workingDirectory: repositoryRoot)
        try #require(tools.pdftotext != nil && tools.pdfimages != nil, "poppler-utils: run scripts/setup.sh")
        return tools
    }

    @Test func aPDFsWordsArePagesOfTheSiteThatSearchIndexes() throws {
        let material = TempSite.material(
            title: "Семинар", extra: "attachments:\n  - {file: programma.pdf, title: Программа семинара}\n")
        let site = try TempSite(
            files: ["materials/seminar/index.md": material],
            data: ["materials/seminar/programma.pdf": try Data(contentsOf: Self.programme)])
        defer { site.remove() }
        var options = site.options()
        options.attachmentTools = try Self.tools()
        let report = Builder.build(options)
        #expect(report.succeeded && report.diagnostics.isEmpty, "\(report.diagnostics.map(\.formatted))")
        let html = try #require(site.read("Public/materials/seminar/index.html"))
        #expect(html.contains("href=\"tekst/programma/\">Текст файла"))
        let page = try #require(site.read("Public/materials/seminar/tekst/programma/index.html"))
        #expect(page.contains("<article class=\"material online filetext\" data-pagefind-body>"))
        #expect(page.contains("<h2 id=\"s-1\">Страница 1</h2>"))
        #expect(page.contains("Контурная карта как инструмент рефлексии."))
        // Found as a file of its material, with the file's name and how its sections are called.
        #expect(page.contains("<span data-pagefind-filter=\"тип\">файл</span>"))
        #expect(page.contains("<span data-pagefind-meta=\"title\">Семинар</span>"))
        #expect(page.contains("<span data-pagefind-meta=\"file\">Программа семинара</span>"))
        #expect(page.contains("<span data-pagefind-meta=\"unit\">с.</span>"))
        #expect(page.contains("href=\"../../programma.pdf\">Открыть файл"))

        // The next build takes the text from the cache: no pdftotext is needed for it.
        var cached = options
        cached.attachmentTools = AttachmentTools()
        cached.output = site.root.appendingPathComponent("Again")
        let again = Builder.build(cached)
        #expect(again.succeeded)
        #expect(site.read("Again/materials/seminar/tekst/programma/index.html") == page)
    }

    @Test func aScannedPageIsReadByOCR() throws {
        var tools = try Self.tools()
        try #require(tools.tesseract != nil, "tesseract: run scripts/setup.sh --office")
        let material = TempSite.material(
            title: "Приказ", extra: "attachments:\n  - {file: prikaz.pdf, title: Приказ (скан)}\n")
        let site = try TempSite(
            files: ["materials/prikaz/index.md": material],
            data: ["materials/prikaz/prikaz.pdf": try Data(contentsOf: Self.scan)])
        defer { site.remove() }

        // Without tesseract: one warning naming the way to install it, the site is built, and
        // nothing is cached, so a later build with tesseract reads the scan.
        var without = site.options()
        tools.tesseract = nil
        without.attachmentTools = tools
        let first = Builder.build(without)
        #expect(first.succeeded)
        let warning = try #require(first.diagnostics.first { $0.message.contains("tesseract") })
        #expect(warning.file.hasSuffix("materials/prikaz/prikaz.pdf"))
        #expect(warning.hint.contains("scripts/setup.sh --office"))
        #expect(!site.exists("Public/materials/prikaz/tekst"))

        var options = site.options()
        options.attachmentTools = try Self.tools()
        let report = Builder.build(options)
        #expect(report.succeeded && report.diagnostics.isEmpty, "\(report.diagnostics.map(\.formatted))")
        let page = try #require(site.read("Public/materials/prikaz/tekst/prikaz/index.html"))
        #expect(page.contains("Текст страницы 1 распознан с изображения и может содержать ошибки."))
        let expected = Self.words(try String(contentsOf: Self.scanWords, encoding: .utf8))
        let read = Set(Self.words(page))
        let found = expected.filter(read.contains).count
        #expect(expected.count > 100)
        #expect(Double(found) >= 0.9 * Double(expected.count), "OCR read \(found) of \(expected.count) words")
    }

    struct ManifestEntry: Decodable {
        struct Word: Decodable {
            var word: String
            var page: Int
        }
        var file: String
        var format: String
        var pages: Int
        var words: [Word]
    }

    /// Documents this project did not write (LibreOffice's, Gnumeric's and a CTAN package's own
    /// test and sample files, licences beside them in Tests/files/thirdparty): each one opens
    /// (a PDF and a picture of its first page), its pages are counted, and its words are on the
    /// page search reads — at the page they are on in the file, where the file has pages.
    @Test func realDocumentsOfEveryFormatOpenAndTheirWordsAreFound() throws {
        let tools = AttachmentTools.find(workingDirectory: repositoryRoot)
        try #require(tools.soffice != nil, "LibreOffice: run scripts/setup.sh --office")
        try #require(tools.pandoc != nil, "pandoc 3: run scripts/setup.sh")
        let folder = repositoryRoot.appendingPathComponent("Tests/files/thirdparty")
        let manifest = try JSONDecoder().decode(
            [ManifestEntry].self, from: Data(contentsOf: folder.appendingPathComponent("manifest.json")))
        #expect(
            Set(manifest.map(\.format)) == [
                "pdf", "docx", "doc", "odt", "rtf", "pptx", "ppt", "odp", "xlsx", "xls", "ods",
            ])
        var data: [String: Data] = [:]
        var lines = ""
        for (number, entry) in manifest.enumerated() {
            let name = "file-\(number).\(entry.format)"
            data["materials/bank/" + name] = try Data(contentsOf: folder.appendingPathComponent(entry.file))
            lines += "  - {file: \(name), title: Файл \(number)}\n"
        }
        let site = try TempSite(
            files: ["materials/bank/index.md": TempSite.material(title: "Банк", extra: "attachments:\n" + lines)],
            data: data)
        defer { site.remove() }
        var options = site.options()
        options.attachmentTools = tools
        let report = Builder.build(options)
        #expect(report.succeeded && report.diagnostics.isEmpty, "\(report.diagnostics.map(\.formatted))")
        let html = try #require(site.read("Public/materials/bank/index.html"))
        for (number, entry) in manifest.enumerated() {
            let name = "file-\(number).\(entry.format)"
            let office = entry.format != "pdf"
            // It opens in the browser: the PDF itself, or LibreOffice's PDF of it, with a picture.
            #expect(site.exists("Public/materials/bank/\(name)\(office ? ".pdf" : "")"), "\(entry.file)")
            #expect(html.contains("<img src=\"\(name).png\""), "\(entry.file)")
            let unit = ["pptx", "ppt", "odp"].contains(entry.format) ? RussianPlural.slide : RussianPlural.page
            #expect(html.contains(unit.counted(entry.pages)), "\(entry.file): \(entry.pages)")
            let reads = ["docx", "doc", "odt", "rtf"].contains(entry.format)
            let first = "Public/materials/bank/\(reads ? "chitat" : "tekst")/file-\(number)/"
            var page = try #require(site.read(first + "index.html"), "\(entry.file)")
            // A long file's text goes on in parts: …/2/, …/3/.
            var part = 2
            while let next = site.read(first + "\(part)/index.html") {
                page += next
                part += 1
            }
            let words = Set(Self.words(page))
            for word in entry.words {
                #expect(words.contains(Self.words(word.word).first ?? ""), "\(entry.file): «\(word.word)»")
                guard !reads else { continue }
                // On its page of the file: in the section search points to with #s-N.
                let section = try #require(page.range(of: "<h2 id=\"s-\(word.page)\">"), "\(entry.file)")
                let next = page.range(of: "<h2 id=\"s-", range: section.upperBound..<page.endIndex)?.lowerBound
                let text = page[section.upperBound..<(next ?? page.endIndex)]
                #expect(
                    Set(Self.words(String(text))).contains(Self.words(word.word).first ?? ""),
                    "\(entry.file): «\(word.word)» on \(word.page)")
            }
        }
    }

    /// Lowercase words, ё as е, without punctuation.
    static func words(_ text: String) -> [String] {
        text.lowercased().replacingOccurrences(of: "ё", with: "е")
            .split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }
}

import Foundation
import Testing

@testable import OkrugCore
@testable import OkrugSite

@Suite struct LoadTests {
    @Test func frontMatterKeepsLineNumbers() throws {
        let text = "---\ntitle: A\ndate: 2023-01-01\n---\n\n# Body\n"
        guard case .success(let split) = FrontMatterSplit.split(text) else {
            Issue.record("front matter not split")
            return
        }
        #expect(split.hasFrontMatter)
        #expect(split.yaml == "title: A\ndate: 2023-01-01\n")
        #expect(split.yamlFirstLine == 2)
        #expect(split.bodyFirstLine == 5)
        #expect(split.body == "\n# Body\n")
    }

    @Test func fileWithoutFrontMatterIsAllBody() throws {
        guard case .success(let split) = FrontMatterSplit.split("# Только текст\n") else {
            Issue.record("split failed")
            return
        }
        #expect(!split.hasFrontMatter)
        #expect(split.bodyFirstLine == 1)
    }

    @Test func unterminatedFrontMatterIsAProblem() {
        guard case .failure(.unterminated) = FrontMatterSplit.split("---\ntitle: A\n\nтекст\n") else {
            Issue.record("expected unterminated")
            return
        }
    }

    @Test func bomAndCRLFAreAccepted() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: Тест\r\n---\r\nТекст\r\n".utf8)
        let text = try SourceText.decode(Data(bytes), displayPath: "x.md").get()
        #expect(text.text == "---\ntitle: Тест\n---\nТекст\n")
    }

    @Test func windows1251IsRecognisedAndLocated() {
        // «Тест» in Windows-1251 on the second line.
        let bytes: [UInt8] = Array("---\n".utf8) + [0xD2, 0xE5, 0xF1, 0xF2, 0x0A]
        guard case .failure(let diagnostic) = SourceText.decode(Data(bytes), displayPath: "x.md") else {
            Issue.record("a Windows-1251 file was accepted")
            return
        }
        #expect(diagnostic.message.contains("Windows-1251"))
        #expect(diagnostic.line == 2)
        #expect(diagnostic.column == 1)
        #expect(diagnostic.hint.contains("UTF-8"))
    }

    @Test func utf16IsReported() {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "title: Тест".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        guard case .failure(let diagnostic) = SourceText.decode(Data(bytes), displayPath: "x.md") else {
            Issue.record("a UTF-16 file was accepted")
            return
        }
        #expect(diagnostic.message.contains("UTF-16"))
    }

    @Test func contentPathsStayInside() {
        #expect(ContentPath.resolve("../b.md", from: "materials/a") == "materials/b.md")
        #expect(ContentPath.resolve("./img/x.png", from: "materials/a") == "materials/a/img/x.png")
        #expect(ContentPath.resolve("../../../etc/passwd", from: "materials/a") == nil)
        #expect(ContentPath.staysInside("img/x.png"))
        #expect(!ContentPath.staysInside("../x.png"))
        #expect(!ContentPath.staysInside("a/../../x.png"))
        #expect(!ContentPath.staysInside("/etc/passwd"))
    }

    @Test func relativeURLsBetweenPages() {
        #expect(RelativeURL.link(from: "materials/x/", to: "kinds/seminar/") == "../../kinds/seminar/")
        #expect(RelativeURL.link(from: "", to: "materials/") == "materials/")
        #expect(RelativeURL.link(from: "materials/", to: "") == "../")
        #expect(RelativeURL.link(from: "", to: "") == "./")
        #expect(RelativeURL.link(from: "directions/", to: "directions/methodical/") == "methodical/")
        #expect(RelativeURL.link(from: "materials/x/", to: "materials/y/") == "../y/")
        #expect(RelativeURL.link(from: "materials/x/", to: "materials/x/") == "./")
        #expect(RelativeURL.link(from: "materials/page/2/", to: "materials/") == "../../")
        #expect(RelativeURL.link(from: "materials/", to: "feed.xml") == "../feed.xml")
    }
}

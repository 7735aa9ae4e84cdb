import Foundation
import Testing

@testable import OkrugCore
@testable import OkrugSite
@testable import OkrugText

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The same hostile values — a title that closes tags and quotes, a school name that is a
/// spreadsheet formula, attachments named like URLs — fed to one site, and every kind of output
/// read back as its own reader would read it: HTML text and attributes, URLs, JSON-LD, Atom, the
/// sitemap, iCalendar and CSV.
@Suite struct OutputEncodingTests {
    static let hostileTitle = #"Семинар "><script>alert('x')</script> & </script><!-- ]]>"#
    static let hostileNames = [
        "javascript:alert(1).pdf", "a#b.pdf", "a?b.pdf", "100%.pdf", "a b.pdf", "data:text,x.pdf", "q'uote.pdf",
    ]

    static func site() throws -> TempSite {
        let attachments = hostileNames.enumerated().map { "  - {file: \"\($1)\", title: Файл \($0)}" }
            .joined(separator: "\n")
        var files: [String: String] = [
            "schools.yaml": """
            - id: sosh13
              name: =HYPERLINK("http://evil.example","Нажми")
              short: СОШ №13
              role: partner
            - id: prigorodnaya
              name: "+1+1 Пригородная"
              role: satellite

            """,
            "directions.yaml": """
            - id: methodical
              title: "-2+3 <b>Методическое</b>"
              description: Семинары.

            """,
            "plans/2023.yaml": PlanBadInputTests.plan(responsible: "\"@SUM(1+1); Ткаченко Е.Е.\"")
                .replacingOccurrences(of: "title: Круглый стол", with: "title: \"Круглый стол; часть 1,\\nи часть 2\""),
            "materials/m/index.md": TempSite.material(
                title: "'\(hostileTitle.replacingOccurrences(of: "'", with: "''"))'",
                extra: "activity: 2023/seminar-innovatsii\ntags: [\"+метка\", \"=1+1\"]\nattachments:\n\(attachments)\n"
            ),
        ]
        files["materials/m/index.md"] = files["materials/m/index.md"]?.replacingOccurrences(
            of: "authors: [Ткаченко Е.Е.]", with: "authors: [\"@Ткаченко Е.Е.\", \"=cmd|' /C calc'!A0\"]")
        var data: [String: Data] = [:]
        for name in hostileNames { data["materials/m/" + name] = Data("%PDF-1.4 \(name)".utf8) }
        return try TempSite(files: files, data: data)
    }

    static func built() throws -> TempSite {
        let site = try site()
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        return site
    }

    /// Every `href` and `src` of every page: no script scheme, and every link to a file of the
    /// site, percent-decoded and resolved from its page, names a file that is there.
    @Test func attachmentLinksAreEncodedAndLeadToTheirFiles() throws {
        let site = try Self.built()
        defer { site.remove() }
        let page = try #require(site.read("Public/materials/m/index.html"))
        for name in Self.hostileNames {
            let encoded = URLPath.encode(name)
            #expect(page.contains("href=\"\(XMLText.escape(encoded))\""), "\(name) → \(encoded)")
        }
        let public_ = site.root.appendingPathComponent("Public")
        for path in FileManager.default.subpaths(atPath: public_.path) ?? [] where path.hasSuffix(".html") {
            let html = try String(contentsOf: public_.appendingPathComponent(path), encoding: .utf8)
            for value in Self.attributes(["href", "src"], in: html) {
                let lowered = value.lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
                #expect(
                    !lowered.hasPrefix("javascript:") && !lowered.hasPrefix("data:") && !lowered.hasPrefix("vbscript:"),
                    "\(path): \(value)")
                // The 404 page's links are absolute (it is shown at any address).
                guard !value.contains("://"), !value.hasPrefix("#"), !value.hasPrefix("/"), !value.hasPrefix("mailto:"),
                    !value.hasPrefix("webcal:"), !value.hasPrefix("tel:")
                else { continue }
                var target = String(value.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
                if target.isEmpty { continue }
                target = target.removingPercentEncoding ?? target
                var url = public_.appendingPathComponent(path).deletingLastPathComponent().appendingPathComponent(
                    target)
                if target.hasSuffix("/") { url = url.appendingPathComponent("index.html") }
                if path.hasPrefix("pagefind") { continue }
                #expect(FileManager.default.fileExists(atPath: url.path), "\(path): «\(value)» leads nowhere")
            }
        }
    }

    @Test func htmlTextAndAttributesAreEscaped() throws {
        let site = try Self.built()
        defer { site.remove() }
        let page = try #require(site.read("Public/materials/m/index.html"))
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("<b>Методическое"))
        #expect(page.contains("&lt;script&gt;alert"))
        // JSON-LD: a value cannot close its script element.
        let scripts = page.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst()
        #expect(!scripts.isEmpty)
        for script in scripts {
            let json = String(script[..<(script.range(of: "</script>")?.lowerBound ?? script.endIndex)])
            #expect(!json.lowercased().contains("<script") && !json.contains("<!--"))
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
            #expect("\(object)".contains("alert"))
        }
    }

    @Test func atomAndTheSitemapAreWellFormedXMLHoldingTheValues() throws {
        let site = try Self.built()
        defer { site.remove() }
        for file in ["Public/feed.xml", "Public/sitemap.xml"] {
            let text = try #require(site.read(file))
            let parser = XMLParser(data: Data(text.utf8))
            #expect(parser.parse(), "\(file): \(String(describing: parser.parserError))")
        }
        #expect(site.read("Public/feed.xml")?.contains("&lt;/script&gt;") == true)
    }

    @Test func theCalendarEscapesTextAsRFC5545Says() throws {
        let site = try Self.built()
        defer { site.remove() }
        let ics = try #require(site.read("Public/plan/2023/calendar.ics"))
        // Unfolded, the summary keeps its semicolon and comma escaped (the plan made the line
        // break a space).
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains(#"SUMMARY:Круглый стол\; часть 1\, и часть 2"#), "\(unfolded)")
        for line in unfolded.components(separatedBy: "\r\n") where !line.isEmpty {
            #expect(line.contains(":") || line.contains(";"), "\(line)")
        }
    }

    @Test func csvCellsThatWouldBeFormulasAreNeutralised() throws {
        let site = try Self.built()
        defer { site.remove() }
        let csv = try #require(site.read("Public/plan/2023/results.csv"))
        let cells = Self.csvCells(csv)
        #expect(cells.contains("'+1+1 Пригородная"), "\(cells)")
        #expect(cells.contains("'=cmd|' /C calc'!A0"), "\(cells)")
        #expect(cells.contains("'=HYPERLINK(\"http://evil.example\",\"Нажми\") (школа-партнер)"), "\(cells)")
        #expect(cells.contains("'-2+3 <b>Методическое</b>"))
        for cell in cells {
            guard let first = cell.unicodeScalars.first, ResultsCSV.formulaStarts.contains(first) else { continue }
            #expect(Double(cell.replacingOccurrences(of: ",", with: ".")) != nil, "formula cell «\(cell)»")
        }
        #expect(ResultsCSV.field("-5") == "-5")
        #expect(ResultsCSV.field("@x") == "\"'@x\"")
    }

    /// The values of `names` attributes (double-quoted, as the templates write them), unescaped.
    static func attributes(_ names: [String], in html: String) -> [String] {
        var values: [String] = []
        for name in names {
            for piece in html.components(separatedBy: " \(name)=\"").dropFirst() {
                guard let end = piece.firstIndex(of: "\"") else { continue }
                values.append(
                    String(piece[..<end]).replacingOccurrences(of: "&quot;", with: "\"")
                        .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
                        .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&"))
            }
        }
        return values
    }

    /// The fields of a `;`-separated CSV with quoted fields, as a spreadsheet reads them.
    static func csvCells(_ text: String) -> [String] {
        var cells: [String] = []
        var cell = ""
        var quoted = false
        var characters = Array(text.drop(while: { $0 == "\u{FEFF}" }))
        characters.append("\r\n")
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if quoted {
                if character == "\"" {
                    if index + 1 < characters.count, characters[index + 1] == "\"" {
                        cell.append("\"")
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    cell.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == ";" || character == "\r\n" || character == "\n" {
                cells.append(cell)
                cell = ""
            } else {
                cell.append(character)
            }
            index += 1
        }
        return cells.filter { !$0.isEmpty }
    }
}

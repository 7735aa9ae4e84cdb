import Foundation
import Testing

@testable import OkrugCore
@testable import OkrugSite
@testable import OkrugTemplate
@testable import OkrugText

/// The sample site of the repository, built for real into a temporary folder.
@Suite(.serialized) struct SampleSiteTests {
    static func build(baseURL: String? = nil, drafts: Bool = false) throws -> (URL, Builder.Report) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("okrug-sample-\(UUID().uuidString)")
        let options = BuildOptions(
            content: repositoryRoot.appendingPathComponent("Content").path,
            templates: repositoryRoot.appendingPathComponent("Templates").path,
            output: output.path, baseURL: baseURL, includeDrafts: drafts,
            buildDay: CalendarDay(year: 2023, month: 12, day: 31))
        return (output, Builder.build(options))
    }

    static func page(_ output: URL, _ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
            .replacingOccurrences(of: "\u{A0}", with: " ")
    }

    @Test func sampleSiteBuildsWithoutErrors() throws {
        let (output, report) = try Self.build()
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(report.diagnostics.errors.isEmpty, "\(report.diagnostics.errors.map(\.formatted))")
        let site = try #require(report.site)
        #expect(site.materials.count >= 15)
        #expect(Set(site.materials.map(\.schoolID)).count == 4)
        #expect(Set(site.materials.map(\.directionID)).count == 7)
        // Titles get the typography: «О» keeps to the next word.
        #expect(site.pages.map(\.title).contains("О\u{A0}проекте"))
        #expect(site.pages.map(\.title).contains("Межшкольное партнерство"))
    }

    @Test func homePageShowsThePartnership() throws {
        let (output, report) = try Self.build()
        defer { try? FileManager.default.removeItem(at: output) }
        let site = try #require(report.site)
        let home = try Self.page(output, "index.html")
        #expect(home.contains("<html lang=\"ru\">"))
        #expect(home.contains("Целью сотрудничества является"))
        for school in site.schools { #expect(home.contains(XMLText.escape(school.name))) }
        for direction in site.directions { #expect(home.contains(XMLText.escape(direction.title))) }
        let methodical = try #require(site.taxonomies[.directions]?.terms.first { $0.slug == "methodical" })
        #expect(
            home.contains(
                "href=\"directions/methodical/\">\(methodical.title)</a> <span class=\"direction__count\">\(RussianPlural.material.counted(methodical.materials.count))"
            ))
        #expect(home.contains(XMLText.escape(site.materials[0].title.replacingOccurrences(of: "\u{A0}", with: " "))))
    }

    @Test func materialsAreListedNewestFirstAndPaginated() throws {
        let (output, report) = try Self.build()
        defer { try? FileManager.default.removeItem(at: output) }
        let site = try #require(report.site)
        let list = try Self.page(output, "materials/index.html")
        let titles = site.materials.map { XMLText.escape($0.title.replacingOccurrences(of: "\u{A0}", with: " ")) }
        let first = try #require(list.range(of: titles[0]))
        let second = try #require(list.range(of: titles[1]))
        #expect(first.lowerBound < second.lowerBound)
        #expect(site.materials[0].date >= site.materials[1].date)
        #expect(list.contains(site.materials[0].date.russian))
        if site.materials.count > site.config.perPage {
            let page2 = try Self.page(output, "materials/page/2/index.html")
            #expect(page2.contains("Страница 2 из"))
            #expect(page2.contains(titles[site.config.perPage]))
            #expect(page2.contains("href=\"../../\" rel=\"prev\"") || page2.contains("rel=\"prev\""))
        }
    }

    @Test func materialPageHasEverything() throws {
        let (output, report) = try Self.build()
        defer { try? FileManager.default.removeItem(at: output) }
        let site = try #require(report.site)
        let material = try #require(site.materials.first { $0.slug == "cherez-innovatsii-k-kachestvu-obrazovaniia" })
        let html = try Self.page(output, material.path + "index.html")
        #expect(html.contains("14 февраля 2023 г."))
        #expect(html.contains("href=\"../../people/tkachenko-e-e/\">Ткаченко Е.Е.</a>"))
        #expect(html.contains("href=\"../../schools/sosh13/\""))
        #expect(html.contains("href=\"../../kinds/seminar/\""))
        // Table of contents and anchored headings.
        #expect(html.contains("class=\"toc\""))
        for heading in material.headings where heading.level == 2 {
            #expect(html.contains("<h2 id=\"\(heading.anchor)\">"))
            #expect(html.contains("href=\"#\(heading.anchor)\""))
        }
        // Files first: «Файлы (N)» between the summary and the text, each with its type and size
        // and a Russian name to save it under; a PDF also opens in the browser.
        #expect(!material.attachments.isEmpty)
        #expect(html.contains(">Файлы (\(material.attachments.count))</h2>"))
        let files = try #require(html.range(of: "<section class=\"files\""))
        let text = try #require(html.range(of: "<div class=\"prose\">"))
        #expect(files.lowerBound < text.lowerBound)
        for attachment in material.attachments {
            let type = String(attachment.typeName.prefix(1)).uppercased() + attachment.typeName.dropFirst()
            #expect(html.contains("\(type), \(attachment.humanSize)"))
            #expect(
                html.contains(
                    "href=\"\(attachment.file)\" download=\"\(XMLText.escape(attachment.downloadName))\">Скачать"))
            #expect(attachment.downloadName.hasPrefix(String(attachment.title.prefix(10))))
            #expect(html.contains("href=\"\(attachment.file)\">Открыть") == attachment.isPDF)
            #expect(
                FileManager.default.fileExists(
                    atPath: output.appendingPathComponent(material.path + attachment.file).path))
        }
        #expect(html.contains("Похожие материалы"))
        #expect(html.contains("rel=\"prev\"") || html.contains("rel=\"next\""))
    }

    @Test func linksBetweenMaterialsAreRewritten() throws {
        let (output, report) = try Self.build()
        defer { try? FileManager.default.removeItem(at: output) }
        let site = try #require(report.site)
        var checked = 0
        for material in site.materials {
            let html = try Self.page(output, material.path + "index.html")
            #expect(!html.contains(".md\""), "\(material.slug) keeps a .md link")
            // Every relative link of the page leads to a file that exists.
            for href in Self.hrefs(in: html) where !href.contains(":") && !href.hasPrefix("#") {
                let path = href.split(separator: "#").first.map(String.init) ?? ""
                guard !path.isEmpty else { continue }
                let target = output.appendingPathComponent(material.path).appendingPathComponent(path)
                    .standardizedFileURL
                let file = path.hasSuffix("/") ? target.appendingPathComponent("index.html") : target
                #expect(FileManager.default.fileExists(atPath: file.path), "\(material.slug): \(href)")
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test func listingPagesHaveIndexesWithCounts() throws {
        let (output, report) = try Self.build()
        defer { try? FileManager.default.removeItem(at: output) }
        let site = try #require(report.site)
        for kind in TaxonomyKind.allCases {
            let index = try Self.page(output, Routes.file(of: Routes.taxonomy(kind)))
            let taxonomy = try #require(site.taxonomies[kind])
            #expect(!taxonomy.terms.isEmpty, "\(kind)")
            for term in taxonomy.terms {
                #expect(index.contains("href=\"\(term.slug)/\""), "\(kind) \(term.slug)")
                let termPage = try Self.page(output, Routes.file(of: Routes.term(kind, term.slug)))
                #expect(termPage.contains(RussianPlural.material.counted(term.materials.count)))
            }
        }
        // The person written «Ткаченко Е. Е.» once is the same person everywhere.
        let people = try #require(site.taxonomies[.people]?.terms)
        #expect(people.filter { $0.title.hasPrefix("Ткаченко") }.count == 1)
    }

    @Test func feedSitemapRobotsAnd404() throws {
        let (output, report) = try Self.build(baseURL: "https://school.example/okrug/")
        defer { try? FileManager.default.removeItem(at: output) }
        let site = try #require(report.site)
        let feed = try Self.page(output, "feed.xml")
        #expect(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""))
        #expect(feed.components(separatedBy: "<entry>").count - 1 == min(20, site.materials.count))
        #expect(feed.contains("https://school.example/okrug/materials/"))
        let sitemap = try Self.page(output, "sitemap.xml")
        #expect(sitemap.contains("<loc>https://school.example/okrug/materials/\(site.materials[0].slug)/</loc>"))
        #expect(try Self.page(output, "robots.txt").contains("Sitemap: https://school.example/okrug/sitemap.xml"))
        let notFound = try Self.page(output, "404.html")
        #expect(notFound.contains("Страница не найдена"))
        #expect(notFound.contains("href=\"/okrug/assets/style."))
        #expect(notFound.contains("href=\"/okrug/materials/\""))
    }

    @Test func draftsOnlyWithTheFlag() throws {
        let (output, report) = try Self.build()
        defer { try? FileManager.default.removeItem(at: output) }
        let (outputWithDrafts, reportWithDrafts) = try Self.build(drafts: true)
        defer { try? FileManager.default.removeItem(at: outputWithDrafts) }
        let published = try #require(report.site).materials.count
        let all = try #require(reportWithDrafts.site).materials
        #expect(all.count == published + 1)
        let draft = try #require(all.first { $0.draft })
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(draft.path).path))
        #expect(try Self.page(outputWithDrafts, draft.path + "index.html").contains("черновик"))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let (first, _) = try Self.build()
        defer { try? FileManager.default.removeItem(at: first) }
        let (second, _) = try Self.build()
        defer { try? FileManager.default.removeItem(at: second) }
        let files = try Self.allFiles(first)
        #expect(files == (try Self.allFiles(second)))
        #expect(files.count > 100)
        for file in files {
            let a = try Data(contentsOf: first.appendingPathComponent(file))
            let b = try Data(contentsOf: second.appendingPathComponent(file))
            #expect(a == b, "\(file) differs")
        }
    }

    @Test func stylesheetNameCarriesItsHash() throws {
        let (output, _) = try Self.build()
        defer { try? FileManager.default.removeItem(at: output) }
        let assets = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("assets").path)
        let css = try #require(assets.first { $0.hasPrefix("style.") && $0.hasSuffix(".css") })
        #expect(css.count == "style.".count + 10 + ".css".count)
        #expect(try Self.page(output, "index.html").contains("href=\"assets/\(css)\""))
    }

    /// Every page names the site's icon, so no browser asks for a missing `/favicon.ico`.
    @Test func everyPageHasTheSitesIcon() throws {
        let (output, _) = try Self.build()
        defer { try? FileManager.default.removeItem(at: output) }
        let assets = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("assets").path)
        let icon = try #require(assets.first { $0.hasPrefix("favicon.") && $0.hasSuffix(".svg") })
        let svg = try String(contentsOf: output.appendingPathComponent("assets/" + icon), encoding: .utf8)
        #expect(svg.hasPrefix("<svg") && svg.contains("#1d5c4d"))
        #expect(
            try Self.page(output, "index.html").contains(
                "<link rel=\"icon\" href=\"assets/\(icon)\" type=\"image/svg+xml\">"))
        #expect(
            try Self.page(output, "materials/tochka-rosta-opyt-raboty/index.html").contains(
                "<link rel=\"icon\" href=\"../../assets/\(icon)\""))
    }

    static func hrefs(in html: String) -> [String] {
        var out: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "href=\"") {
            let after = rest[start.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            out.append(String(after[..<end]))
            rest = after[end...]
        }
        return out
    }

    static func allFiles(_ root: URL) throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(
                atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue
            {
                files.append(path)
            }
        }
        return files.sorted()
    }
}

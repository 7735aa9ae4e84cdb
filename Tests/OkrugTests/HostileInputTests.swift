import Foundation
import Testing
import Yams

@testable import OkrugCore
@testable import OkrugSite
@testable import OkrugTemplate

/// Inputs made to hurt: alias bombs, deep nesting, invisible control characters. Each is an
/// error at its place, quickly, whichever reader reads the file.
@Suite struct HostileInputTests {
    static let aliasBomb = """
        title: Материал
        a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
        d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
        e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
        f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
        g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
        h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
        i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
        j: [*i, *i, *i, *i, *i, *i, *i, *i, *i]

        """

    @Test func anchorsAndAliasesAreAnErrorWhereTheyStart() throws {
        let site = try TempSite(files: ["materials/bomb.md": "---\n" + Self.aliasBomb + "---\n\nТекст.\n"])
        defer { site.remove() }
        let errors = site.check().errors
        #expect(errors.count == 1)
        #expect(errors.first.map { "\($0.file):\($0.line):\($0.column)" } == "Content/materials/bomb.md:3:4")
        #expect(errors.first?.message.contains("якорь (&a)") == true)

        // In a data file too, and an alias without any anchor.
        let data = try TempSite(files: ["schools.yaml": "- id: sosh13\n  name: *school\n  role: partner\n"])
        defer { data.remove() }
        #expect(data.check().errorPlaces == ["Content/schools.yaml:2:9"])
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let block = (0..<200).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n")
        let site = try TempSite(files: [
            "materials/flow.md": TempSite.material(extra: "tags: \(deep)\n"),
            "materials/block.md": "---\ntitle: x\nnested:\n"
                + block.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n---\n",
        ])
        defer { site.remove() }
        let errors = site.check().errors
        #expect(errors.contains { $0.file.hasSuffix("flow.md") && $0.message.contains("слишком глубокая вложенность") })
        #expect(
            errors.contains { $0.file.hasSuffix("block.md") && $0.message.contains("слишком глубокая вложенность") })
    }

    @Test func aFileOverTheLimitIsAnError() throws {
        let big = TempSite.material(body: String(repeating: "Текст материала. ", count: 600_000))
        let site = try TempSite(files: ["materials/big.md": big])
        defer { site.remove() }
        #expect(site.check().errors.first?.message.contains("файл слишком большой") == true)
    }

    /// Every forbidden character, in a title read by the fast path, in the same title once a
    /// comment sends the file to Yams, and in the body: the same error at the same place.
    @Test func controlCharactersAreOneErrorWhicheverReaderRuns() throws {
        let forbidden: [(Character, String)] = [
            ("\u{0}", "U+0000 (NUL)"), ("\u{1}", "U+0001"), ("\u{1B}", "U+001B (ESC)"), ("\u{7F}", "U+007F (DEL)"),
            ("\u{85}", "U+0085 (NEL)"), ("\u{9F}", "U+009F"), ("\u{2028}", "U+2028 (LINE SEPARATOR)"),
            ("\u{2029}", "U+2029 (PARAGRAPH SEPARATOR)"),
        ]
        for (character, name) in forbidden {
            let title = "Семинар\(character)по чтению"
            let fast = TempSite.material(title: title)
            let yams = TempSite.material(title: title, extra: "# комментарий\n")
            let body = TempSite.material(body: "Первый абзац.\n\nВторой\(character) абзац, дальше текст.\n")
            let site = try TempSite(files: [
                "materials/fast.md": fast, "materials/yams.md": yams, "materials/body.md": body,
            ])
            defer { site.remove() }
            let errors = site.check().errors
            #expect(errors.error(at: "Content/materials/fast.md:2:15")?.message.contains(name) == true, "\(name)")
            #expect(errors.error(at: "Content/materials/yams.md:2:15")?.message.contains(name) == true, "\(name)")
            #expect(errors.error(at: "Content/materials/body.md:12:7")?.message.contains(name) == true, "\(name)")
            #expect(errors.count == 3, "\(name): \(errors.map(\.message))")
        }
        // Tabs, line ends and ordinary non-ASCII text are fine.
        let site = try TempSite(files: [
            "materials/ok.md": TempSite.material(body: "Текст\tс табуляцией,\r\nё, «кавычки» — тире.\n")
        ])
        defer { site.remove() }
        #expect(site.check().errors.isEmpty)
    }

    @Test func anUnclosedQuoteIsReportedWhereItOpens() throws {
        let text = """
            ---
            title: "Семинар о чтении
            date: 2023-02-14
            authors: [Ткаченко Е.Е.]
            school: sosh13
            direction: methodical
            kind: seminar
            tags: [а, б]
            subjects: [математика]
            grades: [5]
            ---

            Текст.

            """
        let site = try TempSite(files: ["materials/quote.md": text])
        defer { site.remove() }
        let errors = site.check().errors
        #expect(errors.errorPlaces == ["Content/materials/quote.md:2:8"])
        #expect(errors.first?.message.contains("кавычка открыта здесь и не закрыта") == true)
    }

    /// A material that cannot be read is reported once: the materials linking to it, and
    /// `okrug check`'s audit, do not add errors of their own about it.
    @Test func aBrokenMaterialCausesNoFollowOnErrors() throws {
        let site = try TempSite(files: [
            "materials/broken.md": "---\ntitle: [не закрыто\n---\n\nТекст.\n",
            "materials/linking.md": TempSite.material(
                body: "См. [сломанный](broken.md) и [его раздел](broken.md#tsel).\n"),
        ])
        defer { site.remove() }
        let diagnostics = Builder.check(site.options()).1
        #expect(diagnostics.errors.map(\.file) == ["Content/materials/broken.md"])
        var timer = StageTimer()
        let audit = Builder.check(site.options(), audit: true, timer: &timer)
        #expect(audit.1.filter { $0.file.hasSuffix("broken.md") }.count == 1)
    }

    /// Links to the site's own sections resolve (relative to the page, so a site in a
    /// subfolder works); a section that does not exist is an error with the nearest one.
    @Test func linksToSiteSectionsResolve() throws {
        let body = """
            [Поиск](/search/), [школа](/schools/sosh13/), [направление](/directions/methodical/),
            [формы](/kinds/seminar/), [лента](/feed.xml), [все](/materials/).

            """
        let site = try TempSite(files: [
            "materials/a.md": TempSite.material(body: body),
            "materials/b.md": TempSite.material(title: "Другой", body: "[Школа](/schools/sosh31/)\n"),
        ])
        defer { site.remove() }
        let errors = site.check().errors
        #expect(errors.errorPlaces == ["Content/materials/b.md:10:1"])
        #expect(errors.first?.hint.contains("/schools/sosh13/") == true)
        try site.read("Content/materials/b.md").map { _ in
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/materials/b.md"))
        }
        #expect(site.build().succeeded)
        let page = try #require(site.read("Public/materials/a/index.html"))
        #expect(page.contains("href=\"../../search/\""))
        #expect(page.contains("href=\"../../schools/sosh13/\""))
        #expect(page.contains("href=\"../../feed.xml\""))
    }

    /// Names the file system would refuse are found by `okrug check`, at their field, before a
    /// build renders anything.
    @Test func namesTooLongForTheFileSystemAreContentErrors() throws {
        let longTag = String(repeating: "щука ", count: 30)
        let longName = String(repeating: "щ", count: 60) + ".md"
        let site = try TempSite(files: [
            "materials/a.md": TempSite.material(extra: "tags: [\(longTag)]\n"),
            "materials/" + longName: TempSite.material(title: "Длинное имя"),
        ])
        defer { site.remove() }
        let errors = site.check().errors
        #expect(
            errors.contains {
                $0.file == "Content/materials/a.md" && $0.line == 8 && $0.message.contains("адрес метки")
            })
        #expect(errors.contains { $0.file.hasSuffix(longName) && $0.hint.contains("slug") })
        #expect(errors.count == 2)
    }

    /// What the fuzz harness found (scripts/fuzz/fuzz.py), each now an error at its place.
    @Test func fuzzFindingsAreErrorsNotCrashes() throws {
        // A per_page that overflowed the page count; a file name with a line break in it.
        let site = try TempSite(files: [
            "site.yaml": TempSite.siteYAML + "per_page: 9223372036854775807\n",
            "materials/di\nstantsionnoe.md": TempSite.material(),
            "materials/a.md": TempSite.material(),
            "materials/tags.md": TempSite.material(
                extra: "tags: [" + (1...150).map { "метка \($0)" }.joined(separator: ", ") + "]\n"),
        ])
        defer { site.remove() }
        let errors = site.check().errors
        #expect(errors.contains { $0.file == "Content/site.yaml" && $0.message.contains("per_page") })
        // Each tag is a page: 150 of them in one material is a mistake, not a site.
        #expect(errors.contains { $0.file == "Content/materials/tags.md" && $0.message.contains("150 значений") })
        let name = try #require(errors.first { $0.message.contains("в имени файла") })
        #expect(name.formatted.hasPrefix("Content/materials/di\\u{A}stantsionnoe.md: error:"))
        #expect(!name.formatted.contains("\n"))
    }

    /// `okrug check` reads drafts too, yet says what the build would: a published material
    /// linking to a draft fails the build, so it fails the check.
    @Test func checkReportsALinkToADraftAsTheBuildWould() throws {
        let site = try TempSite(files: [
            "materials/draft.md": TempSite.material(extra: "draft: yes\n"),
            "materials/a.md": TempSite.material(body: "См. [черновик](draft.md).\n"),
            "materials/b.md": TempSite.material(extra: "draft: true\n", body: "См. [черновик](draft.md).\n"),
        ])
        defer { site.remove() }
        #expect(!site.build().succeeded)
        let checked = Checker.run(site.options()).errors
        #expect(checked.map(\.file) == ["Content/materials/a.md"], "\(checked.map(\.formatted))")
        #expect(checked.first?.message.contains("черновик") == true)
    }

    /// A broken schools.yaml is one error, not one more for every material naming a school.
    @Test func aBrokenDataFileIsReportedOnce() throws {
        let site = try TempSite(files: [
            "schools.yaml": "- id: sosh13\n  name: [не закрыто\n",
            "materials/a.md": TempSite.material(), "materials/b.md": TempSite.material(title: "Б"),
        ])
        defer { site.remove() }
        #expect(site.check().errors.map(\.file) == ["Content/schools.yaml"])
    }

    // MARK: the two readers agree

    static let keys = [
        "title", "date", "authors", "school", "direction", "kind", "activity", "subjects", "grades", "tags", "summary",
        "draft", "slug", "Title", "x_y", "a-b",
    ]
    static let words = [
        "Семинар", "урок", "5", "2023-02-14", "true", "null", "~", "yes", "0x1F", "1e3", "-", "a: b", "a:b", "#тег",
        "a #b", "«ёлочки»", "Е.Е.", "[x]", "{y}", "x, y", "'", "\"", "a'b", "a\"b", "\\", "\\n", "  ", "é", "&a", "*a",
        "!tag", "|", ">", "%", "@", "`", "?", ": ", "—", "ё", "\u{0}", "\u{85}", "\u{2028}", "\t",
    ]

    static func scalar(_ generator: inout Generator) -> String {
        var text = (0..<(1 + generator.next() % 3)).map { _ in generator.pick(words) }.joined(
            separator: generator.pick([" ", "", ", ", ":", " #"]))
        switch generator.next() % 4 {
        case 0: text = "\"" + text + "\""
        case 1: text = "'" + text + "'"
        default: break
        }
        return text
    }

    static func frontMatter(_ generator: inout Generator) -> String {
        var lines: [String] = []
        for _ in 0..<(1 + generator.next() % 6) {
            let key = generator.pick(keys)
            switch generator.next() % 5 {
            case 0:
                lines.append(key + ":")
                let indent = generator.pick(["", "  ", " "])
                for _ in 0..<(generator.next() % 3) { lines.append(indent + "- " + scalar(&generator)) }
            case 1:
                let items = (0..<(generator.next() % 4)).map { _ in scalar(&generator) }
                lines.append(key + ": [" + items.joined(separator: generator.pick([", ", ",", " , "])) + "]")
            case 2:
                lines.append(key + ":" + generator.pick(["", " ", "  "]))
            default:
                lines.append(key + ": " + scalar(&generator) + generator.pick(["", " ", "  "]))
            }
            if generator.chance(5) { lines.append(generator.pick(["# комментарий", "", "  ", "\t"])) }
        }
        return lines.joined(separator: generator.pick(["\n", "\r\n"])) + "\n"
    }

    /// Generated front matters through the fast path and through Yams alone (each after the
    /// same decoding): the same values at the same places, or the same error at the same place.
    @Test func theFastPathAndYamsGiveTheSameAnswer() throws {
        var generator = Generator(state: 20_231_129)
        var fastCount = 0
        for index in 0..<6000 {
            let text = Self.frontMatter(&generator)
            let file = YAMLFile(displayPath: "Content/materials/x.md", firstLine: 2)
            func read(fastPath: Bool) -> String {
                switch SourceText.decode(bytes: Array(text.utf8), displayPath: file.displayPath) {
                case .failure(let diagnostic):
                    return "error \(diagnostic.line):\(diagnostic.column) \(diagnostic.message)"
                case .success(let source):
                    switch file.parse(source.text, fastPath: fastPath) {
                    case .success(let node): return node.map(SimpleYAMLTests.describe) ?? "empty"
                    case .failure(let diagnostic):
                        return "error \(diagnostic.line):\(diagnostic.column) \(diagnostic.message)"
                    }
                }
            }
            if SimpleYAML.parse(text.replacingOccurrences(of: "\r\n", with: "\n")) != nil { fastCount += 1 }
            let fast = read(fastPath: true)
            let yams = read(fastPath: false)
            #expect(fast == yams, "case \(index):\n\(text)")
            if fast != yams { break }
        }
        // The generator reaches the fast path often enough for the comparison to mean something.
        #expect(fastCount > 1000)
    }
}

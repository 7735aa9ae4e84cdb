import Foundation

@testable import OkrugCore
@testable import OkrugSite
@testable import OkrugTemplate
@testable import OkrugText

/// The repository's root, found from this file, for the real `Content/` and `Templates/`.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// A content folder written into a fresh temporary directory, with valid data files unless
/// a test overrides them.
struct TempSite {
    let root: URL

    static let siteYAML = """
        title: Тестовый округ
        description: Банк материалов для тестов
        base_url: https://example.org/okrug/
        language: ru

        """
    static let schoolsYAML = """
        - id: sosh13
          name: МБОУ «СОШ №13»
          short: СОШ №13
          role: partner
        - id: prigorodnaya
          name: Пригородная СОШ
          role: satellite

        """
    static let directionsYAML = """
        - id: methodical
          title: Методическое взаимодействие
          description: Семинары, вебинары, мастер-классы.
        - id: psychology
          title: Психолого-педагогическое сопровождение

        """

    /// A valid material's front matter plus `body`.
    static func material(
        title: String = "Материал", date: String = "2023-02-14", extra: String = "", body: String = "Текст материала.\n"
    ) -> String {
        """
        ---
        title: \(title)
        date: \(date)
        authors: [Ткаченко Е.Е.]
        school: sosh13
        direction: methodical
        kind: seminar
        \(extra)---

        \(body)
        """
    }

    init(files: [String: String] = [:], data: [String: Data] = [:], withDefaults: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("okrug-test-\(UUID().uuidString)")
        var all: [String: Data] = [:]
        if withDefaults {
            all["Content/site.yaml"] = Data(Self.siteYAML.utf8)
            all["Content/schools.yaml"] = Data(Self.schoolsYAML.utf8)
            all["Content/directions.yaml"] = Data(Self.directionsYAML.utf8)
        }
        for (path, text) in files { all["Content/" + path] = Data(text.utf8) }
        for (path, bytes) in data { all["Content/" + path] = bytes }
        for (path, bytes) in all {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try bytes.write(to: url)
        }
    }

    func options(output: String = "Public", baseURL: String? = nil, drafts: Bool = false) -> BuildOptions {
        BuildOptions(
            content: "Content", templates: repositoryRoot.appendingPathComponent("Templates").path, output: output,
            baseURL: baseURL, includeDrafts: drafts, buildDay: CalendarDay(year: 2023, month: 12, day: 31),
            workingDirectory: root)
    }

    func build(baseURL: String? = nil, drafts: Bool = false) -> Builder.Report {
        Builder.build(options(baseURL: baseURL, drafts: drafts))
    }

    func check() -> [Diagnostic] {
        Builder.check(options()).1
    }

    /// The file's text with no-break spaces read as spaces: what a page says, whatever
    /// typography keeps together (`TypographyTests`, the browser tests check that).
    func read(_ path: String) -> String? {
        readExactly(path)?.replacingOccurrences(of: "\u{A0}", with: " ")
    }

    func readExactly(_ path: String) -> String? {
        (try? Data(contentsOf: root.appendingPathComponent(path))).flatMap { String(data: $0, encoding: .utf8) }
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

extension Array where Element == Diagnostic {
    /// `file:line:column` of each error, for compact assertions.
    var errorPlaces: [String] { errors.map { "\($0.file):\($0.line):\($0.column)" } }

    func error(at place: String) -> Diagnostic? {
        errors.first { "\($0.file):\($0.line):\($0.column)" == place }
    }
}

/// A small deterministic generator (SplitMix64) for tests over generated inputs: a failure
/// repeats from its seed.
struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
    mutating func chance(_ percent: UInt64) -> Bool { next() % 100 < percent }
}

import Foundation
import Testing

/// The arrows between the stages (docs/architecture.md), checked over the sources themselves:
/// a file that imports a module its stage may not use, unsafe pointer code outside the two
/// low-level targets, or cmark memory handled outside its one discipline fails the test run.
@Suite struct ArchitectureTests {
    /// Modules any stage may import.
    static let everywhere: Set<String> = ["Foundation", "Dispatch", "Synchronization"]

    /// What each target may import, besides `everywhere`. Dependencies point one way:
    /// CLI → site → import / search → core → markdown / template → text and system; the
    /// server → site and search.
    static let allowed: [String: Set<String>] = [
        "OkrugSystem": ["Glibc", "CXattr", "CYaml", "Yams"],
        "OkrugText": [],
        "OkrugMarkdown": ["Glibc", "Ccmark", "OkrugSystem", "OkrugText"],
        "OkrugTemplate": ["OkrugSystem", "OkrugText"],
        "OkrugCore": ["Yams", "OkrugMarkdown", "OkrugSystem", "OkrugText"],
        "OkrugImport": ["Glibc", "OkrugCore", "OkrugSystem", "OkrugText"],
        "OkrugSearch": ["Czlib", "OkrugCore", "OkrugSystem", "OkrugText"],
        "OkrugSite": [
            "OkrugCore", "OkrugImport", "OkrugSearch", "OkrugTemplate", "OkrugMarkdown", "OkrugSystem", "OkrugText",
        ],
        "OkrugServer": [
            "OkrugSite", "OkrugSearch", "OkrugCore", "OkrugSystem", "OkrugText", "Hummingbird", "Logging", "NIOCore",
            "ServiceLifecycle",
        ],
        "okrug": ["ArgumentParser", "OkrugSite", "OkrugImport", "OkrugSearch", "OkrugCore", "OkrugSystem"],
        "okrug-serve": ["ArgumentParser", "OkrugServer", "OkrugSite", "OkrugSearch"],
    ]

    /// The only targets with unsafe pointer code: cmark's tree and memory, and the system calls.
    static let unsafeAllowed: Set<String> = ["OkrugMarkdown", "OkrugSystem"]
    /// Single files elsewhere that hold a C library's stream: zlib's, for Pagefind's gzip.
    static let unsafeFiles: Set<String> = ["OkrugSearch/Gzip.swift"]

    static let sources = repositoryRoot.appendingPathComponent("Sources")

    /// Swift files of a target, by path relative to `Sources/<target>/`.
    static func files(of target: String) throws -> [(String, String)] {
        let folder = sources.appendingPathComponent(target)
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var found: [(String, String)] = []
        for case let path as String in walker where path.hasSuffix(".swift") {
            found.append((path, try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)))
        }
        return found.sorted { $0.0 < $1.0 }
    }

    /// The code without comments and string literals, so a word in prose is not a violation.
    static func code(_ source: String) -> String {
        source.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line -> String in
                var kept = String(line).replacing(/"(?:\\.|[^"\\])*"/, with: "\"\"")
                if let comment = kept.range(of: "//") { kept = String(kept[..<comment.lowerBound]) }
                return kept
            }
            .joined(separator: "\n")
    }

    /// A string that spells an address of the site or a folder of Content/.
    nonisolated(unsafe) static let routeLiteral =
        /"(?:materials|pages|plans?|search|schools|directions|kinds|people|subjects|grades|tags|pagefind)\/|(?:feed|sitemap)\.xml|robots\.txt|404\.html|calendar\.ics|results\.csv|\bpage\/\\\(/

    /// What is wrong with one file of `target`.
    static func violations(target: String, file: String, source: String) -> [String] {
        var found: [String] = []
        let permitted = everywhere.union(allowed[target] ?? [])
        let importLine =
            /(?m)^[ \t]*(?:@testable[ \t]+|@_exported[ \t]+)?import[ \t]+(?:(?:struct|enum|class|func|protocol|typealias|var|let)[ \t]+)?(\w+)/
        for match in source.matches(of: importLine) {
            let module = String(match.1)
            if !permitted.contains(module) { found.append("\(target)/\(file): import \(module) is not allowed here") }
        }
        let body = code(source)
        if !unsafeAllowed.contains(target), !unsafeFiles.contains("\(target)/\(file)"),
            let hit = body.firstMatch(
                of:
                    /(?m)(?:^|[^\w])(Unsafe\w*|withUnsafe\w*|OpaquePointer|Unmanaged|baseAddress|unsafeUninitialized\w*|nonisolated\(unsafe\)|pointee|mem(?:chr|cpy|cmp|set)\()/
            )
        {
            found.append("\(target)/\(file): unsafe code («\(hit.1)») belongs in OkrugSystem or OkrugMarkdown")
        }
        // Addresses are spelled in Routes only (and the sources' folders in ContentFolders).
        if file != "Routes/Routes.swift", file != "Load/ContentFolders.swift" {
            for line in source.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                if let hit = line.firstMatch(of: routeLiteral) {
                    found.append("\(target)/\(file): the address «\(hit.0)» belongs in Routes")
                }
            }
        }
        if target == "OkrugMarkdown" {
            // cmark's memory: only through MarkdownArena.scope (see MarkdownArena.swift).
            if let hit = body.firstMatch(of: /(cmark_parse_document|cmark_node_new|cmark_parser_new)\(/) {
                found.append("\(target)/\(file): «\(hit.1)» takes the C allocator; use MarkdownArena.scope")
            }
            if file != "MarkdownArena.swift", let hit = body.firstMatch(of: /(?m)(?:^|[^\w.])(free\()/) {
                found.append("\(target)/\(file): «\(hit.1)» on cmark's memory; the arena gives it back")
            }
        }
        return found
    }

    @Test func everyTargetHasItsRule() throws {
        let targets = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path)
            .filter { !$0.hasPrefix(".") && $0 != "Ccmark" && $0 != "CXattr" && $0 != "Czlib" }
        #expect(Set(targets) == Set(Self.allowed.keys))
    }

    @Test func importsPointOneWayAndUnsafeCodeStaysLow() throws {
        var found: [String] = []
        for target in Self.allowed.keys.sorted() {
            for (file, source) in try Self.files(of: target) {
                found += Self.violations(target: target, file: file, source: source)
            }
        }
        #expect(found == [])
    }

    /// Each target of Package.swift with the modules it depends on: a product by its name
    /// (`.product(name: "Yams", package: "Yams")` is Yams), a target by its own.
    static func manifestTargets(_ manifest: String) -> [String: [String]] {
        var targets: [String: [String]] = [:]
        for chunk in manifest.split(separator: /\.(?:target|executableTarget)\(/, omittingEmptySubsequences: false)
            .dropFirst()
        {
            guard let name = chunk.firstMatch(of: /name:\s*"([^"]+)"/)?.1 else { continue }
            let declared =
                chunk.firstMatch(of: /dependencies:\s*\[((?:[^\[\]]|\[[^\]]*\])*)\]/).map { String($0.1) } ?? ""
            let products = declared.matches(of: /\.product\(\s*name:\s*"([^"]+)"[^)]*\)/).map { String($0.1) }
            let plain = declared.replacing(/\.product\([^)]*\)/, with: "").matches(of: /"([^"]+)"/).map { String($0.1) }
            targets[String(name)] = plain + products
        }
        return targets
    }

    static var manifest: String {
        get throws { try String(contentsOf: repositoryRoot.appendingPathComponent("Package.swift"), encoding: .utf8) }
    }

    /// Package.swift may not declare what the sources may not import.
    @Test func packageDeclaresOnlyAllowedDependencies() throws {
        let targets = Self.manifestTargets(try Self.manifest)
        #expect(Set(targets.keys) == Set(Self.allowed.keys))
        for (name, modules) in targets {
            for module in modules {
                #expect(
                    Self.allowed[name]?.contains(module) == true,
                    "\(name) declares \(module), which ArchitectureTests.allowed does not let it use")
            }
        }
    }

    /// A product named like its package is read as a dependency too (Yams was once skipped).
    @Test func productsNamedLikeTheirPackageAreChecked() {
        let manifest = """
            .target(name: "A", dependencies: ["B", .product(name: "Yams", package: "Yams")]),
            .executableTarget(name: "C", dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")])
            """
        #expect(Self.manifestTargets(manifest) == ["A": ["B", "Yams"], "C": ["ArgumentParser"]])
    }

    /// The map in docs/architecture.md is the manifest's: each module with the stage modules
    /// it depends on, between the markers, as `manifestMap` writes it.
    static func manifestMap(_ targets: [String: [String]]) -> String {
        let stages = Set(targets.keys)
        return targets.keys.sorted().map { name in
            let uses = (targets[name] ?? []).filter(stages.contains).sorted()
            return "- \(name) → " + (uses.isEmpty ? "—" : uses.joined(separator: ", "))
        }.joined(separator: "\n")
    }

    @Test func architectureDocumentShowsTheManifestsMap() throws {
        let document = try String(
            contentsOf: repositoryRoot.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        let map = Self.manifestMap(Self.manifestTargets(try Self.manifest))
        let start = "<!-- map: ArchitectureTests.manifestMap -->\n"
        let end = "\n<!-- end of map -->"
        let shown = document.firstRange(of: start).flatMap { begin in
            document[begin.upperBound...].firstRange(of: end).map { String(document[begin.upperBound..<$0.lowerBound]) }
        }
        #expect(shown == map, "docs/architecture.md's map differs from Package.swift; put there:\n\(map)")
    }

    /// The checks catch what they are for.
    @Test func aBackwardImportAndStrayUnsafeCodeAreCaught() {
        let backward = "import Foundation\nimport OkrugSite\n\nstruct X {}\n"
        #expect(Self.violations(target: "OkrugCore", file: "X.swift", source: backward).count == 1)
        let server = "@testable import Hummingbird\n"
        #expect(Self.violations(target: "okrug", file: "Okrug.swift", source: server).count == 1)
        let pointer = "func f(_ a: [UInt8]) { a.withUnsafeBytes { _ in } }\n"
        #expect(Self.violations(target: "OkrugSite", file: "X.swift", source: pointer).count == 1)
        #expect(Self.violations(target: "OkrugSystem", file: "X.swift", source: pointer) == [])
        let prose = "// withUnsafeBytes is not used here\nlet s = \"UnsafePointer\"\n"
        #expect(Self.violations(target: "OkrugSite", file: "X.swift", source: prose) == [])
        let route = "let path = \"materials/\\(slug)/\"\n"
        #expect(Self.violations(target: "OkrugSite", file: "Render/X.swift", source: route).count == 1)
        #expect(Self.violations(target: "OkrugCore", file: "Routes/Routes.swift", source: route) == [])
        let cmark = "let root = cmark_parse_document(text, count, 0)\nfree(html)\n"
        #expect(Self.violations(target: "OkrugMarkdown", file: "Markdown.swift", source: cmark).count == 2)
    }
}

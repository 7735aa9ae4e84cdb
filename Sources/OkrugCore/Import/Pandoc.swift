import Foundation
import OkrugSystem

/// pandoc, the standard document converter, which `okrug import-doc` runs. `scripts/setup.sh`
/// installs it into the project's `.venv/` (PyPI `pypandoc-binary`: pandoc 3 as one static
/// binary, the same version on every machine; Debian 12's own package is pandoc 2.17, whose
/// Lua filters lack what `ImportFilter` uses).
public struct Pandoc: Sendable {
    public var executable: String

    /// The lowest major version the filter works with.
    static let minimumMajorVersion = 3

    /// `OKRUG_PANDOC`, else pandoc in `.venv/` of the working folder, else `pandoc` on the
    /// PATH if it is version 3 or newer; `nil` when none is there.
    public static func find(workingDirectory: URL? = nil) -> Pandoc? {
        let cwd = workingDirectory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var candidates: [String] = []
        if let custom = ProcessInfo.processInfo.environment["OKRUG_PANDOC"], !custom.isEmpty {
            candidates.append(custom)
        }
        let lib = cwd.appendingPathComponent(".venv/lib")
        let pythons = (try? FileManager.default.contentsOfDirectory(atPath: lib.path))?.sorted() ?? []
        for python in pythons where python.hasPrefix("python") {
            candidates.append(lib.appendingPathComponent(python + "/site-packages/pypandoc/files/pandoc").path)
        }
        candidates.append("pandoc")
        for candidate in candidates {
            let version = run(candidate, ["--version"])
            guard version.status == 0, let major = majorVersion(of: version.output), major >= minimumMajorVersion
            else { continue }
            return Pandoc(executable: candidate)
        }
        return nil
    }

    /// 3 for «pandoc 3.9\n…».
    static func majorVersion(of output: String) -> Int? {
        guard let first = output.split(separator: "\n").first else { return nil }
        let words = first.split(separator: " ")
        guard words.count >= 2, words[0] == "pandoc" || words[0] == "pandoc.exe" else { return nil }
        return words[1].split(separator: ".").first.flatMap { Int($0) }
    }

    /// Runs pandoc in `folder` (where `--extract-media` writes); what it says on stderr.
    func run(_ arguments: [String], in folder: URL) -> (status: Int32, errors: String, limitHit: String?) {
        // pandoc's own heap limit (its manual's advice for untrusted input) under the address-space one.
        let limits = ExternalTool.Limits.document
        let outcome = ExternalTool.env.run(
            [executable, "+RTS", "-M\((limits.memoryBytes * 2 / 3) >> 20)m", "-RTS"] + arguments, in: folder,
            limits: limits)
        return (outcome.status, outcome.errors, outcome.limitHit.map { "pandoc \($0.russian)" })
    }

    /// `pandoc --version` and the like: a short answer on stdout.
    static func run(_ executable: String, _ arguments: [String]) -> (status: Int32, output: String) {
        let outcome = ExternalTool.env.run([executable] + arguments, limits: .question)
        return (outcome.status, String(decoding: outcome.output, as: UTF8.self))
    }
}

import Foundation
import OkrugCore
import OkrugSystem

/// pandoc, the standard document converter, which `okrug import-doc` runs. `scripts/setup.sh`
/// installs it into the project's `.venv/` (PyPI `pypandoc-binary`: pandoc 3 as one static
/// binary, the same version on every machine; Debian 12's own package is pandoc 2.17, whose
/// Lua filters lack what `ImportFilter` uses).
public struct Pandoc: Sendable {
    package var tool: ExternalTool

    /// The lowest major version the filter works with.
    static let minimumMajorVersion = 3

    /// How pandoc is found: `OKRUG_PANDOC`, the project's `.venv/`, the PATH; version 3 or newer.
    static let lookup = ProgramLookup(
        "pandoc", inProject: [[".venv/lib/python*/site-packages/pypandoc/files/pandoc"]],
        answers: { (majorVersion(of: $0) ?? 0) >= minimumMajorVersion })

    public static func find(
        workingDirectory: URL? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Pandoc? {
        ExternalTool.find(lookup, workingDirectory: workingDirectory, environment: environment).map(Pandoc.init)
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
        let outcome = tool.run(
            ["+RTS", "-M\((limits.memoryBytes * 2 / 3) >> 20)m", "-RTS"] + arguments, in: folder, limits: limits)
        return (outcome.status, outcome.errors, outcome.limitHit.map { "pandoc \($0.russian)" })
    }
}

import Foundation

/// Where okrug looks for one program it runs, the same way for every tool: the variable
/// `OKRUG_<NAME>` first (a command; it may carry arguments), then the project's `.venv/` (what
/// `scripts/setup.sh` installs from PyPI), then the PATH. A program with `answers` counts only
/// when it answers `question` so (pandoc must be version 3).
package struct ProgramLookup: Sendable {
    /// The name on the PATH: `pandoc`.
    package var name: String
    /// The variable that names another command: `OKRUG_PANDOC`.
    package var variable: String
    /// Commands under the working folder, a `*` standing for any one name
    /// (`.venv/lib/python*/site-packages/pypandoc/files/pandoc`).
    package var inProject: [[String]]
    package var question: [String]
    package var answers: (@Sendable (String) -> Bool)?

    package init(
        _ name: String, inProject: [[String]] = [], question: [String] = ["--version"],
        answers: (@Sendable (String) -> Bool)? = nil
    ) {
        self.name = name
        variable = "OKRUG_" + name.uppercased().replacingOccurrences(of: "-", with: "_")
        self.inProject = inProject
        self.question = question
        self.answers = answers
    }

    /// Every command to try, in order.
    func candidates(workingDirectory: URL, environment: [String: String]) -> [[String]] {
        var found: [[String]] = []
        if let custom = environment[variable]?.split(separator: " ").map(String.init), !custom.isEmpty {
            found.append(custom)
        }
        for command in inProject {
            guard let first = command.first else { continue }
            for path in Self.expand(first, in: workingDirectory) {
                found.append([path] + command.dropFirst())
            }
        }
        found.append([name])
        return found
    }

    /// The paths `pattern` names under `folder`, a `*` segment matching names by their start
    /// and end, in name order.
    static func expand(_ pattern: String, in folder: URL) -> [String] {
        var paths = [folder.path]
        for segment in pattern.split(separator: "/").map(String.init) {
            guard let star = segment.firstIndex(of: "*") else {
                paths = paths.map { $0 + "/" + segment }
                continue
            }
            let start = segment[..<star]
            let end = segment[segment.index(after: star)...]
            paths = paths.flatMap { path in
                ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
                    .filter { $0.hasPrefix(start) && $0.hasSuffix(end) }.map { path + "/" + $0 }
            }
        }
        return paths
    }
}

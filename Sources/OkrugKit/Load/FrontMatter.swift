/// A Markdown file split into its YAML front matter and its body.
///
/// The line numbers are kept so that a problem in either part is reported at the line of
/// the file, not of the part.
public struct FrontMatterSplit: Sendable, Hashable {
    /// The YAML between the `---` lines (empty when there is none).
    public var yaml: String
    /// Line of the file where `yaml` starts (the line after the opening `---`).
    public var yamlFirstLine: Int
    /// The Markdown after the closing `---`.
    public var body: String
    /// Line of the file where `body` starts.
    public var bodyFirstLine: Int
    /// Whether the file had front matter at all.
    public var hasFrontMatter: Bool

    public enum Problem: Error, Sendable, Hashable {
        /// An opening `---` without a closing one.
        case unterminated
    }

    /// Splits `text` (already normalised to `\n`). Front matter starts with a line `---` on the
    /// first line and ends with a line `---` or `...`.
    public static func split(_ text: String) -> Result<FrontMatterSplit, Problem> {
        guard text.hasPrefix("---\n") || text == "---" else {
            return .success(
                FrontMatterSplit(yaml: "", yamlFirstLine: 1, body: text, bodyFirstLine: 1, hasFrontMatter: false))
        }
        var lineNumber = 1
        var yamlLines: [Substring] = []
        var index = text.index(text.startIndex, offsetBy: 4, limitedBy: text.endIndex) ?? text.endIndex
        while index < text.endIndex {
            let end = text[index...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[index..<end]
            lineNumber += 1
            var trimmed = line
            while trimmed.last == " " || trimmed.last == "\t" { trimmed = trimmed.dropLast() }
            if trimmed == "---" || trimmed == "..." {
                let bodyStart = end < text.endIndex ? text.index(after: end) : end
                return .success(
                    FrontMatterSplit(
                        yaml: yamlLines.joined(separator: "\n") + (yamlLines.isEmpty ? "" : "\n"),
                        yamlFirstLine: 2,
                        body: String(text[bodyStart...]),
                        bodyFirstLine: lineNumber + 1,
                        hasFrontMatter: true))
            }
            yamlLines.append(line)
            index = end < text.endIndex ? text.index(after: end) : end
        }
        return .failure(.unterminated)
    }
}

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
        // Over UTF-8 bytes: lines end at `\n`, and every index found is at an ASCII byte.
        let utf8 = text.utf8
        let end = utf8.endIndex
        let yamlStart = utf8.index(utf8.startIndex, offsetBy: 4, limitedBy: end) ?? end
        var lineNumber = 1
        var lineStart = yamlStart
        while lineStart < end {
            let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? end
            lineNumber += 1
            var trimmedEnd = lineEnd
            while trimmedEnd > lineStart {
                let last = utf8[utf8.index(before: trimmedEnd)]
                guard last == 0x20 || last == 0x09 else { break }
                trimmedEnd = utf8.index(before: trimmedEnd)
            }
            let line = utf8[lineStart..<trimmedEnd]
            if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) {
                let bodyStart = lineEnd < end ? utf8.index(after: lineEnd) : end
                return .success(
                    FrontMatterSplit(
                        yaml: String(text[yamlStart..<lineStart]),
                        yamlFirstLine: 2,
                        body: String(text[bodyStart...]),
                        bodyFirstLine: lineNumber + 1,
                        hasFrontMatter: true))
            }
            lineStart = lineEnd < end ? utf8.index(after: lineEnd) : end
        }
        return .failure(.unterminated)
    }
}

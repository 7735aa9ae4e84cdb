/// The texts made from a schema: the front matter `okrug new` writes and the README's field
/// reference (a test keeps the README equal to it).
public enum SchemaText {
    /// The front matter's lines (without the `---`): each field's comment, then the field with
    /// its value from `values`, or commented out with its example. `lists` fills the comments'
    /// `{schools}`, `{directions}`, `{kinds}`.
    package static func scaffold<R>(
        _ fields: [ContentField<R>], values: [String: String], lists: [String: String] = [:]
    )
        -> String
    {
        var lines: [String] = []
        for field in fields {
            guard var comment = field.scaffold else { continue }
            for (name, list) in lists { comment = comment.replacingOccurrences(of: "{\(name)}", with: list) }
            if !comment.isEmpty { lines.append("# " + comment) }
            if let value = values[field.key] {
                lines.append("\(field.key): \(value)")
                continue
            }
            let example = field.example.split(separator: "\n", omittingEmptySubsequences: false)
            if example.count > 1 {
                lines.append("# \(field.key):")
                lines += example.dropFirst().map { "#" + $0 }
            } else {
                lines.append("# \(field.key): \(field.example)")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The column where the README's comments start.
    static let noteColumn = 51

    /// The README's reference: every field with its example and what it is, as YAML: front
    /// matter between `---`, or (`list`) one item of a data file's list.
    public static func reference<R>(_ fields: [ContentField<R>], list: Bool = false) -> String {
        var lines = list ? ["```yaml"] : ["```yaml", "---"]
        for (index, field) in fields.enumerated() {
            let example = field.example.split(separator: "\n", omittingEmptySubsequences: false)
            let first = example.first.map(String.init) ?? ""
            let indent = list ? (index == 0 ? "- " : "  ") : ""
            var line = indent + (first.isEmpty ? "\(field.key):" : "\(field.key): \(first)")
            line += String(repeating: " ", count: max(1, noteColumn - line.count))
            lines.append(line + "# " + field.note)
            lines += example.dropFirst().map(String.init)
        }
        return (lines + (list ? ["```"] : ["---", "```"])).joined(separator: "\n")
    }

    /// The README's sentence for a kind with few fields: «Поля: `title` (обязательно), …».
    public static func sentence<R>(_ fields: [ContentField<R>]) -> String {
        "Поля: " + fields.map { "`\($0.key)` (\($0.note))" }.joined(separator: ", ") + "."
    }
}

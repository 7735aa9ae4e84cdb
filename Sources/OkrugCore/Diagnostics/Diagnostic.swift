/// One problem found in the content, with where it is and how to fix it.
///
/// Every stage of the pipeline reports problems as values instead of throwing, so that a
/// build shows the methodist *all* the problems of their content at once.
public struct Diagnostic: Error, Sendable, Hashable, Comparable {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    /// Path as the user gave it (relative to the working folder when possible).
    public var file: String
    /// 1-based line in the file (front matter counted); 0 when the problem is the whole file.
    public var line: Int
    /// 1-based column, counted in characters; 0 when unknown.
    public var column: Int
    /// What is wrong, in Russian.
    public var message: String
    /// How to fix it, in Russian; may be empty.
    public var hint: String

    public init(
        _ severity: Severity, _ position: SourcePosition, _ message: String, hint: String = ""
    ) {
        self.severity = severity
        self.file = position.file
        self.line = position.line
        self.column = position.column
        self.message = Self.clipped(message)
        self.hint = Self.clipped(hint)
    }

    /// A value quoted back to the author («…») is shortened when it is long: a 200 000-letter
    /// id must not make a two-megabyte message (and a list of ids repeats it in every hint).
    static func clipped(_ text: String) -> String {
        guard text.utf8.count > 240 else { return text }
        var out = ""
        var quoted = ""
        var inQuote = false
        for character in text {
            if inQuote {
                if character == "»" {
                    out += quoted.count > 80 ? quoted.prefix(60) + "…" + quoted.suffix(10) : quoted
                    out.append(character)
                    quoted = ""
                    inQuote = false
                } else {
                    quoted.append(character)
                }
            } else {
                out.append(character)
                if character == "«" { inQuote = true }
            }
        }
        out += quoted
        return out.count > 2000 ? out.prefix(2000) + "…" : out
    }

    public static func error(_ position: SourcePosition, _ message: String, hint: String = "") -> Diagnostic {
        Diagnostic(.error, position, message, hint: hint)
    }

    public static func warning(_ position: SourcePosition, _ message: String, hint: String = "") -> Diagnostic {
        Diagnostic(.warning, position, message, hint: hint)
    }

    /// `file:line:column: error: message — hint`, the form editors and CI logs understand;
    /// `file: error: …` when the problem is the whole file or folder (or an option), which has
    /// no line to point at.
    public var formatted: String {
        let place = line > 0 ? "\(file):\(line):\(max(column, 1))" : file
        var text = "\(place): \(severity.rawValue): \(message)"
        if !hint.isEmpty { text += " — \(hint)" }
        return text
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.file, lhs.line, lhs.column, lhs.message) < (rhs.file, rhs.line, rhs.column, rhs.message)
    }
}

/// A place in a source file.
public struct SourcePosition: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }
}

extension Array where Element == Diagnostic {
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }
    public var hasErrors: Bool { contains { $0.severity == .error } }
}

import Foundation
import OkrugText

/// How `okrug check` prints its findings: for a person, for a program, for GitHub Actions.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    /// `file:line:col: error: message — hint`, the form editors jump to.
    case text
    /// `{"errors": 1, "warnings": 0, "diagnostics": [{…}]}`
    case json
    /// `::error file=…,line=…,col=…::message — hint`: annotations on the lines of a pull request.
    case github

    public func render(_ diagnostics: [Diagnostic]) -> String {
        switch self {
        case .text:
            return diagnostics.map { $0.formatted + "\n" }.joined()
        case .json:
            struct Entry: Encodable {
                var severity: String
                var file: String
                var line: Int
                var column: Int
                var message: String
                var hint: String
            }
            struct Document: Encodable {
                var errors: Int
                var warnings: Int
                var diagnostics: [Entry]
            }
            let document = Document(
                errors: diagnostics.errors.count, warnings: diagnostics.warnings.count,
                diagnostics: diagnostics.map {
                    Entry(
                        severity: $0.severity == .error ? "error" : "warning", file: $0.file, line: $0.line,
                        column: $0.column, message: $0.message, hint: $0.hint)
                })
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
            return (String(data: data, encoding: .utf8) ?? "{}") + "\n"
        case .github:
            return diagnostics.map { diagnostic in
                var properties = ["file=\(Self.property(diagnostic.file))"]
                if diagnostic.line > 0 {
                    properties.append("line=\(diagnostic.line)")
                    if diagnostic.column > 0 { properties.append("col=\(diagnostic.column)") }
                }
                properties.append("title=okrug")
                let text = diagnostic.hint.isEmpty ? diagnostic.message : "\(diagnostic.message) — \(diagnostic.hint)"
                let command = diagnostic.severity == .error ? "error" : "warning"
                return "::\(command) \(properties.joined(separator: ","))::\(Self.data(text))\n"
            }.joined()
        }
    }

    /// The escaping of GitHub's workflow commands: `%`, CR and LF in the message…
    static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// …and also `:` and `,` in a property.
    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

extension DiagnosticFormat {
    /// Every problem on its line, then how many there are («2 ошибки, 1 предупреждение»):
    /// what the commands print to the terminal. Empty when there is nothing.
    public static func listing(_ diagnostics: [Diagnostic]) -> String {
        var whole = ""
        listing(diagnostics) { whole += $0 }
        return whole
    }

    /// The listing in pieces of about 64 KB, each given to `write` as it is made, so a bank
    /// with thousands of warnings never holds its whole listing several times over.
    public static func listing(_ diagnostics: [Diagnostic], write: (String) -> Void) {
        guard !diagnostics.isEmpty else { return }
        var piece = ""
        for diagnostic in diagnostics {
            piece += diagnostic.formatted
            piece += "\n"
            if piece.utf8.count >= 64 * 1024 {
                write(piece)
                piece = ""
            }
        }
        let errors = diagnostics.count { $0.severity == .error }
        let warnings = diagnostics.count - errors
        var counts: [String] = []
        if errors > 0 { counts.append(RussianPlural.error.counted(errors)) }
        if warnings > 0 { counts.append(RussianPlural.warning.counted(warnings)) }
        write(piece + counts.joined(separator: ", ") + "\n")
    }
}

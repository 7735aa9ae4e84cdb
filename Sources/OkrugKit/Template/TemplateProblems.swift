import Synchronization

/// What a strict render found wrong with the templates: a name no value in scope has, a
/// section over plain text. Collected from every rendering thread, once per tag.
final class TemplateProblems: Sendable {
    struct Problem: Sendable, Hashable {
        /// The template file as shown to the user, and the byte offset of the tag.
        var file: String
        var offset: Int
        var message: String
        var hint: String
    }

    private let found = Mutex<[String: Problem]>([:])

    func report(_ path: TemplatePath, message: String, hint: String) {
        let key = "\(path.file)\u{0}\(path.offset)"
        found.withLock { problems in
            if problems[key] == nil {
                problems[key] = Problem(file: path.file, offset: path.offset, message: message, hint: hint)
            }
        }
    }

    var all: [Problem] { found.withLock { Array($0.values) }.sorted { ($0.file, $0.offset) < ($1.file, $1.offset) } }
    var isEmpty: Bool { found.withLock { $0.isEmpty } }
}

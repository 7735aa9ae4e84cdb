import Synchronization

/// What a strict render found wrong with the templates: a name no value in scope has, a
/// section over plain text. Collected from every rendering thread, once per tag.
package final class TemplateProblems: Sendable {
    package struct Problem: Sendable, Hashable {
        package enum Place: Sendable, Hashable, Comparable {
            /// A tag: the template file as shown to the user, and the byte offset of its `{{`.
            case tag(file: String, offset: Int)
            /// A whole template, by its name (`partials/card`).
            case template(String)
        }
        package var place: Place
        package var message: String
        package var hint: String
    }

    private let found = Mutex<[Problem.Place: Problem]>([:])

    func report(_ path: TemplatePath, message: String, hint: String) {
        report(Problem(place: .tag(file: path.file, offset: path.offset), message: message, hint: hint))
    }

    func report(template name: String, message: String, hint: String) {
        report(Problem(place: .template(name), message: message, hint: hint))
    }

    private func report(_ problem: Problem) {
        found.withLock { problems in
            if problems[problem.place] == nil { problems[problem.place] = problem }
        }
    }

    package var all: [Problem] { found.withLock { Array($0.values) }.sorted { $0.place < $1.place } }
    var isEmpty: Bool { found.withLock { $0.isEmpty } }
}

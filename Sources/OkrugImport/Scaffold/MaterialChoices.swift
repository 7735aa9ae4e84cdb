import Foundation
import OkrugCore
import OkrugText

/// The ids a new material may name (schools, directions, forms, plan activities), read from
/// the content folder, and the check of the ones given on the command line: `okrug new
/// material` and `okrug import-doc` answer a typo the same way, with «может быть, …».
struct MaterialChoices {
    var schools: [(id: String, name: String)]
    var directions: [(id: String, name: String)]
    var kinds: [(id: String, name: String)]
    /// The partner school: a new material's school unless one is given.
    var partner: String
    var firstDirection: String

    static func load(content: URL, display: String, diagnostics: inout [Diagnostic]) -> MaterialChoices {
        let schools = Scaffold.dataFile("schools.yaml", in: content, display: display, diagnostics: &diagnostics) {
            DataFiles.readSchools($0, diagnostics: &$1).map(\.value)
        }
        let directions = Scaffold.dataFile(
            "directions.yaml", in: content, display: display, diagnostics: &diagnostics
        ) {
            DataFiles.readDirections($0, diagnostics: &$1).map(\.value)
        }
        return MaterialChoices(
            schools: schools.map { ($0.id, $0.name) }, directions: directions.map { ($0.id, $0.title) },
            kinds: MaterialKind.allCases.map { ($0.rawValue, $0.russian) },
            partner: schools.first { $0.role == .partner }?.id ?? schools.first?.id ?? "sosh13",
            firstDirection: directions.first?.id ?? "methodical")
    }

    /// An error for each given id that is not among the valid ones.
    func check(
        school: String?, direction: String?, kind: String?, at place: SourcePosition, diagnostics: inout [Diagnostic]
    ) {
        func check(_ value: String?, _ valid: [(id: String, name: String)], what: String, option: String) {
            guard let value, !valid.map(\.id).contains(value) else { return }
            let suggestion = Suggestion.didYouMean(value, in: valid.map(\.id))
            diagnostics.append(
                .error(
                    place, "неизвестный id \(what) «\(value)» в \(option)",
                    hint: (suggestion.isEmpty ? "" : suggestion + "; ")
                        + "допустимые: " + valid.map { "\($0.id) (\($0.name))" }.joined(separator: ", ")))
        }
        check(school, schools, what: "школы", option: "--school")
        check(direction, directions, what: "направления", option: "--direction")
        check(kind, kinds, what: "формы", option: "--kind")
    }

    /// `2023/seminar-…` for every activity of every plan in `plans/`.
    static func activities(content: URL, display: String) -> [String] {
        let folder = content.appendingPathComponent(ContentFolders.plans)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        var found: [String] = []
        for name in names where PlanReader.isPlanFile(ContentFolders.plans + name) {
            guard let data = try? SourceText.bytes(atPath: folder.appendingPathComponent(name).path),
                case .success(let text) = SourceText.decode(data, displayPath: "\(display)/plans/\(name)")
            else { continue }
            var ignored: [Diagnostic] = []
            guard let plan = PlanReader.read(text, relativePath: ContentFolders.plans + name, diagnostics: &ignored)
            else { continue }
            for section in plan.sections {
                for activity in section.activities { found.append("\(plan.year.value)/\(activity.id.value)") }
            }
        }
        return found
    }

    /// An error when `activity` names no activity of the plans, with the nearest ones.
    static func check(
        activity: String?, content: URL, display: String, at place: SourcePosition, diagnostics: inout [Diagnostic]
    ) {
        guard let activity else { return }
        let known = activities(content: content, display: display)
        guard !known.contains(activity) else { return }
        let close = Suggestion.nearest(to: activity, in: known, limit: 5)
        diagnostics.append(
            .error(
                place, "в плане нет мероприятия «\(activity)» (--activity)",
                hint: known.isEmpty
                    ? "в \(display)/plans/ нет ни одного плана"
                    : "пишите год и id мероприятия через «/»; близкие: \(close.joined(separator: ", "))"))
    }
}

import Foundation
import OkrugCore
import OkrugText

/// `okrug import-plan`: the seed text → `plans/<year>.yaml`, plus the schools and directions
/// it names that `schools.yaml` and `directions.yaml` do not have yet.
///
/// Schools are matched by name and directions by text, so the hand-chosen ids of the
/// existing files are used. Re-importing keeps the ids and directions given by hand to
/// activities (matched by title), so importing twice gives the same file.
public enum PlanImport {
    public struct Result: Sendable {
        public var plan: ImportedPlan
        public var planYAML: String
        /// What to append to `schools.yaml` / `directions.yaml` (the whole file when there is
        /// none yet); `nil` when nothing is new.
        public var schoolsAddition: String?
        public var directionsAddition: String?
        public var newSchools: [String]
        public var newDirections: [String]
    }

    /// The existing files of `Content/`, as text; `nil` for a file that does not exist.
    public struct Existing: Sendable {
        public var plan: String?
        public var schools: String?
        public var directions: String?

        public init(plan: String? = nil, schools: String? = nil, directions: String? = nil) {
            self.plan = plan
            self.schools = schools
            self.directions = directions
        }
    }

    public static func run(_ seed: SourceText, year: Int? = nil, existing: Existing, sourceName: String) -> (
        Result?, [Diagnostic]
    ) {
        let (imported, readDiagnostics) = PlanTextImporter.read(seed.text, displayPath: seed.displayPath, year: year)
        var diagnostics = readDiagnostics
        guard let plan = imported else { return (nil, diagnostics) }

        let schools = records(existing.schools, file: "schools.yaml", diagnostics: &diagnostics)
        let directions = records(existing.directions, file: "directions.yaml", diagnostics: &diagnostics)
        let previous = previousActivities(existing.plan, diagnostics: &diagnostics)
        let previousSupport =
            (try? YAMLFile.load(existing.plan ?? "", displayPath: "план").get())
            .flatMap { ($0 as? [String: Any])?["support"] as? [String: Any] }?
            .compactMapValues { $0 as? [String] } ?? [:]
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }

        // Schools: matched by name or short name, else added with an id made from the name.
        var schoolIDs = Set(schools.compactMap { $0["id"] })
        var newSchoolEntries: [String] = []
        var newSchools: [String] = []
        func schoolID(_ written: String, role: School.Role) -> String {
            let key = normalizedName(written)
            if let found = schools.first(where: {
                normalizedName($0["name"] ?? "") == key || normalizedName($0["short"] ?? "") == key
            }), let id = found["id"] {
                return id
            }
            let name = capitalizedFirst(balancedQuotes(written))
            let id = unique(Transliteration.slug(name), in: &schoolIDs)
            newSchools.append(name)
            newSchoolEntries.append(
                "- id: \(id)\n  name: \(YAMLScalar.string(name))\n  role: \(role.rawValue)\n")
            return id
        }
        let partnerID = schoolID(plan.partnerName, role: .partner)
        let satelliteIDs = plan.satelliteNames.map { schoolID($0, role: .satellite) }

        // Directions: matched by their text, else added.
        var directionIDs = Set(directions.compactMap { $0["id"] })
        var newDirectionEntries: [String] = []
        var newDirections: [String] = []
        let planDirectionIDs = plan.directions.map { text -> String in
            let key = normalizedName(text)
            if let found = directions.first(where: {
                normalizedName($0["description"] ?? "") == key || normalizedName($0["title"] ?? "") == key
            }), let id = found["id"] {
                return id
            }
            let description = capitalizedFirst(text)
            let words = description.split(separator: " ").prefix(6).joined(separator: " ")
            let title = words.trimmingCharacters(in: CharacterSet(charactersIn: ",.;:"))
            let id = unique(
                Transliteration.slug(description.split(separator: " ").prefix(3).joined(separator: " ")),
                in: &directionIDs)
            newDirections.append(title)
            newDirectionEntries.append(
                "- id: \(id)\n  title: \(YAMLScalar.string(title))\n  description: \(YAMLScalar.string(description))\n")
            return id
        }

        // Activities: ids kept from the previous import where the title is the same.
        var taken = Set(previous.values.map(\.id))
        let rows = plan.sections.map { section in
            section.activities.map { activity -> PlanYAMLWriter.Row in
                if let known = previous[normalizedName(activity.title)] {
                    return PlanYAMLWriter.Row(id: known.id, activity: activity, direction: known.direction)
                }
                let id = unique(activityID(activity.title), in: &taken)
                return PlanYAMLWriter.Row(id: id, activity: activity, direction: nil)
            }
        }

        let yaml = PlanYAMLWriter.write(
            plan, partnerID: partnerID, satelliteIDs: satelliteIDs, directionIDs: planDirectionIDs,
            support: satelliteIDs.compactMap { id in previousSupport[id].map { (id, $0) } }, rows: rows,
            source: sourceName)
        func addition(_ entries: [String], existing: String?, header: String) -> String? {
            guard !entries.isEmpty else { return nil }
            let body = entries.joined()
            guard let existing else { return header + body }
            return (existing.hasSuffix("\n") || existing.isEmpty ? "" : "\n") + body
        }
        let result = Result(
            plan: plan, planYAML: yaml,
            schoolsAddition: addition(
                newSchoolEntries, existing: existing.schools,
                header: "# Школы «образовательного округа»: школа-партнер (ООП) и школы-спутники (ООС).\n"),
            directionsAddition: addition(
                newDirectionEntries, existing: existing.directions,
                header: "# Направления совместной деятельности — в порядке плана.\n"),
            newSchools: newSchools, newDirections: newDirections)
        return (result, diagnostics)
    }

    /// A stable id from an activity's title: its first words, transliterated.
    static func activityID(_ title: String) -> String {
        var id = ""
        for word in Transliteration.slug(title).split(separator: "-") {
            if id.split(separator: "-").count >= 4 || id.count + word.count > 40 { break }
            id += (id.isEmpty ? "" : "-") + word
        }
        return id.isEmpty ? "meropriiatie" : id
    }

    static func unique(_ base: String, in taken: inout Set<String>) -> String {
        var candidate = base
        var n = 2
        while taken.contains(candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        taken.insert(candidate)
        return candidate
    }

    /// «филиал МБОУ «СОШ №13»-«СОШ №9»» and «Филиал МБОУ «СОШ №13» — «СОШ №9»» are one school.
    static func normalizedName(_ text: String) -> String {
        let letters = text.lowercased().map { ch -> Character in
            ch.isLetter || ch.isNumber || ch == "№" ? ch : " "
        }
        return String(letters).split(separator: " ").joined(separator: " ")
    }

    /// «МБОУ «СОШ №13» as typed in the seed loses its closing quote; a new entry gets it back.
    static func balancedQuotes(_ text: String) -> String {
        let open = text.filter { $0 == "«" }.count
        let close = text.filter { $0 == "»" }.count
        return open > close ? text + String(repeating: "»", count: open - close) : text
    }

    static func capitalizedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// The entries of a list-of-mappings file, as strings.
    private static func records(_ text: String?, file: String, diagnostics: inout [Diagnostic]) -> [[String: String]] {
        guard let text else { return [] }
        switch YAMLFile.load(text, displayPath: file) {
        case .success(let root):
            guard let list = root as? [Any] else { return [] }
            return list.compactMap { item in
                (item as? [String: Any])?.compactMapValues { value in value as? String ?? "\(value)" }
            }
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return []
        }
    }

    /// Title → (id, direction) of the activities of an earlier import.
    private static func previousActivities(_ text: String?, diagnostics: inout [Diagnostic]) -> [String: (
        id: String, direction: String?
    )] {
        guard let text else { return [:] }
        var out: [String: (id: String, direction: String?)] = [:]
        switch activities(inPlan: text, displayPath: "план") {
        case .success(let activities):
            for activity in activities {
                guard let title = activity.title else { continue }
                out[normalizedName(title)] = (activity.id, activity.direction)
            }
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
        }
        return out
    }

    struct WrittenActivity {
        var id: String
        var title: String?
        var direction: String?
    }

    /// The activities of a plan file as written (`id`, `title`, `direction`), in its order: what
    /// a new import keeps of an earlier one, and what it must not lose.
    static func activities(inPlan text: String, displayPath: String) -> Swift.Result<[WrittenActivity], Diagnostic> {
        YAMLFile.load(text, displayPath: displayPath).map { loaded in
            let root = loaded as? [String: Any]
            var out: [WrittenActivity] = []
            for section in root?["sections"] as? [[String: Any]] ?? [] {
                for activity in section["activities"] as? [[String: Any]] ?? [] {
                    guard let id = activity["id"] as? String else { continue }
                    out.append(
                        WrittenActivity(
                            id: id, title: activity["title"] as? String, direction: activity["direction"] as? String))
                }
            }
            return out
        }
    }
}

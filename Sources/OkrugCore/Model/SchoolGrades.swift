/// A school's materials for one school year: «Покровская СОШ, 5 класс», the list a teacher
/// of that school and year looks for. Each pair that has materials gets its own page, so it is
/// reached by links alone, with or without JavaScript.
public struct SchoolGrade: Sendable, Hashable {
    public var schoolID: String
    public var grade: Int
    /// Indices into `Site.materials`, newest first.
    public var materials: [Int]
}

extension Site {
    /// Every school and year that has materials, by school then year.
    public var schoolGrades: [SchoolGrade] {
        var found: [String: [Int: [Int]]] = [:]
        for (index, material) in materials.enumerated() {
            for grade in Set(material.grades) {
                found[material.schoolID, default: [:]][grade, default: []].append(index)
            }
        }
        return found.keys.sorted().flatMap { school in
            (found[school] ?? [:]).keys.sorted().map {
                SchoolGrade(schoolID: school, grade: $0, materials: found[school]?[$0] ?? [])
            }
        }
    }
}

/// School years as a teacher writes them: «5 класс», «5, 7 классы», «1–4 классы».
public enum GradeList {
    /// «5 класс»: one school year, as every page names it.
    public static func one(_ grade: Int) -> String { "\(grade) класс" }

    public static func russian(_ grades: [Int]) -> String? {
        let sorted = Array(Set(grades)).sorted()
        guard let first = sorted.first else { return nil }
        if sorted.count == 1 { return one(first) }
        // Runs of three or more consecutive years read as a range.
        var parts: [String] = []
        var start = first
        var previous = first
        func close() {
            if previous - start >= 2 {
                parts.append("\(start)–\(previous)")
            } else if previous > start {
                parts.append("\(start), \(previous)")
            } else {
                parts.append("\(start)")
            }
        }
        for grade in sorted.dropFirst() {
            if grade == previous + 1 {
                previous = grade
                continue
            }
            close()
            start = grade
            previous = grade
        }
        close()
        return parts.joined(separator: ", ") + " классы"
    }
}

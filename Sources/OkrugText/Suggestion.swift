/// "Did you mean …" hints for misspelt keys and ids.
package enum Suggestion {
    /// The candidates closest to `word` by edit distance, closest first (at most `limit`).
    package static func closest(to word: String, in candidates: [String], limit: Int = 3) -> [String] {
        let lowered = word.lowercased()
        let threshold = max(2, lowered.count / 3)
        return
            candidates
            .map { ($0, editDistance(lowered, $0.lowercased())) }
            .filter {
                $0.1 <= threshold || $0.0.lowercased().hasPrefix(lowered) || lowered.hasPrefix($0.0.lowercased())
            }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            .prefix(limit)
            .map(\.0)
    }

    /// The `limit` candidates nearest to `word`, however far: for lists of ids to choose from.
    package static func nearest(to word: String, in candidates: [String], limit: Int) -> [String] {
        let lowered = word.lowercased()
        return candidates.map { ($0, editDistance(lowered, $0.lowercased())) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            .prefix(limit)
            .map(\.0)
    }

    /// «Возможно, вы имели в виду `x`?» or an empty string.
    package static func didYouMean(_ word: String, in candidates: [String]) -> String {
        let close = closest(to: word, in: candidates, limit: 1)
        guard let first = close.first else { return "" }
        return "возможно, имелось в виду «\(first)»"
    }

    /// Levenshtein distance over Unicode scalars.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

import OkrugSystem
import OkrugText

/// «Похожие материалы»: those sharing tags (100 points a tag) or the direction (80 points),
/// at least 80 points, best five; ties go to the newer material.
///
/// The bank's tags come from a short list, so each tag's materials grow with the bank: scoring
/// everyone who shares a tag read a tenth of the bank for every material, quadratic in its size.
/// The order of the five needs no scores, though: more shared tags first, then the same
/// direction, then the newer. So every material is filed under every combination of its tags
/// (with its direction), newest first, and a material's five are read off the lists of
/// its own tag combinations, largest first, never further than the five it needs.
enum RelatedMaterials {
    static let limit = 5
    static let tagWeight = 100
    static let directionWeight = 80
    /// A material with more tags would be filed under 2^n combinations: such materials are few,
    /// and are scored one by one instead (`Index.wide`).
    static let combinedTagLimit = 6

    static func compute(_ materials: [Material]) -> [[Int]] {
        compute(
            tags: materials.map { $0.tags.map { Transliteration.slug($0) } },
            directions: materials.map(\.directionID))
    }

    /// By material, newest first: its tags (as slugs) and its direction.
    static func compute(tags: [[String]], directions: [String]) -> [[Int]] {
        let index = Index(tags: tags, directions: directions)
        let chunks = stride(from: 0, to: tags.count, by: 256).map { $0..<min($0 + 256, tags.count) }
        return ParallelMap.map(chunks) { range in range.map { index.related(to: $0) } }.flatMap { $0 }
    }

    /// The lists a material's five are read from.
    struct Index: Sendable {
        /// By material: its tags as numbers, ascending, each once.
        var tagSets: [[Int32]] = []
        var directions: [Int32] = []
        /// By a combination of tags (lanes 0–5, the rest -1) and a direction (lane 7): its number
        /// `n`, whose materials (all those with these tags and this direction, newest first) are
        /// `members[starts[n]..<starts[n + 1]]`. While they last, these lists are most of the
        /// build's memory, so they are kept small: one flat array of `Int32`, not an array per
        /// combination (most combinations have one material), and no lists for "any direction"
        /// (the directions' lists are read together instead).
        var combinations: [SIMD8<Int32>: Int32] = [:]
        var starts: [Int32] = []
        var members: [Int32] = []
        /// By direction: its materials, newest first.
        var byDirection: [[Int32]] = []
        /// Every direction's number, for reading a combination's lists in all of them.
        var allDirections: [Int32] = []
        /// Materials with more than `combinedTagLimit` tags, newest first: in no combination list.
        var wide: [Int] = []

        init(tags: [[String]], directions: [String]) {
            // First the combinations and their sizes, then each material into its place.
            var filed: [Int32] = []
            var sizes: [Int32] = []
            var tagNumbers: [String: Int32] = [:]
            var directionNumbers: [String: Int32] = [:]
            for (material, names) in tags.enumerated() {
                var numbers: [Int32] = []
                for name in names {
                    let number = tagNumbers[name] ?? Int32(tagNumbers.count)
                    tagNumbers[name] = number
                    if !numbers.contains(number) { numbers.append(number) }
                }
                numbers.sort()
                let direction = directionNumbers[directions[material]] ?? Int32(directionNumbers.count)
                directionNumbers[directions[material]] = direction
                if Int(direction) == byDirection.count { byDirection.append([]) }
                byDirection[Int(direction)].append(Int32(material))
                tagSets.append(numbers)
                self.directions.append(direction)
                guard numbers.count <= combinedTagLimit else {
                    wide.append(material)
                    continue
                }
                for mask in 1..<(1 << numbers.count) {
                    let key = Self.key(numbers, mask: mask, direction: direction)
                    let number = combinations[key] ?? Int32(sizes.count)
                    if Int(number) == sizes.count {
                        combinations[key] = number
                        sizes.append(0)
                    }
                    sizes[Int(number)] += 1
                    filed.append(number)
                }
            }
            starts = [0]
            starts.reserveCapacity(sizes.count + 1)
            for size in sizes { starts.append(starts[starts.count - 1] + size) }
            allDirections = Array(0..<Int32(byDirection.count))
            members = [Int32](repeating: 0, count: filed.count)
            var next = starts
            var position = 0
            for material in tagSets.indices where tagSets[material].count <= combinedTagLimit {
                for _ in 1..<(1 << tagSets[material].count) {
                    let number = Int(filed[position])
                    members[Int(next[number])] = Int32(material)
                    next[number] += 1
                    position += 1
                }
            }
        }

        /// The materials of a combination, newest first.
        func list(_ key: SIMD8<Int32>) -> ArraySlice<Int32>? {
            guard let number = combinations[key].map(Int.init) else { return nil }
            return members[Int(starts[number])..<Int(starts[number + 1])]
        }

        static func key(_ tags: [Int32], mask: Int, direction: Int32) -> SIMD8<Int32> {
            var key = SIMD8<Int32>(repeating: -1)
            var lane = 0
            for (bit, tag) in tags.enumerated() where mask & (1 << bit) != 0 {
                key[lane] = tag
                lane += 1
            }
            key[7] = direction
            return key
        }

        func score(_ a: Int, _ b: Int) -> Int {
            let (x, y) = (tagSets[a], tagSets[b])
            var (i, j, shared) = (0, 0, 0)
            while i < x.count, j < y.count {
                if x[i] == y[j] {
                    shared += 1
                    i += 1
                    j += 1
                } else if x[i] < y[j] {
                    i += 1
                } else {
                    j += 1
                }
            }
            return shared * tagWeight + (directions[a] == directions[b] ? directionWeight : 0)
        }

        func related(to material: Int) -> [Int] {
            let own = tagSets[material]
            guard own.count <= combinedTagLimit else { return scoredOneByOne(material) }
            let direction = directions[material]
            // The few wide materials, scored now and merged in at their score's turn.
            let wideScores = wide.compactMap { other -> (score: Int, index: Int)? in
                guard other != material else { return nil }
                let score = score(material, other)
                return score >= tagWeight ? (score, other) : nil
            }
            var chosen: [Int] = []
            for shared in stride(from: own.count, through: 1, by: -1) {
                let masks = (1..<(1 << own.count)).filter { $0.nonzeroBitCount == shared }
                for sameDirection in [true, false] {
                    // Everyone with more shared tags, or as many and the same direction, was read
                    // before and taken (else five were found already): whoever is new in these
                    // lists has exactly this score.
                    let readDirections = sameDirection ? [direction] : allDirections
                    var lists = masks.flatMap { mask in
                        readDirections.compactMap { list(Self.key(own, mask: mask, direction: $0)) }
                    }
                    let score = shared * tagWeight + (sameDirection ? directionWeight : 0)
                    lists.append(wideScores.filter { $0.score == score }.map { Int32($0.index) }[...])
                    Self.take(from: &lists, into: &chosen, skipping: material)
                    if chosen.count == limit { return chosen }
                }
            }
            var sameDirection = [byDirection[Int(direction)][...]]
            Self.take(from: &sameDirection, into: &chosen, skipping: material)
            return chosen
        }

        /// Takes the newest from the lists (each newest first) until there are five.
        static func take(from lists: inout [ArraySlice<Int32>], into chosen: inout [Int], skipping material: Int) {
            while chosen.count < limit {
                var newest = -1
                var from = -1
                for (position, list) in lists.enumerated() {
                    if let first = list.first.map(Int.init), newest < 0 || first < newest {
                        newest = first
                        from = position
                    }
                }
                guard from >= 0 else { return }
                lists[from].removeFirst()
                if newest != material, !chosen.contains(newest) { chosen.append(newest) }
            }
        }

        /// A material with many tags: every other one scored.
        func scoredOneByOne(_ material: Int) -> [Int] {
            var best: [(score: Int, index: Int)] = []
            for other in tagSets.indices where other != material {
                let score = score(material, other)
                guard score >= directionWeight else { continue }
                if best.count < limit || score > best[best.count - 1].score {
                    best.append((score, other))
                    // Stable: an equal score stays behind the newer one found before it.
                    var position = best.count - 1
                    while position > 0, best[position - 1].score < score {
                        best.swapAt(position, position - 1)
                        position -= 1
                    }
                    if best.count > limit { best.removeLast() }
                }
            }
            return best.map(\.index)
        }
    }
}

import OkrugSystem
import OkrugText

/// «Похожие материалы»: those sharing tags (100 points a tag) or the direction (80 points),
/// at least 80 points, best five. Computed from inverted indexes, so the cost follows the
/// number of shared terms, not the square of the bank.
enum RelatedMaterials {
    static let limit = 5
    static let tagWeight = 100
    static let directionWeight = 80

    static func compute(_ materials: [Material]) -> [[Int]] {
        var byTag: [String: [Int]] = [:]
        var byDirection: [String: [Int]] = [:]
        for (index, material) in materials.enumerated() {
            for tag in Set(material.tags.map { Transliteration.slug($0) }) { byTag[tag, default: []].append(index) }
            byDirection[material.directionID, default: []].append(index)
        }
        let (tagIndex, directionIndex) = (byTag, byDirection)
        let chunks = stride(from: 0, to: materials.count, by: 256).map { $0..<min($0 + 256, materials.count) }
        let results = ParallelMap.map(chunks) { range -> [[Int]] in
            var scores = [Int](repeating: 0, count: materials.count)
            var touched: [Int] = []
            var out: [[Int]] = []
            for index in range {
                let material = materials[index]
                func add(_ list: [Int]?, _ weight: Int) {
                    for other in list ?? [] where other != index {
                        if scores[other] == 0 { touched.append(other) }
                        scores[other] += weight
                    }
                }
                for tag in Set(material.tags.map { Transliteration.slug($0) }) { add(tagIndex[tag], tagWeight) }
                // The direction: those already found by a tag get its points; of the others, which
                // all tie at the direction's points alone, only the newest few can make the five,
                // so the direction's list is read only that far (not all of it: that was quadratic).
                for other in touched where materials[other].directionID == material.directionID {
                    scores[other] += directionWeight
                }
                var directionOnly = 0
                for other in directionIndex[material.directionID] ?? [] where other != index && scores[other] == 0 {
                    touched.append(other)
                    scores[other] = directionWeight
                    directionOnly += 1
                    if directionOnly == limit { break }
                }
                // Top five by score; ties go to the newer material (smaller index: newest first).
                var best: [(score: Int, index: Int)] = []
                for other in touched {
                    let score = scores[other]
                    scores[other] = 0
                    guard score >= directionWeight else { continue }
                    if best.count < limit || (score, -other) > (best[best.count - 1].score, -best[best.count - 1].index)
                    {
                        best.append((score, other))
                        best.sort { ($0.score, -$0.index) > ($1.score, -$1.index) }
                        if best.count > limit { best.removeLast() }
                    }
                }
                touched.removeAll(keepingCapacity: true)
                out.append(best.map(\.index))
            }
            return out
        }
        return results.flatMap { $0 }
    }
}

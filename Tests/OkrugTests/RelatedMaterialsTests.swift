import Testing

@testable import OkrugCore

/// «Похожие материалы» read off the tag-combination lists against the plain definition: every
/// other material scored (100 a shared tag, 80 the same direction), at least 80, best five,
/// ties to the newer. Over generated banks with few tags (long lists, many ties), repeated
/// tags, no tags, and materials with more tags than are filed by combination.
struct RelatedMaterialsTests {
    static func scoredOneByOne(tags: [[String]], directions: [String]) -> [[Int]] {
        let sets = tags.map(Set.init)
        return tags.indices.map { material in
            let ranked = tags.indices.compactMap { other -> (score: Int, index: Int)? in
                guard other != material else { return nil }
                let score =
                    sets[material].intersection(sets[other]).count * 100
                    + (directions[material] == directions[other] ? 80 : 0)
                return score >= 80 ? (score, other) : nil
            }
            return ranked.sorted { ($0.score, -$0.index) > ($1.score, -$1.index) }.prefix(5).map(\.index)
        }
    }

    @Test func theListsGiveWhatScoringEveryPairGives() {
        var generator = Generator(state: 11)
        var compared = 0
        for bank in 0..<60 {
            let vocabulary = (0..<generator.int(1...12)).map { "тег\($0)" }
            let directionNames = (0..<generator.int(1...4)).map { "d\($0)" }
            let count = generator.int(0...(bank < 50 ? 40 : 400))
            var tags: [[String]] = []
            var directions: [String] = []
            for _ in 0..<count {
                // Mostly two or three tags, sometimes none, sometimes more than are combined.
                let many = generator.chance(10) ? generator.int(7...10) : generator.int(0...4)
                tags.append((0..<many).map { _ in generator.pick(vocabulary) })
                directions.append(generator.pick(directionNames))
            }
            let expected = Self.scoredOneByOne(tags: tags, directions: directions)
            let actual = RelatedMaterials.compute(tags: tags, directions: directions)
            #expect(actual == expected, "bank \(bank)")
            compared += count
        }
        #expect(compared > 3000)
    }

    @Test func aMaterialSharingTheMostTagsComesFirstEvenWhenOld() {
        // The newest materials share one tag; the oldest shares three, and another direction.
        var tags = [["а", "б", "в"]] + Array(repeating: ["а"], count: 20) + [["в", "б", "а", "а"]]
        var directions = ["x"] + Array(repeating: "x", count: 20) + ["y"]
        tags.append([])
        directions.append("x")
        let related = RelatedMaterials.compute(tags: tags, directions: directions)
        #expect(related[0] == [21, 1, 2, 3, 4])
        // No tags: the newest of its direction.
        #expect(related[22] == [0, 1, 2, 3, 4])
    }
}

import Foundation
import OkrugText
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

/// The build works «Похожие материалы» out from the front matter before the bodies are parsed
/// (`SiteResolution.relateMaterials`): they must be what the definition gives for the
/// materials as the site has them, newest first, with ties broken by the typeset title.
struct EarlyRelatedMaterialsTests {
    @Test func theEarlyListsAreThoseOfTheResolvedMaterials() throws {
        var files: [String: String] = [:]
        // Same dates, titles that sort differently once their quotes are typeset, a draft.
        let titles = ["'\"Б\" урок'", "«А» урок", "Урок", "'\"А\" урок'", "Б", "а", "Урок «В»", "Игра"]
        let tagSets = ["[ФГОС, чтение]", "[ФГОС]", "[чтение, игра]", "[ФГОС, чтение, игра]", "[]", "[игра]"]
        for number in 0..<24 {
            let date = ["2023-02-14", "2023-02-14", "2022-11-03"][number % 3]
            let direction = number % 4 == 0 ? "psychology" : "methodical"
            var extra = "tags: \(tagSets[number % tagSets.count])\n"
            if number == 5 { extra += "draft: true\n" }
            files["materials/m\(number).md"] = TempSite.material(
                title: titles[number % titles.count], date: date, extra: extra
            )
            .replacingOccurrences(of: "direction: methodical", with: "direction: \(direction)")
        }
        let site = try TempSite(files: files)
        defer { site.remove() }
        let content = ContentLoader.load(from: site.root.appendingPathComponent("Content"), displayRoot: "Content")
        let day = try #require(CalendarDay(year: 2023, month: 12, day: 31))
        var run = SiteResolution(content: content, options: .init(buildDay: day))
        run.checkDataIDs()
        run.resolvePlans()
        run.claimAddresses()
        run.relateMaterials()
        run.parseDocuments(reusing: ParseCache(keeping: false))
        run.listMaterialFolders()
        run.resolveMaterials()
        let errors: [String] = run.diagnostics.errors.map { "\($0.file):\($0.line): \($0.message)" }
        #expect(errors == [])
        #expect(run.materials.count == 23)
        let early = try #require(run.earlyRelated)
        let order: [String] = run.materials.map { $0.sourcePath }
        #expect(early.order == order)
        #expect(early.related == RelatedMaterials.compute(run.materials))
        #expect(run.related() == early.related)
        #expect(early.related.contains { $0.count == 5 })
    }
}

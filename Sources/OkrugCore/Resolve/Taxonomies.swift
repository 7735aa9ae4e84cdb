import Foundation
import OkrugText

/// Groups the materials by every taxonomy in one pass over them.
enum Taxonomies {
    static func build(materials: [Material], schools: [School], directions: [Direction]) -> [TaxonomyKind: Taxonomy] {
        var bySchool: [String: [Int]] = [:]
        var byDirection: [String: [Int]] = [:]
        var byKind: [MaterialKind: [Int]] = [:]
        var byGrade: [Int: [Int]] = [:]
        var subjects = TermCollector()
        var tags = TermCollector()
        var people = TermCollector()
        for (index, material) in materials.enumerated() {
            bySchool[material.schoolID, default: []].append(index)
            byDirection[material.directionID, default: []].append(index)
            byKind[material.kind, default: []].append(index)
            for grade in material.grades { byGrade[grade, default: []].append(index) }
            for subject in material.subjects { subjects.add(subject, material: index) }
            for tag in material.tags { tags.add(tag, material: index) }
            for author in material.authors { people.add(author.name, material: index, slug: author.slug) }
        }
        var result: [TaxonomyKind: Taxonomy] = [:]
        result[.schools] = Taxonomy(
            kind: .schools,
            terms: schools.map {
                Term(slug: $0.id, title: $0.name, description: $0.role.russian, materials: bySchool[$0.id] ?? [])
            })
        result[.directions] = Taxonomy(
            kind: .directions,
            terms: directions.map {
                Term(slug: $0.id, title: $0.title, description: $0.description, materials: byDirection[$0.id] ?? [])
            })
        result[.kinds] = Taxonomy(
            kind: .kinds,
            terms: MaterialKind.allCases.compactMap { kind in
                guard let list = byKind[kind] else { return nil }
                return Term(slug: kind.rawValue, title: kind.russianPlural, description: "", materials: list)
            })
        result[.grades] = Taxonomy(
            kind: .grades,
            terms: byGrade.keys.sorted().map {
                Term(slug: String($0), title: GradeList.one($0), description: "", materials: byGrade[$0] ?? [])
            })
        result[.subjects] = Taxonomy(kind: .subjects, terms: subjects.terms(capitalized: true))
        result[.tags] = Taxonomy(kind: .tags, terms: tags.terms(capitalized: false))
        result[.people] = Taxonomy(kind: .people, terms: people.terms(capitalized: false))
        return result
    }
}

/// Free-text terms (subjects, tags, people): grouped by slug, shown in the spelling most
/// materials use, sorted in Russian alphabetical order.
struct TermCollector {
    private var materials: [String: [Int]] = [:]
    private var spellings: [String: [String: Int]] = [:]

    mutating func add(_ title: String, material: Int, slug: String? = nil) {
        let key = slug ?? Transliteration.slug(title)
        guard !key.isEmpty else { return }
        if materials[key]?.last != material { materials[key, default: []].append(material) }
        spellings[key, default: [:]][title, default: 0] += 1
    }

    func terms(capitalized: Bool) -> [Term] {
        // The collation key is made once per term, not in every comparison of the sort.
        materials.keys.map { slug -> (key: String, term: Term) in
            let variants = spellings[slug] ?? [:]
            let title = variants.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.first?.key ?? slug
            let shown = capitalized ? title.prefix(1).uppercased() + title.dropFirst() : title
            let term = Term(slug: slug, title: shown, description: "", materials: materials[slug] ?? [])
            return (RussianCollation.key(shown), term)
        }.sorted { ($0.key, $0.term.slug) < ($1.key, $1.term.slug) }.map(\.term)
    }
}

/// Russian alphabetical order: case-insensitive, «ё» with «е».
enum RussianCollation {
    static func key(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars { scalars.append(scalar == "ё" ? "е" : scalar) }
        return String(scalars)
    }
}

import OkrugCore
import OkrugText

/// What the search index (Pagefind) reads from the pages (the search page is
/// `Pages/SearchPage.swift`) and the filters of `/materials/`. The filter values are the words shown on the site, so a filter in
/// the search UI reads like the page it finds.
extension SiteRenderer {
    /// Pagefind filter names, in Russian: they are part of the shareable URL (`?школа=…`).
    enum SearchFilter {
        static let type = "тип"
        static let school = "школа"
        static let direction = "направление"
        static let kind = "форма"
        static let subject = "предмет"
        static let grade = "класс"
    }

    static func gradeName(_ grade: Int) -> String { GradeList.one(grade) }

    func searchFields(for material: Material) -> [SearchFieldView] {
        var fields = [
            SearchFieldView(kind: "filter", key: SearchFilter.type, value: "материал"),
            SearchFieldView(kind: "filter", key: SearchFilter.kind, value: material.kind.russian),
            SearchFieldView(kind: "sort", key: "date", value: material.date.iso),
            SearchFieldView(kind: "meta", key: "date", value: material.date.russian),
            SearchFieldView(kind: "meta", key: "kind", value: material.kind.russian),
        ]
        if let school = site.school(material.schoolID) {
            fields.append(SearchFieldView(kind: "filter", key: SearchFilter.school, value: school.name))
            fields.append(SearchFieldView(kind: "meta", key: "school", value: school.name))
        }
        if let direction = site.direction(material.directionID) {
            fields.append(SearchFieldView(kind: "filter", key: SearchFilter.direction, value: direction.title))
        }
        for subject in material.subjects {
            fields.append(SearchFieldView(kind: "filter", key: SearchFilter.subject, value: subject))
        }
        for grade in material.grades {
            fields.append(SearchFieldView(kind: "filter", key: SearchFilter.grade, value: Self.gradeName(grade)))
        }
        return fields
    }

    /// A file's text page or «Читать онлайн» page: found as «файл», under its material's title
    /// and filters, with the file's name to say where the words are («в файле «…», с. 2»).
    /// `unit`: how search results name a section of it («с.», «слайд»), if sections are pages.
    func searchFields(forFile attachment: Attachment, of material: Material, unit: String?) -> [SearchFieldView] {
        var fields = searchFields(for: material).map { field -> SearchFieldView in
            var field = field
            if field.key == SearchFilter.type || (field.kind == "meta" && field.key == "kind") { field.value = "файл" }
            return field
        }
        fields.append(SearchFieldView(kind: "meta", key: "title", value: material.title))
        fields.append(SearchFieldView(kind: "meta", key: "file", value: attachment.title))
        if let unit { fields.append(SearchFieldView(kind: "meta", key: "unit", value: unit)) }
        return fields
    }

    func searchFields(for activity: PlanActivity, plan: Plan) -> [SearchFieldView] {
        var fields = [
            SearchFieldView(kind: "filter", key: SearchFilter.type, value: "мероприятие плана"),
            SearchFieldView(kind: "meta", key: "date", value: activity.when.inWords),
            SearchFieldView(kind: "meta", key: "kind", value: "мероприятие плана"),
            SearchFieldView(kind: "meta", key: "school", value: "План на \(plan.year) год"),
        ]
        if let start = activity.when.interval?.start {
            fields.append(SearchFieldView(kind: "sort", key: "date", value: start.iso))
        }
        if let direction = activity.directionID.flatMap({ site.direction($0) }) {
            fields.append(SearchFieldView(kind: "filter", key: SearchFilter.direction, value: direction.title))
        }
        return fields
    }

    /// The selects of `/materials/`: values with the number of materials, as the taxonomies count them.
    var facets: [FacetView] {
        func facet(_ kind: TaxonomyKind, key: String, title: String, value: (Term) -> String) -> FacetView? {
            guard let terms = site.taxonomies[kind]?.terms, terms.count > 1 else { return nil }
            return FacetView(
                key: key, title: title,
                options: terms.map { FacetOptionView(value: value($0), count: $0.materials.count) })
        }
        let schoolNames = Dictionary(uniqueKeysWithValues: site.schools.map { ($0.id, $0.name) })
        return [
            facet(.schools, key: SearchFilter.school, title: "Школа") { schoolNames[$0.slug] ?? $0.title },
            facet(.directions, key: SearchFilter.direction, title: "Направление") { $0.title },
            facet(.kinds, key: SearchFilter.kind, title: "Форма") { $0.title },
            facet(.subjects, key: SearchFilter.subject, title: "Предмет") { $0.title },
            facet(.grades, key: SearchFilter.grade, title: "Класс") { Int($0.slug).map(Self.gradeName) ?? $0.title },
        ].compactMap { $0 }
    }

    var searchScriptPath: String { assetPaths["search.js"] ?? Routes.asset("search.js") }
}

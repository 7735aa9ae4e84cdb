/// The ways to browse the bank: each material belongs to terms of these taxonomies.
public enum TaxonomyKind: String, Sendable, Hashable, CaseIterable {
    case directions
    case schools
    case kinds
    case subjects
    case grades
    case tags
    case people

    /// Heading of the index page: «Направления».
    public var title: String {
        switch self {
        case .directions: return "Направления"
        case .schools: return "Школы"
        case .kinds: return "Формы"
        case .subjects: return "Предметы"
        case .grades: return "Классы"
        case .tags: return "Метки"
        case .people: return "Авторы"
        }
    }

    /// Label of one term in a material's metadata: «Направление».
    public var singular: String {
        switch self {
        case .directions: return "Направление"
        case .schools: return "Школа"
        case .kinds: return "Форма"
        case .subjects: return "Предмет"
        case .grades: return "Класс"
        case .tags: return "Метка"
        case .people: return "Автор"
        }
    }
}

public struct Taxonomy: Sendable {
    public var kind: TaxonomyKind
    /// In display order (the plan's order for directions, alphabetical for tags …).
    public var terms: [Term]
}

public struct Term: Sendable, Hashable {
    public var slug: String
    public var title: String
    public var description: String
    /// Indices into `Site.materials`, newest first.
    public var materials: [Int]
}

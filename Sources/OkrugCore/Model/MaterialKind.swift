/// The form of a material: what kind of event or document it records.
public enum MaterialKind: String, Sendable, Hashable, CaseIterable, Identifiable {
    case seminar
    case masterClass = "master-class"
    case webinar
    case openLesson = "open-lesson"
    case training
    case consultation
    case roundTable = "round-table"
    case teachersCouncil = "teachers-council"
    case video
    case guide
    case program
    case article

    public var id: String { rawValue }

    /// «семинар».
    public var russian: String {
        switch self {
        case .seminar: return "семинар"
        case .masterClass: return "мастер-класс"
        case .webinar: return "вебинар"
        case .openLesson: return "открытый урок"
        case .training: return "тренинг"
        case .consultation: return "консультация"
        case .roundTable: return "круглый стол"
        case .teachersCouncil: return "педагогический совет"
        case .video: return "видео-презентация"
        case .guide: return "методическая разработка"
        case .program: return "программа"
        case .article: return "статья"
        }
    }

    /// «Семинары», the heading of the kind's listing page.
    public var russianPlural: String {
        switch self {
        case .seminar: return "Семинары"
        case .masterClass: return "Мастер-классы"
        case .webinar: return "Вебинары"
        case .openLesson: return "Открытые уроки"
        case .training: return "Тренинги"
        case .consultation: return "Консультации"
        case .roundTable: return "Круглые столы"
        case .teachersCouncil: return "Педагогические советы"
        case .video: return "Видео-презентации"
        case .guide: return "Методические разработки"
        case .program: return "Программы"
        case .article: return "Статьи"
        }
    }
}

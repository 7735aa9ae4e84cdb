/// Russian plural forms: 1 материал, 2 материала, 5 материалов, 21 материал, 11 материалов.
public struct RussianPlural: Sendable, Hashable {
    /// Form for 1, 21, 31 … («материал»).
    public var one: String
    /// Form for 2–4, 22–24 … («материала»).
    public var few: String
    /// Form for 0, 5–20, 25–30 … («материалов»).
    public var many: String

    public init(_ one: String, _ few: String, _ many: String) {
        self.one = one
        self.few = few
        self.many = many
    }

    public func form(for count: Int) -> String {
        let n = abs(count) % 100
        if (11...14).contains(n) { return many }
        switch n % 10 {
        case 1: return one
        case 2, 3, 4: return few
        default: return many
        }
    }

    /// «5 материалов».
    public func counted(_ count: Int) -> String {
        "\(count) \(form(for: count))"
    }

    public static let material = RussianPlural("материал", "материала", "материалов")
    public static let author = RussianPlural("автор", "автора", "авторов")
    public static let page = RussianPlural("страница", "страницы", "страниц")
    public static let slide = RussianPlural("слайд", "слайда", "слайдов")
    public static let word = RussianPlural("слово", "слова", "слов")
    public static let minute = RussianPlural("минута", "минуты", "минут")
    public static let error = RussianPlural("ошибка", "ошибки", "ошибок")
    public static let warning = RussianPlural("предупреждение", "предупреждения", "предупреждений")
    public static let activity = RussianPlural("мероприятие", "мероприятия", "мероприятий")
    public static let section = RussianPlural("раздел", "раздела", "разделов")
    public static let stage = RussianPlural("этап", "этапа", "этапов")
    public static let file = RussianPlural("файл", "файла", "файлов")
    public static let photo = RussianPlural("фотография", "фотографии", "фотографий")
}

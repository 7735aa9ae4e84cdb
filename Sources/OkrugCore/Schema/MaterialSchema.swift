/// A material's front matter (`materials/<slug>/index.md`, `materials/<slug>.md`), field by
/// field, in the order the README and `okrug new` give them.
public enum MaterialSchema {
    public static let fields: [ContentField<Material>] = [
        ContentField(
            "title", required: true, example: "Через инновации к качеству образования", note: "обязательно",
            scaffold: "Название — так оно будет на сайте.", shownElsewhere: { $0.title }),
        ContentField(
            "date", .date, required: true, example: "2023-02-14", note: "обязательно, ГГГГ-ММ-ДД",
            scaffold: "Дата проведения или публикации: ГГГГ-ММ-ДД.", shownElsewhere: { $0.date.iso }),
        ContentField(
            "authors", .texts, required: true, example: "[Ткаченко Е.Е., Вареник И.А.]",
            note: "обязательно, хотя бы один автор",
            scaffold: "Авторы: фамилия и инициалы, через запятую.",
            shownElsewhere: { $0.authors.map(\.name).joined(separator: "|") },
            metaRow: { material, _ in
                MetaRow(
                    "Автор", "Авторы", material.authors.map { .init(title: $0.name, target: Routes.person($0.slug)) })
            }),
        ContentField(
            "school", required: true, example: "sosh13", note: "обязательно, id из schools.yaml",
            scaffold: "Школа: {schools}.", shownElsewhere: { $0.schoolID },
            metaRow: { material, site in
                site.school(material.schoolID).map { .link("Школа", $0.name, Routes.school($0.id)) }
            }),
        ContentField(
            "direction", required: true, example: "methodical", note: "обязательно, id из directions.yaml",
            scaffold: "Направление: {directions}.", shownElsewhere: { $0.directionID },
            metaRow: { material, site in
                site.direction(material.directionID).map { .link("Направление", $0.title, Routes.direction($0.id)) }
            }),
        ContentField(
            "kind", required: true, example: "seminar", note: "обязательно, форма (список ниже)",
            scaffold: "Форма: {kinds}.", shownElsewhere: { $0.kind.rawValue },
            metaRow: { material, _ in
                .link("Форма", material.kind.russian, Routes.kind(material.kind))
            }),
        ContentField(
            "activity", example: "2023/seminar-cherez-innovatsii",
            note: "мероприятие плана, из которого вырос материал",
            scaffold: "Мероприятие плана, из которого вырос материал: год/id со страницы мероприятия.",
            shownElsewhere: { $0.activity ?? "" }),
        ContentField(
            "subjects", .texts, example: "[география]", note: "предметы", scaffold: "Предметы и классы, если есть:",
            shownElsewhere: { $0.subjects.joined(separator: "|") },
            metaRow: { material, _ in
                material.subjects.isEmpty
                    ? nil
                    : MetaRow(
                        "Предмет", "Предметы", material.subjects.map { .init(title: $0, target: Routes.subject($0)) })
            }),
        ContentField(
            "grades", .texts, example: "[5, 6]", note: "классы, числа от 1 до 11", scaffold: "",
            shownElsewhere: { $0.grades.map(String.init).joined(separator: "|") },
            metaRow: { material, _ in
                material.grades.isEmpty
                    ? nil
                    : MetaRow(
                        "Класс", "Классы", material.grades.map { .init(title: "\($0)", target: Routes.grade($0)) })
            }),
        ContentField(
            "tags", .texts, example: "[инновации, ФГОС]", note: "метки", scaffold: "Метки для поиска:",
            shownElsewhere: { $0.tags.joined(separator: "|") }),
        ContentField(
            "audience", label: "Для кого", example: "учителя географии 5–9 классов",
            note: "для кого материал: строка «Для кого» на его странице",
            scaffold: "Для кого материал, если это важно:"),
        ContentField(
            "summary", example: "Коротко о материале.", note: "иначе — первый абзац текста",
            scaffold: "Кратко о материале (иначе — первый абзац текста):", shownElsewhere: { $0.summary }),
        ContentField(
            "attachments", .records, example: "\n  - {file: prezentatsiia.pptx, title: Презентация}",
            note: "файлы из папки материала",
            scaffold: "Файлы из этой папки: презентация, конспект, раздаточный материал."),
        ContentField(
            "photos", .records, example: "\n  - {file: foto/otkrytie.jpg, caption: Открытие семинара}",
            note: "фотоотчёт: фотографии из папки материала с подписями",
            scaffold: "Фотоотчёт: фотографии из этой папки, у каждой подпись.",
            shownElsewhere: { $0.photos.map { $0.target + "\u{1F}" + $0.caption }.joined(separator: "|") }),
        ContentField(
            "slug", example: "cherez-innovatsii", note: "свой адрес страницы вместо имени файла",
            shownElsewhere: { $0.slug }),
        ContentField(
            "draft", .flag, example: "true", note: "черновик: не публикуется без --drafts",
            scaffold: "Черновик: пока стоит true, материал виден только в okrug serve. Уберите строку, когда он готов.",
            shownElsewhere: { $0.draft ? "draft" : "" }),
    ]

    /// The keys a material may have.
    public static let keys = fields.map(\.key)
    package static let keptAsText: Set<String> = fields.keysKeptAsText()

    static func field(_ key: String) -> ContentField<Material> { fields.field(key) }
}

/// A free page's front matter (`pages/<slug>.md`).
public enum PageSchema {
    public static let fields: [ContentField<Page>] = [
        ContentField(
            "title", required: true, example: "О проекте", note: "обязательно", scaffold: "Название страницы.",
            shownElsewhere: { $0.title }),
        ContentField(
            "menu", .number, example: "3", note: "номер в верхнем меню; без него страницы в меню нет",
            scaffold: "Номер в верхнем меню сайта; без этой строки страницы в меню нет.",
            shownElsewhere: { $0.menu.map(String.init) ?? "" }),
        ContentField(
            "menu_title", example: "Партнерство",
            note: "короткое название для меню, если заголовок длинный: «Партнерство» вместо «Межшкольное партнерство»",
            scaffold: "Короткое название для меню, если заголовок длинный.", shownElsewhere: { $0.menuTitle }),
        ContentField(
            "summary", example: "Коротко о странице.", note: "кратко о странице, иначе — первый абзац текста",
            scaffold: "Кратко о странице, для поисковиков и ссылок.", shownElsewhere: { $0.summary }),
        ContentField(
            "slug", example: "o-proekte", note: "свой адрес страницы вместо имени файла", shownElsewhere: { $0.slug }),
    ]

    public static let keys = fields.map(\.key)
    package static let keptAsText: Set<String> = fields.keysKeptAsText()

    static func field(_ key: String) -> ContentField<Page> { fields.field(key) }
}

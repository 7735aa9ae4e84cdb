/// A school of `schools.yaml`, field by field.
public enum SchoolSchema {
    public static let fields: [ContentField<School>] = [
        ContentField("id", required: true, example: "sosh13", note: "обязательно: латиница, цифры, дефис"),
        ContentField("name", required: true, example: "МБОУ «СОШ №13»", note: "обязательно, полное название"),
        ContentField("short", example: "СОШ №13", note: "короткое название для списков"),
        ContentField(
            "role", required: true, example: "partner",
            note: "обязательно: partner (школа-партнер) или satellite (школа-спутник)"),
        ContentField("locality", example: "ст. Покровская", note: "населённый пункт"),
        ContentField("head", example: "Ткаченко Елена Евгеньевна", note: "директор"),
        ContentField("address", example: "ул. Мира, 1", note: "адрес"),
        ContentField("phone", example: "+7 (86135) 2-13-13", note: "телефон с кодом города"),
        ContentField("email", example: "school13@example.ru", note: "почта"),
        ContentField("url", example: "https://sosh13.example.ru/", note: "сайт школы, с https://"),
    ]

    public static let keys = fields.map(\.key)

    static func field(_ key: String) -> ContentField<School> { fields.field(key) }
}

/// A direction of the partnership's work (`directions.yaml`), field by field.
public enum DirectionSchema {
    public static let fields: [ContentField<Direction>] = [
        ContentField("id", required: true, example: "methodical", note: "обязательно: латиница, цифры, дефис"),
        ContentField("title", required: true, example: "Методическое взаимодействие", note: "обязательно"),
        ContentField("description", example: "Совместные семинары и мастер-классы.", note: "о направлении"),
    ]

    public static let keys = fields.map(\.key)

    static func field(_ key: String) -> ContentField<Direction> { fields.field(key) }
}

/// An activity of a plan (`plans/<год>.yaml`, under `sections: … activities:`), field by field.
public enum ActivitySchema {
    public static let fields: [ContentField<PlanActivity>] = [
        ContentField(
            "id", required: true, example: "seminar-innovatsii",
            note: "обязательно: латиница, цифры, дефис; часть адреса страницы"),
        ContentField("title", required: true, example: "Семинар-практикум «Через инновации…»", note: "обязательно"),
        ContentField(
            "when", required: true, example: "14.02.2023",
            note: "обязательно, срок: 14.02.2023, до 20.01.2023, Апрель, I четверть, В течение года…"),
        ContentField(
            "responsible", required: true, example: "ОО-партнер, ШУМО", note: "обязательно, кто отвечает"),
        ContentField("indicator", required: true, example: "Протокол", note: "обязательно, показатель выполнения"),
        ContentField("direction", example: "methodical", note: "id из directions.yaml"),
    ]

    public static let keys = fields.map(\.key)

    static func field(_ key: String) -> ContentField<PlanActivity> { fields.field(key) }
}

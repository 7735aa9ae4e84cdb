import OkrugText

/// A partnership plan for one year, resolved: what `/plan/<year>/` shows.
public struct Plan: Sendable {
    public var year: Int
    /// `plans/2023.yaml`, relative to `Content/`.
    public var sourcePath: String
    public var title: InlineText
    public var partnerID: String
    public var satelliteIDs: [String]
    public var goal: InlineText?
    public var definitions: [PlanDefinition]
    /// The directions of joint work the plan names, in its order.
    public var directionIDs: [String]
    /// For a satellite school, the directions in which the partner supports it
    /// (`support: {prigorodnaya: [methodical, psychology]}`); all the plan's directions otherwise.
    public var support: [String: [String]]
    public var roadmapTitle: String
    public var stages: [PlanStage]
    public var sections: [PlanSection]
    public var expectedResults: [InlineText]
    public var executor: InlineText?

    /// Every activity, section after section, in the plan's order.
    public var activities: [PlanActivity] { sections.flatMap(\.activities) }

    public func activity(_ id: String) -> PlanActivity? {
        for section in sections {
            if let activity = section.activities.first(where: { $0.id == id }) { return activity }
        }
        return nil
    }

    /// The stage the day falls in, if any.
    public func stage(on day: CalendarDay) -> PlanStage? {
        stages.first { $0.period.interval?.contains(day) == true }
    }
}

/// «Школа-партнер – это школа в муниципальном образовании…»
public struct PlanDefinition: Sendable {
    public var term: String
    public var text: InlineText
}

/// A stage of the roadmap: «I этап — Создание условий взаимодействия (январь–февраль)».
public struct PlanStage: Sendable {
    public var number: Int
    public var title: InlineText
    public var period: FuzzyDate
    public var items: [InlineText]

    /// «I»
    public var roman: String { RomanNumeral.string(number) }
}

/// A section of the table of activities: «Аналитическая деятельность» with its goal.
public struct PlanSection: Sendable {
    public var title: String
    public var goal: InlineText?
    public var activities: [PlanActivity]

    public var anchor: String { Transliteration.slug(title) }
}

/// One row of the plan's table: мероприятие · срок · ответственный · показатель.
public struct PlanActivity: Sendable {
    /// Stable, part of the URL and of material references (`activity: 2023/<id>`).
    public var id: String
    public var year: Int
    public var title: InlineText
    public var when: FuzzyDate
    public var responsible: [ResponsiblePart]
    /// The people named in «ответственный», recognised by «Фамилия И.О.».
    public var responsiblePeople: [Person]
    public var indicator: InlineText
    public var directionID: String?
    /// Indices into `Site.materials` (newest first) of the materials that name this activity.
    public var materials: [Int]
    public var sectionTitle: String

    /// `2023/<id>`, as materials name it.
    public var reference: String { "\(year)/\(id)" }

    /// The plain text of «ответственный».
    public var responsibleText: String { responsible.map(\.text.plain).joined() }
}

/// A piece of «ответственный»: text, or the name of a person who may have a page.
public struct ResponsiblePart: Sendable {
    public var text: InlineText
    public var person: Person?
}

/// A short text of the plan that may hold inline Markdown, rendered once by cmark.
public struct InlineText: Sendable, Hashable {
    /// As written.
    public var source: String
    /// Inline HTML, without a wrapping paragraph.
    public var html: String
    /// Without markup: for titles, calendars and search.
    public var plain: String
}

/// View models of the plan pages: `/plan/`, `/plan/<year>/`, `/plan/<year>/<activity>/`, and
/// the plan's block on the home page.

/// A piece of «ответственный»: inline HTML, linked to a person's page when there is one.
struct ResponsiblePartView: Sendable {
    var html: String
    var personURL: String?
}

struct StatusView: Sendable {
    /// `past`, `ongoing`, `upcoming`, `year`, `unknown`: the CSS modifier.
    var code: String
    /// «прошло»; `nil` where no status is shown.
    var label: String?
}

struct StageView: Sendable {
    var roman: String
    var titleHTML: String
    /// «январь — февраль 2023 г.»
    var period: String
    var items: [String]
    var hasItems: Bool
    var current: Bool
    var status: StatusView
}

struct DefinitionView: Sendable {
    var term: String
    var html: String
}

struct ActivityRowView: Sendable {
    var number: Int
    var titleHTML: String
    var url: String
    /// «до 20.01.2023», as written.
    var when: String
    /// «до 20 января 2023 г.»
    var whenWords: String
    var status: StatusView
    var responsible: [ResponsiblePartView]
    var indicatorHTML: String
    var materials: [LinkView]
    var hasMaterials: Bool
    var materialsCount: String
}

struct PlanSectionView: Sendable {
    var title: String
    var anchor: String
    var goalHTML: String?
    var count: String
    var activities: [ActivityRowView]
}

struct PlanPageView: Sendable {
    var layout: LayoutView
    var titleHTML: String
    var year: Int
    /// «Состояние на 29 ноября 2026 г.»
    var asOf: String
    var partner: LinkView?
    var satellites: [LinkView]
    var goalHTML: String?
    var definitions: [DefinitionView]
    var hasDefinitions: Bool
    var directions: [LinkView]
    var hasDirections: Bool
    var roadmapTitle: String
    var stages: [StageView]
    var hasStages: Bool
    var sections: [PlanSectionView]
    /// The months that have activities, January to December, and the year-round ones.
    var months: [PlanMonthView] = []
    var hasMonths: Bool = false
    var yearRound: [MonthActivityView] = []
    var hasYearRound: Bool = false
    var yearRoundCount: Int = 0
    /// «17 мероприятий: 9 прошло, 1 идёт, 7 в течение года»
    var summary: String
    var expectedResults: [String]
    var hasExpectedResults: Bool
    var executorHTML: String?
    var calendarURL: String
    var resultsURL: String
    var otherPlans: [LinkView]
    var hasOtherPlans: Bool
}

struct ActivityPageView: Sendable {
    var layout: LayoutView
    var titleHTML: String
    var planTitle: String
    var planURL: String
    var section: String
    /// The date as the plan writes it, when that differs from `whenWords`.
    var when: String?
    var whenWords: String
    /// ISO start and end when the date names days, for `<time datetime>`.
    var startISO: String?
    var status: StatusView
    var responsible: [ResponsiblePartView]
    var indicatorHTML: String
    var direction: LinkView?
    var materials: [MaterialCardView]
    var hasMaterials: Bool
    /// How a methodist links a material to it: in the preview only, never for visitors.
    var methodistHint: Bool
    var materialsCount: String
    var calendarURL: String
    var previous: LinkView?
    var next: LinkView?
    /// The photos of its materials' reports (the first twelve), opening in the viewer.
    var photos: [PhotoView] = []
    var hasPhotos = false
    /// «Фото мероприятия».
    var photosHeading = ""
    var photosScript = ""
}

struct PlanSummaryView: Sendable {
    var title: String
    var url: String
    var year: Int
    var count: String
    var current: Bool
}

struct PlanIndexView: Sendable {
    var layout: LayoutView
    var plans: [PlanSummaryView]
}

/// An activity in a short list (home page, a person's page).
/// A month of the plan: what runs in it, with who is responsible (the «По месяцам» view).
struct PlanMonthView: Sendable {
    var name: String
    var anchor: String
    var number: Int
    var count: String
    var activities: [MonthActivityView]
}

struct MonthActivityView: Sendable {
    var title: String
    var url: String
    var whenWords: String
    var responsible: String
}

struct ActivityLinkView: Sendable {
    var title: String
    var url: String
    var whenWords: String
    var status: StatusView
}

/// The current plan on the home page: its stage now (or the next one) and what comes next.
struct HomePlanView: Sendable {
    var title: String
    var url: String
    var stageLabel: String
    var stage: StageView?
    var upcoming: [ActivityLinkView]
    var hasUpcoming: Bool
    var note: String?
    var calendarURL: String
    var resultsURL: String
}

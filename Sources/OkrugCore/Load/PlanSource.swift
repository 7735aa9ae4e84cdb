/// A plan as read from `plans/<year>.yaml`: fields checked one by one, ids not yet checked
/// against the schools, directions and materials.
public struct PlanSource: Sendable {
    public var relativePath: String
    public var displayPath: String
    public var year: Located<Int>
    public var title: String
    public var partner: Located<String>?
    public var satellites: [Located<String>]
    public var goal: String?
    public var definitions: [Definition]
    public var directions: [Located<String>]
    /// Satellite school id → the directions of support named for it.
    public var support: [(school: Located<String>, directions: [Located<String>])]
    public var roadmapTitle: String?
    public var stages: [Stage]
    public var sections: [Section]
    public var expectedResults: [String]
    public var executor: String?

    public struct Definition: Sendable {
        public var term: String
        public var text: String
    }

    public struct Stage: Sendable {
        public var number: Int
        public var title: String
        public var period: Located<FuzzyDate>
        public var items: [String]
    }

    public struct Section: Sendable {
        public var title: String
        public var goal: String?
        public var activities: [Activity]
    }

    public struct Activity: Sendable {
        public var id: Located<String>
        public var title: String
        public var when: Located<FuzzyDate>
        public var responsible: String
        public var indicator: String
        public var direction: Located<String>?
    }

    static let keys = [
        "year", "title", "partner", "satellites", "goal", "definitions", "directions", "support", "roadmap_title",
        "stages",
        "sections", "expected_results", "executor",
    ]
    static let definitionKeys = ["term", "text"]
    static let stageKeys = ["number", "title", "period", "items"]
    static let sectionKeys = ["title", "goal", "activities"]
}

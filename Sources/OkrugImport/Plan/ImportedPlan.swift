import OkrugCore

/// A plan as read from the text of its Word document (`seeds/plan-2023.txt`): names and texts
/// exactly as written, schools and directions not yet matched to ids.
public struct ImportedPlan: Sendable, Hashable {
    public var year: Int
    public var title: String
    /// «МБОУ «СОШ №13»», from the «ООП:» line.
    public var partnerName: String
    /// From the «ООС:» line.
    public var satelliteNames: [String]
    public var goal: String?
    public var definitions: [Definition]
    /// The numbered «Направления совместной деятельности», texts in order.
    public var directions: [String]
    public var roadmapTitle: String?
    public var stages: [Stage]
    public var sections: [Section]
    public var expectedResults: [String]
    public var executor: String?

    public struct Definition: Sendable, Hashable {
        public var term: String
        public var text: String
    }

    public struct Stage: Sendable, Hashable {
        public var number: Int
        public var title: String
        public var period: String
        public var items: [String]
    }

    public struct Section: Sendable, Hashable {
        public var title: String
        public var goal: String?
        public var activities: [Activity]
    }

    public struct Activity: Sendable, Hashable {
        public var title: String
        public var when: String
        public var responsible: String
        public var indicator: String
        /// Line of the source where the row starts.
        public var line: Int
    }

    public var activities: [Activity] { sections.flatMap(\.activities) }
}

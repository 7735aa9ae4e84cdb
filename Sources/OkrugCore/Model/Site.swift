import OkrugText

/// The whole site, resolved and checked: what the render stage turns into pages.
public struct Site: Sendable {
    public var config: SiteConfig
    public var schools: [School]
    public var directions: [Direction]
    /// Newest first.
    public var materials: [Material]
    public var pages: [Page]
    public var taxonomies: [TaxonomyKind: Taxonomy]
    /// For each material, up to five related ones (indices), best first.
    public var related: [[Int]]
    /// The partnership's plans, oldest year first.
    public var plans: [Plan]
    /// The day the build describes: `SOURCE_DATE_EPOCH`, or today.
    public var buildDay: CalendarDay
    /// The same moment in seconds since 1970 (UTC).
    public var buildTimestamp: Int

    /// The newest plan is the current one.
    public var currentPlan: Plan? { plans.last }

    public func school(_ id: String) -> School? { schools.first { $0.id == id } }
    public func direction(_ id: String) -> Direction? { directions.first { $0.id == id } }

    public var partner: School? { schools.first { $0.role == .partner } }
    public var satellites: [School] { schools.filter { $0.role == .satellite } }
}

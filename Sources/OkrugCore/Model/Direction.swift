/// One of the plan's directions of joint work (`Content/directions.yaml`), in the plan's order.
public struct Direction: Sendable, Hashable, Identifiable {
    public var id: String
    public var title: String
    public var description: String
    /// 1-based position in the plan.
    public var number: Int

    public init(id: String, title: String, description: String, number: Int) {
        self.id = id
        self.title = title
        self.description = description
        self.number = number
    }

}

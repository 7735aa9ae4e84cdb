/// A school of the partnership (`Content/schools.yaml`).
public struct School: Sendable, Hashable, Identifiable {
    public enum Role: String, Sendable, Hashable, CaseIterable {
        /// ООП — the school that supports the others.
        case partner
        /// ООС — a school supported by the partner.
        case satellite

        public var russian: String {
            switch self {
            case .partner: return "школа-партнер"
            case .satellite: return "школа-спутник"
            }
        }
    }

    public var id: String
    public var name: String
    public var short: String
    public var role: Role
    public var locality: String?
    public var url: String?

    public init(id: String, name: String, short: String? = nil, role: Role, locality: String? = nil, url: String? = nil)
    {
        self.id = id
        self.name = name
        self.short = short ?? name
        self.role = role
        self.locality = locality
        self.url = url
    }

    static let keys = ["id", "name", "short", "role", "locality", "url"]
}

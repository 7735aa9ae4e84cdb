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
    /// The school's own website.
    public var url: String?
    /// Contacts, each optional (`schools.yaml`): shown on «Школы», the school's page and, for
    /// the partner school, in every page's footer.
    public var head: String?
    public var address: String?
    public var phone: String?
    public var email: String?

    public init(
        id: String, name: String, short: String? = nil, role: Role, locality: String? = nil, url: String? = nil,
        head: String? = nil, address: String? = nil, phone: String? = nil, email: String? = nil
    ) {
        self.id = id
        self.name = name
        self.short = short ?? name
        self.role = role
        self.locality = locality
        self.url = url
        self.head = head
        self.address = address
        self.phone = phone
        self.email = email
    }

    /// `tel:+78613521313` for «+7 (86135) 2-13-13».
    public var phoneLink: String? {
        guard let phone else { return nil }
        return "tel:" + phone.filter { $0.isNumber || $0 == "+" }
    }

}

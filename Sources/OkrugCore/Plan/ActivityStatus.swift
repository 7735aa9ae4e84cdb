import OkrugText

/// Where an activity stands on the day the site is built.
public enum ActivityStatus: String, Sendable, CaseIterable {
    case past
    case ongoing
    case upcoming
    /// Whole-year and recurring work while its year lasts.
    case throughoutYear = "year"
    /// The date was not understood: no status is claimed.
    case unknown

    public init(_ date: FuzzyDate, on today: CalendarDay) {
        guard let interval = date.interval else {
            self = .unknown
            return
        }
        if interval.end < today {
            self = .past
        } else if today < interval.start {
            self = .upcoming
        } else {
            switch date.value {
            case .wholeYear, .recurring: self = .throughoutYear
            default: self = .ongoing
            }
        }
    }

    /// «прошло», as the plan's table shows it.
    public var russian: String {
        switch self {
        case .past: return "прошло"
        case .ongoing: return "идёт"
        case .upcoming: return "предстоит"
        case .throughoutYear: return "в течение года"
        case .unknown: return "срок не распознан"
        }
    }
}

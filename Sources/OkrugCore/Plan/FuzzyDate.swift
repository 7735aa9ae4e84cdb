import OkrugText

/// A plan's «срок» as its writer put it («до 20.01.2023», «Апрель», «В течение года»),
/// understood as a typed value with an interval and a sort key. The text as written is kept
/// beside it: it is what the plan shows, and what is shown when the form is not understood.
public struct FuzzyDate: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        /// «20.12.2023», «27.01.23», «14 февраля 2023 г.»
        case day(CalendarDay)
        /// «14.02–16.02.2023», «14–16 февраля»
        case dayRange(CalendarDay, CalendarDay)
        /// «Январь 2023», «Апрель» (the plan's year)
        case month(YearMonth)
        /// «январь–февраль», «с марта по май»
        case monthRange(YearMonth, YearMonth)
        /// «I четверть», «2 полугодие»: the school's terms, as months of the plan's year.
        case schoolTerm(SchoolTerm, year: Int)
        /// «до 20.01.2023», «до конца года»: due on that day.
        case deadline(CalendarDay)
        /// «В течение года»
        case wholeYear(Int)
        /// «ежемесячно», «По четвертям, полугодиям, итогам года»
        case recurring(Recurrence, year: Int)
        /// Not understood: kept and shown as written, reported as a warning.
        case unrecognized
    }

    /// The text as written in the plan.
    public var text: String
    public var value: Value

    public init(text: String, value: Value) {
        self.text = text
        self.value = value
    }

    public var isRecognized: Bool { value != .unrecognized }

    /// The days it covers, both ends included; `nil` when not understood.
    public var interval: DayInterval? {
        switch value {
        case .day(let day): return DayInterval(day, day)
        case .dayRange(let start, let end): return DayInterval(start, end)
        case .month(let month): return DayInterval(month.firstDay, month.lastDay)
        case .monthRange(let from, let to): return DayInterval(from.firstDay, to.lastDay)
        case .schoolTerm(let term, let year):
            let (from, to) = term.months(in: year)
            return DayInterval(from.firstDay, to.lastDay)
        case .deadline(let day):
            // Work towards a deadline runs from the start of its year.
            return DayInterval(YearMonth(year: day.year, month: 1).firstDay, day)
        case .wholeYear(let year), .recurring(_, let year):
            return DayInterval(YearMonth(year: year, month: 1).firstDay, YearMonth(year: year, month: 12).lastDay)
        case .unrecognized: return nil
        }
    }

    /// The day it is placed on in a calendar: a deadline on its due day, anything else on its
    /// first day; `nil` for what has no place (whole year, recurring, not understood).
    public var calendarSpan: DayInterval? {
        switch value {
        case .deadline(let day): return DayInterval(day, day)
        case .wholeYear, .recurring, .unrecognized: return nil
        default: return interval
        }
    }

    /// Whether it names particular days or months (not the whole year, not a recurrence).
    public var isDated: Bool { calendarSpan != nil }

    /// Orders plan items by when they happen: by start, shorter spans first; whole-year and
    /// recurring items after the dated ones of the same start, the not understood last.
    public var sortKey: SortKey {
        guard let interval else { return SortKey(start: Int.max, rank: 3, end: Int.max) }
        let rank: Int
        switch value {
        case .wholeYear: rank = 1
        case .recurring: rank = 2
        default: rank = 0
        }
        return SortKey(start: interval.start.daysSinceEpoch, rank: rank, end: interval.end.daysSinceEpoch)
    }

    public struct SortKey: Sendable, Hashable, Comparable {
        var start: Int
        var rank: Int
        var end: Int

        public static func < (lhs: SortKey, rhs: SortKey) -> Bool {
            (lhs.start, lhs.rank, lhs.end) < (rhs.start, rhs.rank, rhs.end)
        }
    }

    /// The date in words: «27 января 2023 г.», «январь — февраль 2023 г.», «до 20 января 2023 г.».
    public var inWords: String {
        switch value {
        case .day(let day): return day.russian
        case .dayRange(let start, let end):
            if start.year == end.year, start.month == end.month {
                return "\(start.day)–\(end.day) \(RussianMonth.genitive[end.month - 1]) \(end.year) г."
            }
            if start.year == end.year {
                return
                    "\(start.day) \(RussianMonth.genitive[start.month - 1]) — \(end.day) \(RussianMonth.genitive[end.month - 1]) \(end.year) г."
            }
            return "\(start.russian) — \(end.russian)"
        case .month(let month): return "\(month.name) \(month.year) г."
        case .monthRange(let from, let to):
            if from.year == to.year { return "\(from.name) — \(to.name) \(to.year) г." }
            return "\(from.name) \(from.year) г. — \(to.name) \(to.year) г."
        case .schoolTerm(let term, let year):
            let (from, to) = term.months(in: year)
            return "\(term.name) (\(from.name) — \(to.name) \(to.year) г.)"
        case .deadline(let day): return "до \(day.russian)"
        case .wholeYear(let year): return "в течение \(year) года"
        case .recurring(let recurrence, let year):
            switch recurrence {
            case .asWritten: return Self.lowercasedFirst(text.trimmingTrailingDot)
            default: return "\(recurrence.russian) в \(year) г."
            }
        case .unrecognized: return text
        }
    }

    static func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        // «ООП» and other abbreviations keep their capitals.
        if text.count > 1, text.dropFirst().first?.isUppercase == true { return text }
        return first.lowercased() + text.dropFirst()
    }
}

extension String {
    var trimmingTrailingDot: String {
        var text = self
        while text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

/// A month of a year.
public struct YearMonth: Sendable, Hashable, Comparable {
    public var year: Int
    public var month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    public var firstDay: CalendarDay { CalendarDay(daysSinceEpoch: Self.epochDay(year, month, 1)) }
    public var lastDay: CalendarDay {
        CalendarDay(daysSinceEpoch: Self.epochDay(year, month, CalendarDay.daysIn(month: month, year: year)))
    }
    /// «январь»
    public var name: String { RussianMonth.nominative[month - 1] }

    private static func epochDay(_ year: Int, _ month: Int, _ day: Int) -> Int {
        // Valid by construction: months come from the parser's 1…12, days from `daysIn`.
        CalendarDay(year: year, month: month, day: day)?.daysSinceEpoch ?? 0
    }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
}

/// Days from `start` to `end`, both included.
public struct DayInterval: Sendable, Hashable {
    public var start: CalendarDay
    public var end: CalendarDay

    public init(_ start: CalendarDay, _ end: CalendarDay) {
        self.start = start
        self.end = end
    }

    public func contains(_ day: CalendarDay) -> Bool { start <= day && day <= end }
}

/// Quarters («четверти») and halves («полугодия») of the Russian school year. A plan is
/// written for a calendar year, so each term is placed in that year's months: the I and II
/// quarters and the 1st half are the autumn of the year, the III and IV quarters and the 2nd
/// half its winter and spring.
public enum SchoolTerm: Sendable, Hashable {
    case quarter(Int)
    case half(Int)

    func months(in year: Int) -> (YearMonth, YearMonth) {
        switch self {
        case .quarter(1): return (YearMonth(year: year, month: 9), YearMonth(year: year, month: 10))
        case .quarter(2): return (YearMonth(year: year, month: 11), YearMonth(year: year, month: 12))
        case .quarter(3): return (YearMonth(year: year, month: 1), YearMonth(year: year, month: 3))
        case .quarter(_): return (YearMonth(year: year, month: 4), YearMonth(year: year, month: 5))
        case .half(1): return (YearMonth(year: year, month: 9), YearMonth(year: year, month: 12))
        case .half(_): return (YearMonth(year: year, month: 1), YearMonth(year: year, month: 5))
        }
    }

    /// «I четверть», «2 полугодие»
    var name: String {
        switch self {
        case .quarter(let n): return "\(RomanNumeral.string(n)) четверть"
        case .half(let n): return "\(n) полугодие"
        }
    }
}

/// How often a recurring item happens.
public enum Recurrence: Sendable, Hashable {
    case daily
    case weekly
    case monthly
    case quarterly
    /// «По четвертям, полугодиям, итогам года»: by the school's own rhythm, shown as written.
    case asWritten

    var russian: String {
        switch self {
        case .daily: return "ежедневно"
        case .weekly: return "еженедельно"
        case .monthly: return "ежемесячно"
        case .quarterly: return "ежеквартально"
        case .asWritten: return ""
        }
    }
}

/// I, II, III, IV, V… for stages and quarters.
public enum RomanNumeral {
    static let symbols: [(Int, String)] = [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ]

    public static func string(_ number: Int) -> String {
        var rest = number
        var out = ""
        for (value, symbol) in symbols {
            while rest >= value {
                out += symbol
                rest -= value
            }
        }
        return out
    }

    /// `nil` unless `text` is a well-formed numeral from 1 to 39 («I», «iv», «XII»).
    public static func value(_ text: String) -> Int? {
        let upper = text.uppercased()
        for n in 1..<40 where string(n) == upper { return n }
        return nil
    }
}

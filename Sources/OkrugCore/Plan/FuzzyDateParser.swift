import Foundation
import OkrugText

/// Understands the «срок» column of a plan. Every form of the 2023 seed, and what plan writers
/// also write: ranges of days and months, school terms, deadlines, the whole year, recurrences.
/// A day or month without a year is in the plan's year. Anything else is kept as written
/// (`.unrecognized`), never guessed.
public enum FuzzyDateParser {
    public static func parse(_ written: String, planYear: Int) -> FuzzyDate {
        let text = written.trimmingCharacters(in: .whitespacesAndNewlines)
        let value = understand(normalized(text), planYear: planYear) ?? .unrecognized
        return FuzzyDate(text: text, value: value)
    }

    /// Lowercase, one kind of dash without spaces around it, «2023 г.» → «2023», no final dot.
    /// Written as a loop over words: it runs for every «срок» of every plan.
    static func normalized(_ text: String) -> String {
        var spaced = ""
        for ch in text.lowercased() {
            switch ch {
            case "ё": spaced.append("е")
            case "–", "—", "‒", "−", "‑": spaced += " - "
            case "-": spaced += " - "
            default: spaced.append(ch.isWhitespace ? " " : ch)
            }
        }
        var words: [Substring] = []
        for word in spaced.split(separator: " ") {
            // «2023 г.», «2023 года» → «2023»
            if ["г.", "г", "гг.", "года", "год"].contains(word), let last = words.last, last.count == 4,
                last.allSatisfy(\.isNumber)
            {
                continue
            }
            if word.hasSuffix("г."), word.count == 6, word.prefix(4).allSatisfy(\.isNumber) {
                words.append(word.prefix(4))
                continue
            }
            words.append(word)
        }
        var out = ""
        for (index, word) in words.enumerated() {
            if index > 0, word != "-", words[index - 1] != "-" { out.append(" ") }
            out += word
        }
        while let last = out.last, ".,;".contains(last) || last == " " { out.removeLast() }
        return out
    }

    static func understand(_ n: String, planYear: Int) -> FuzzyDate.Value? {
        if n.isEmpty { return nil }
        if let value = wholeYear(n, planYear: planYear) { return value }
        if let recurrence = recurrence(n) { return .recurring(recurrence, year: planYear) }
        if let value = deadline(n, planYear: planYear) { return value }
        if let term = schoolTerm(n, planYear: planYear) { return term }
        if let match = n.wholeMatch(of: /с (.+) по (.+)/) {
            return range(String(match.1), String(match.2), planYear: planYear)
        }
        let parts = n.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2 { return range(String(parts[0]), String(parts[1]), planYear: planYear) }
        if let day = day(n, planYear: planYear) { return .day(day) }
        if let month = month(n, planYear: planYear) { return .month(month) }
        return nil
    }

    // MARK: - Forms

    static let wholeYearPhrases: Set<String> = [
        "в течение года", "в течение учебного года", "в течение календарного года", "в течение всего года",
        "весь год", "круглый год", "постоянно", "в течение всего периода", "на протяжении года",
    ]

    static func wholeYear(_ n: String, planYear: Int) -> FuzzyDate.Value? {
        if wholeYearPhrases.contains(n) { return .wholeYear(planYear) }
        if let match = n.wholeMatch(of: /(?:в течение |весь )?(\d{4})/), let year = fullYear(String(match.1)) {
            return .wholeYear(year)
        }
        return nil
    }

    static func recurrence(_ n: String) -> Recurrence? {
        let starts: [(String, Recurrence)] = [
            ("ежедневно", .daily), ("каждый день", .daily),
            ("еженедельно", .weekly), ("каждую неделю", .weekly), ("раз в неделю", .weekly),
            ("ежемесячно", .monthly), ("каждый месяц", .monthly), ("раз в месяц", .monthly),
            ("ежеквартально", .quarterly), ("раз в квартал", .quarterly),
            ("по четвертям", .asWritten), ("по полугодиям", .asWritten), ("по итогам", .asWritten),
            ("раз в четверть", .asWritten), ("в конце каждой четверти", .asWritten),
        ]
        for (start, recurrence) in starts where n == start || n.hasPrefix(start + " ") || n.hasPrefix(start + ",") {
            return recurrence
        }
        return nil
    }

    static func deadline(_ n: String, planYear: Int) -> FuzzyDate.Value? {
        guard let match = n.wholeMatch(of: /(?:до|не позднее|не позже|к) (.+)/) else { return nil }
        let rest = String(match.1)
        switch rest {
        case "конца года", "конца календарного года", "окончания года":
            return CalendarDay(year: planYear, month: 12, day: 31).map { .deadline($0) }
        case "конца учебного года", "окончания учебного года":
            return CalendarDay(year: planYear, month: 5, day: 31).map { .deadline($0) }
        default: break
        }
        if let end = rest.wholeMatch(of: /(?:конца|окончания) (\S+)(?: (\d{2,4}))?/),
            let month = monthIndex(String(end.1), in: RussianMonth.genitive)
        {
            guard let year = year(end.2.map(String.init), planYear: planYear) else { return nil }
            return .deadline(YearMonth(year: year, month: month).lastDay)
        }
        if let day = day(rest, planYear: planYear) { return .deadline(day) }
        // «до марта»: before March begins.
        if let bare = rest.wholeMatch(of: /(\S+)(?: (\d{2,4}))?/),
            let month = monthIndex(String(bare.1), in: RussianMonth.genitive),
            let year = year(bare.2.map(String.init), planYear: planYear)
        {
            let previous = month == 1 ? YearMonth(year: year - 1, month: 12) : YearMonth(year: year, month: month - 1)
            return .deadline(previous.lastDay)
        }
        return nil
    }

    static func schoolTerm(_ n: String, planYear: Int) -> FuzzyDate.Value? {
        if let match = n.wholeMatch(
            of: /(?:в |во )?(iv|i{1,3}|[1-4])(?:-?(?:я|ая|ой|й))? четверт(?:ь|и)(?: (\d{2,4}))?/)
        {
            guard let number = termNumber(String(match.1)),
                let year = year(match.2.map(String.init), planYear: planYear)
            else { return nil }
            return .schoolTerm(.quarter(number), year: year)
        }
        if let match = n.wholeMatch(
            of: /(?:в |во )?(ii|i|[12])(?:-?(?:е|ое|м|ом))? полугоди(?:е|и)(?: (\d{2,4}))?/)
        {
            guard let number = termNumber(String(match.1)),
                let year = year(match.2.map(String.init), planYear: planYear)
            else { return nil }
            return .schoolTerm(.half(number), year: year)
        }
        return nil
    }

    /// `left`–`right`: two days or two months; the left side borrows what it leaves out
    /// (month, year) from the right.
    static func range(_ left: String, _ right: String, planYear: Int) -> FuzzyDate.Value? {
        if let to = month(right, planYear: planYear), let fromMonth = monthName(left) {
            var fromYear = explicitYear(left) ?? to.year
            // Only a school year runs across New Year: «ноябрь–январь», not «апрель–март».
            if explicitYear(left) == nil, fromMonth > to.month {
                guard fromMonth >= 9, to.month <= 5 else { return nil }
                fromYear -= 1
            }
            let from = YearMonth(year: fromYear, month: fromMonth)
            return from <= to ? .monthRange(from, to) : nil
        }
        guard let end = day(right, planYear: planYear) else { return nil }
        var start: CalendarDay?
        if let only = left.wholeMatch(of: /(\d{1,2})/), let d = Int(only.1) {
            start = CalendarDay(year: end.year, month: end.month, day: d)
        } else if let numeric = left.wholeMatch(of: /(\d{1,2})\.(\d{1,2})/), let d = Int(numeric.1),
            let m = Int(numeric.2)
        {
            start = CalendarDay(year: end.year, month: m, day: d)
        } else if let named = left.wholeMatch(of: /(\d{1,2}) (\S+)/), let d = Int(named.1),
            let m = monthIndex(String(named.2), in: RussianMonth.genitive)
        {
            start = CalendarDay(year: end.year, month: m, day: d)
        } else {
            start = day(left, planYear: planYear)
        }
        guard let start, start <= end else { return nil }
        return start == end ? .day(start) : .dayRange(start, end)
    }

    /// «20.12.2023», «27.01.23», «20.01» (the plan's year), «14 февраля 2023», «14 февраля».
    static func day(_ n: String, planYear: Int) -> CalendarDay? {
        if let match = n.wholeMatch(of: /(\d{1,2})\.(\d{1,2})(?:\.(\d{2}|\d{4}))?/) {
            guard let d = Int(match.1), let m = Int(match.2), let y = year(match.3.map(String.init), planYear: planYear)
            else { return nil }
            return CalendarDay(year: y, month: m, day: d)
        }
        if let match = n.wholeMatch(of: /(\d{1,2}) (\S+)(?: (\d{2,4}))?/),
            let m = monthIndex(String(match.2), in: RussianMonth.genitive)
        {
            guard let d = Int(match.1), let y = year(match.3.map(String.init), planYear: planYear) else { return nil }
            return CalendarDay(year: y, month: m, day: d)
        }
        return nil
    }

    /// «январь 2023», «апрель», «в апреле».
    static func month(_ n: String, planYear: Int) -> YearMonth? {
        guard let match = n.wholeMatch(of: /(?:в )?(\S+)(?: (\d{2,4}))?/), let m = monthName(String(match.1)),
            let y = year(match.2.map(String.init), planYear: planYear)
        else { return nil }
        return YearMonth(year: y, month: m)
    }

    // MARK: - Pieces

    static let prepositional = [
        "январе", "феврале", "марте", "апреле", "мае", "июне",
        "июле", "августе", "сентябре", "октябре", "ноябре", "декабре",
    ]

    /// A month named in the nominative («апрель») or prepositional («в апреле»), with or
    /// without a year after it; the month's number.
    static func monthName(_ word: String) -> Int? {
        let bare = word.hasPrefix("в ") ? String(word.dropFirst(2)) : word
        let name = bare.split(separator: " ").first.map(String.init) ?? bare
        return monthIndex(name, in: RussianMonth.nominative) ?? monthIndex(name, in: prepositional)
            ?? monthIndex(name, in: RussianMonth.genitive)
    }

    static func explicitYear(_ text: String) -> Int? {
        guard let match = text.firstMatch(of: /(\d{4})$/) else { return nil }
        return fullYear(String(match.1))
    }

    static func monthIndex(_ word: String, in names: [String]) -> Int? {
        names.firstIndex(of: word).map { $0 + 1 }
    }

    /// A written year, or the plan's when none is written; `nil` when it is not a sane year.
    static func year(_ written: String?, planYear: Int) -> Int? {
        guard let written else { return planYear }
        return fullYear(written)
    }

    /// «23» → 2023; four digits as they are; a year far from now is a typo, not a date.
    static func fullYear(_ written: String) -> Int? {
        guard let number = Int(written) else { return nil }
        switch written.count {
        case 2: return 2000 + number
        case 4: return (1990...2100).contains(number) ? number : nil
        default: return nil
        }
    }

    static func termNumber(_ text: String) -> Int? {
        Int(text) ?? RomanNumeral.value(text)
    }
}

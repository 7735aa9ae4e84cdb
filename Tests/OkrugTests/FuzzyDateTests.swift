import Testing

@testable import OkrugCore
@testable import OkrugSite
@testable import OkrugText

/// One test per form of «срок», then properties over many generated inputs.
@Suite struct FuzzyDateTests {
    func day(_ iso: String) -> CalendarDay {
        // Test literals only: a wrong literal fails the expectation that uses it.
        CalendarDay(iso: iso) ?? CalendarDay(daysSinceEpoch: 0)
    }

    func parse(_ text: String, year: Int = 2023) -> FuzzyDate.Value {
        FuzzyDateParser.parse(text, planYear: year).value
    }

    // MARK: - The seed's forms

    @Test func deadlineWithFullDate() {
        #expect(parse("до 20.01.2023") == .deadline(day("2023-01-20")))
        #expect(FuzzyDateParser.parse("до 20.01.2023", planYear: 2023).inWords == "до 20 января 2023 г.")
    }

    @Test func exactDayWithFourDigitYear() {
        #expect(parse("20.12.2023") == .day(day("2023-12-20")))
    }

    @Test func exactDayWithTwoDigitYear() {
        #expect(parse("27.01.23") == .day(day("2023-01-27")))
        #expect(parse("19.10.23") == .day(day("2023-10-19")))
        #expect(FuzzyDateParser.parse("27.01.23", planYear: 2023).inWords == "27 января 2023 г.")
    }

    @Test func monthWithYear() {
        #expect(parse("Январь 2023") == .month(YearMonth(year: 2023, month: 1)))
        #expect(parse("январь 2023 г.") == .month(YearMonth(year: 2023, month: 1)))
    }

    @Test func monthWithoutYearIsInThePlansYear() {
        #expect(parse("Апрель") == .month(YearMonth(year: 2023, month: 4)))
        #expect(parse("Сентябрь") == .month(YearMonth(year: 2023, month: 9)))
        #expect(parse("Сентябрь", year: 2024) == .month(YearMonth(year: 2024, month: 9)))
        #expect(parse("в апреле") == .month(YearMonth(year: 2023, month: 4)))
        #expect(FuzzyDateParser.parse("Апрель", planYear: 2023).inWords == "апрель 2023 г.")
    }

    @Test func wholeYear() {
        #expect(parse("В течение года") == .wholeYear(2023))
        #expect(parse("В течение года.") == .wholeYear(2023))
        #expect(parse("в течение учебного года") == .wholeYear(2023))
        #expect(parse("постоянно") == .wholeYear(2023))
    }

    @Test func byTermsIsRecurring() {
        let date = FuzzyDateParser.parse("По четвертям, полугодиям, итогам года", planYear: 2023)
        #expect(date.value == .recurring(.asWritten, year: 2023))
        #expect(date.inWords == "по четвертям, полугодиям, итогам года")
    }

    // MARK: - What plan writers also write

    @Test func monthRanges() {
        let janFeb = FuzzyDate.Value.monthRange(YearMonth(year: 2023, month: 1), YearMonth(year: 2023, month: 2))
        #expect(parse("январь–февраль") == janFeb)
        #expect(parse("январь-февраль") == janFeb)
        #expect(parse("Январь — февраль 2023 г.") == janFeb)
        #expect(parse("с января по февраль") == janFeb)
        #expect(parse("март-апрель") == .monthRange(YearMonth(year: 2023, month: 3), YearMonth(year: 2023, month: 4)))
        #expect(
            parse("ноябрь-январь 2024")
                == .monthRange(YearMonth(year: 2023, month: 11), YearMonth(year: 2024, month: 1)))
        #expect(FuzzyDateParser.parse("март-апрель", planYear: 2023).inWords == "март — апрель 2023 г.")
    }

    @Test func quarters() {
        #expect(parse("I четверть") == .schoolTerm(.quarter(1), year: 2023))
        #expect(parse("1 четверть") == .schoolTerm(.quarter(1), year: 2023))
        #expect(parse("IV четверть") == .schoolTerm(.quarter(4), year: 2023))
        #expect(parse("в III четверти") == .schoolTerm(.quarter(3), year: 2023))
        let first = FuzzyDateParser.parse("I четверть", planYear: 2023)
        #expect(first.interval == DayInterval(day("2023-09-01"), day("2023-10-31")))
        #expect(first.inWords == "I четверть (сентябрь — октябрь 2023 г.)")
    }

    @Test func halves() {
        #expect(parse("1 полугодие") == .schoolTerm(.half(1), year: 2023))
        #expect(parse("II полугодие") == .schoolTerm(.half(2), year: 2023))
        #expect(parse("во 2-м полугодии") == .schoolTerm(.half(2), year: 2023))
        #expect(FuzzyDateParser.parse("2 полугодие", planYear: 2023).interval?.start == day("2023-01-01"))
    }

    @Test func deadlines() {
        #expect(parse("до конца года") == .deadline(day("2023-12-31")))
        #expect(parse("до конца января") == .deadline(day("2023-01-31")))
        #expect(parse("до конца февраля 2024") == .deadline(day("2024-02-29")))
        #expect(parse("до 1 марта") == .deadline(day("2023-03-01")))
        #expect(parse("до марта") == .deadline(day("2023-02-28")))
        #expect(parse("не позднее 15.05.2023") == .deadline(day("2023-05-15")))
        let deadline = FuzzyDateParser.parse("до 20.01.2023", planYear: 2023)
        #expect(deadline.calendarSpan == DayInterval(day("2023-01-20"), day("2023-01-20")))
    }

    @Test func recurring() {
        #expect(parse("ежемесячно") == .recurring(.monthly, year: 2023))
        #expect(parse("Еженедельно") == .recurring(.weekly, year: 2023))
        #expect(parse("ежеквартально") == .recurring(.quarterly, year: 2023))
        #expect(FuzzyDateParser.parse("ежемесячно", planYear: 2023).inWords == "ежемесячно в 2023 г.")
        #expect(FuzzyDateParser.parse("ежемесячно", planYear: 2023).calendarSpan == nil)
    }

    @Test func dayRanges() {
        let range = FuzzyDate.Value.dayRange(day("2023-02-14"), day("2023-02-16"))
        #expect(parse("14.02–16.02.2023") == range)
        #expect(parse("14.02.2023 - 16.02.2023") == range)
        #expect(parse("14–16.02.2023") == range)
        #expect(parse("14-16 февраля 2023 г.") == range)
        #expect(parse("с 14.02 по 16.02") == range)
        #expect(FuzzyDateParser.parse("14.02–16.02.2023", planYear: 2023).inWords == "14–16 февраля 2023 г.")
        #expect(
            FuzzyDateParser.parse("28.02–02.03.2023", planYear: 2023).inWords == "28 февраля — 2 марта 2023 г.")
    }

    @Test func dayWithMonthName() {
        #expect(parse("14 февраля 2023 г.") == .day(day("2023-02-14")))
        #expect(parse("14 февраля") == .day(day("2023-02-14")))
        #expect(parse("20.01") == .day(day("2023-01-20")))
    }

    @Test func unrecognizedIsKeptAsWritten() {
        for text in [
            "по согласованию", "31.02.2023", "13.13.2023", "когда-нибудь", "16.02-14.02.2023", "апрель-март 2023",
        ] {
            let date = FuzzyDateParser.parse(text, planYear: 2023)
            #expect(date.value == .unrecognized, "«\(text)»")
            #expect(date.text == text)
            #expect(date.inWords == text)
            #expect(date.interval == nil)
        }
    }

    // MARK: - Properties over generated inputs

    func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    @Test func everyValidDayParsesInEveryNumericSpelling() {
        var random = Generator(state: 2023)
        for _ in 0..<400 {
            let year = random.int(2000...2099)
            let month = random.int(1...12)
            let dayNumber = random.int(1...CalendarDay.daysIn(month: month, year: year))
            guard let expected = CalendarDay(year: year, month: month, day: dayNumber) else { continue }
            let spellings = [
                "\(pad(dayNumber)).\(pad(month)).\(year)",
                "\(dayNumber).\(month).\(year % 100 < 10 ? "0\(year % 100)" : "\(year % 100)")",
                "\(dayNumber) \(RussianMonth.genitive[month - 1]) \(year) г.",
                " \(pad(dayNumber)).\(pad(month)).\(year). ",
            ]
            for text in spellings {
                let date = FuzzyDateParser.parse(text, planYear: 2023)
                #expect(date.value == .day(expected), "«\(text)»")
                #expect(date.interval == DayInterval(expected, expected))
            }
            #expect(
                FuzzyDateParser.parse("до \(pad(dayNumber)).\(pad(month)).\(year)", planYear: 2023).value
                    == .deadline(expected))
        }
    }

    @Test func impossibleDaysAreNeverGuessed() {
        var random = Generator(state: 7)
        for _ in 0..<300 {
            let year = random.int(2000...2099)
            let month = random.int(1...12)
            let dayNumber = CalendarDay.daysIn(month: month, year: year) + random.int(1...20)
            let text = "\(pad(dayNumber)).\(pad(month)).\(year)"
            #expect(FuzzyDateParser.parse(text, planYear: 2023).value == .unrecognized, "«\(text)»")
            let badMonth = "\(pad(random.int(1...28))).\(random.int(13...99)).\(year)"
            #expect(FuzzyDateParser.parse(badMonth, planYear: 2023).value == .unrecognized, "«\(badMonth)»")
        }
    }

    @Test func everyOrderedMonthPairIsARange() {
        var random = Generator(state: 11)
        let dashes = ["-", "–", "—", " - ", " – "]
        for _ in 0..<300 {
            let from = random.int(1...12)
            let to = random.int(from...12)
            let year = random.int(2000...2099)
            let left = RussianMonth.nominative[from - 1]
            let right = RussianMonth.nominative[to - 1]
            let capitalized = random.int(0...1) == 1
            let text =
                (capitalized ? left.capitalized : left) + random.pick(dashes) + right
                + (random.int(0...1) == 1 ? " \(year)" : "")
            let planYear = text.hasSuffix("\(year)") ? year : 2023
            let date = FuzzyDateParser.parse(text, planYear: 2023)
            let expected: FuzzyDate.Value =
                from == to
                ? .monthRange(YearMonth(year: planYear, month: from), YearMonth(year: planYear, month: to))
                : .monthRange(YearMonth(year: planYear, month: from), YearMonth(year: planYear, month: to))
            #expect(date.value == expected, "«\(text)»")
            #expect(date.interval?.start == YearMonth(year: planYear, month: from).firstDay)
            #expect(date.interval?.end == YearMonth(year: planYear, month: to).lastDay)
        }
    }

    @Test func anyTextIsKeptAndIntervalsAreOrdered() {
        var random = Generator(state: 42)
        let pieces = [
            "до", "с", "по", "в", "течение", "года", "января", "апрель", "-", "–", ".", "20", "01", "2023", "23",
            "I", "IV", "четверть", "полугодие", "конца", "ежемесячно", "весь", " ", "г.", "14.02", "31.12.2023",
        ]
        for _ in 0..<800 {
            let text = (0..<random.int(1...5)).map { _ in random.pick(pieces) }.joined(
                separator: random.pick(["", " "]))
            let date = FuzzyDateParser.parse(text, planYear: 2023)
            #expect(date.text == text.trimmingCharacters(in: .whitespacesAndNewlines))
            if let interval = date.interval {
                #expect(interval.start <= interval.end, "«\(text)»")
                #expect(date.sortKey < FuzzyDateParser.parse("совсем непонятно", planYear: 2023).sortKey)
            } else {
                #expect(date.value == .unrecognized)
                #expect(date.inWords == date.text)
            }
            if let span = date.calendarSpan, let interval = date.interval {
                #expect(interval.contains(span.start) && interval.contains(span.end), "«\(text)»")
            }
        }
    }

    @Test func sortKeyOrdersByStartThenSpan() {
        let dates = ["В течение года", "20.12.2023", "Январь 2023", "до 20.01.2023", "27.01.23", "Апрель", "непонятно"]
            .map { FuzzyDateParser.parse($0, planYear: 2023) }
        let sorted = dates.sorted { $0.sortKey < $1.sortKey }.map(\.text)
        #expect(
            sorted == [
                "до 20.01.2023", "Январь 2023", "В течение года", "27.01.23", "Апрель", "20.12.2023", "непонятно",
            ])
    }
}

import Testing

@testable import OkrugCore
@testable import OkrugMarkdown
@testable import OkrugSite
@testable import OkrugText

@Suite struct RussianTests {
    @Test func pluralForms() {
        let material = RussianPlural.material
        #expect(material.counted(1) == "1 материал")
        #expect(material.counted(2) == "2 материала")
        #expect(material.counted(4) == "4 материала")
        #expect(material.counted(5) == "5 материалов")
        #expect(material.counted(11) == "11 материалов")
        #expect(material.counted(12) == "12 материалов")
        #expect(material.counted(14) == "14 материалов")
        #expect(material.counted(21) == "21 материал")
        #expect(material.counted(22) == "22 материала")
        #expect(material.counted(25) == "25 материалов")
        #expect(material.counted(0) == "0 материалов")
        #expect(material.counted(101) == "101 материал")
        #expect(material.counted(111) == "111 материалов")
        #expect(material.counted(1_002) == "1002 материала")
    }

    @Test func datesInRussian() throws {
        let day = try #require(CalendarDay(iso: "2023-02-14"))
        #expect(day.russian == "14 февраля 2023 г.")
        #expect(CalendarDay(iso: "2023-03-01")?.russian == "1 марта 2023 г.")
        #expect(CalendarDay(iso: "2023-12-20")?.russian == "20 декабря 2023 г.")
        #expect(day.numeric == "14.02.2023")
    }

    @Test func isoDatesAreStrict() {
        #expect(CalendarDay(iso: "2023-02-30") == nil)
        #expect(CalendarDay(iso: "2023-13-01") == nil)
        #expect(CalendarDay(iso: "14.02.2023") == nil)
        #expect(CalendarDay(iso: "2023-2-14") == nil)
        #expect(CalendarDay(iso: "2024-02-29") != nil)
        #expect(CalendarDay(iso: "2023-02-29") == nil)
    }

    @Test func epochDaysRoundTrip() throws {
        for text in ["1970-01-01", "2000-02-29", "2023-02-14", "2023-12-31", "2100-03-01"] {
            let day = try #require(CalendarDay(iso: text))
            #expect(CalendarDay(daysSinceEpoch: day.daysSinceEpoch) == day)
        }
        #expect(CalendarDay(daysSinceEpoch: 19_358).iso == "2023-01-01")
        #expect(CalendarDay(daysSinceEpoch: 19_400).iso == "2023-02-12")
        #expect(BuildOptions.dayFromEnvironment(["SOURCE_DATE_EPOCH": "1700000000"]).iso == "2023-11-14")
    }

    @Test func slugsFollowICAO() {
        #expect(
            Transliteration.slug("Через инновации — к качеству образования!")
                == "cherez-innovatsii-k-kachestvu-obrazovaniia")
        #expect(Transliteration.slug("Щука, ёж и хищный язь") == "shchuka-ezh-i-khishchnyi-iaz")
        #expect(Transliteration.slug("Подъезд") == "podieezd")
        #expect(Transliteration.slug("Цифровая образовательная среда") == "tsifrovaia-obrazovatelnaia-sreda")
        #expect(Transliteration.slug("ФГОС-2021: 5 класс") == "fgos-2021-5-klass")
        #expect(Transliteration.slug("консультация-по-ппмс-помощи") == "konsultatsiia-po-ppms-pomoshchi")
        #expect(Transliteration.slug("  ") == "")
    }

    @Test func peopleAreNormalisedByName() {
        #expect(Person(name: "Ткаченко Е. Е.") == Person(name: "Ткаченко Е.Е."))
        #expect(Person(name: "Ткаченко  Е.Е.").name == "Ткаченко Е.Е.")
        #expect(Person(name: "Ткаченко Е.Е.").slug == "tkachenko-e-e")
        #expect(Person(name: "Вареник И.А.") != Person(name: "Ткаченко Е.Е."))
    }

    @Test func fileSizesInRussian() {
        #expect(ByteSize.russian(512) == "512 Б")
        #expect(ByteSize.russian(28 * 1024) == "28 КБ")
        #expect(ByteSize.russian(1_258_291) == "1,2 МБ")
        #expect(ByteSize.russian(15 * 1024 * 1024) == "15 МБ")
    }

    @Test func quotesBecomeGuillemets() {
        #expect(RussianTypography.text("семинар \"Через инновации\" прошёл") == "семинар «Через инновации» прошёл")
        #expect(
            RussianTypography.text("он сказал \"это \"Точка роста\" у нас\"")
                == "он\u{A0}сказал «это „Точка роста“ у\u{A0}нас»")
        #expect(RussianTypography.text("школа - партнер") == "школа\u{A0}— партнер")
        #expect(RussianTypography.text("школа-партнер") == "школа-партнер")
    }

    @Test func didYouMean() {
        #expect(Suggestion.closest(to: "dierction", in: ["direction", "date", "draft"]).first == "direction")
        #expect(Suggestion.closest(to: "sosh31", in: ["sosh13", "prigorodnaya"]).first == "sosh13")
        #expect(Suggestion.closest(to: "zzzzzz", in: ["direction", "date"]).isEmpty)
    }
}

@Test func tenthsHaveADecimalComma() {
    #expect(RussianNumber.tenths(0.24) == "0,2")
    #expect(RussianNumber.tenths(52.76) == "52,8")
    #expect(RussianNumber.tenths(3) == "3,0")
}

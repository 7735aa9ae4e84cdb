import Testing

@testable import OkrugSystem

/// The byte search the placeholder check runs over every material's text.
struct ByteSearchTests {
    @Test func findsExactBytesAnywhereAndNothingElse() {
        let text = "## Цель\n\nЧему был посвящён материал и для кого он.\n"
        #expect(ByteSearch.contains(text, "Чему был посвящён материал и для кого он."))
        #expect(ByteSearch.contains(text, "## Цель"))
        #expect(ByteSearch.contains(text, "он.\n"))
        #expect(ByteSearch.contains(text, ""))
        #expect(!ByteSearch.contains(text, "чему был"))  // case matters: the template's exact words
        #expect(!ByteSearch.contains(text, "Чему был посвящен"))  // е is not ё
        #expect(!ByteSearch.contains("Ч", "Чему"))
        #expect(!ByteSearch.contains("", "a"))
        // A candidate first byte that fails, then the match after it.
        #expect(ByteSearch.contains("ЧтоЧемуЧему ", "Чему "))
    }
}

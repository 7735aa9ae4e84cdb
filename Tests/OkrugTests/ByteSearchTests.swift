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

    /// The same search over bytes, from a given place: where the next match starts.
    @Test func firstIndexFromAPlace() {
        let bytes = Array("<b data-x=\"1\">дата</b><b data-x=\"2\">".utf8)
        let marker = Array("data-x=\"".utf8)
        let first = ByteSearch.firstIndex(of: marker, in: bytes)
        #expect(first == 3)
        let second = ByteSearch.firstIndex(of: marker, in: bytes, from: (first ?? 0) + 1)
        #expect(second.map { Array(bytes[$0...].prefix(9)) } == Array("data-x=\"2".utf8))
        #expect(ByteSearch.firstIndex(of: marker, in: bytes, from: (second ?? 0) + 1) == nil)
        #expect(ByteSearch.firstIndex(of: marker, in: Array("data".utf8)) == nil)
    }
}

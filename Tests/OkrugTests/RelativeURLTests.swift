import Testing

@testable import OkrugCore

/// `RelativeURL.link` walks the two paths' bytes in place. Against the plain definition it
/// replaced (split both paths into components, skip the shared ones, climb out of the rest of
/// `from`), over generated paths: shared and unshared folders, doubled and leading slashes,
/// file targets, empty paths, Cyrillic.
struct RelativeURLTests {
    static func byComponents(from: String, to: String) -> String {
        let source = from.split(separator: "/").map(String.init)
        let target = to.split(separator: "/").map(String.init)
        var common = 0
        while common < source.count, common < target.count, source[common] == target[common] { common += 1 }
        let endsWithSlash = to.hasSuffix("/")
        if !endsWithSlash, common == target.count, common > 0 { common -= 1 }
        var url = String(repeating: "../", count: source.count - common)
        url += target[common...].joined(separator: "/")
        if endsWithSlash, common < target.count { url += "/" }
        return url.isEmpty ? "./" : url
    }

    @Test func walkingTheBytesGivesWhatSplittingGives() {
        let names = ["materials", "kinds", "x", "seminar", "page", "2", "feed.xml", "школа", "a.b", ""]
        var generator = Generator(state: 3)
        func path() -> String {
            var path = generator.chance(10) ? "/" : ""
            for _ in 0..<generator.int(0...4) {
                path += generator.pick(names)
                path += generator.chance(10) ? "//" : "/"
            }
            if generator.chance(30) { path += generator.pick(names) }
            return path
        }
        for _ in 0..<20_000 {
            let (from, to) = (path(), path())
            #expect(RelativeURL.link(from: from, to: to) == Self.byComponents(from: from, to: to), "\(from) → \(to)")
        }
        #expect(RelativeURL.link(from: "feed.xml/", to: "feed.xml") == "../feed.xml")
        #expect(RelativeURL.link(from: "materials/x/", to: "materials/y/") == "../y/")
    }
}

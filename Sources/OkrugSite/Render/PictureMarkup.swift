import OkrugCore
import OkrugText

/// A picture in a material's or a page's text, as cmark writes it (`<img src="…" alt="…" />`),
/// turned into one the browser picks the size of: WebP where the browser takes it, the original
/// format elsewhere, `width` and `height` so the page does not jump while it loads, and
/// `loading="lazy"` for all but the first picture of the page.
enum PictureMarkup {
    /// The text column: 50rem less its padding; the whole screen on a phone.
    static let sizes = "(max-width: 50rem) 100vw, 48rem"

    /// `html` of the page at `page` with each picture of `pictures` (by its place in the site)
    /// written as `<picture>`; `html` itself when it has none of them.
    static func rewrite(_ html: String, page: String, pictures: [PictureSet]) -> String {
        guard !pictures.isEmpty else { return html }
        var out = html
        var first = true
        // In the order they stand on the page: only the first one loads at once.
        var places: [(range: Range<String.Index>, picture: PictureSet)] = []
        for picture in pictures {
            let src = XMLText.escape(RelativeURL.link(from: page, to: picture.target))
            var from = out.startIndex
            while let start = out.range(of: "<img src=\"\(src)\"", range: from..<out.endIndex) {
                guard let end = out.range(of: "/>", range: start.upperBound..<out.endIndex) else { break }
                places.append((start.lowerBound..<end.upperBound, picture))
                from = end.upperBound
            }
        }
        places.sort { $0.range.lowerBound < $1.range.lowerBound }
        var pieces: [(Range<String.Index>, String)] = []
        for place in places {
            let tag = String(out[place.range])
            pieces.append((place.range, markup(tag, page: page, picture: place.picture, eager: first)))
            first = false
        }
        for (range, text) in pieces.reversed() { out.replaceSubrange(range, with: text) }
        return out
    }

    /// The `<picture>` for cmark's `<img … />` tag, its alt and title kept as cmark escaped them.
    static func markup(_ tag: String, page: String, picture: PictureSet, eager: Bool) -> String {
        func attribute(_ name: String) -> String? {
            guard let start = tag.range(of: " \(name)=\""),
                let end = tag.range(of: "\"", range: start.upperBound..<tag.endIndex)
            else { return nil }
            return String(tag[start.upperBound..<end.lowerBound])
        }
        func set(_ variants: [PictureSet.Variant]) -> String {
            variants.map { XMLText.escape(RelativeURL.link(from: page, to: $0.path)) + " \($0.width)w" }
                .joined(separator: ", ")
        }
        let src =
            picture.fallback.last.map { RelativeURL.link(from: page, to: $0.path) }
            ?? RelativeURL.link(from: page, to: picture.display)
        var img = "<img src=\"\(XMLText.escape(src))\""
        if !picture.fallback.isEmpty { img += " srcset=\"\(set(picture.fallback))\" sizes=\"\(sizes)\"" }
        img += " width=\"\(picture.width)\" height=\"\(picture.height)\" alt=\"\(attribute("alt") ?? "")\""
        if let title = attribute("title") { img += " title=\"\(title)\"" }
        img += eager ? " decoding=\"async\">" : " loading=\"lazy\" decoding=\"async\">"
        guard !picture.webp.isEmpty else { return img }
        return
            "<picture><source type=\"image/webp\" srcset=\"\(set(picture.webp))\" sizes=\"\(sizes)\">\(img)</picture>"
    }
}

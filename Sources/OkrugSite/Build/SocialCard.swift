import Foundation
import OkrugCore
import OkrugSystem
import OkrugText

/// The picture a link to the site shows in VK, Telegram or a messenger when its page has no
/// picture of its own: 1200×630 (OpenGraph's size), the site's name and the partnership in the
/// site's colours and typeface, drawn from an SVG by libvips (librsvg) once per text and kept in
/// the cache.
enum SocialCard {
    static let width = 1200
    static let height = 630

    /// The card's SVG: the site's green, its name in large letters, what the partnership is.
    static func svg(title: String, subtitle: String?) -> String {
        let titleLines = lines(title, perLine: 20, maximum: 3)
        let subtitleLines = subtitle.map { lines($0, perLine: 52, maximum: 3) } ?? []
        var text = ""
        var y = 250 - (titleLines.count - 1) * 40
        for line in titleLines {
            text +=
                "<text x=\"80\" y=\"\(y)\" font-size=\"76\" font-weight=\"700\" fill=\"#ffffff\">\(XMLText.escape(line))</text>\n"
            y += 88
        }
        y += 20
        for line in subtitleLines {
            text += "<text x=\"80\" y=\"\(y)\" font-size=\"34\" fill=\"#d8ece6\">\(XMLText.escape(line))</text>\n"
            y += 46
        }
        return document(text)
    }

    /// A material's card: the site's name above, the material's title in large letters, its
    /// school below.
    static func materialSVG(title: String, school: String?, site: String) -> String {
        let titleLines = lines(title, perLine: 27, maximum: 4)
        var text =
            "<text x=\"80\" y=\"100\" font-size=\"32\" fill=\"#d8ece6\">\(XMLText.escape(lines(site, perLine: 56, maximum: 1).joined()))</text>\n"
        var y = 200
        for line in titleLines {
            text +=
                "<text x=\"80\" y=\"\(y)\" font-size=\"58\" font-weight=\"700\" fill=\"#ffffff\">\(XMLText.escape(line))</text>\n"
            y += 70
        }
        if let school {
            text +=
                "<text x=\"80\" y=\"\(y + 24)\" font-size=\"34\" fill=\"#f2b84b\">\(XMLText.escape(lines(school, perLine: 52, maximum: 1).joined()))</text>\n"
        }
        return document(text)
    }

    private static func document(_ text: String) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)">
        <rect width="\(width)" height="\(height)" fill="#1d5c4d"/>
        <rect x="0" y="\(height - 24)" width="\(width)" height="24" fill="#f2b84b"/>
        <g font-family="DejaVu Sans, Noto Sans, Liberation Sans, sans-serif">
        \(text)</g>
        </svg>

        """
    }

    /// Words into lines of at most `perLine` characters, the last one ending in «…» when cut.
    static func lines(_ text: String, perLine: Int, maximum: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(whereSeparator: \.isWhitespace) {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= perLine {
                current += " " + word
            } else if let last = current.split(separator: " ").last, last.count <= 2, current.contains(" ") {
                // «и», «в», «на» go to the next line with the word they belong to.
                lines.append(String(current.dropLast(last.count + 1)))
                current = last + " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        if lines.count > maximum {
            lines = Array(lines.prefix(maximum))
            lines[maximum - 1] += "…"
        }
        return lines
    }

    /// The card as a PNG in the cache (made when its SVG is new); `nil` when it is not there
    /// and libvips is missing.
    static func make(site: Site, options: BuildOptions) -> String? {
        let svg = Data(svg(title: site.config.title, subtitle: site.config.partnership).utf8)
        return CardDrawing.draw(["site": svg], saveOptions: "[strip,compression=9]", options: options)["site"]
    }
}

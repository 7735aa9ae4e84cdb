import OkrugCore
import OkrugText

/// A horizontal bar chart as inline SVG, made at build time: no script, no chart library.
/// Labels and values are written in the chart, so it reads on paper and without colour; the
/// title and description (with every number) are what a screen reader announces.
struct BarChart: Sendable {
    var id: String
    var title: String
    var rows: [PlanResults.Count]

    static let width = 400
    static let ink = "#1f2328"
    static let bar = "#1d5c4d"
    /// The partner school's bar: another colour, and «(школа-партнер)» in its label.
    static let highlight = "#0b5394"

    /// «По школам: МБОУ «СОШ №13» — 18; Пригородная СОШ — 3.»
    var description: String {
        RussianTypography.noBreaks(
            "\(title): " + rows.map { "\($0.label)\u{A0}— \($0.value)" }.joined(separator: "; ") + ".")
    }

    func svg() -> String {
        let maxValue = max(rows.map(\.value).max() ?? 0, 1)
        let labelsBeside = rows.allSatisfy { $0.label.count <= 12 }
        // Bars and words in two groups, each with its colour once: the page stays light.
        var bars = ""
        var words = ""
        var y = 8
        let barHeight = 14
        for row in rows {
            let barStart: Int
            let barRoom: Int
            if labelsBeside {
                barStart = 100
                barRoom = Self.width - barStart - 40
                words +=
                    "<text x=\"\(barStart - 8)\" y=\"\(y + 12)\" text-anchor=\"end\">\(XMLText.escape(RussianTypography.noBreaks(row.label)))</text>"
            } else {
                barStart = 0
                barRoom = Self.width - 40
                for line in Self.wrap(row.label, limit: 44) {
                    y += 17
                    words += "<text x=\"0\" y=\"\(y)\">\(XMLText.escape(RussianTypography.noBreaks(line)))</text>"
                }
                y += 5
            }
            let length = row.value == 0 ? 0 : max(2, row.value * barRoom / maxValue)
            if length > 0 {
                let fill = row.highlighted ? " fill=\"\(Self.highlight)\"" : ""
                bars += "<rect x=\"\(barStart)\" y=\"\(y)\" width=\"\(length)\" height=\"\(barHeight)\"\(fill)/>"
            }
            words += "<text x=\"\(barStart + length + 6)\" y=\"\(y + 12)\" font-weight=\"600\">\(row.value)</text>"
            y += barHeight + (labelsBeside ? 10 : 8)
        }
        let height = y + 4
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(Self.width) \(height)\" "
            + "width=\"\(Self.width)\" height=\"\(height)\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" "
            + "font-size=\"14\" font-family=\"system-ui, 'DejaVu Sans', Arial, sans-serif\">"
            + "<title id=\"\(id)-title\">\(XMLText.escape(RussianTypography.noBreaks(title)))</title><desc id=\"\(id)-desc\">\(XMLText.escape(description))</desc>"
            + "<g fill=\"\(Self.bar)\">\(bars)</g><g fill=\"\(Self.ink)\">\(words)</g></svg>"
    }

    /// Words into lines of at most `limit` characters (a longer word stays whole).
    static func wrap(_ text: String, limit: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > limit {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.isEmpty ? [""] : lines
    }
}

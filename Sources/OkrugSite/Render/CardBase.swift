import OkrugCore
import OkrugTemplate
import OkrugText

/// A material's card rendered with stand-ins for its four links (the material, its school,
/// direction and kind), cut at the stand-ins. Links are made of slugs and `../`, which HTML
/// escaping leaves as they are, so putting them in gives the bytes a render with them would.
final class CardBase: Sendable {
    /// `\u{1}0` … `\u{1}3`: a control character no text of a page has.
    static let standIns = (0..<4).map { "\u{1}\($0)" }

    struct Piece: Sendable {
        var text: String
        /// Which link follows the text (`nil` after the last piece).
        var link: Int?
    }

    let view: MaterialCardView
    /// Where the four links lead, from the site's root: the material, its school, direction, kind.
    let targets: [String]
    private let pieces: [Piece]
    /// The card's own texts had the stand-in character: it is rendered in full at each place.
    private let usable: Bool

    init(view: MaterialCardView, targets: [String], rendered: String) {
        self.view = view
        self.targets = targets
        var pieces: [Piece] = []
        var usable = true
        let texts =
            [view.title, view.authors, view.date, view.dateISO, view.kind.title]
            + [view.summary, view.school?.title, view.direction?.title, view.facts].compactMap { $0 }
        usable = !texts.contains { $0.utf8.contains(0x01) }
        var rest = rendered[...]
        while let mark = rest.utf8.firstIndex(of: 0x01) {
            let digitIndex = rest.utf8.index(after: mark)
            guard digitIndex < rest.endIndex, let digit = Int(String(rest[digitIndex])), digit < 4 else {
                usable = false
                break
            }
            pieces.append(Piece(text: String(rest[..<mark]), link: digit))
            rest = rest[rest.utf8.index(after: digitIndex)...]
        }
        pieces.append(Piece(text: String(rest), link: nil))
        self.pieces = pieces
        self.usable = usable
    }

    /// The card's HTML with `links` in place of the stand-ins; `nil` when it must be rendered.
    func html(links: [String]) -> CardHTML? {
        guard usable, !links.contains(where: XMLText.needsEscaping) else { return nil }
        return CardHTML(pieces: pieces, links: links)
    }
}

/// A card's HTML at one place: its pieces with that place's links between them, copied
/// straight into the page.
struct CardHTML: HTMLFragment, TemplateRepresentable {
    var pieces: [CardBase.Piece]
    var links: [String]

    init(pieces: [CardBase.Piece], links: [String]) {
        self.pieces = pieces
        self.links = links
    }

    /// A card rendered in full.
    init(_ text: String) {
        self.init(pieces: [CardBase.Piece(text: text, link: nil)], links: [])
    }

    func append(to out: inout [UInt8]) {
        for piece in pieces {
            out.append(contentsOf: piece.text.utf8)
            if let link = piece.link { out.append(contentsOf: links[link].utf8) }
        }
    }

    var text: String {
        var out: [UInt8] = []
        append(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    var templateValue: TemplateValue { .html(self) }
}

/// Links from one page to the sections its cards point at (a school, a direction, a kind),
/// each made once: a listing page shows twenty cards with a handful of distinct targets.
final class PageLinks {
    let from: String
    private var made: [String: String] = [:]

    init(from: String) { self.from = from }

    func link(to target: String) -> String {
        if let known = made[target] { return known }
        let link = RelativeURL.link(from: from, to: target)
        made[target] = link
        return link
    }
}

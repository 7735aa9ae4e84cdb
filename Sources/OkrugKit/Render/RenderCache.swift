import Synchronization

/// Pieces of HTML that many pages share, rendered once: the header and footer of every page
/// at one depth and section, and each material's card (view and HTML) as seen from one place of the site (a
/// card is on the listing, on each of its terms' pages and among related materials: about
/// fifteen times each). The templates still make them; this only remembers the result.
final class RenderCache: Sendable {
    private let chrome = Mutex<[String: String]>([:])
    private let cards = Mutex<[CardKey: MaterialCardView]>([:])

    struct CardKey: Hashable {
        var index: Int
        /// Relative prefixes to the root and to the sections a card links to: the only way the
        /// place a card is shown changes its HTML.
        var prefixes: [String]
    }

    func chrome(_ key: String, render: () -> String) -> String {
        if let html = chrome.withLock({ $0[key] }) { return html }
        let html = render()
        chrome.withLock { $0[key] = html }
        return html
    }

    func card(_ key: CardKey, render: () -> MaterialCardView) -> MaterialCardView {
        if let card = cards.withLock({ $0[key] }) { return card }
        let card = render()
        cards.withLock { $0[key] = card }
        return card
    }
}

import Synchronization

/// Pieces of HTML that many pages share, rendered once: the header and footer of every page
/// at one depth and section, and each material's card with stand-ins for its links.
final class RenderCache: Sendable {
    private let chrome = Mutex<[String: String]>([:])
    private let cards = Mutex<[Int: CardBase]>([:])

    func chrome(_ key: String, render: () -> String) -> String {
        if let html = chrome.withLock({ $0[key] }) { return html }
        let html = render()
        chrome.withLock { $0[key] = html }
        return html
    }

    func cardBase(_ index: Int, render: () -> CardBase) -> CardBase {
        if let card = cards.withLock({ $0[index] }) { return card }
        let card = render()
        cards.withLock { $0[index] = card }
        return card
    }
}

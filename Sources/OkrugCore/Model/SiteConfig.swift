/// `Content/site.yaml`.
public struct SiteConfig: Sendable, Hashable {
    public var title: String
    public var description: String
    /// Absolute URL of the site's root, always ending in `/` (`https://host/okrug/`).
    public var baseURL: String
    public var language: String
    /// Name of the partnership shown on the home page.
    public var partnership: String
    /// The partnership's goal (from the plan).
    public var goal: String
    /// Let raw HTML and every link scheme through from Markdown. Off by default.
    public var unsafeHTML: Bool
    /// Entries on one listing page.
    public var perPage: Int

    public init(
        title: String, description: String = "", baseURL: String, language: String = "ru",
        partnership: String = "", goal: String = "", unsafeHTML: Bool = false, perPage: Int = 20
    ) {
        self.title = title
        self.description = description
        self.baseURL = SiteConfig.normalizedBaseURL(baseURL)
        self.language = language
        self.partnership = partnership
        self.goal = goal
        self.unsafeHTML = unsafeHTML
        self.perPage = perPage
    }

    static let keys = [
        "title", "description", "base_url", "language", "partnership", "goal", "unsafe_html", "per_page",
    ]

    /// What is wrong with a site address, in Russian; `nil` when it is an absolute http(s)
    /// address of a folder: scheme, host, optional path, ending in `/`, nothing after it.
    public static func baseURLProblem(_ url: String) -> String? {
        let lowered = url.lowercased()
        guard let scheme = ["https://", "http://"].first(where: { lowered.hasPrefix($0) }) else {
            return "адрес сайта должен начинаться с https:// или http://"
        }
        let rest = url.dropFirst(scheme.count)
        let host = rest.prefix { $0 != "/" }
        if host.isEmpty || host.contains(where: { $0 == " " || $0 == "@" || $0 == "\\" }) {
            return "в адресе сайта нет имени сервера после \(scheme)"
        }
        if url.contains(where: { $0 == " " || $0 == "?" || $0 == "#" || $0.isNewline }) {
            return "в адресе сайта не может быть пробелов, «?» и «#»"
        }
        if !url.hasSuffix("/") { return "адрес сайта должен кончаться косой чертой «/»" }
        return nil
    }

    /// How to write it: the address with what was missing added, where that can be guessed.
    public static func baseURLExample(_ url: String) -> String {
        let trimmed = url.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased().hasPrefix("http"), !trimmed.hasSuffix("/"), !trimmed.contains("?") {
            return "например: \(trimmed)/"
        }
        return "например: https://school.example/okrug/"
    }

    public static func normalizedBaseURL(_ url: String) -> String {
        url.hasSuffix("/") ? url : url + "/"
    }

    /// The path part of the base URL (`/okrug/`), for the few places that need root-relative
    /// links (the 404 page, which is served at any depth).
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let afterHost = baseURL[schemeEnd.upperBound...]
        guard let slash = afterHost.firstIndex(of: "/") else { return "/" }
        return String(afterHost[slash...])
    }
}

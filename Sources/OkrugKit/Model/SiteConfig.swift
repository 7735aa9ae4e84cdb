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

/// What the parse stage learns from one Markdown body: the HTML and everything the later
/// stages need without touching cmark again.
public struct MarkdownDocument: Sendable {
    /// The body as HTML (safe mode unless the site allows raw HTML).
    public var html: String
    /// The HTML in the build's spool instead (then `html` is empty).
    public var stored: StoredHTML?
    /// h2–h6 headings in order, with the anchors written into `html`.
    public var headings: [MarkdownHeading]
    /// Every link and image destination, with what the resolver made of it.
    public var links: [MarkdownLink]
    /// Places of raw HTML left out of the page (safe mode), for warnings.
    public var omittedHTML: [MarkdownPosition]
    /// Tables that did not come out as written, for warnings.
    public var problems: [MarkdownProblem]
    /// The first paragraph as plain text, the default summary.
    public var firstParagraph: String
    public var wordCount: Int
}

public struct MarkdownHeading: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var anchor: String
    public var position: MarkdownPosition
}

/// A 1-based line and character column within the body given to the parser.
public struct MarkdownPosition: Sendable, Hashable {
    public var line: Int
    public var column: Int
}

public struct MarkdownLink: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case link
        case image
    }

    public var kind: Kind
    /// The destination as written.
    public var destination: String
    public var position: MarkdownPosition
    public var resolution: LinkResolution
}

/// The resolver's verdict on one link destination.
public enum LinkResolution: Sendable, Hashable {
    /// Leave the destination as written (external links, mail, in-page anchors).
    case keep
    /// Write this URL instead (a `.md` path turned into the target page's URL).
    case rewrite(String)
    /// A link that cannot work; the destination is kept and a diagnostic reported.
    case broken(message: String, hint: String)
    /// A `javascript:`-like destination; cmark's safe mode drops it, a warning says where.
    case unsafe
}

public struct MarkdownOptions: Sendable, Hashable {
    /// Let the author's raw HTML and every URL scheme through (site.yaml `unsafe_html: true`).
    public var allowUnsafeHTML: Bool
    /// Turn straight quotes into «ёлочки» and spaced hyphens into dashes.
    public var russianTypography: Bool

    public init(allowUnsafeHTML: Bool = false, russianTypography: Bool = true) {
        self.allowUnsafeHTML = allowUnsafeHTML
        self.russianTypography = russianTypography
    }
}

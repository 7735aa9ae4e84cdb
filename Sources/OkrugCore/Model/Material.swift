import OkrugMarkdown
import OkrugText

/// A material of the bank, resolved: ids checked, body parsed, links rewritten.
public struct Material: Sendable, Identifiable, ShowsFields {
    public var slug: String
    /// Output path of its page: `materials/<slug>/`.
    public var path: String
    /// `materials/x/index.md`, relative to `Content/`.
    public var sourcePath: String
    public var title: String
    public var date: CalendarDay
    public var authors: [Person]
    public var schoolID: String
    public var directionID: String
    public var kind: MaterialKind
    /// `2023/<activity-id>`: the plan activity it came from.
    public var activity: String?
    public var subjects: [String]
    public var grades: [Int]
    public var tags: [String]
    /// From the front matter, or the first paragraph.
    public var summary: String
    public var attachments: [Attachment]
    public var draft: Bool
    /// The body as HTML, kept in memory or in the build's spool (`HTMLSpool`).
    public var body: StoredHTML
    public var html: String { body.text }
    public var headings: [MarkdownHeading]
    public var wordCount: Int
    /// Files copied beside the page (its folder's files and the images it shows).
    public var files: [CopiedFile]
    /// The photo report, in the order the front matter gives.
    public var photos: [Photo] = []
    /// Its front matter as its page shows it, by key.
    public var fields: [String: String] = [:]

    public var id: String { slug }
}

/// A file of `Content/` copied into the output.
/// A photo of a material's report: where the site has it, and what it shows.
public struct Photo: Sendable, Hashable {
    public var target: String
    /// Its caption, also its text for those who do not see it (empty: a warning was given).
    public var caption: String

    /// What a camera or a phone saves: the pictures a report may hold.
    public static let formats: Set<String> = ["jpg", "jpeg", "png", "webp", "heic", "heif", "tif", "tiff"]
}

public struct CopiedFile: Sendable, Hashable, Comparable {
    /// Relative to `Content/`.
    public var source: String
    /// Relative to the output folder.
    public var target: String

    public static func < (lhs: CopiedFile, rhs: CopiedFile) -> Bool {
        (lhs.target, lhs.source) < (rhs.target, rhs.source)
    }
}

/// A free page: «О проекте», «Межшкольное партнерство».
public struct Page: Sendable, Identifiable, ShowsFields {
    public var slug: String
    /// `<slug>/`.
    public var path: String
    public var sourcePath: String
    public var title: String
    /// Position in the top navigation; `nil` keeps it out of the menu.
    public var menu: Int?
    /// The page's name in the top menu: `menu_title`, else its title.
    public var menuTitle: String
    public var summary: String
    public var html: String
    public var headings: [MarkdownHeading]
    public var files: [CopiedFile]
    public var fields: [String: String] = [:]

    public var id: String { slug }
}

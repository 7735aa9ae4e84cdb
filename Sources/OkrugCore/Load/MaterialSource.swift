import Foundation
import OkrugText

/// A material as read from its file: the front matter checked field by field, the body not
/// yet parsed. Ids (school, direction, activity) are checked later, against the whole site.
public struct MaterialSource: Sendable {
    /// `materials/x/index.md` or `materials/x.md`.
    public var relativePath: String
    public var displayPath: String
    public var slug: Located<String>
    public var title: String
    /// Required fields stay optional here: a material with a missing or wrong field is still
    /// checked for everything else (ids, links, attachments), then left out of the site.
    public var date: CalendarDay?
    public var authors: [Located<String>]
    public var school: Located<String>?
    public var direction: Located<String>?
    public var kind: MaterialKind?
    /// Every required field was present and valid.
    public var isComplete: Bool
    public var activity: Located<String>?
    public var subjects: [String]
    public var grades: [Int]
    public var tags: [String]
    public var summary: String?
    public var attachments: [Located<AttachmentReference>]
    public var draft: Bool
    public var body: String
    public var bodyFirstLine: Int
    /// `school:`, `direction:`, `kind:` lines `okrug new` or `okrug import-doc` filled with a
    /// default and marked so (`Placeholders.defaultMark`): the field's name at its line.
    public var defaulted: [Located<String>] = []
    /// The photo report: pictures of the material's folder with their captions.
    public var photos: [Located<PhotoReference>] = []
    /// The fields with no property of their own, as read (`ShowsFields`).
    public var fields = FieldValues()

    /// Whether the material has a folder of its own (`x/index.md`), whose files go with it.
    public var isBundle: Bool { relativePath.hasSuffix("/index.md") }
    public var directory: String { ContentPath.directory(of: relativePath) }
}

/// `{file: presentation.pdf, title: Презентация}` as written.
public struct AttachmentReference: Sendable, Hashable {
    public var file: String
    public var title: String
}

/// One photo of a report as the front matter names it; the caption may be missing (a warning).
public struct PhotoReference: Sendable, Hashable {
    public var file: String
    public var caption: String?
    static let keys = ["file", "caption"]
}

/// A free page (`pages/<slug>.md`).
public struct PageSource: Sendable {
    public var relativePath: String
    public var displayPath: String
    public var slug: Located<String>
    public var title: String
    public var menu: Int?
    /// A shorter name for the top menu (`menu_title`), as Hugo's `linkTitle`.
    public var menuTitle: String?
    public var summary: String?
    public var body: String
    public var bodyFirstLine: Int
    public var fields = FieldValues()

    public var directory: String { ContentPath.directory(of: relativePath) }
}

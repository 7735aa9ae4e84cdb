/// The folders of `Content/` and what each holds: where a file is decides what it is. (Where a
/// page is published is `Routes`' concern; these are the sources.)
package enum ContentFolders {
    /// Materials: `materials/<name>.md`, or `materials/<name>/index.md` with its files beside it.
    package static let materials = "materials/"
    /// Free pages, the same two ways.
    package static let pages = "pages/"
    /// Plans of joint events: `plans/<year>.yaml`.
    package static let plans = "plans/"
}

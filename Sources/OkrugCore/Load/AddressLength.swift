/// Names that become folders of the site (a material's address, a tag's, an author's) must
/// fit the file system: 255 bytes per name on ext4 and most others. A name over the limit
/// would fail the write after everything was rendered; `okrug check` reports it at its field.
enum AddressLength {
    /// Bytes a name of the site may take (leaving room below the file system's 255).
    static let maximumBytes = 200

    static func problem(_ slug: String, of what: String, at position: SourcePosition) -> Diagnostic? {
        guard slug.utf8.count > maximumBytes else { return nil }
        return .error(
            position,
            "адрес \(what) получается слишком длинным: \(slug.utf8.count) знаков латиницей, а можно не больше \(maximumBytes)",
            hint: what == "материала" || what == "страницы"
                ? "сократите имя файла или задайте короткий адрес полем «slug: …»"
                : "сократите название: оно становится адресом страницы на сайте")
    }

    /// How many values a list field of a material may hold: each tag, subject and author is
    /// a page of the site, and a real material has a handful.
    static let maximumListItems = 100

}

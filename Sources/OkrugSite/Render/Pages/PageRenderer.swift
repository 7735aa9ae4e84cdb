import OkrugCore

/// One kind of page: a small value with what that page needs (a material's index, a plan…)
/// and `file()`, its rendered file. Every kind has its own file in `Render/Pages/`; what the
/// kinds share — the site, the templates, the layout, the cards, the plan's pieces — is the
/// `SiteRenderer` they are made with, which also decides which pages a site has.
///
/// To add a kind of page: its address in `Routes`; its file here with its view model, the
/// model's field table and the renderer; a line in `SiteRenderer.render(to:)` and its name in
/// `SiteRenderer.pageKinds`; its template (which a theme must then have).
protocol PageKind {
    /// The template it is rendered with: `Templates/<template>.mustache`.
    static var template: String { get }
}

protocol PageRenderer: PageKind {
    var context: SiteRenderer { get }
    func file() -> OutputFile
}

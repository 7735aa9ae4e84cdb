import OkrugCore

/// One kind of page: a small value with what that page needs (a material's index, a plan…)
/// and `file()`, its rendered file. Every kind has its own file in `Render/Pages/`; what the
/// kinds share — the site, the templates, the layout, the cards, the plan's pieces — is the
/// `SiteRenderer` they are made with, which also decides which pages a site has.
///
/// To add a kind of page: a view model (`ViewModels.swift` and its field table), a template,
/// a `PageRenderer` here, its address in `Routes`, and a line in `SiteRenderer.render(to:)`.
protocol PageRenderer {
    var context: SiteRenderer { get }
    func file() -> OutputFile
}

import Foundation
import OkrugCore
import OkrugText

/// The page a server shows for an address the site does not have: `404.html`.
///
/// The 404 page is served at any depth, so its links start from the site's base path.
struct NotFoundPage: PageRenderer {
    let context: SiteRenderer

    func file() -> OutputFile {
        let base = context.site.config.basePath
        let view = NotFoundView(
            layout: context.layout(
                path: Routes.notFound, title: "Страница не найдена", section: "", breadcrumbs: [], linkBase: base),
            home: base, materials: base + Routes.materials)
        return context.templates.page(Routes.notFound, view, template: Self.template)
    }
}

extension NotFoundPage {
    static let template = "404"
}

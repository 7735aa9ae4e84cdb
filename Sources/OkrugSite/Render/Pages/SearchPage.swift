import Foundation
import OkrugCore
import OkrugText

/// The search page: `search/`.
struct SearchPage: PageRenderer {
    let context: SiteRenderer

    func file() -> OutputFile {
        let path = Routes.search
        func url(_ target: String) -> String { RelativeURL.link(from: path, to: target) }
        let view = SearchPageView(
            layout: context.layout(path: path, title: "Поиск", section: "search", breadcrumbs: []),
            bundle: url(Routes.searchIndex), base: context.site.config.basePath, script: url(context.searchScriptPath),
            wordsScript: url(context.assetPaths["search-words.js"] ?? Routes.asset("search-words.js")),
            materialsURL: url(Routes.materials))
        return context.templates.page(Routes.file(of: path), view, template: Self.template)
    }
}

extension SearchPage {
    static let template = "search"
}

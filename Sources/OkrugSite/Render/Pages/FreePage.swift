import Foundation
import OkrugCore
import OkrugMarkdown
import OkrugText

/// A free page («О проекте»): `<slug>/`.
struct FreePage: PageRenderer {
    let context: SiteRenderer
    let page: Page

    func file() -> OutputFile {
        let toc = TocItemView.outline(page.headings)
        let view = FreePageView(
            layout: context.layout(
                path: page.path, title: page.title, section: "page:" + page.slug, breadcrumbs: [],
                description: page.summary),
            title: page.title,
            fields: FieldsView(values: page.fields, described: PageSchema.keptAsText),
            body: context.withPictures(StoredHTML(inline: page.html), page: page.path, files: page.files).text,
            toc: toc,
            hasToc: page.headings.filter { (2...3).contains($0.level) }.count >= 3)
        return context.templates.page(Routes.file(of: page.path), view, template: Self.template)
    }
}

extension FreePage {
    static let template = "page"
}

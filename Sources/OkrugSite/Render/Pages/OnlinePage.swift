import Foundation
import OkrugCore
import OkrugMarkdown
import OkrugText

/// A Word or LibreOffice attachment shown as a page («Читать онлайн»):
/// `materials/<slug>/chitat/<file>/`, its pictures beside it.
struct OnlinePage: PageKind {
    let context: SiteRenderer
    let material: Material
    let attachment: Attachment
    let text: OnlineText

    func files() -> [OutputFile] {
        let path = text.address
        let document = Markdown.render(
            text.markdown, options: MarkdownOptions(allowUnsafeHTML: false, russianTypography: true))
        let view = OnlinePageView(
            layout: context.layout(
                path: path, title: attachment.title, section: "materials",
                breadcrumbs: [
                    LinkView(title: "Материалы", url: Routes.materials),
                    LinkView(title: material.title, url: material.path),
                ],
                description: "«\(attachment.title)» — текст файла материала «\(material.title)»",
                searchFields: context.searchFields(forFile: attachment, of: material, unit: nil)),
            title: attachment.title,
            material: LinkView(title: material.title, url: RelativeURL.link(from: path, to: material.path)),
            fileURL: RelativeURL.link(from: path, to: attachment.target),
            downloadName: attachment.downloadName,
            fileInfo: attachment.typeLabel + ", " + attachment.humanSize,
            body: document.html)
        var files = [context.templates.page(Routes.file(of: path), view, template: Self.template)]
        for picture in text.pictures {
            files.append(OutputFile(path: path + picture.name, contents: .bytes(picture.data)))
        }
        return files
    }
}

extension OnlinePage {
    static let template = "online"
}

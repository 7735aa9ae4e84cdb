import Foundation
import OkrugCore
import OkrugText

/// A material's page: `materials/<slug>/`.
struct MaterialPage: PageRenderer {
    let context: SiteRenderer
    let index: Int

    func file() -> OutputFile {
        let material = context.site.materials[index]
        let path = material.path
        func url(_ target: String) -> String { RelativeURL.link(from: path, to: target) }
        // The facts' rows, in the schema's order, from the fields it marks as shown here.
        let meta = MaterialSchema.fields.compactMap { $0.metaRow?(material, context.site) }.map { row in
            MetaRowView(
                label: row.label, links: row.links.map { LinkView(title: $0.title, url: url($0.target)) },
                text: row.text)
        }
        let toc = TocItemView.outline(material.headings)
        let attachments = material.attachments.map { attachmentView($0, from: path) }
        let related = (index < context.site.related.count ? context.site.related[index] : []).map {
            [links = PageLinks(from: path)] in context.card($0, links: links)
        }
        let newer = index > 0 ? context.site.materials[index - 1] : nil
        let older = index + 1 < context.site.materials.count ? context.site.materials[index + 1] : nil
        let minutes = max(1, (material.wordCount + 150) / 180)
        var view = MaterialPageView(
            layout: context.layout(
                path: path, title: material.title, section: "materials",
                breadcrumbs: [LinkView(title: "Материалы", url: Routes.materials)], description: material.summary,
                structuredData: StructuredData.learningResource(material, site: context.site),
                searchFields: context.searchFields(for: material), socialImage: socialImage(material),
                kind: "article"),
            title: material.title,
            date: material.date.russian,
            dateISO: material.date.iso,
            readingTime: "\(RussianPlural.minute.counted(minutes)) чтения",
            summary: material.summary,
            meta: meta,
            fields: FieldsView(values: material.fields, described: MaterialSchema.keptAsText),
            tags: material.tags.map { LinkView(title: $0, url: url(Routes.tag($0))) },
            hasTags: !material.tags.isEmpty,
            toc: toc,
            hasToc: material.headings.filter { (2...3).contains($0.level) }.count >= 3,
            body: context.withPictures(material.body, page: path, files: material.files),
            attachments: attachments,
            hasAttachments: !attachments.isEmpty,
            filesHeading: "Файлы (\(attachments.count))",
            related: related,
            hasRelated: !related.isEmpty,
            newer: newer.map { LinkView(title: $0.title, url: url($0.path)) },
            older: older.map { LinkView(title: $0.title, url: url($0.path)) },
            draft: material.draft,
            activity: material.activity.flatMap { reference in
                context.site.plans.lazy.compactMap { plan in
                    plan.activities.first { $0.reference == reference }
                }.first
            }.map { LinkView(title: $0.title.plain, url: url(Routes.activity($0.id, year: $0.year))) })
        view.photos = material.photos.map { photoView($0, from: path) }
        view.hasPhotos = !view.photos.isEmpty
        view.photosHeading = "Фотоотчёт (\(view.photos.count))"
        view.photosScript = url(context.assetPaths["photos.js"] ?? Routes.asset("photos.js"))
        return context.templates.page(Routes.file(of: path), view, template: Self.template)
    }

    func attachmentView(_ attachment: Attachment, from path: String) -> AttachmentView {
        let extra = context.extras.byTarget[attachment.target]
        let url = RelativeURL.link(from: path, to: attachment.target)
        // «Открыть»: the file itself where the browser shows it, else its PDF when there is one.
        let openURL =
            attachment.opensInBrowser ? url : extra?.converted.map { RelativeURL.link(from: path, to: $0.target) }
        let preview = extra?.preview.map { preview in
            // Shown 90 CSS pixels wide (a glance at the page, not reading): the picture has more,
            // for sharp screens.
            PreviewView(
                href: openURL ?? url, src: RelativeURL.link(from: path, to: preview.target), width: 90,
                height: max(1, (preview.height * 90 + preview.width / 2) / preview.width))
        }
        return AttachmentView(
            title: attachment.title, url: url,
            icon: attachment.fileExtension.isEmpty ? "ФАЙЛ" : String(attachment.fileExtension.uppercased().prefix(4)),
            iconKind: Self.iconKind(attachment.fileType), info: Self.fileInfo(attachment, extra: extra),
            downloadName: attachment.downloadName, openURL: openURL, preview: preview,
            readURL: extra?.online.map { RelativeURL.link(from: path, to: $0.address) },
            textURL: extra.flatMap { extra in
                extra.online == nil && extra.text?.hasWords == true
                    ? RelativeURL.link(from: path, to: extra.textAddress) : nil
            })
    }

    /// A photo as the report shows it: the 480-pixel copy, opening the largest one (1 600 at most).
    func photoView(_ photo: Photo, from path: String) -> PhotoView {
        guard let picture = context.extras.pictures[photo.target], let small = picture.fallback.first,
            let large = picture.fallback.last
        else {
            let url = RelativeURL.link(from: path, to: photo.target)
            return PhotoView(
                href: url, src: url, width: nil, height: nil, caption: photo.caption, hasCaption: !photo.caption.isEmpty
            )
        }
        return PhotoView(
            href: RelativeURL.link(from: path, to: large.path), src: RelativeURL.link(from: path, to: small.path),
            width: small.width, height: max(1, picture.height * small.width / max(1, picture.width)),
            caption: photo.caption, hasCaption: !photo.caption.isEmpty)
    }

    /// A link to the material shows its first picture, else its own card.
    func socialImage(_ material: Material) -> SocialImage? {
        if let picture = context.socialPicture(material) { return picture }
        guard context.extras.materialCards[material.path] != nil else { return nil }
        return SocialImage(
            path: Routes.materialCard(material.path), width: SocialCard.width, height: SocialCard.height,
            alt: material.title)
    }

    /// «Презентация PowerPoint, 2,1 МБ, 12 слайдов».
    static func fileInfo(_ attachment: Attachment, extra: AttachmentExtra?) -> String {
        var info = [attachment.typeLabel, attachment.humanSize]
        if let pages = extra?.pageCount {
            info.append((attachment.fileType == .slides ? RussianPlural.slide : RussianPlural.page).counted(pages))
        }
        return info.joined(separator: ", ")
    }

    /// The icon's colour, by what the file is.
    static func iconKind(_ type: FileType) -> String {
        switch type {
        case .pdf: return "pdf"
        case .word, .text: return "document"
        case .slides: return "slides"
        case .sheet: return "sheet"
        case .picture: return "picture"
        case .video, .audio, .archive, .other: return "other"
        }
    }
}

extension MaterialPage {
    static let template = "material"
}

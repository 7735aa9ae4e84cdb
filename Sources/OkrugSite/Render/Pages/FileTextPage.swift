import Foundation
import OkrugCore
import OkrugText

/// A file's words as pages of the site: `materials/<slug>/tekst/<file>/`, and `…/2/`, `…/3/`
/// when the text is long. Search finds a file through them (each page of the file is a section
/// whose anchor search results point to), and a screen reader or a phone reads a scan or a
/// presentation here without opening it.
struct FileTextPage: PageKind {
    let context: SiteRenderer
    let material: Material
    let attachment: Attachment
    let text: FileText
    let address: String
    /// «PDF, 120 КБ, 12 страниц».
    let fileInfo: String
    /// The office file's PDF or the PDF itself, as the site has it.
    let openTarget: String?

    /// Characters of text per page of the site: a file's part weighs in search about what a
    /// long material's page does, so a 300-page file never makes one huge result to fetch.
    static let partCharacters = 10_000

    /// One piece of a page of the file: all of it, or the part that fits.
    struct Piece: Equatable {
        var page: Int
        var paragraphs: [String]
        var continued: Bool
    }

    /// The file's pages cut into parts of about `limit` characters, at paragraphs (a paragraph
    /// longer than that at a space).
    static func parts(of text: FileText, limit: Int = partCharacters) -> [[Piece]] {
        var parts: [[Piece]] = []
        var current: [Piece] = []
        var size = 0
        for (index, page) in text.pages.enumerated() where !page.isEmpty {
            var piece = Piece(page: index + 1, paragraphs: [], continued: false)
            for paragraph in page.components(separatedBy: "\n\n").flatMap({ split($0, limit: limit) }) {
                if size + paragraph.count > limit, size > 0 {
                    if !piece.paragraphs.isEmpty { current.append(piece) }
                    parts.append(current)
                    current = []
                    size = 0
                    piece = Piece(
                        page: index + 1, paragraphs: [], continued: piece.continued || !piece.paragraphs.isEmpty)
                }
                piece.paragraphs.append(paragraph)
                size += paragraph.count
            }
            if !piece.paragraphs.isEmpty { current.append(piece) }
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }

    /// A paragraph longer than `limit` in pieces cut at spaces.
    static func split(_ paragraph: String, limit: Int) -> [String] {
        let paragraph = paragraph.trimmingCharacters(in: .whitespaces)
        guard paragraph.count > limit else { return [paragraph] }
        var pieces: [String] = []
        var rest = Substring(paragraph)
        while rest.count > limit {
            let end = rest.index(rest.startIndex, offsetBy: limit)
            let cut = rest[..<end].lastIndex(of: " ") ?? end
            pieces.append(String(rest[..<cut]))
            rest = rest[cut...].drop { $0 == " " }
        }
        if !rest.isEmpty { pieces.append(String(rest)) }
        return pieces
    }

    func partAddress(_ number: Int) -> String { number == 1 ? address : address + "\(number)/" }

    func files() -> [OutputFile] {
        let parts = Self.parts(of: text)
        let slides = attachment.fileType == .slides
        let unit = slides ? "Слайд" : "Страница"
        let total = text.pages.count
        var files: [OutputFile] = []
        for (offset, pieces) in parts.enumerated() {
            let number = offset + 1
            let path = partAddress(number)
            func url(_ target: String) -> String { RelativeURL.link(from: path, to: target) }
            let first = pieces.first?.page ?? 1
            let last = pieces.last?.page ?? first
            let range = first == last ? "\(first)" : "\(first)–\(last)"
            let partNote =
                parts.count > 1 ? "\(slides ? "Слайды" : "Страницы") \(range) из \(total)" : nil
            let recognized = text.recognized.filter { page in pieces.contains { $0.page == page } }
            let view = FileTextPageView(
                layout: context.layout(
                    path: path, title: "Текст файла «\(attachment.title)»" + (number > 1 ? ", часть \(number)" : ""),
                    section: "materials",
                    breadcrumbs: [
                        LinkView(title: "Материалы", url: Routes.materials),
                        LinkView(title: material.title, url: material.path),
                    ],
                    description: "Текст файла «\(attachment.title)» из материала «\(material.title)»",
                    searchFields: context.searchFields(forFile: attachment, of: material, unit: slides ? "слайд" : "с.")
                ),
                title: attachment.title,
                material: LinkView(title: material.title, url: url(material.path)),
                fileInfo: fileInfo,
                openURL: openTarget.map(url),
                fileURL: url(attachment.target),
                downloadName: attachment.downloadName,
                partNote: partNote,
                parts: parts.count > 1
                    ? (1...parts.count).map {
                        NarrowLinkView(title: "\($0)", url: url(partAddress($0)), count: "", current: $0 == number)
                    } : [],
                hasParts: parts.count > 1,
                recognizedNote: recognized.isEmpty
                    ? nil
                    : "Текст \(Self.pagesInWords(recognized, slides: slides)) распознан с изображения и может содержать ошибки.",
                sections: pieces.map {
                    FileTextSectionView(
                        anchor: "s-\($0.page)",
                        heading: "\(unit) \($0.page)" + ($0.continued ? " (продолжение)" : ""),
                        paragraphs: $0.paragraphs)
                },
                next: number < parts.count
                    ? LinkView(title: "Следующая часть текста", url: url(partAddress(number + 1))) : nil)
            files.append(context.templates.page(Routes.file(of: path), view, template: Self.template))
        }
        return files
    }

    /// «страницы 2», «страниц 2 и 3», «страниц 2, 3 и 5».
    static func pagesInWords(_ pages: [Int], slides: Bool) -> String {
        let numbers = pages.map(String.init)
        if numbers.count == 1 { return (slides ? "слайда " : "страницы ") + numbers[0] }
        return (slides ? "слайдов " : "страниц ") + numbers.dropLast().joined(separator: ", ") + " и "
            + (numbers.last ?? "")
    }
}

extension FileTextPage {
    static let template = "filetext"
}

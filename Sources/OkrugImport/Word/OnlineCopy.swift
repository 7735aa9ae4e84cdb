import Foundation
import OkrugCore
import OkrugText

/// A Word or LibreOffice attachment as Markdown, for its «Читать онлайн» page: the same
/// conversion `okrug import-doc` makes (pandoc with `ImportFilter`), its pictures named
/// `risunok-1.png`… beside the text.
public enum OnlineCopy {
    public struct Converted: Sendable {
        /// The text, its pictures linked by bare name.
        public var markdown: String
        /// The pictures' names, in the folder the conversion ran in.
        public var pictures: [String]
    }

    /// Converts `document` in `folder` (empty, made by the caller): `text.md` and the pictures
    /// end up there. The failure is pandoc's own words.
    public static func convert(
        _ document: URL, in folder: URL, pandoc: Pandoc, helpers: DocumentImport.Helpers = DocumentImport.Helpers()
    ) -> Result<Converted, ConversionFailure> {
        // An attachment is anyone's file: an archive bomb is refused before pandoc unpacks it;
        // a .doc or .rtf is read through LibreOffice's .docx of it.
        let word: WordDocument
        switch WordDocument.open(document).flatMap({
            $0.readable(in: folder.appendingPathComponent("office"), soffice: helpers.soffice)
        }) {
        case .failure(let refusal): return .failure(ConversionFailure(reason: refusal.message))
        case .success(let readable): word = readable
        }
        do {
            try ImportFilter.write(into: folder)
        } catch {
            return .failure(ConversionFailure(reason: "\(error)"))
        }
        let run = pandoc.run(
            DocumentConversion.pandocArguments(
                reader: word.format.reader, input: word.url.path,
                notesAnchor: Transliteration.slug(DocumentImport.notesTitle)) + ["-M", "file_links=text"],
            in: folder)
        if let limit = run.limitHit { return .failure(ConversionFailure(reason: limit)) }
        let report = DocumentConversion.FilterReport(run.errors)
        guard run.status == 0,
            let data = FileManager.default.contents(atPath: folder.appendingPathComponent("body.md").path)
        else {
            return .failure(
                ConversionFailure(reason: report.pandocLines.first ?? "pandoc завершился с кодом \(run.status)"))
        }
        var markdown = String(decoding: data, as: UTF8.self)
        var pictures: [String] = []
        for (path, name) in DocumentConversion.pictureNames(in: markdown) {
            do {
                try FileManager.default.moveItem(
                    at: folder.appendingPathComponent(path), to: folder.appendingPathComponent(name))
            } catch {
                continue
            }
            // A drawing no browser shows is shown as PNG when the tools are there.
            let shown = PictureConversion.replace(name, in: folder, scratch: folder, helpers: helpers) ?? name
            pictures.append(shown)
            markdown = markdown.replacingOccurrences(of: "](\(path))", with: "](\(shown))")
        }
        // The leading heading the filter turns into the title is the page's h1 already.
        return .success(Converted(markdown: markdown, pictures: pictures))
    }

    public struct ConversionFailure: Error, Sendable {
        public var reason: String
    }
}

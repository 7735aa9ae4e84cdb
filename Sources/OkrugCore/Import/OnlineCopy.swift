import Foundation
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
    public static func convert(_ document: URL, in folder: URL, pandoc: Pandoc) -> Result<Converted, ConversionFailure>
    {
        let reader: String
        switch document.pathExtension.lowercased() {
        case "docx": reader = WordDocument.Format.docx.reader
        case "odt": reader = WordDocument.Format.odt.reader
        default: return .failure(ConversionFailure(reason: "это не документ .docx или .odt"))
        }
        // An attachment is anyone's file: an archive bomb is refused before pandoc unpacks it.
        if case .failure(let refusal) = WordDocument.open(document) {
            return .failure(ConversionFailure(reason: refusal.message))
        }
        do {
            try Data(ImportFilter.lua.utf8).write(to: folder.appendingPathComponent("import.lua"))
        } catch {
            return .failure(ConversionFailure(reason: "\(error)"))
        }
        let run = pandoc.run(
            DocumentConversion.pandocArguments(
                reader: reader, input: document.path, notesAnchor: Transliteration.slug(DocumentImport.notesTitle)),
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
            pictures.append(name)
            markdown = markdown.replacingOccurrences(of: path, with: name)
        }
        // The leading heading the filter turns into the title is the page's h1 already.
        return .success(Converted(markdown: markdown, pictures: pictures))
    }

    public struct ConversionFailure: Error, Sendable {
        public var reason: String
    }
}

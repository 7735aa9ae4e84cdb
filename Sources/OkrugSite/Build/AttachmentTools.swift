import Foundation
import OkrugCore
import OkrugSystem

/// The standard programs the build asks about attachments: poppler's `pdftoppm` (a PDF's first
/// page as a picture) and `pdfinfo` (its page count), LibreOffice (an office file as a PDF) and
/// pandoc (a Word document as a page).
/// `scripts/setup.sh` installs them; a build without them still works.
public struct AttachmentTools: Sendable {
    var pdftoppm: ExternalTool?
    var pdfinfo: ExternalTool?
    /// poppler's text of a PDF, and the list of its pictures (which pages are scans).
    var pdftotext: ExternalTool?
    var pdfimages: ExternalTool?
    /// OCR of scanned pages, with the Russian and English models.
    var tesseract: ExternalTool?
    /// libvips: a Word drawing or a TIFF in a document read online becomes a PNG, and every
    /// picture is turned, stripped and made in the widths screens need.
    var vips: ExternalTool?
    /// libwebp's cwebp: the WebP copies (libvips 8.14's WebP saver keeps an EXIF block).
    var cwebp: ExternalTool?
    /// LibreOffice (`soffice`), for office files as PDF.
    var soffice: ExternalTool?
    public var pandoc: Pandoc?

    /// None: previews and online copies only come from the cache.
    public init() {}

    /// `OKRUG_PDFTOPPM`/`OKRUG_PDFINFO` or the programs on the PATH; pandoc as `import-doc` finds it.
    public static func find(
        workingDirectory: URL? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> AttachmentTools {
        var tools = AttachmentTools()
        tools.pdftoppm = ExternalTool.find(environment["OKRUG_PDFTOPPM"] ?? "pdftoppm", environment: environment)
        tools.pdfinfo = ExternalTool.find(environment["OKRUG_PDFINFO"] ?? "pdfinfo", environment: environment)
        tools.pdftotext = ExternalTool.find(environment["OKRUG_PDFTOTEXT"] ?? "pdftotext", environment: environment)
        tools.pdfimages = ExternalTool.find(environment["OKRUG_PDFIMAGES"] ?? "pdfimages", environment: environment)
        tools.tesseract = ExternalTool.find(environment["OKRUG_TESSERACT"] ?? "tesseract", environment: environment)
        tools.vips = PictureConversion.findVips(environment: environment)
        tools.cwebp = ExternalTool.find(environment["OKRUG_CWEBP"] ?? "cwebp", environment: environment)
        tools.soffice = ExternalTool.find(environment["OKRUG_SOFFICE"] ?? "soffice", environment: environment)
        tools.pandoc = Pandoc.find(workingDirectory: workingDirectory)
        return tools
    }
}

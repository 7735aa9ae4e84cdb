import Foundation
import OkrugCore
import OkrugImport
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

    /// Each program as every tool is found (`ProgramLookup`: `OKRUG_PDFTOPPM`…, the project,
    /// the PATH of `environment`).
    public static func find(
        workingDirectory: URL? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> AttachmentTools {
        func find(_ name: String) -> ExternalTool? {
            ExternalTool.find(ProgramLookup(name), workingDirectory: workingDirectory, environment: environment)
        }
        var tools = AttachmentTools()
        tools.pdftoppm = find("pdftoppm")
        tools.pdfinfo = find("pdfinfo")
        tools.pdftotext = find("pdftotext")
        tools.pdfimages = find("pdfimages")
        tools.tesseract = find("tesseract")
        tools.vips = PictureConversion.findVips(environment: environment)
        tools.cwebp = find("cwebp")
        tools.soffice = OfficeConversion.find(environment: environment)
        tools.pandoc = Pandoc.find(workingDirectory: workingDirectory, environment: environment)
        return tools
    }
}

import Foundation
import OkrugCore
import OkrugSystem

/// LibreOffice in headless mode turning one file into another format (`.doc` and `.rtf` into
/// `.docx` for pandoc, any office file into PDF for the site, a Word drawing into PNG). Each run
/// has its own profile folder, so conversions run side by side; a file's macros are never run
/// (LibreOffice's default, which okrug never changes).
package enum OfficeConversion {
    package struct Failure: Error, Sendable, Equatable {
        /// What the methodist is told, in Russian.
        package var reason: String
        /// Whether LibreOffice itself refused the file (worth remembering), not a limit or a start.
        package var refusedByConverter: Bool
    }

    /// `soffice` (or `OKRUG_SOFFICE`) on the PATH.
    package static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> ExternalTool? {
        ExternalTool.find(ProgramLookup("soffice"), environment: environment)
    }

    /// Converts `file` to `format` (`pdf`, `docx`, `png`) inside `scratch` (a new, empty folder
    /// the caller removes): the path of the result.
    package static func convert(
        _ file: URL, to format: String, in scratch: URL, soffice: ExternalTool,
        limits: ExternalTool.Limits = .office
    ) -> Result<URL, Failure> {
        let ext = file.pathExtension.lowercased()
        // The file under a plain name: its own may hold anything, and the result is named after it.
        let input = scratch.appendingPathComponent("document." + ext)
        let out = scratch.appendingPathComponent("out")
        do {
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(at: input, withDestinationURL: file)
        } catch {
            return .failure(Failure(reason: "не удалось подготовить рабочую папку", refusedByConverter: false))
        }
        let run = soffice.run(
            [
                "-env:UserInstallation=" + scratch.appendingPathComponent("profile").absoluteString, "--headless",
                "--norestore", "--nologo", "--nodefault", "--nolockcheck", "--convert-to", format, "--outdir",
                out.path, input.path,
            ], in: scratch, limits: limits)
        let made = out.appendingPathComponent("document." + format)
        guard run.succeeded, FileStatus.of(made.path)?.isRegular == true else {
            let line = run.errors.split(separator: "\n").first { !$0.contains("javaldx") }
            let said =
                run.limitHit.map { ": LibreOffice \($0.russian)" }
                ?? (line?.contains("could not be loaded") == true
                    ? ": LibreOffice не смог открыть файл" : line.map { ": «\($0)»" } ?? "")
            return .failure(
                Failure(
                    reason: said, refusedByConverter: run.limitHit == nil && run.launchFailure == nil))
        }
        return .success(made)
    }
}

/// A picture of a Word document that browsers do not show (EMF and WMF drawings, TIFF, BMP)
/// as a PNG: a raster picture through libvips, a drawing drawn by LibreOffice on a page and
/// cut to the drawing by libvips.
package enum PictureConversion {
    /// The extensions converted.
    package static let formats: Set<String> = ["emf", "wmf", "tif", "tiff", "bmp"]

    /// `vips` (or `OKRUG_VIPS`) on the PATH.
    package static func findVips(environment: [String: String] = ProcessInfo.processInfo.environment)
        -> ExternalTool?
    {
        ExternalTool.find(ProgramLookup("vips"), environment: environment)
    }

    /// The picture `name` in `folder` replaced by a PNG beside it: the PNG's name, or `nil` (the
    /// picture left as it is) when the tools are missing or failed.
    package static func replace(_ name: String, in folder: URL, scratch: URL, helpers: DocumentImport.Helpers)
        -> String?
    {
        let file = folder.appendingPathComponent(name)
        guard formats.contains(file.pathExtension.lowercased()), let vips = helpers.vips else { return nil }
        let work = scratch.appendingPathComponent("picture-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        guard (try? FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)) != nil,
            let data = png(file, scratch: work, soffice: helpers.soffice, vips: vips)
        else { return nil }
        let png = file.deletingPathExtension().lastPathComponent + ".png"
        guard (try? WholeFile.write(data, to: folder.appendingPathComponent(png))) != nil else { return nil }
        if png != name { try? FileManager.default.removeItem(at: file) }
        return png
    }

    /// The picture at `file` as PNG bytes; `nil` when the tools are missing or failed.
    package static func png(_ file: URL, scratch: URL, soffice: ExternalTool?, vips: ExternalTool) -> Data? {
        let ext = file.pathExtension.lowercased()
        let result = scratch.appendingPathComponent("picture.png")
        if ["tif", "tiff", "bmp"].contains(ext),
            vips.run(["copy", file.path, result.path], limits: .pdf).succeeded,
            let data = try? RegularFile.read(result.path, limit: 64 << 20)
        {
            return Data(data)
        }
        guard let soffice,
            case .success(let page) = OfficeConversion.convert(
                file, to: "png", in: scratch.appendingPathComponent("office"), soffice: soffice, limits: .document)
        else { return nil }
        // LibreOffice draws it on a whole page: the margins around the drawing are cut off.
        let trim = vips.run(["find_trim", page.path], limits: .pdf)
        let box = String(decoding: trim.output, as: UTF8.self).split(whereSeparator: \.isWhitespace).compactMap {
            Int($0)
        }
        guard trim.succeeded, box.count == 4, box[2] > 0, box[3] > 0,
            vips.run(["crop", page.path, result.path] + box.map(String.init), limits: .pdf).succeeded,
            let data = try? RegularFile.read(result.path, limit: 64 << 20)
        else { return nil }
        return Data(data)
    }
}

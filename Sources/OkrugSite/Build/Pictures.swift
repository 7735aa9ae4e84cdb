import Foundation
import OkrugCore
import OkrugImport
import OkrugSystem

/// A raster picture of the site (in a material's or a page's text, or a picture file of a
/// material) as the screens need it, made by libvips once per content: turned as the camera's
/// EXIF orientation says, stripped of every metadata block (EXIF with GPS and the camera's
/// serial, XMP, IPTC; the colour profile stays), and in a few widths as WebP and in the
/// original format. HEIC, TIFF and BMP, which browsers do not show, are shown as JPEG or PNG.
struct PictureSet: Sendable, Equatable {
    /// The picture's place in the site (`materials/x/foto.jpg`): there the stripped full-size
    /// copy, which «Скачать» and a click give.
    var target: String
    /// What `<img src>` shows: the target, or `foto.heic.jpg` for a format browsers do not show.
    var display: String
    /// After the EXIF orientation is applied.
    var width: Int
    var height: Int
    /// Smaller copies, `(width, path)`, smallest first, in WebP and in the display's format.
    var webp: [Variant]
    var fallback: [Variant]
    /// Every file to write: the path in the site and the made file in the cache.
    var files: [Made]

    struct Variant: Sendable, Equatable {
        var width: Int
        var path: String
    }

    struct Made: Sendable, Equatable {
        var path: String
        var cached: String
    }
}

struct Pictures: Sendable {
    var byTarget: [String: PictureSet] = [:]
    var diagnostics: [Diagnostic] = []

    /// The widths made (never wider than the picture): a phone, a phone at 2×, a wide screen.
    static let widths = [480, 960, 1600]
    static let formats: Set<String> = [
        "jpg", "jpeg", "png", "webp", "heic", "heif", "tif", "tiff", "bmp", "emf", "wmf",
    ]
    /// Word's vector drawings, which only LibreOffice draws.
    static let drawings: Set<String> = ["emf", "wmf"]

    /// The format a picture is shown in when browsers do not show its own: JPEG for a photo
    /// from an iPhone, PNG for TIFF and BMP; `nil` for a picture shown as it is.
    static func displayExtension(_ ext: String) -> String? {
        switch ext {
        case "heic", "heif": return "jpg"
        case "tif", "tiff", "bmp", "emf", "wmf": return "png"
        default: return nil
        }
    }

    /// `vips` save options: no metadata, a quality for the web.
    static func saveOptions(_ ext: String) -> String {
        switch ext {
        case "jpg", "jpeg": return "[Q=82,strip,optimize_coding,interlace]"
        case "png": return "[strip,compression=9]"
        default: return "[strip]"
        }
    }

    /// `vips` arguments for `source` at its full size into `target` (with its save options),
    /// turned as its EXIF says: `thumbnail` applies the orientation, and a size no picture has
    /// with `--size down` keeps the picture's own (never enlarged).
    static func fullSize(_ source: String, into target: String) -> [String] {
        ["thumbnail", source, target, "100000", "--size", "down", "--height", "100000"]
    }

    static func make(site: Site, options: BuildOptions) -> Pictures {
        var sources: [String: String] = [:]
        for file in site.materials.flatMap(\.files) + site.pages.flatMap(\.files) {
            let ext = (file.target as NSString).pathExtension.lowercased()
            if formats.contains(ext) { sources[file.target] = file.source }
        }
        guard !sources.isEmpty else { return Pictures() }
        var pictures = Pictures()
        let root = options.cache.appendingPathComponent(AttachmentExtras.cacheVersion).appendingPathComponent(
            "pictures")
        let keys = AttachmentKeys.load(from: root)
        let jobs = sources.sorted { $0.key < $1.key }
        let work = PictureWork(
            vips: options.attachmentTools.vips, cwebp: options.attachmentTools.cwebp,
            soffice: options.attachmentTools.soffice, root: root,
            content: options.content)
        let made = ParallelMap.map(jobs) { job in work.make(target: job.key, source: job.value, keys: keys) }
        if let first = zip(jobs, made).first(where: { $0.1.neededVips }) {
            pictures.diagnostics.append(
                .warning(
                    SourcePosition(file: options.contentDisplay + "/" + first.0.value, line: 0, column: 0),
                    "картинки опубликованы как есть — в полный размер и со сведениями камеры (EXIF, иногда с местом съёмки): не найдена программа vips",
                    hint:
                        "выполните scripts/setup.sh --office — он установит libvips, и картинки будут уменьшены и очищены"
                ))
        }
        var remembered: [String: AttachmentKeys.Known] = [:]
        for (job, result) in zip(jobs, made) {
            if let known = result.key { remembered[job.value] = known }
            if let set = result.set {
                pictures.byTarget[job.key] = set
            } else if let failure = result.failure {
                pictures.diagnostics.append(
                    .warning(
                        SourcePosition(file: options.contentDisplay + "/" + job.value, line: 0, column: 0),
                        "картинка опубликована как есть: \(failure)",
                        hint: "проверьте, открывается ли она, и сохраните её заново как JPEG или PNG"))
            }
        }
        keys.save(remembered, to: root)
        return pictures
    }
}

/// One picture through libvips, or from the cache.
private struct PictureWork: Sendable {
    /// Without it only what the cache has is used.
    let vips: ExternalTool?
    /// Without it the pictures have no WebP copies, only their own format.
    let cwebp: ExternalTool?
    /// Draws Word's EMF and WMF drawings.
    let soffice: ExternalTool?
    let root: URL
    let content: URL

    struct Result: Sendable {
        var set: PictureSet?
        var failure: String?
        var neededVips = false
        var key: AttachmentKeys.Known?
    }

    func make(target: String, source: String, keys: AttachmentKeys) -> Result {
        var result = Result()
        let file = content.appendingPathComponent(source)
        guard let known = keys.known(source, at: file) else { return result }
        let key = known.key
        result.key = known
        let ext = (target as NSString).pathExtension.lowercased()
        let converted = Pictures.displayExtension(ext)
        let shown = converted ?? ext
        let folder = root.appendingPathComponent(key)
        let size = folder.appendingPathComponent("size")
        if FileStatus.of(size.path)?.isRegular != true {
            guard let vips else {
                result.neededVips = true
                return result
            }
            if case .failure(let failure) = render(file, ext: ext, shown: shown, into: folder, vips: vips) {
                result.failure = failure.reason
                return result
            }
        }
        guard let text = try? RegularFile.read(size.path, limit: 64) else { return result }
        let numbers = String(decoding: text, as: UTF8.self).split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        guard numbers.count == 2 else { return result }
        let (width, height) = (numbers[0], numbers[1])
        let display = converted.map { target + "." + $0 } ?? target
        var files = [PictureSet.Made(path: target, cached: folder.appendingPathComponent("full.\(ext)").path)]
        if let converted {
            files.append(
                PictureSet.Made(path: display, cached: folder.appendingPathComponent("full.\(converted)").path))
        }
        var webp: [PictureSet.Variant] = []
        var fallback: [PictureSet.Variant] = []
        for size in Self.sizes(width) {
            if FileStatus.of(folder.appendingPathComponent("\(size).webp").path)?.isRegular == true {
                webp.append(PictureSet.Variant(width: size, path: "\(target).\(size).webp"))
                files.append(
                    PictureSet.Made(
                        path: "\(target).\(size).webp", cached: folder.appendingPathComponent("\(size).webp").path))
            }
            if size == width {
                fallback.append(PictureSet.Variant(width: size, path: display))
            } else {
                fallback.append(PictureSet.Variant(width: size, path: "\(target).\(size).\(shown)"))
                files.append(
                    PictureSet.Made(
                        path: "\(target).\(size).\(shown)",
                        cached: folder.appendingPathComponent("\(size).\(shown)").path))
            }
        }
        result.set = PictureSet(
            target: target, display: display, width: width, height: height, webp: webp, fallback: fallback,
            files: files)
        return result
    }

    /// The widths of the copies: the standard ones narrower than the picture, and the picture's
    /// own width when it is not wider than the largest.
    static func sizes(_ width: Int) -> [Int] {
        var sizes = Pictures.widths.filter { $0 < width }
        if width <= (Pictures.widths.last ?? width) { sizes.append(width) }
        return sizes
    }

    struct Failure: Error {
        var reason: String
    }

    /// All the files of one picture, made in a scratch folder and renamed into place whole
    /// (`size` last: a folder with it is complete).
    private func render(_ file: URL, ext: String, shown: String, into folder: URL, vips: ExternalTool)
        -> Swift.Result<Void, Failure>
    {
        let scratch = root.appendingPathComponent(".\(folder.lastPathComponent)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        } catch {
            return .failure(Failure(reason: "не удалось подготовить папку в кэше"))
        }
        func run(_ arguments: [String]) -> String? {
            let outcome = vips.run(arguments, limits: .picture)
            if outcome.succeeded { return nil }
            return outcome.limitHit.map { "vips \($0.russian)" }
                ?? outcome.errors.split(separator: "\n").first.map { "vips: «\($0)»" } ?? "vips не справилась"
        }
        let full = scratch.appendingPathComponent("full.\(ext)").path
        // A HEIC libheif cannot write (no encoder) is offered for download as the camera gave it.
        // A WebP goes through a stripped PNG and cwebp: libvips 8.14's WebP saver keeps EXIF.
        let direct = ext == "webp" ? scratch.appendingPathComponent("full-stripped.png").path : full
        if ext == "webp", cwebp == nil { return .failure(Failure(reason: "не найдена программа cwebp (пакет webp)")) }
        // A camera's JPEG that needs no turning loses its metadata without being decoded: the
        // download keeps its quality.
        var lossless: JPEGMetadata.Stripped?
        if ext == "jpg" || ext == "jpeg", let bytes = try? RegularFile.read(file.path, limit: Self.losslessLimit) {
            lossless = JPEGMetadata.strip(bytes).flatMap { $0.orientation == 1 ? $0 : nil }
        }
        let shownFull = scratch.appendingPathComponent("full.\(shown)").path
        let drawing = Pictures.drawings.contains(ext)
        if drawing {
            // A Word drawing: LibreOffice draws it, libvips cuts it to its size; the file stays as made.
            guard let soffice else {
                return .failure(Failure(reason: "рисунок не показан: не найдена программа LibreOffice (soffice)"))
            }
            let work = scratch.appendingPathComponent("drawing")
            guard (try? FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)) != nil,
                let png = PictureConversion.png(file, scratch: work, soffice: soffice, vips: vips),
                (try? WholeFile.write(png, to: shownFull)) != nil,
                (try? FileManager.default.copyItem(atPath: file.path, toPath: full)) != nil
            else {
                return .failure(Failure(reason: "LibreOffice не нарисовал этот рисунок"))
            }
            try? FileManager.default.removeItem(at: work)
        } else if let lossless {
            guard (try? WholeFile.write(lossless.bytes, to: full)) != nil else {
                return .failure(Failure(reason: "не удалось сохранить картинку в кэше"))
            }
        } else if let failure = run(
            Pictures.fullSize(file.path, into: direct + Pictures.saveOptions(ext == "webp" ? "png" : ext)))
        {
            if ext == "heic" || ext == "heif" {
                guard (try? FileManager.default.copyItem(atPath: file.path, toPath: full)) != nil else {
                    return .failure(Failure(reason: failure))
                }
            } else {
                return .failure(Failure(reason: failure))
            }
        }
        if ext == "webp", let cwebp {
            let outcome = cwebp.run(["-quiet", "-q", "85", "-metadata", "none", direct, "-o", full], limits: .picture)
            guard outcome.succeeded else { return .failure(Failure(reason: "cwebp не сделала WebP")) }
            try? FileManager.default.removeItem(atPath: direct)
        }
        if shown != ext, !drawing {
            if let failure = run(
                Pictures.fullSize(file.path, into: shownFull + Pictures.saveOptions(shown)))
            {
                return .failure(Failure(reason: failure))
            }
        }
        guard let size = lossless.map({ ($0.width, $0.height) }) ?? size(of: shownFull, vips: vips) else {
            return .failure(Failure(reason: "не прочитан размер картинки"))
        }
        // Each WebP from a turned and stripped copy: libvips 8.14's WebP saver keeps EXIF even
        // when told to strip it, so nothing of it may reach the saver.
        for width in Self.sizes(size.width) {
            var source = shownFull
            // A camera's JPEG is read again for each copy: libvips decodes it at a fraction of its size.
            if width != size.width {
                source = scratch.appendingPathComponent("\(width).\(shown)").path
                if let failure = run([
                    "thumbnail", lossless == nil ? shownFull : file.path, source + Pictures.saveOptions(shown),
                    "\(width)", "--size", "down",
                ]) {
                    return .failure(Failure(reason: failure))
                }
            }
            if let cwebp {
                let webp = scratch.appendingPathComponent("\(width).webp").path
                let outcome = cwebp.run(
                    ["-quiet", "-q", "78", "-metadata", "none", source, "-o", webp], limits: .picture)
                guard outcome.succeeded else {
                    return .failure(
                        Failure(reason: outcome.limitHit.map { "cwebp \($0.russian)" } ?? "cwebp не сделала WebP"))
                }
            }
        }
        do {
            try WholeFile.write("\(size.width) \(size.height)\n", to: scratch.appendingPathComponent("size"))
            try? FileManager.default.removeItem(at: folder)
            try FileManager.default.moveItem(at: scratch, to: folder)
        } catch {
            // A build running beside this one may have put the same picture there first.
            if FileStatus.of(folder.appendingPathComponent("size").path)?.isRegular == true { return .success(()) }
            return .failure(Failure(reason: "не удалось сохранить картинку в кэше"))
        }
        return .success(())
    }

    /// Larger JPEGs go through libvips (a 12-megapixel photo is about 6 MB).
    static let losslessLimit = 256 << 20

    /// Width and height from `vipsheader`'s first line: `file: 4000x3000 uchar, 3 bands, …`.
    private func size(of path: String, vips: ExternalTool) -> (width: Int, height: Int)? {
        let outcome = vips.sibling("vipsheader").run([path], limits: .picture)
        let text = String(decoding: outcome.output, as: UTF8.self)
        guard outcome.succeeded, let colon = text.range(of: ": ") else { return nil }
        let rest = text[colon.upperBound...]
        let dimensions = rest.prefix { $0 != " " }.split(separator: "x")
        guard dimensions.count == 2, let width = Int(dimensions[0]), let height = Int(dimensions[1]) else {
            return nil
        }
        return (width, height)
    }
}

import Foundation
import Synchronization
import Testing

@testable import OkrugCore
@testable import OkrugSite
@testable import OkrugSystem

/// Pictures as teachers take them: a phone photo with its GPS position, the camera's serial
/// number and a sideways orientation (written by Pillow), a TIFF and an iPhone's HEIC (written
/// by libvips). The built site must carry none of that metadata, show the photo upright with
/// its size, and serve each picture in the widths screens need, as WebP and in its own format.
@Suite(.serialized) struct PicturesTests {
    static let python = repositoryRoot.appendingPathComponent(".venv/bin/python")
    static let serial = "OKRUG-SN-20231207"

    /// A 1200×800 JPEG whose EXIF says «turn 90° clockwise», with GPS and the camera's serial.
    static func photo(at url: URL) throws {
        let script = """
            import sys
            from PIL import Image
            image = Image.new("RGB", (1200, 800))
            for x in range(0, 1200, 40):
                for y in range(0, 800, 40):
                    image.paste(((x * 7) % 256, (y * 5) % 256, 120), (x, y, x + 40, y + 40))
            exif = Image.Exif()
            exif[0x0112] = 6                      # Orientation: rotate 90° clockwise to show
            exif[0x010F] = "Телефон учителя"      # Make
            exif[0x0110] = "Model X"              # Model
            exif.get_ifd(0x8769)[0xA431] = "\(serial)"   # BodySerialNumber
            exif.get_ifd(0x8825).update({1: "N", 2: (55.0, 45.0, 21.0), 3: "E", 4: (37.0, 37.0, 4.0)})
            image.save(sys.argv[1], "JPEG", quality=90, exif=exif)
            """
        let run = try CommandLineTests.okrug(["-c", script, url.path], in: repositoryRoot, program: python)
        try #require(run.status == 0, "Pillow: run scripts/setup.sh --tests (\(run.stderr))")
    }

    @Test func photosAreTurnedStrippedAndServedInTheirSizes() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.python.path), "scripts/setup.sh --tests")
        let tools = AttachmentTools.find(workingDirectory: repositoryRoot)
        let vips = try #require(tools.vips, "libvips: run scripts/setup.sh --office")
        let body = "![Учителя на семинаре](foto.jpg)\n\n![Скан схемы](skhema.tiff)\n\n![С айфона](aifon.heic)\n"
        let site = try TempSite(files: ["materials/seminar/index.md": TempSite.material(body: body)])
        defer { site.remove() }
        let folder = site.root.appendingPathComponent("Content/materials/seminar")
        try Self.photo(at: folder.appendingPathComponent("foto.jpg"))
        for (name, size) in [("skhema.tiff", "300 200"), ("aifon.heic", "640 480")] {
            let sizes = size.split(separator: " ").map(String.init)
            let made = vips.run(
                ["black", folder.appendingPathComponent(name).path, sizes[0], sizes[1], "--bands", "3"],
                limits: .picture)
            try #require(made.succeeded, "vips: \(made.errors)")
        }
        let original = try Data(contentsOf: folder.appendingPathComponent("foto.jpg"))
        #expect(original.range(of: Data(Self.serial.utf8)) != nil)

        var options = site.options()
        options.attachmentTools = tools
        let report = Builder.build(options)
        #expect(report.succeeded && report.diagnostics.isEmpty, "\(report.diagnostics.map(\.formatted))")
        let html = try #require(site.readExactly("Public/materials/seminar/index.html"))

        // Upright (the orientation applied to the pixels), with its size; WebP and JPEG in 480 and 800.
        #expect(
            html.contains(
                "<picture><source type=\"image/webp\" srcset=\"foto.jpg.480.webp 480w, foto.jpg.800.webp 800w\" sizes=\"(max-width: 50rem) 100vw, 48rem\"><img src=\"foto.jpg\" srcset=\"foto.jpg.480.jpg 480w, foto.jpg 800w\" sizes=\"(max-width: 50rem) 100vw, 48rem\" width=\"800\" height=\"1200\" alt=\"Учителя на\u{00A0}семинаре\" decoding=\"async\"></picture>"
            ), "\(html)")
        // The TIFF and the HEIC are shown as PNG and JPEG, and load when scrolled to.
        #expect(html.contains("<img src=\"skhema.tiff.png\" srcset=\"skhema.tiff.png 300w\""))
        #expect(html.contains("width=\"300\" height=\"200\" alt=\"Скан схемы\" loading=\"lazy\""))
        #expect(html.contains("<img src=\"aifon.heic.jpg\" srcset=\"aifon.heic.480.jpg 480w, aifon.heic.jpg 640w\""))

        // No published picture carries the camera's metadata: no EXIF, no GPS, no serial.
        let published = site.root.appendingPathComponent("Public/materials/seminar")
        let names = try FileManager.default.contentsOfDirectory(atPath: published.path).filter { $0 != "index.html" }
        #expect(
            Set(names) == [
                "foto.jpg", "foto.jpg.480.jpg", "foto.jpg.480.webp", "foto.jpg.800.webp", "skhema.tiff",
                "skhema.tiff.png",
                "skhema.tiff.300.webp", "aifon.heic", "aifon.heic.jpg", "aifon.heic.480.jpg", "aifon.heic.480.webp",
                "aifon.heic.640.webp",
            ])
        for name in names {
            let data = try Data(contentsOf: published.appendingPathComponent(name))
            #expect(data.range(of: Data(Self.serial.utf8)) == nil, "\(name) keeps the serial")
            #expect(data.range(of: Data("Exif\0\0".utf8)) == nil, "\(name) keeps an EXIF block")
        }
        let header = URL(fileURLWithPath: vips.executable).deletingLastPathComponent().appendingPathComponent(
            "vipsheader")
        let fields = ExternalTool(executable: header.path).run(
            ["-a", published.appendingPathComponent("foto.jpg").path], limits: .picture)
        let said = String(decoding: fields.output, as: UTF8.self)
        #expect(said.contains("width: 800") && said.contains("height: 1200"), "\(said)")
        #expect(!said.contains("exif-") && !said.lowercased().contains("gps"), "\(said)")

        // A rebuild takes every picture from the cache: no libvips is needed for it.
        var cached = options
        cached.attachmentTools = AttachmentTools()
        cached.output = site.root.appendingPathComponent("Again")
        let again = Builder.build(cached)
        #expect(again.succeeded)
        for name in names {
            #expect(
                try Data(contentsOf: site.root.appendingPathComponent("Again/materials/seminar/" + name))
                    == Data(contentsOf: published.appendingPathComponent(name)), "\(name)")
        }

        // The same input, an empty cache: the same bytes (libvips is deterministic).
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".okrug-cache"))
        var fresh = options
        fresh.output = site.root.appendingPathComponent("Fresh")
        #expect(Builder.build(fresh).succeeded)
        for name in names {
            #expect(
                try Data(contentsOf: site.root.appendingPathComponent("Fresh/materials/seminar/" + name))
                    == Data(contentsOf: published.appendingPathComponent(name)), "\(name)")
        }
    }

    @Test func withoutLibvipsPicturesArePublishedAsTheyAreWithOneWarning() throws {
        let site = try TempSite(
            files: ["materials/m/index.md": TempSite.material(body: "![Схема](a.png)\n\n![Фото](b.png)\n")],
            data: [
                "materials/m/a.png": Data(base64Encoded: Self.tinyPNG) ?? Data(),
                "materials/m/b.png": Data(base64Encoded: Self.tinyPNG) ?? Data(),
            ])
        defer { site.remove() }
        let report = site.build()
        #expect(report.succeeded)
        let warnings = report.diagnostics.filter { $0.message.contains("не найдена программа vips") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.hint.contains("scripts/setup.sh --office") == true)
        #expect(site.read("Public/materials/m/index.html")?.contains("<img src=\"a.png\" alt=\"Схема\" />") == true)
    }

    /// An upright camera JPEG loses every metadata block without being decoded: the published
    /// full size has the original's pixels bit for bit and its colour profile, and no EXIF, XMP,
    /// comment or bytes after the image (where phones put a second picture with its own EXIF).
    @Test func anUprightPhotoIsStrippedWithoutLosingQuality() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.python.path), "scripts/setup.sh --tests")
        let tools = AttachmentTools.find(workingDirectory: repositoryRoot)
        try #require(tools.vips != nil, "libvips: run scripts/setup.sh --office")
        let site = try TempSite(files: ["materials/m/index.md": TempSite.material(body: "![Фото](foto.jpg)\n")])
        defer { site.remove() }
        let original = site.root.appendingPathComponent("Content/materials/m/foto.jpg")
        let published = site.root.appendingPathComponent("Public/materials/m/foto.jpg")
        let make = """
            import sys
            from PIL import Image, ImageCms
            image = Image.new("RGB", (1000, 700))
            for x in range(0, 1000, 20):
                for y in range(0, 700, 20):
                    image.paste(((x * 3) % 256, (y * 7) % 256, (x + y) % 256), (x, y, x + 20, y + 20))
            exif = Image.Exif()
            exif[0x0112] = 1
            exif.get_ifd(0x8769)[0xA431] = "\(Self.serial)"
            exif.get_ifd(0x8825).update({1: "N", 2: (55.0, 45.0, 21.0), 3: "E", 4: (37.0, 37.0, 4.0)})
            icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
            image.save(sys.argv[1], "JPEG", quality=90, exif=exif, icc_profile=icc, comment=b"OKRUG-COMMENT",
                       xmp=b"<x:xmpmeta>OKRUG-XMP</x:xmpmeta>", progressive=True)
            with open(sys.argv[1], "ab") as file:
                file.write(b"OKRUG-TRAILER")
            """
        let made = try CommandLineTests.okrug(["-c", make, original.path], in: repositoryRoot, program: Self.python)
        try #require(made.status == 0, "\(made.stderr)")
        var options = site.options()
        options.attachmentTools = tools
        let report = Builder.build(options)
        #expect(report.succeeded && report.diagnostics.isEmpty, "\(report.diagnostics.map(\.formatted))")
        let data = try Data(contentsOf: published)
        for leak in [Self.serial, "Exif\0\0", "OKRUG-COMMENT", "OKRUG-XMP", "OKRUG-TRAILER"] {
            #expect(data.range(of: Data(leak.utf8)) == nil, "\(leak)")
        }
        let compare = """
            import sys
            from PIL import Image
            a, b = Image.open(sys.argv[1]), Image.open(sys.argv[2])
            print(a.tobytes() == b.tobytes(), b.size, "icc_profile" in b.info, b.info.get("progressive", 0) == 1)
            """
        let said = try CommandLineTests.okrug(
            ["-c", compare, original.path, published.path], in: repositoryRoot, program: Self.python)
        #expect(said.stdout == "True (1000, 700) True True\n", "\(said.stdout)\(said.stderr)")
        let html = try #require(site.read("Public/materials/m/index.html"))
        #expect(html.contains("srcset=\"foto.jpg.480.jpg 480w, foto.jpg.960.jpg 960w, foto.jpg 1000w\""), "\(html)")
        #expect(html.contains("width=\"1000\" height=\"700\""))
    }

    /// Whatever a file holds, reading its blocks ends: every cut of a JPEG and its bytes
    /// changed one by one give a stripped JPEG or `nil` (libvips then), never a crash.
    @Test func brokenJPEGsAreLeftToLibvips() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.python.path), "scripts/setup.sh --tests")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("okrug-\(UUID().uuidString).jpg")
        defer { try? FileManager.default.removeItem(at: file) }
        try Self.photo(at: file)
        let data = try [UInt8](Data(contentsOf: file))
        #expect(JPEGMetadata.strip(data) != nil)
        #expect(JPEGMetadata.strip(data)?.orientation == 6)
        for cut in stride(from: 0, to: data.count, by: max(1, data.count / 500)) {
            #expect(JPEGMetadata.strip(Array(data.prefix(cut))) == nil, "\(cut)")
        }
        var random = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            var changed = data
            let at = Int.random(in: 0..<min(changed.count, 4096), using: &random)
            changed[at] = UInt8.random(in: 0...255, using: &random)
            if let stripped = JPEGMetadata.strip(changed) {
                #expect(stripped.bytes.starts(with: [0xFF, 0xD8]) && stripped.bytes.suffix(2) == [0xFF, 0xD9])
            }
        }
    }

    /// Two builds of one site at once (the preview and a build, or two tests) share its cache:
    /// whichever puts a picture or the link-preview card there first, both sites are whole and
    /// the same byte for byte.
    @Test func buildsSharingAColdCacheGiveTheSameWholeSite() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.python.path), "scripts/setup.sh --tests")
        let tools = AttachmentTools.find(workingDirectory: repositoryRoot)
        try #require(tools.vips != nil, "libvips: run scripts/setup.sh --office")
        let site = try TempSite(files: ["materials/seminar/index.md": TempSite.material(body: "![Фото](foto.jpg)\n")])
        defer { site.remove() }
        try Self.photo(at: site.root.appendingPathComponent("Content/materials/seminar/foto.jpg"))
        let outputs = ["Public-a", "Public-b", "Public-c"]
        let reports = Mutex<[Builder.Report]>([])
        DispatchQueue.concurrentPerform(iterations: outputs.count) { index in
            var options = site.options(output: outputs[index])
            options.attachmentTools = tools
            let report = Builder.build(options)
            reports.withLock { $0.append(report) }
        }
        for report in reports.withLock({ $0 }) {
            #expect(report.succeeded && report.diagnostics.isEmpty, "\(report.diagnostics.map(\.formatted))")
        }
        let first = site.root.appendingPathComponent(outputs[0])
        let files = try FileManager.default.subpathsOfDirectory(atPath: first.path).sorted()
        #expect(files.contains("og-card.png") && files.contains("materials/seminar/foto.jpg.480.webp"), "\(files)")
        for output in outputs.dropFirst() {
            let other = site.root.appendingPathComponent(output)
            #expect(try FileManager.default.subpathsOfDirectory(atPath: other.path).sorted() == files, "\(output)")
            for file in files where file != ".okrug-site" {
                let a = FileManager.default.contents(atPath: first.appendingPathComponent(file).path)
                let b = FileManager.default.contents(atPath: other.appendingPathComponent(file).path)
                #expect(a == b, "\(output)/\(file)")
            }
        }
    }

    /// A 1×1 PNG.
    static let tinyPNG =
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
}

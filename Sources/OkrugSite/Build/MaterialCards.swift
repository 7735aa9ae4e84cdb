import Foundation
import OkrugCore
import OkrugSystem
import OkrugText

/// Each material without a picture of its own gets a link-preview card of its own: its title,
/// its school and the site's name (`SocialCard.materialSVG`), drawn by libvips once per text and
/// kept in the cache. The cards missing from the cache are drawn in batches by one
/// `vipsthumbnail` each, so a bank of 10 000 materials costs one program start per hundred.
/// A card has a few colours: as a 16-colour PNG it weighs about 14 KB instead of 45.
enum MaterialCards {
    /// Cards drawn by one program run.
    static let batch = 100
    /// Part of each card's key in the cache: a card drawn otherwise is drawn again.
    static let saveOptions = "[strip,palette,bitdepth=4]"

    /// By the material's path: the card's PNG in the cache.
    static func make(site: Site, options: BuildOptions) -> [String: String] {
        let folder = options.cache.appendingPathComponent(AttachmentExtras.cacheVersion).appendingPathComponent("cards")
        var cards: [String: String] = [:]
        var missing: [String: Data] = [:]
        for material in site.materials {
            let svg = Data(
                SocialCard.materialSVG(
                    title: material.title, school: site.school(material.schoolID)?.name, site: site.config.title
                ).utf8)
            let key = String(WrittenMark.fingerprint(of: [UInt8](svg) + Array(saveOptions.utf8)), radix: 16)
            let png = folder.appendingPathComponent(key + ".png").path
            cards[material.path] = png
            if FileStatus.of(png)?.isRegular != true { missing[key] = svg }
        }
        if !missing.isEmpty, let vips = options.attachmentTools.vips {
            let program = URL(fileURLWithPath: vips.executable).deletingLastPathComponent().appendingPathComponent(
                "vipsthumbnail")
            let drawn = missing.sorted { $0.key < $1.key }.map { (key: $0.key, svg: $0.value) }
            // Every core has a batch, and none more than `batch` cards.
            let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
            let size = min(batch, max(1, (drawn.count + cores - 1) / cores))
            let batches = stride(from: 0, to: drawn.count, by: size).map {
                Array(drawn[$0..<min($0 + size, drawn.count)])
            }
            _ = ParallelMap.map(batches) { cards in
                draw(cards, into: folder, with: ExternalTool(executable: program.path))
            }
        }
        return cards.filter { FileStatus.of($0.value)?.isRegular == true }
    }

    /// One batch: the SVGs into a scratch folder, one `vipsthumbnail` run, each PNG renamed into
    /// the cache (a build beside this one may have put it there first: rename(2) replaces).
    private static func draw(_ cards: [(key: String, svg: Data)], into folder: URL, with program: ExternalTool) {
        let scratch = folder.appendingPathComponent(".batch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            for card in cards { try card.svg.write(to: scratch.appendingPathComponent(card.key + ".svg")) }
        } catch {
            return
        }
        let arguments =
            cards.map { scratch.appendingPathComponent($0.key + ".svg").path }
            + ["-s", "\(SocialCard.width)x\(SocialCard.height)", "-o", scratch.path + "/%s.png" + saveOptions]
        _ = program.run(arguments, limits: .picture)
        for card in cards {
            let made = scratch.appendingPathComponent(card.key + ".png").path
            guard FileStatus.of(made)?.isRegular == true else { continue }
            try? FileIO.rename(made, to: folder.appendingPathComponent(card.key + ".png").path)
        }
    }
}

import Foundation
import OkrugSystem

/// Link-preview cards drawn from SVG by libvips (librsvg) and kept in the cache under the
/// fingerprint of their SVG and save options: the site's card and each material's. The cards
/// missing from the cache are drawn in batches by one `vipsthumbnail` each, so a bank of 10 000
/// materials costs one program start per hundred, and every core has a batch.
enum CardDrawing {
    /// Cards drawn by one program run.
    static let batch = 100

    /// By each card's name (a material's path, …): its PNG in the cache, for those there or
    /// drawn now; none are drawn without libvips.
    static func draw(_ svgs: [String: Data], saveOptions: String, options: BuildOptions) -> [String: String] {
        let folder = options.cache.appendingPathComponent(AttachmentExtras.cacheVersion).appendingPathComponent("cards")
        var cards: [String: String] = [:]
        var missing: [String: Data] = [:]
        for (name, svg) in svgs {
            let key = String(WrittenMark.fingerprint(of: [UInt8](svg) + Array(saveOptions.utf8)), radix: 16)
            let png = folder.appendingPathComponent(key + ".png").path
            cards[name] = png
            if FileStatus.of(png)?.isRegular != true { missing[key] = svg }
        }
        if !missing.isEmpty, let vips = options.attachmentTools.vips {
            let program = vips.sibling("vipsthumbnail")
            let drawn = missing.sorted { $0.key < $1.key }.map { (key: $0.key, svg: $0.value) }
            let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
            let size = min(batch, max(1, (drawn.count + cores - 1) / cores))
            let batches = stride(from: 0, to: drawn.count, by: size).map {
                Array(drawn[$0..<min($0 + size, drawn.count)])
            }
            _ = ParallelMap.map(batches) { cards in
                draw(cards, saveOptions: saveOptions, into: folder, with: program)
            }
        }
        return cards.filter { FileStatus.of($0.value)?.isRegular == true }
    }

    /// One batch: the SVGs into a scratch folder, one `vipsthumbnail` run, each PNG renamed into
    /// the cache (a build beside this one may have put it there first: rename(2) replaces).
    private static func draw(
        _ cards: [(key: String, svg: Data)], saveOptions: String, into folder: URL, with program: ExternalTool
    ) {
        let scratch = folder.appendingPathComponent(".batch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            for card in cards { try WholeFile.write(card.svg, to: scratch.appendingPathComponent(card.key + ".svg")) }
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

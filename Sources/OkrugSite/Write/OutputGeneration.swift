import Foundation
import OkrugSystem

/// The folders beside the output while a site is written. The new site is made whole in
/// `.<name>.new-<pid>` and then trades places with the output in one `renameat2` exchange, so
/// at every moment — whatever kills the process — the output folder is entirely the old site
/// or entirely the new one.
enum OutputGeneration {
    /// The folder the new site is written into.
    static func newFolder(for output: URL) -> String {
        sibling(output, "new-\(getpid())")
    }

    private static func sibling(_ output: URL, _ suffix: String) -> String {
        output.deletingLastPathComponent().path + "/." + output.lastPathComponent + "." + suffix
    }

    /// Removes what a killed build left beside `output` (its new folder, or the old site
    /// between the two renames of the fallback swap, which is put back if the output is gone).
    /// Called with the output's lock held, so no running build owns any of them.
    static func clearLeftovers(of output: URL) {
        let parent = output.deletingLastPathComponent().path
        let prefix = "." + output.lastPathComponent + "."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for name in names.sorted() where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard rest.hasPrefix("new-") || rest.hasPrefix("old-") || rest.hasPrefix("staging-") else { continue }
            let path = parent + "/" + name
            if rest.hasPrefix("old-"), FileIO.kind(output.path) == nil,
                (try? FileIO.rename(path, to: output.path)) != nil
            {
                continue
            }
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// Puts the finished `generation` in place of `output` and removes the old site.
    static func swap(_ generation: String, into output: URL) throws(SystemError) {
        let target = output.path
        guard FileIO.kind(target) != nil else {
            try FileIO.rename(generation, to: target)
            return
        }
        if try FileIO.exchange(generation, target) {
            // `generation` now names the old site.
            try? FileManager.default.removeItem(atPath: generation)
            return
        }
        // A file system without the exchange: two renames. Between them the output is missing
        // for an instant; a build killed there finds the old site beside it and puts it back.
        let old = sibling(output, "old-\(getpid())")
        do throws(SystemError) {
            try FileIO.rename(target, to: old)
        } catch {
            throw SystemError(path: target, code: error.code)
        }
        do throws(SystemError) {
            try FileIO.rename(generation, to: target)
        } catch {
            try? FileIO.rename(old, to: target)
            throw error
        }
        try? FileManager.default.removeItem(atPath: old)
    }
}

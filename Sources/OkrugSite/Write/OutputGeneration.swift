import CXattr
import Foundation
import OkrugSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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

    /// What kind of thing stands at `path` (without following a symlink): `nil` when nothing.
    static func kind(_ path: String) -> mode_t? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        return status.st_mode & S_IFMT
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
            if rest.hasPrefix("old-"), kind(output.path) == nil, rename(path, output.path) == 0 { continue }
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// Puts the finished `generation` in place of `output` and removes the old site.
    static func swap(_ generation: String, into output: URL) throws(SystemError) {
        let target = output.path
        guard kind(target) != nil else {
            guard rename(generation, target) == 0 else { throw SystemError(path: target, code: errno) }
            return
        }
        if okrug_rename_exchange(generation, target) == 0 {
            // `generation` now names the old site.
            try? FileManager.default.removeItem(atPath: generation)
            return
        }
        guard errno == EINVAL || errno == ENOSYS || errno == EPERM else {
            throw SystemError(path: target, code: errno)
        }
        // A file system without the exchange: two renames. Between them the output is missing
        // for an instant; a build killed there finds the old site beside it and puts it back.
        let old = sibling(output, "old-\(getpid())")
        guard rename(target, old) == 0 else { throw SystemError(path: target, code: errno) }
        guard rename(generation, target) == 0 else {
            let code = errno
            _ = rename(old, target)
            throw SystemError(path: target, code: code)
        }
        try? FileManager.default.removeItem(atPath: old)
    }
}

import Foundation
import Glibc

/// Writing a whole file so that a crash or a full disk leaves the old file or the new one,
/// never half of one: the bytes go to a hidden sibling first, which then takes the name in one
/// rename. A symlink at the name is replaced, never followed.
package enum WholeFile {
    /// `bytes` as the file at `path`, replacing what was there.
    package static func write(_ bytes: some ContiguousBytes, to path: String) throws(SystemError) {
        let staged = try stage(bytes, beside: path)
        do throws(SystemError) {
            try FileIO.rename(staged, to: path)
        } catch {
            FileIO.removeFile(staged)
            throw error
        }
    }

    /// `bytes` as a new file at `path`; fails (EEXIST) when the name is taken, as `okrug new`
    /// must never write over a methodist's file.
    package static func create(_ bytes: some ContiguousBytes, at path: String) throws(SystemError) {
        let staged = try stage(bytes, beside: path)
        defer { FileIO.removeFile(staged) }
        guard linkat(AT_FDCWD, staged, AT_FDCWD, path, 0) == 0 else { throw SystemError(path: path, code: errno) }
    }

    package static func write(_ text: String, to url: URL) throws(SystemError) {
        try write(Array(text.utf8), to: url.path)
    }

    package static func write(_ data: Data, to url: URL) throws(SystemError) {
        try write(data, to: url.path)
    }

    package static func create(_ text: String, at url: URL) throws(SystemError) {
        try create(Array(text.utf8), at: url.path)
    }

    /// The bytes in a new hidden file beside `path`.
    private static func stage(_ bytes: some ContiguousBytes, beside path: String) throws(SystemError) -> String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let staged = folder + ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).part"
        let descriptor = open(staged, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SystemError(path: path, code: errno) }
        let failure = bytes.withUnsafeBytes { FileIO.writeFully(descriptor, $0, at: 0) }
        close(descriptor)
        if let failure {
            FileIO.removeFile(staged)
            throw SystemError(path: path, code: failure)
        }
        return staged
    }
}

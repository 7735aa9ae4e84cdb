import Glibc

/// What `stat(2)` says of a path: the tree scan runs on every rebuild of `okrug serve`, so it
/// asks the system directly instead of going through Foundation's attribute dictionaries.
package struct FileStatus: Sendable, Hashable {
    package var isDirectory: Bool
    package var isSymbolicLink: Bool
    /// A plain file: not a folder, link, device, FIFO or socket.
    package var isRegular: Bool
    package var size: Int
    /// Modification time in nanoseconds since 1970: a file saved twice within a second still
    /// looks changed.
    package var modified: Int

    /// `lstat` when `followLinks` is false; `nil` when the path does not exist.
    package static func of(_ path: String, followLinks: Bool = true) -> FileStatus? {
        var info = stat()
        let result = followLinks ? stat(path, &info) : lstat(path, &info)
        guard result == 0 else { return nil }
        let kind = FileIO.kind(of: info)
        let modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
        return FileStatus(
            isDirectory: kind == .folder, isSymbolicLink: kind == .symlink, isRegular: kind == .regular,
            size: Int(info.st_size), modified: modified)
    }
}

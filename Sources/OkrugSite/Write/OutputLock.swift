import Foundation
import OkrugSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One build at a time per output folder: an exclusive `flock` on `.<name>.lock` beside the
/// folder, held until the build is done. The lock goes with the process, so a killed build
/// never leaves it taken. Whoever holds it also clears what a killed build left beside the
/// folder (`OutputGeneration.clearLeftovers`).
public final class OutputLock: Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Takes the lock, calling `waiting` once if another build holds it and then waiting for it.
    public static func acquire(_ output: URL, waiting: () -> Void = {}) throws(SystemError) -> OutputLock {
        let output = output.standardizedFileURL
        let parent = output.deletingLastPathComponent()
        let path = parent.path + "/." + output.lastPathComponent + ".lock"
        // `--output new/folder/Public`: the folders above it are made, as `mkdir -p` would.
        if OutputGeneration.kind(parent.path) == nil {
            do {
                try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            } catch {
                throw SystemError(path: parent.path, code: (error as NSError).code == 513 ? EACCES : ENOENT)
            }
        }
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw SystemError(path: path, code: errno) }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else {
                let code = errno
                close(descriptor)
                throw SystemError(path: path, code: code)
            }
            waiting()
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    let code = errno
                    close(descriptor)
                    throw SystemError(path: path, code: code)
                }
            }
        }
        let lock = OutputLock(descriptor: descriptor)
        OutputGeneration.clearLeftovers(of: output)
        return lock
    }
}

import Foundation
import OkrugSystem

/// One build at a time per output folder: an exclusive `flock` on `.<name>.lock` beside the
/// folder, held until the build is done. The lock goes with the process, so a killed build
/// never leaves it taken. Whoever holds it also clears what a killed build left beside the
/// folder (`OutputGeneration.clearLeftovers`).
public final class OutputLock: Sendable {
    private let lock: FileLock

    private init(lock: FileLock) {
        self.lock = lock
    }

    /// Takes the lock, calling `waiting` once if another build holds it and then waiting for it.
    public static func acquire(_ output: URL, waiting: () -> Void = {}) throws(SystemError) -> OutputLock {
        let output = output.standardizedFileURL
        let parent = output.deletingLastPathComponent()
        let path = parent.path + "/." + output.lastPathComponent + ".lock"
        // `--output new/folder/Public`: the folders above it are made, as `mkdir -p` would.
        if FileIO.kind(parent.path) == nil {
            do {
                try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            } catch {
                throw SystemError(path: parent.path, code: (error as NSError).code == 513 ? EACCES : ENOENT)
            }
        }
        let lock = OutputLock(lock: try FileLock.acquire(path, waiting: waiting))
        OutputGeneration.clearLeftovers(of: output)
        return lock
    }
}

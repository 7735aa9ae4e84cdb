import Foundation
import OkrugSystem

/// A file copied from `Content/` as it is (an attachment, a picture).
enum AttachmentFile {
    /// The fingerprint a copy is marked with, and the size, read piece by piece.
    static func fingerprint(of path: String) throws(SystemError) -> (UInt64, Int) {
        guard let status = FileStatus.of(path), status.isRegular else {
            throw SystemError(path: path, code: FileStatus.of(path) == nil ? ENOENT : RegularFile.notRegular)
        }
        var stream = StreamingFingerprint(totalSize: status.size)
        let count = try RegularFile.forEachPiece(path) { stream.add($0) }
        // A file that changed size while being read is read again on the next build.
        guard count == status.size else { throw SystemError(path: path, code: EAGAIN) }
        return (stream.finish(), count)
    }
}

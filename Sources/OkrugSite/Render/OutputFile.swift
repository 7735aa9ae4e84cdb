import Foundation

/// One file of the generated site.
public struct OutputFile: Sendable {
    /// Relative to the output folder: `materials/x/index.html`.
    public var path: String
    public var contents: Contents

    public enum Contents: Sendable {
        case bytes(Data)
        /// A rendered page, as the renderer made it (no copy into `Data`).
        case array([UInt8])
        /// A file of `Content/` (relative path) copied as it is.
        case copy(String)
        /// A file okrug made outside the output (the cache: an office file's PDF), copied.
        case made(String)
    }

    static func text(_ path: String, _ text: String) -> OutputFile {
        OutputFile(path: path, contents: .bytes(Data(text.utf8)))
    }
}

extension OutputFile.Contents {
    /// For a copied file: where it is read from, and how it is named in messages.
    func copied(contentRoot: URL) -> (from: String, shown: String)? {
        switch self {
        case .copy(let source): (contentRoot.path + "/" + source, source)
        case .made(let path): (path, path)
        case .bytes, .array: nil
        }
    }
}

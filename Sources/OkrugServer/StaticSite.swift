import Foundation

/// Maps a request path to a file of the built site, never outside it.
struct StaticSite: Sendable {
    let root: URL
    /// Folders answered at a top-level path of their own instead of from the site: the
    /// preview's search indexes (`pagefind` → its folder), kept apart from the site.
    var mounts: [String: URL] = [:]

    enum Lookup: Equatable {
        case file(URL)
        case notFound
        /// `..`, a NUL byte or a bad escape: refused before touching the disk.
        case refused
    }

    func lookup(_ rawPath: String) -> Lookup {
        guard let decoded = rawPath.removingPercentEncoding, !decoded.contains("\0"), !decoded.contains("\\") else {
            return .refused
        }
        var segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return .refused }
        var root = self.root
        if let first = segments.first, let mounted = mounts[String(first)] {
            root = mounted
            segments.removeFirst()
        }
        var url = root
        for segment in segments { url.appendPathComponent(String(segment)) }
        // Symlinks cannot lead out either.
        let real = url.resolvingSymlinksInPath().standardizedFileURL.path
        let realRoot = root.resolvingSymlinksInPath().standardizedFileURL.path
        guard real == realRoot || real.hasPrefix(realRoot + "/") else { return .refused }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return .notFound }
        if isDirectory.boolValue {
            let index = url.appendingPathComponent("index.html")
            return FileManager.default.fileExists(atPath: index.path) ? .file(index) : .notFound
        }
        return .file(url)
    }

    static func contentType(_ url: URL) -> String {
        switch url.pathExtension.lowercased() {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return "application/xml; charset=utf-8"
        case "ics": return "text/calendar; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        case "txt", "md": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "pdf": return "application/pdf"
        case "wasm": return "application/wasm"
        case "woff2": return "font/woff2"
        case "docx": return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "pptx": return "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        case "xlsx": return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        default: return "application/octet-stream"
        }
    }
}

/// The few lines of script that reload the page after each rebuild. Added to HTML as it is
/// served by `okrug serve`; the files in the output never contain it.
enum LiveReload {
    static let eventsPath = "/__okrug/events"

    static let script = """
        <script>window.okrugPreview = true; (function () {
          var source = new EventSource("\(eventsPath)"), first = true;
          source.onmessage = function () { if (first) { first = false; return; } location.reload(); };
        })();</script>
        """

    /// `html` with the script before `</body>` (or at the end).
    static func inject(into html: Data) -> Data {
        guard let marker = html.range(of: Data("</body>".utf8), options: .backwards) else {
            return html + Data(script.utf8)
        }
        var out = html
        out.replaceSubrange(marker.lowerBound..<marker.lowerBound, with: Data(script.utf8))
        return out
    }
}

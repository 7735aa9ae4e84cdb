import Foundation
import OkrugMarkdown
import OkrugText

/// What a link or image destination in a document points at.
enum LinkTarget: Hashable {
    /// `https://…`, `mailto:` …: left alone.
    case external
    /// `#section` on the same page.
    case sameDocument(fragment: String)
    /// Another material or page (by its output path), with an optional heading anchor.
    case document(path: String, sourcePath: String, fragment: String?)
    /// A page of the site that is not a document (`/search/`, `/schools/sosh13/`), checked
    /// against the built site's pages once they are known (`Routes.all(of:)`).
    case sitePath(path: String, fragment: String?)
    /// A document that failed to load: its own error says why; the link is not reported again.
    case unavailable
    /// A file of `Content/` copied beside the page.
    case file(CopiedFile)
    /// Something that cannot work, with what to tell the author.
    case broken(message: String, hint: String)
}

/// Resolves destinations against the site's documents and the content tree, without
/// touching the disk.
struct LinkTargetResolver: Sendable {
    /// Content-relative source path (`materials/x/index.md`) → output path (`materials/x/`).
    var documents: [String: String]
    /// Output paths (`materials/x/`) of all documents, to accept `/materials/x/` links.
    var documentPaths: [String: String]
    /// Source paths of drafts left out of this build.
    var drafts: Set<String>
    /// Source paths of documents that failed to load.
    var unavailable: Set<String> = []
    /// `okrug check` reads drafts too; a published document linking to one of these would
    /// fail the real build, so check says so.
    var draftsIncluded: Set<String> = []
    var files: Set<String>

    func target(of destination: String, from sourcePath: String, pagePath: String, kind: MarkdownLink.Kind)
        -> LinkTarget
    {
        // Foundation's trimming and percent-decoding bridge through NSString: with 10 000
        // materials of links they were a tenth of the parse, so they run only when needed.
        let trimmed =
            Self.hasEdgeWhitespace(destination) ? destination.trimmingCharacters(in: .whitespaces) : destination
        if trimmed.isEmpty { return .broken(message: "пустая ссылка", hint: "укажите адрес в скобках: [текст](адрес)") }
        if trimmed.hasPrefix("#") { return .sameDocument(fragment: String(trimmed.dropFirst())) }
        if hasScheme(trimmed) || trimmed.hasPrefix("//") { return .external }

        var pathPart = trimmed
        var fragment: String?
        if let hash = pathPart.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(pathPart[pathPart.index(after: hash)...])
            pathPart = String(pathPart[..<hash])
        }
        if let query = pathPart.utf8.firstIndex(of: UInt8(ascii: "?")) { pathPart = String(pathPart[..<query]) }
        let decoded =
            pathPart.utf8.contains(UInt8(ascii: "%")) ? (pathPart.removingPercentEncoding ?? pathPart) : pathPart

        if decoded.hasPrefix("/") {
            // A site path: `/materials/x/`.
            // A folder gets its slash (`/search` is `/search/`); a file (`/feed.xml`) keeps its name.
            var sitePath = String(decoded.drop(while: { $0 == "/" }))
            let isFile = sitePath.split(separator: "/").last?.contains(".") == true
            if !sitePath.isEmpty, !sitePath.hasSuffix("/"), !isFile { sitePath += "/" }
            if let source = documentPaths[sitePath] {
                return .document(path: sitePath, sourcePath: source, fragment: fragment)
            }
            return .sitePath(path: sitePath, fragment: fragment)
        }

        let directory = ContentPath.directory(of: sourcePath)
        guard let resolved = ContentPath.resolve(decoded, from: directory) else {
            return .broken(
                message: "ссылка «\(destination)» выходит за пределы папки Content/",
                hint: "ссылайтесь только на файлы внутри Content/")
        }
        for candidate in [resolved, resolved + "/index.md", resolved + "index.md"] {
            if unavailable.contains(candidate) { return .unavailable }
            if drafts.contains(candidate)
                || (draftsIncluded.contains(candidate) && !draftsIncluded.contains(sourcePath))
            {
                return .broken(
                    message: "ссылка «\(destination)» ведёт на черновик (draft: true)",
                    hint: "опубликуйте материал или уберите ссылку")
            }
            if let path = documents[candidate] {
                return .document(path: path, sourcePath: candidate, fragment: fragment)
            }
        }
        if decoded.lowercased().hasSuffix(".md") {
            if let suggestion = Suggestion.closest(to: resolved, in: Array(documents.keys), limit: 1).first {
                return .broken(
                    message: "ссылка на несуществующий материал «\(destination)»",
                    hint: "возможно, имелся в виду «\(relative(suggestion, from: directory))»")
            }
            // Compared by name: «seminar-innovatsii.md» is near «cherez-innovatsii/index.md».
            let names = Dictionary(
                documents.keys.map { (Self.documentName($0), $0) }, uniquingKeysWith: { first, _ in first })
            let near = Suggestion.nearest(to: Self.documentName(resolved), in: names.keys.sorted(), limit: 3)
                .compactMap { names[$0] }.map { "«\(relative($0, from: directory))»" }
            return .broken(
                message: "ссылка на несуществующий материал «\(destination)»",
                hint: near.isEmpty
                    ? "проверьте имя файла; путь считается от папки этого файла"
                    : "близкие по имени: \(near.joined(separator: ", ")); путь считается от папки этого файла")
        }
        guard files.contains(resolved) else {
            // «изображение» is neuter: «не найдено».
            return .broken(
                message: kind == .image
                    ? "изображение «\(destination)» не найдено" : "файл «\(destination)» не найден",
                hint: "положите файл рядом с материалом (\(directory)/) или исправьте имя")
        }
        guard ContentPath.staysInside(decoded) else {
            return .broken(
                message: "файл «\(destination)» лежит вне папки этого материала",
                hint: "положите файл в папку материала и ссылайтесь на него без «../»")
        }
        let target = ContentPath.resolve(decoded, from: String(pagePath.dropLast())) ?? decoded
        return .file(CopiedFile(source: resolved, target: target))
    }

    /// `cherez-innovatsii` for `materials/cherez-innovatsii/index.md` and `materials/cherez-innovatsii.md`.
    static func documentName(_ path: String) -> String {
        var name = path.hasSuffix("/index.md") ? String(path.dropLast("/index.md".count)) : path
        if name.hasSuffix(".md") { name = String(name.dropLast(3)) }
        return name.split(separator: "/").last.map(String.init) ?? name
    }

    /// `https:`, `mailto:`: an ASCII letter, then letters, digits, `+`, `-` or `.`, then `:`.
    private func hasScheme(_ text: String) -> Bool {
        var length = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: ":"): return length > 0
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): length += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if length == 0 { return false }
                length += 1
            default: return false
            }
        }
        return false
    }

    private static func hasEdgeWhitespace(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        return CharacterSet.whitespaces.contains(first) || CharacterSet.whitespaces.contains(last)
    }

    /// `materials/b.md` as seen from `materials/a` → `../b.md`, for hints.
    private func relative(_ path: String, from directory: String) -> String {
        let from = directory.split(separator: "/")
        let to = path.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + to[common...].map(String.init)).joined(
            separator: "/")
    }
}

/// Relative URLs between output pages, so the site works under any base path. The target's
/// components are percent-encoded (`URLPath`): a file's name becomes part of the link.
public enum RelativeURL {
    /// From the page at `from` (`materials/x/`) to `to` (`kinds/seminar/`): `../../kinds/seminar/`.
    /// The folders the two share are skipped: `directions/` → `directions/methodical/` is `methodical/`.
    public static func link(from: String, to: String) -> String {
        // Over the UTF-8 bytes, walked in place (no arrays of components): it runs for every
        // link of every page (a listing page has eighty); copying the bytes out once is cheaper
        // than indexing a `String.UTF8View`.
        let (source, target) = (Array(from.utf8), Array(to.utf8))
        // The components the two share, from the start.
        var (sourceIndex, targetIndex) = (0, 0)
        var lastShared: (source: Int, target: Int)?
        while let sourcePart = component(source, after: sourceIndex),
            let targetPart = component(target, after: targetIndex),
            source[sourcePart].elementsEqual(target[targetPart])
        {
            lastShared = (sourceIndex, targetIndex)
            sourceIndex = sourcePart.upperBound
            targetIndex = targetPart.upperBound
        }
        let endsWithSlash = target.last == 0x2F
        // A file target (`feed.xml`) must keep its last component even when it names a folder of `from`.
        if !endsWithSlash, component(target, after: targetIndex) == nil, let shared = lastShared {
            (sourceIndex, targetIndex) = shared
        }
        var ups = 0
        var index = sourceIndex
        while let part = component(source, after: index) {
            ups += 1
            index = part.upperBound
        }
        var url: [UInt8] = []
        url.reserveCapacity(3 * ups + target.count + 1)
        for _ in 0..<ups { url += [0x2E, 0x2E, 0x2F] }
        index = targetIndex
        var wroteTarget = false
        while let part = component(target, after: index) {
            if wroteTarget { url.append(0x2F) }
            URLPath.append(target[part], to: &url)
            wroteTarget = true
            index = part.upperBound
        }
        if endsWithSlash, wroteTarget { url.append(0x2F) }
        return url.isEmpty ? "./" : String(decoding: url, as: UTF8.self)
    }

    /// The next component of `path` at or after `index` (the bytes between slashes; empty ones
    /// are skipped), or `nil` at the end.
    @inline(__always) private static func component(_ path: [UInt8], after index: Int) -> Range<Int>? {
        var start = index
        while start < path.count, path[start] == 0x2F { start += 1 }
        guard start < path.count else { return nil }
        var end = start
        while end < path.count, path[end] != 0x2F { end += 1 }
        return start..<end
    }
}

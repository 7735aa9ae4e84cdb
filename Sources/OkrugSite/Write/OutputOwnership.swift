import Foundation
import OkrugCore
import OkrugSystem

/// okrug replaces its output folder whole, so it must be sure the folder is its own: absent,
/// empty, or holding what an earlier build wrote and nothing else. The list of what a build
/// wrote travels inside the site (`.okrug-site`, swapped in with it); an output written before
/// that list existed is recognised by the mark on each of its files (`WrittenMark`). Anything
/// else — the project itself, `Templates/`, someone's documents, a file added by hand — is
/// refused before a byte is touched.
enum OutputOwnership {
    /// The list of the files a build wrote, one path per line, at the output's root.
    static let manifestName = ".okrug-site"
    /// Pagefind's folder: written by Pagefind in okrug's run, owned whole.
    static let searchFolder = String(Routes.searchIndex.dropLast())
    static let manifestHeader = "# Файлы, которые записал okrug (следующая сборка заменит их). Не удаляйте этот список."

    /// The folder's problems that need no listing: the output is or holds an input folder, lies
    /// inside one, is not a folder, or is a folder with user files at its top and no sign of
    /// okrug. `shown`: the output as the user named it.
    static func earlyProblem(output: URL, shown: String, inputs: [(url: URL, shown: String)]) -> Diagnostic? {
        let real = resolved(output)
        for input in inputs {
            let inputReal = resolved(input.url)
            if inputReal == real || inputReal.hasPrefix(real == "/" ? "/" : real + "/") {
                return refusal(
                    shown,
                    inputReal == real
                        ? "папка сайта — это папка \(input.shown)/: okrug заменяет папку сайта целиком и стёр бы её"
                        : "папка сайта «\(shown)» содержит \(input.shown)/: okrug заменяет папку сайта целиком и стёр бы весь проект",
                    hint: "укажите отдельную папку для сайта: --output Public")
            }
            if real.hasPrefix(inputReal + "/") {
                return refusal(
                    shown, "папка сайта не может лежать внутри \(input.shown)/",
                    hint: "укажите папку вне \(input.shown)/: --output Public")
            }
        }
        switch FileIO.kind(output.path) {
        case nil: return nil
        case .symlink?:
            return refusal(
                shown, "папка сайта — символическая ссылка (okrug не пишет через ссылки)",
                hint: "укажите настоящую папку: --output путь")
        case .regular?, .other?:
            return refusal(
                shown, "на месте папки сайта лежит файл", hint: "укажите другую папку: --output путь")
        case .folder?:
            break
        }
        guard FileIO.kind(output.path + "/" + manifestName) != .regular else { return nil }
        let entries = FileIO.folderEntries(output.path)
        let foreign = entries.filter { entry in
            switch entry.kind {
            case .regular: return entry.mark == nil
            case .folder: return projectFolders.contains(entry.name)
            case .symlink, .other: return true
            }
        }
        guard !foreign.isEmpty else { return nil }
        return strayRefusal(shown, foreign.map(\.name).sorted())
    }

    /// Folders that only a project holds, never a site okrug wrote.
    static let projectFolders: Set<String> = [".git", "Content", "Templates", "Sources", "seeds", ".svn", ".hg"]

    /// What okrug wrote at a path: the fingerprint and size of the bytes (`WrittenMark`'s).
    struct Written: Sendable, Equatable {
        var fingerprint: UInt64
        var size: Int
    }

    /// The files in the listed output that okrug did not write (not in the last build's list,
    /// or, for an output from before the list, without okrug's mark), and those it wrote whose
    /// bytes someone changed since (an edit by hand would be lost). A file whose mark still
    /// matches is not read; only a file without one is read and fingerprinted.
    static func strayFiles(in listing: OutputListing, output: String) -> [String] {
        let manifest = readManifest(output)
        return listing.files.compactMap { path, file -> String? in
            if path == manifestName { return nil }
            guard let manifest else {
                if path.hasPrefix(searchFolder + "/") { return nil }
                return file.mark != nil && file.isRegular ? nil : path
            }
            guard let entry = manifest.files[path] else {
                return manifest.ownsSearchIndex && path.hasPrefix(searchFolder + "/") ? nil : path
            }
            guard let written = entry else { return nil }
            if let mark = file.mark, mark.fingerprint == written.fingerprint, Int(mark.size) == written.size {
                return nil
            }
            guard file.isRegular, let now = try? AttachmentFile.fingerprint(of: output + "/" + path),
                now.0 == written.fingerprint, now.1 == written.size
            else { return path }
            return nil
        }.sorted() + listing.folders.filter { manifest == nil && projectFolders.contains($0) }.sorted()
    }

    static func strayRefusal(_ shown: String, _ names: [String]) -> Diagnostic {
        let listed = names.prefix(3).map { "«\($0)»" }.joined(separator: ", ")
        let more = names.count > 3 ? " и ещё \(names.count - 3)" : ""
        let folder = shown.isEmpty ? "папки сайта" : shown + "/"
        return refusal(
            shown,
            "в папке сайта есть файлы, которых okrug не записывал или которые изменили после сборки: \(listed)\(more); okrug заменяет папку сайта целиком и не будет их стирать",
            hint:
                "перенесите их из \(folder) (то, что должно попасть на сайт, кладите в Templates/assets/ или в папку материала); файл сайта, изменённый по ошибке, удалите — okrug запишет его заново; или укажите другую, пустую папку: --output путь"
        )
    }

    private static func refusal(_ shown: String, _ message: String, hint: String) -> Diagnostic {
        .error(SourcePosition(file: shown, line: 0, column: 0), message, hint: hint)
    }

    /// `url`'s path with every symlink of the part that exists resolved.
    static func resolved(_ url: URL) -> String {
        url.standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// The last build's list: each path with what was written there (`nil` for a list from
    /// before fingerprints were kept), and whether Pagefind's folder is okrug's.
    struct Manifest: Sendable {
        var files: [String: Written?] = [:]
        var ownsSearchIndex = false
    }

    /// The last build's list; `nil` when there is none (or it cannot be read).
    static func readManifest(_ output: String) -> Manifest? {
        guard let bytes = try? RegularFile.read(output + "/" + manifestName, limit: 256 << 20) else { return nil }
        let lines = bytes.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
        guard lines.first == manifestHeader else { return nil }
        var manifest = Manifest()
        for line in lines.dropFirst() {
            if line == searchFolder + "/" {
                manifest.ownsSearchIndex = true
                continue
            }
            // `fingerprint size path`: the path last, so nothing it holds can shift the columns.
            let columns = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            if columns.count == 3, let fingerprint = UInt64(columns[0], radix: 16), let size = Int(columns[1]) {
                manifest.files[String(columns[2])] = Written(fingerprint: fingerprint, size: size)
            } else {
                manifest.files[line] = .some(nil)
            }
        }
        return manifest
    }

    /// The list's bytes for `files`, with Pagefind's folder when the index is okrug's.
    static func manifest(_ files: [String: Written?], indexed: Bool) -> [UInt8] {
        var lines = [manifestHeader]
        for (path, written) in files.sorted(by: { $0.key < $1.key }) where path != manifestName {
            guard let written else {
                lines.append(path)
                continue
            }
            lines.append(String(written.fingerprint, radix: 16) + "\t\(written.size)\t" + path)
        }
        if indexed { lines.append(searchFolder + "/") }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }
}

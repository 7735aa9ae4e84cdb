import Foundation
import OkrugSystem

/// The files of `Content/`, listed once: relative paths (`materials/x/index.md`) with sizes.
///
/// Everything later resolves references against this list, never against the file system,
/// so nothing outside `Content/` can be read: a symlink that leads out is reported and left out.
public struct ContentTree: Sendable {
    public struct Entry: Sendable, Hashable {
        public var relativePath: String
        public var byteCount: Int
        /// Nanoseconds since 1970: with the size, how a rebuild tells a changed file.
        public var modified: Int = 0
    }

    /// The folder on disk.
    public var root: URL
    /// How the folder is named in messages (`Content`).
    public var displayRoot: String
    public var files: [String: Entry]

    public init(root: URL, displayRoot: String, files: [String: Entry]) {
        self.root = root
        self.displayRoot = displayRoot
        self.files = files
    }

    public func displayPath(_ relative: String) -> String {
        displayRoot.isEmpty ? relative : displayRoot + "/" + relative
    }

    public func url(of relative: String) -> URL {
        root.appendingPathComponent(relative)
    }

    public var sortedPaths: [String] { files.keys.sorted() }

    /// `x.md.bak`, `x.md.bak2`: copies `okrug check --fix-encoding` keeps of the originals.
    /// Hidden files (`.git`, `.DS_Store`) and editors' backups (`x.md~`, `~$x.docx`, `x.bak2`).
    static func isSkipped(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasPrefix("~$") || isBackup(name)
    }

    static func isBackup(_ name: String) -> Bool {
        guard let range = name.range(of: ".bak", options: .backwards) else { return false }
        return name[range.upperBound...].allSatisfy(\.isNumber)
    }

    /// Lists `root` recursively. Hidden files (`.git`, `.DS_Store`) and editors' backup files
    /// are skipped; symlinks are followed only while they stay inside `root`.
    public static func scan(root: URL, displayRoot: String) -> (ContentTree, [Diagnostic]) {
        var files: [String: Entry] = [:]
        var diagnostics: [Diagnostic] = []
        let realRoot = root.resolvingSymlinksInPath().standardizedFileURL.path
        var visited = Set<String>()

        /// A relative path as shown in messages (`Content/materials/x.md`).
        func shown(_ relative: String) -> String {
            relative.isEmpty ? displayRoot : (displayRoot.isEmpty ? relative : displayRoot + "/" + relative)
        }

        /// A file or folder refused, at its line (0: the problem is the file itself, not a line).
        func refuse(_ shownPath: String, line: Int = 1, _ problem: String, hint: String) {
            diagnostics.append(
                .error(SourcePosition(file: shownPath, line: line, column: line == 0 ? 0 : 1), problem, hint: hint))
        }

        /// `realDirectory`: where `directory` really is, symlinks resolved, for loop detection.
        func walk(_ directory: URL, relative: String, realDirectory: String) {
            let names: [String]
            do {
                names = try FileIO.folderNames(directory.path)
            } catch {
                let code = error.code
                let shown = shown(relative)
                refuse(
                    shown, line: 0,
                    "папку не удалось прочитать: \(SystemError.reason(code)); её файлы не попадут на сайт",
                    hint: "дайте права на чтение (chmod -R a+rX \(shown)) или уберите папку из \(displayRoot)/")
                return
            }
            // Swift compares strings canonically: «й» in one character and «и» + breve are the same
            // key, while the file system keeps both names. Each name is checked against the
            // folder's others by its bytes, so a twin (file or folder) is an error, not lost.
            var seenNames: [String: String] = [:]
            for name in names.sorted() {
                if isSkipped(name) { continue }
                if let twin = seenNames[name], !twin.utf8.elementsEqual(name.utf8) {
                    let first = relative.isEmpty ? twin : relative + "/" + twin
                    refuse(
                        shown(relative.isEmpty ? name : relative + "/" + name),
                        "имя совпадает с «\(shown(first))» после нормализации Юникода: буквы записаны по-разному (например «й» одним символом и «и» + знак краткости), а выглядят одинаково",
                        hint: "переименуйте одно из них, набрав имя заново, или объедините их")
                    continue
                }
                seenNames[name] = name
                // A line break or other invisible character in a name would break every message
                // about the file (and its address): the file is reported, shown escaped, and left out.
                if name.unicodeScalars.contains(where: ControlCharacters.isForbiddenInName) {
                    let escaped = ControlCharacters.escaped(relative.isEmpty ? name : relative + "/" + name)
                    refuse(
                        shown(escaped), line: 0,
                        "в имени файла невидимый управляющий символ (перенос строки, табуляция…)",
                        hint: "переименуйте файл: только буквы, цифры, пробел, «-» и «_»")
                    continue
                }
                let url = directory.appendingPathComponent(name)
                let rel = relative.isEmpty ? name : relative + "/" + name
                let display = shown(rel)
                let status = FileStatus.of(url.path, followLinks: false)
                let isLink = status?.isSymbolicLink == true
                var real = realDirectory + "/" + name
                if isLink {
                    real = url.resolvingSymlinksInPath().standardizedFileURL.path
                    guard real == realRoot || real.hasPrefix(realRoot + "/") else {
                        refuse(
                            display, "символическая ссылка ведёт за пределы папки \(displayRoot)/ (на \(real))",
                            hint: "скопируйте нужный файл в \(displayRoot)/ вместо ссылки")
                        continue
                    }
                }
                guard let target = isLink ? FileStatus.of(real) : status else {
                    refuse(
                        display, "символическая ссылка никуда не ведёт", hint: "удалите ссылку или восстановите файл")
                    continue
                }
                if target.isDirectory {
                    // A link loop would walk forever; each real folder is visited once.
                    guard visited.insert(real).inserted else { continue }
                    walk(url, relative: rel, realDirectory: real)
                } else if !target.isRegular {
                    // Reading a FIFO waits forever and a device never ends: refused by type, unopened.
                    refuse(
                        display, "это не обычный файл, а устройство, именованный канал (FIFO) или сокет",
                        hint: "okrug читает только обычные файлы: положите на его место настоящий файл или уберите его")
                } else {
                    files[rel] = Entry(relativePath: rel, byteCount: target.size, modified: target.modified)
                }
            }
        }
        visited.insert(realRoot)
        walk(root, relative: "", realDirectory: realRoot)
        return (ContentTree(root: root, displayRoot: displayRoot, files: files), diagnostics)
    }
}

extension ContentTree {
    /// The tree after the files at `changed` (absolute paths under `root`, as the system's file
    /// events name them) were saved: what `scan` would now list, without listing every folder
    /// again (most of a large preview's rebuild). `nil` when only
    /// a full scan can tell: a listed file gone or no longer a plain file, or a new file. A name
    /// the scan skips (hidden, a backup) is skipped here too; one that is already gone again
    /// (an editor's temporary file) changes nothing.
    public func patched(changed: [String]) -> ContentTree? {
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        var patched = self
        for path in changed {
            guard path.hasPrefix(prefix) else { return nil }
            let relative = String(path.dropFirst(prefix.count))
            let names = relative.split(separator: "/", omittingEmptySubsequences: false)
            guard !relative.isEmpty, !names.contains(where: \.isEmpty) else { return nil }
            if names.contains(where: { Self.isSkipped(String($0)) }) { continue }
            if relative.unicodeScalars.contains(where: ControlCharacters.isForbiddenInName) { return nil }
            let status = FileStatus.of(path, followLinks: false)
            guard files[relative] != nil else {
                if status == nil { continue }
                return nil
            }
            guard let status, status.isRegular else { return nil }
            patched.files[relative] = Entry(relativePath: relative, byteCount: status.size, modified: status.modified)
        }
        return patched
    }
}

/// Relative paths inside `Content/`, resolved without touching the disk.
public enum ContentPath {
    /// The folder part of `materials/x/index.md` → `materials/x`.
    public static func directory(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    /// Resolves `reference` (a relative path, possibly with `..`) against `directory`.
    /// `nil` when it climbs above the root.
    public static func resolve(_ reference: String, from directory: String) -> String? {
        // Split over UTF-8 bytes: it runs for every link of every document.
        func components(_ text: String) -> [Substring] {
            text.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
        }
        var parts = directory.isEmpty ? [] : components(directory)
        for component in components(reference) {
            if component == "." { continue }
            if component == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(component)
            }
        }
        return parts.joined(separator: "/")
    }

    /// Whether `reference` stays inside its own folder (no `..` leading out, not absolute).
    public static func staysInside(_ reference: String) -> Bool {
        if reference.hasPrefix("/") { return false }
        var depth = 0
        for component in reference.split(separator: "/") {
            if component == ".." { depth -= 1 } else if component != "." { depth += 1 }
            if depth < 0 { return false }
        }
        return true
    }
}

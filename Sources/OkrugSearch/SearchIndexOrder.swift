import Foundation
import OkrugCore
import OkrugSystem

/// Pagefind 1.5.2 writes each filter's values, and the list of filters, in the order of a hash
/// map: two builds of the same site get different filter files, and with them a different
/// metadata file and `pagefind-entry.json`. So «same input, same bytes» failed for `pagefind/`,
/// and every publish uploaded those files again. After Pagefind, okrug puts them in order —
/// filters by name, each filter's values by their text — and names them by their content, as
/// Pagefind names its files. Nothing else in the index is touched: the word index, the pages and
/// their fragments are the same bytes Pagefind wrote.
enum SearchIndexOrder {
    /// The versions whose layout this knows; any other is left as Pagefind wrote it.
    static let knownVersions: Set<String> = ["1.5.2"]
    /// What Pagefind puts before the bytes it gzips, so its script can tell whether the
    /// browser has already unpacked a file.
    static let signature = Array("pagefind_dcd".utf8)

    enum Outcome: Equatable {
        case arranged
        /// Not a layout this knows (another Pagefind version, no filters file): left as it was.
        case leftAsItWas
    }

    /// Puts the index in `bundle` (a `pagefind/` folder) in order.
    static func arrange(bundle: URL) throws -> Outcome {
        guard let entry = PagefindEntry.read(bundle) else { return .leftAsItWas }
        var text = entry.text
        for (_, hash) in entry.hashes {
            guard let newHash = try arrange(language: hash, version: entry.version, in: bundle) else {
                return .leftAsItWas
            }
            text = text.replacingOccurrences(of: "\"\(hash)\"", with: "\"\(newHash)\"")
        }
        try WholeFile.write(text, to: bundle.appendingPathComponent(PagefindEntry.fileName))
        return .arranged
    }

    /// One language's metadata file and its filters; the metadata's new hash, or `nil` when
    /// the files are not as expected (then nothing of this language was changed).
    private static func arrange(language hash: String, version: String, in bundle: URL) throws -> String? {
        let metaURL = bundle.appendingPathComponent("pagefind.\(hash).pf_meta")
        guard let prefix = prefix(of: hash), case .array(var meta)? = read(metaURL), meta.count >= 4,
            meta[0].text == version, let filterList = meta[3].array
        else { return nil }
        // Read everything first: a new name may be an old one of another file.
        var filters: [String: [String: CBORValue]] = [:]
        var oldHashes: [String] = []
        for item in filterList {
            guard let pair = item.array, pair.count == 2, let name = pair[0].text, let oldHash = pair[1].text,
                case .array(let content)? = read(filterURL(oldHash, in: bundle)), content.count == 2,
                content[0].text == name, let values = content[1].array
            else { return nil }
            for value in values {
                guard let fields = value.array, fields.count == 2, let text = fields[0].text else { return nil }
                filters[name, default: [:]][text] = fields[1]
            }
            oldHashes.append(oldHash)
        }
        for oldHash in oldHashes { try FileManager.default.removeItem(at: filterURL(oldHash, in: bundle)) }
        meta[3] = .array(try writeFilters(filters, prefix: prefix, in: bundle))
        let newHash = try writeMeta(meta, prefix: prefix, in: bundle)
        if newHash != hash { try FileManager.default.removeItem(at: metaURL) }
        return newHash
    }

    /// `ru_` of `ru_57e8b6b`: the language part of Pagefind's file names.
    static func prefix(of hash: String) -> String? {
        hash.lastIndex(of: "_").map { String(hash[...$0]) }
    }

    /// Rust's order of strings, the order Pagefind sorts its words in: by their UTF-8 bytes.
    static func precedes(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    /// Writes `filters` (by name, by value: the pages' list) in order — filters by name, values
    /// by their text — each file named by its content; the metadata's list of them.
    static func writeFilters(_ filters: [String: [String: CBORValue]], prefix: String, in bundle: URL) throws
        -> [CBORValue]
    {
        try FileManager.default.createDirectory(
            at: bundle.appendingPathComponent("filter"), withIntermediateDirectories: true)
        var list: [CBORValue] = []
        var taken: Set<String> = []
        for name in filters.keys.sorted(by: precedes) {
            let values = (filters[name] ?? [:]).sorted { precedes($0.key, $1.key) }
            let payload = CBORValue.array([.text(name), .array(values.map { .array([.text($0.key), $0.value]) })])
                .encoded()
            let hash = contentName(prefix: prefix, of: payload, length: 7, avoiding: taken)
            taken.insert(hash)
            try write(payload, to: filterURL(hash, in: bundle))
            list.append(.array([.text(name), .text(hash)]))
        }
        return list
    }

    /// Writes the metadata file, named by its content; its hash.
    static func writeMeta(_ meta: [CBORValue], prefix: String, in bundle: URL) throws -> String {
        let payload = CBORValue.array(meta).encoded()
        let hash = contentName(prefix: prefix, of: payload, length: 10, avoiding: [])
        try write(payload, to: bundle.appendingPathComponent("pagefind.\(hash).pf_meta"))
        return hash
    }

    static func filterURL(_ hash: String, in bundle: URL) -> URL {
        bundle.appendingPathComponent("filter").appendingPathComponent("\(hash).pf_filter")
    }

    /// A gzipped, signed CBOR file's item; `nil` when it is not one.
    static func read(_ url: URL) -> CBORValue? {
        guard let data = try? Data(contentsOf: url), let unpacked = Gzip.decompress([UInt8](data)),
            unpacked.starts(with: signature)
        else { return nil }
        return CBORValue.decode(Array(unpacked.dropFirst(signature.count)))
    }

    static func write(_ payload: [UInt8], to url: URL) throws {
        guard let packed = Gzip.compress(signature + payload) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        try WholeFile.write(packed, to: url.path)
    }

    /// `ru_` and the first `length` hex digits of the content's hash, longer if already taken.
    static func contentName(prefix: String, of payload: [UInt8], length: Int, avoiding taken: Set<String>) -> String {
        let hex = ContentHash.hex(payload)
        var count = length
        while taken.contains(prefix + hex.prefix(count)) && count < hex.count { count += 1 }
        return prefix + hex.prefix(count)
    }
}

/// A Pagefind bundle's `pagefind-entry.json`, of a version whose layout okrug knows
/// (`SearchIndexOrder.knownVersions`): its text and each language's metadata hash.
struct PagefindEntry {
    static let fileName = "pagefind-entry.json"

    let text: String
    let version: String
    /// By language.
    let hashes: [(language: String, hash: String)]

    static func read(_ bundle: URL) -> PagefindEntry? {
        guard let data = try? Data(contentsOf: bundle.appendingPathComponent(fileName)),
            let entry = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let version = entry["version"] as? String, SearchIndexOrder.knownVersions.contains(version),
            let languages = entry["languages"] as? [String: Any]
        else { return nil }
        var hashes: [(language: String, hash: String)] = []
        for language in languages.keys.sorted() {
            guard let hash = (languages[language] as? [String: Any])?["hash"] as? String else { return nil }
            hashes.append((language, hash))
        }
        return PagefindEntry(text: String(decoding: data, as: UTF8.self), version: version, hashes: hashes)
    }
}

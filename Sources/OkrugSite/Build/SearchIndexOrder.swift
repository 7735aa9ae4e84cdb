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
        let entryURL = bundle.appendingPathComponent("pagefind-entry.json")
        guard let entryData = try? Data(contentsOf: entryURL),
            let entry = try? JSONSerialization.jsonObject(with: entryData) as? [String: Any],
            let version = entry["version"] as? String, knownVersions.contains(version),
            let languages = entry["languages"] as? [String: Any]
        else { return .leftAsItWas }
        var entryText = String(decoding: entryData, as: UTF8.self)
        for language in languages.keys.sorted() {
            guard let hash = (languages[language] as? [String: Any])?["hash"] as? String,
                let newHash = try arrange(language: hash, version: version, in: bundle)
            else { return .leftAsItWas }
            entryText = entryText.replacingOccurrences(of: "\"\(hash)\"", with: "\"\(newHash)\"")
        }
        try Data(entryText.utf8).write(to: entryURL)
        return .arranged
    }

    /// One language's metadata file and its filters; the metadata's new hash, or `nil` when
    /// the files are not as expected (then nothing of this language was changed).
    private static func arrange(language hash: String, version: String, in bundle: URL) throws -> String? {
        let metaURL = bundle.appendingPathComponent("pagefind.\(hash).pf_meta")
        guard let prefixEnd = hash.lastIndex(of: "_"),
            case .array(var meta)? = read(metaURL), meta.count >= 4, meta[0].text == version,
            let filterList = meta[3].array
        else { return nil }
        let prefix = String(hash[...prefixEnd])
        // Read everything first: a new name may be an old one of another file.
        var filters: [(name: String, oldHash: String, payload: [UInt8])] = []
        for item in filterList {
            guard let pair = item.array, pair.count == 2, let name = pair[0].text, let oldHash = pair[1].text,
                case .array(let content)? = read(filterURL(oldHash, in: bundle)), content.count == 2,
                content[0].text == name, let values = content[1].array
            else { return nil }
            var sorted: [(key: [UInt8], value: CBORValue)] = []
            for value in values {
                guard let fields = value.array, let text = fields.first?.text else { return nil }
                sorted.append((Array(text.utf8), value))
            }
            sorted.sort { $0.key.lexicographicallyPrecedes($1.key) }
            let payload = CBORValue.array([content[0], .array(sorted.map(\.value))]).encoded()
            filters.append((name, oldHash, payload))
        }
        filters.sort { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }

        var taken: Set<String> = []
        var named: [(name: String, hash: String, payload: [UInt8])] = []
        for filter in filters {
            let newHash = contentName(prefix: prefix, of: filter.payload, length: 7, avoiding: taken)
            taken.insert(newHash)
            named.append((filter.name, newHash, filter.payload))
        }
        meta[3] = .array(named.map { .array([.text($0.name), .text($0.hash)]) })
        let metaPayload = CBORValue.array(meta).encoded()
        let newHash = contentName(prefix: prefix, of: metaPayload, length: 10, avoiding: [])

        for filter in filters { try FileManager.default.removeItem(at: filterURL(filter.oldHash, in: bundle)) }
        for filter in named { try write(filter.payload, to: filterURL(filter.hash, in: bundle)) }
        if newHash != hash {
            try write(metaPayload, to: bundle.appendingPathComponent("pagefind.\(newHash).pf_meta"))
            try FileManager.default.removeItem(at: metaURL)
        } else {
            try write(metaPayload, to: metaURL)
        }
        return newHash
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
        try Data(packed).write(to: url)
    }

    /// `ru_` and the first `length` hex digits of the content's hash, longer if already taken.
    static func contentName(prefix: String, of payload: [UInt8], length: Int, avoiding taken: Set<String>) -> String {
        let hex = ContentHash.hex(payload)
        var count = length
        while taken.contains(prefix + hex.prefix(count)) && count < hex.count { count += 1 }
        return prefix + hex.prefix(count)
    }
}

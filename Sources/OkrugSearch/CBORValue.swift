/// A CBOR data item (RFC 8949), as far as Pagefind's index files use them: integers, byte and
/// text strings, arrays and maps. Read from definite or indefinite lengths; written in the
/// shortest form with definite lengths, which is how Pagefind (minicbor) writes them, so a file
/// read and written again is the same bytes (`SearchIndexOrderTests`).
enum CBORValue: Equatable, Sendable {
    case unsigned(UInt64)
    /// −1 − n.
    case negative(UInt64)
    case bytes([UInt8])
    case text(String)
    case array([CBORValue])
    /// Keys and values in turn, in the file's order.
    case map([CBORValue])

    var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    var array: [CBORValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// The one item that is all of `bytes`; `nil` for anything else (other major types,
    /// truncated or trailing bytes, invalid UTF-8, nesting deeper than `depth`).
    static func decode(_ bytes: [UInt8], depth: Int = 64) -> CBORValue? {
        var reader = Reader(bytes: bytes)
        guard let value = reader.item(depth: depth), reader.offset == bytes.count else { return nil }
        return value
    }

    func encoded() -> [UInt8] {
        var out: [UInt8] = []
        encode(into: &out)
        return out
    }

    func encode(into out: inout [UInt8]) {
        switch self {
        case .unsigned(let n): Self.head(0, n, into: &out)
        case .negative(let n): Self.head(1, n, into: &out)
        case .bytes(let bytes):
            Self.head(2, UInt64(bytes.count), into: &out)
            out += bytes
        case .text(let text):
            Self.head(3, UInt64(text.utf8.count), into: &out)
            out += text.utf8
        case .array(let items):
            Self.head(4, UInt64(items.count), into: &out)
            for item in items { item.encode(into: &out) }
        case .map(let items):
            Self.head(5, UInt64(items.count / 2), into: &out)
            for item in items { item.encode(into: &out) }
        }
    }

    private static func head(_ major: UInt8, _ n: UInt64, into out: inout [UInt8]) {
        let type = major << 5
        switch n {
        case 0..<24: out.append(type | UInt8(n))
        case 24...0xFF: out += [type | 24, UInt8(n)]
        case 0x100...0xFFFF: out += [type | 25, UInt8(n >> 8), UInt8(n & 0xFF)]
        case 0x1_0000...0xFFFF_FFFF: out += [type | 26] + (0..<4).reversed().map { UInt8((n >> ($0 * 8)) & 0xFF) }
        default: out += [type | 27] + (0..<8).reversed().map { UInt8((n >> ($0 * 8)) & 0xFF) }
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        /// The head's major type and argument; `argument` is nil for an indefinite length.
        mutating func head() -> (major: UInt8, argument: UInt64?)? {
            guard offset < bytes.count else { return nil }
            let first = bytes[offset]
            offset += 1
            let major = first >> 5
            let info = first & 0x1F
            switch info {
            case 0..<24: return (major, UInt64(info))
            case 24...27:
                let width = 1 << Int(info - 24)
                guard bytes.count - offset >= width else { return nil }
                var n: UInt64 = 0
                for byte in bytes[offset..<offset + width] { n = n << 8 | UInt64(byte) }
                offset += width
                return (major, n)
            case 31 where (2...5).contains(major): return (major, nil)
            default: return nil
            }
        }

        mutating func item(depth: Int) -> CBORValue? {
            guard depth > 0, let (major, argument) = head() else { return nil }
            switch major {
            case 0: return argument.map { .unsigned($0) }
            case 1: return argument.map { .negative($0) }
            case 2, 3:
                var content: [UInt8] = []
                if let length = argument {
                    guard let piece = take(length) else { return nil }
                    content = piece
                } else {
                    // Indefinite: definite chunks of the same type until the break byte.
                    while true {
                        guard let ended = takeBreak() else { return nil }
                        if ended { break }
                        guard let (chunkMajor, length) = head(), chunkMajor == major, let length,
                            let piece = take(length)
                        else { return nil }
                        content += piece
                    }
                }
                if major == 2 { return .bytes(content) }
                guard let text = String(validating: content, as: UTF8.self) else { return nil }
                return .text(text)
            case 4, 5:
                var items: [CBORValue] = []
                if let count = argument {
                    let total: (partialValue: UInt64, overflow: Bool) =
                        major == 5 ? count.multipliedReportingOverflow(by: 2) : (count, false)
                    // Each item takes at least a byte: a count beyond what is left is a lie.
                    guard !total.overflow, total.partialValue <= UInt64(bytes.count - offset) else { return nil }
                    items.reserveCapacity(Int(total.partialValue))
                    for _ in 0..<total.partialValue {
                        guard let item = item(depth: depth - 1) else { return nil }
                        items.append(item)
                    }
                } else {
                    while true {
                        guard let ended = takeBreak() else { return nil }
                        if ended { break }
                        guard let item = item(depth: depth - 1) else { return nil }
                        items.append(item)
                    }
                    if major == 5 && items.count % 2 != 0 { return nil }
                }
                return major == 4 ? .array(items) : .map(items)
            default:
                // Tags, floats and simple values: not in Pagefind's files.
                return nil
            }
        }

        /// Inside an indefinite length: true when the break byte (0xFF) is next, and takes it;
        /// `nil` when the bytes end first.
        mutating func takeBreak() -> Bool? {
            guard offset < bytes.count else { return nil }
            guard bytes[offset] == 0xFF else { return false }
            offset += 1
            return true
        }

        mutating func take(_ length: UInt64) -> [UInt8]? {
            guard length <= UInt64(bytes.count - offset) else { return nil }
            let end = offset + Int(length)
            defer { offset = end }
            return Array(bytes[offset..<end])
        }
    }
}

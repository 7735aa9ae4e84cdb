import Ccmark
import Glibc
import OkrugText

/// Russian typography (`RussianTypography`, OkrugText) over cmark's tree: a block's text
/// nodes are read as one array of code points, changed by the rules, and the nodes that
/// changed are written back. Code, line breaks and pictures are read as letters or spaces and
/// never changed; a quote written `\"` or `&quot;` stays straight.
enum MarkdownTypography {
    /// One piece of a block's text, in reading order.
    enum Piece {
        /// A text node: its text is changed in place, except the scalars at `kept` (a quote
        /// written `\"` or `&quot;` to stay straight).
        case text(OpaquePointer, kept: [Int])
        /// Code, a line break, an image: read as a letter or a space, never changed.
        case opaque(UInt32)
    }

    /// Buffers reused from block to block: a body has thousands of blocks.
    struct Scratch {
        var scalars: [UInt32] = []
        var literals: [(node: OpaquePointer, start: Int, count: Int)] = []
        var changes: [Int] = []
        var bytes: [UInt8] = []
    }

    static let fixed = RussianTypography.fixed
    /// Code in the text: neither a letter nor a space to the rules.
    static let codePlaceholder: UInt32 = 0xFFFC

    /// Applies the rules to one block's pieces and writes back the text nodes that changed.
    static func apply(to pieces: [Piece], scratch: inout Scratch) {
        scratch.scalars.removeAll(keepingCapacity: true)
        scratch.literals.removeAll(keepingCapacity: true)
        scratch.changes.removeAll(keepingCapacity: true)
        for piece in pieces {
            switch piece {
            case .text(let node, let kept):
                guard let literal = cmark_node_get_literal(node) else { continue }
                let start = scratch.scalars.count
                decode(literal, into: &scratch.scalars)
                for offset in kept where start + offset < scratch.scalars.count {
                    scratch.scalars[start + offset] |= fixed
                }
                scratch.literals.append((node, start, scratch.scalars.count - start))
            case .opaque(let scalar):
                scratch.scalars.append(scalar | fixed)
            }
        }
        RussianTypography.convert(&scratch.scalars, changes: &scratch.changes)
        guard !scratch.changes.isEmpty else { return }
        scratch.changes.sort()
        var change = 0
        for (node, start, count) in scratch.literals {
            while change < scratch.changes.count, scratch.changes[change] < start { change += 1 }
            guard change < scratch.changes.count, scratch.changes[change] < start + count else { continue }
            // Nearly every block changes (a short word keeps to the next), so nearly all text is
            // written back: into room made once, through a buffer, not appended byte by byte.
            let room = 4 * count + 1
            if scratch.bytes.count < room {
                scratch.bytes.append(contentsOf: repeatElement(0, count: room - scratch.bytes.count))
            }
            scratch.scalars.withUnsafeBufferPointer { scalars in
                scratch.bytes.withUnsafeMutableBufferPointer { buffer in
                    var end = 0
                    for value in scalars[start..<(start + count)] {
                        end = encode(value & ~fixed, into: buffer, at: end)
                    }
                    buffer[end] = 0
                    // cmark copies the text into its own memory.
                    guard let base = buffer.baseAddress else { return }
                    base.withMemoryRebound(to: CChar.self, capacity: end + 1) { _ = cmark_node_set_literal(node, $0) }
                }
            }
        }
    }

    /// A code point as UTF-8 at `index` of `out`, which has the room; where the next one goes.
    @inline(__always) private static func encode(
        _ value: UInt32, into out: UnsafeMutableBufferPointer<UInt8>, at index: Int
    )
        -> Int
    {
        switch value {
        case 0..<0x80:
            out[index] = UInt8(value)
            return index + 1
        case 0x80..<0x800:
            out[index] = UInt8(0xC0 | (value >> 6))
            out[index + 1] = UInt8(0x80 | (value & 0x3F))
            return index + 2
        case 0x800..<0x10000:
            out[index] = UInt8(0xE0 | (value >> 12))
            out[index + 1] = UInt8(0x80 | ((value >> 6) & 0x3F))
            out[index + 2] = UInt8(0x80 | (value & 0x3F))
            return index + 3
        default:
            out[index] = UInt8(0xF0 | (value >> 18))
            out[index + 1] = UInt8(0x80 | ((value >> 12) & 0x3F))
            out[index + 2] = UInt8(0x80 | ((value >> 6) & 0x3F))
            out[index + 3] = UInt8(0x80 | (value & 0x3F))
            return index + 4
        }
    }

    /// UTF-8 (as cmark keeps it: valid) to code points.
    private static func decode(_ literal: UnsafePointer<CChar>, into out: inout [UInt32]) {
        // At most one code point per byte: the room is made once and written through a
        // buffer, not appended to one by one (each append checks the array is not shared).
        let length = strlen(literal)
        guard length > 0 else { return }
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: length))
        let written = out.withUnsafeMutableBufferPointer { buffer -> Int in
            var p = UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self)
            var index = start
            while p.pointee != 0 {
                let byte = UInt32(p.pointee)
                if byte < 0x80 {
                    buffer[index] = byte
                    p += 1
                } else if byte < 0xE0 {
                    buffer[index] = (byte & 0x1F) << 6 | UInt32(p[1] & 0x3F)
                    p += 2
                } else if byte < 0xF0 {
                    buffer[index] = (byte & 0x0F) << 12 | UInt32(p[1] & 0x3F) << 6 | UInt32(p[2] & 0x3F)
                    p += 3
                } else {
                    buffer[index] =
                        (byte & 0x07) << 18 | UInt32(p[1] & 0x3F) << 12 | UInt32(p[2] & 0x3F) << 6 | UInt32(p[3] & 0x3F)
                    p += 4
                }
                index += 1
            }
            return index - start
        }
        out.removeLast(length - written)
    }

}

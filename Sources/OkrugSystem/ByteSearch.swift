import Glibc

/// Whether a text holds another, byte for byte. Foundation's `String.contains` compares
/// Unicode clusters with locale rules: on Cyrillic it took half the time of a 10 000-material
/// build for a check that only needs exact bytes. (glibc's `memmem` needs `_GNU_SOURCE`, which
/// the Glibc module does not set: `memchr` finds each candidate, `memcmp` checks it.)
package enum ByteSearch {
    package static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text
        var needle = needle
        return text.withUTF8 { haystack in needle.withUTF8 { find($0, in: haystack, from: 0) != nil } }
    }

    /// Where `needle` first starts in `bytes` at `start` or after.
    package static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int = 0) -> Int? {
        bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { find($0, in: haystack, from: max(0, start)) }
        }
    }

    private static func find(
        _ wanted: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from first: Int
    ) -> Int? {
        guard !wanted.isEmpty else { return min(first, haystack.count) }
        guard let base = haystack.baseAddress, let pattern = wanted.baseAddress, haystack.count >= wanted.count
        else { return nil }
        // memchr looks for a byte that is rare in Russian text: not the lead byte of
        // every Cyrillic letter (0xD0, 0xD1) and not a space, or it would stop at every other byte.
        let anchor = wanted.firstIndex { $0 != 0xD0 && $0 != 0xD1 && $0 != 0x20 } ?? 0
        let byte = Int32(wanted[anchor])
        var start = first
        let last = haystack.count - wanted.count
        while start <= last {
            guard let hit = memchr(base + start + anchor, byte, last - start + 1) else { return nil }
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - anchor
            if memcmp(base + at, pattern, wanted.count) == 0 { return at }
            start = at + 1
        }
        return nil
    }
}

/// Bytes read eight at a time: for a pass over every byte of every file that looks for bytes
/// almost no text has.
package enum ByteWords {
    /// Whether `confirm` says yes for a word of `bytes` that holds a byte below `below` or equal
    /// to one of `equalTo` (its offsets, with `lookahead` bytes after it, within `bytes`), or
    /// for the last bytes, fewer than eight. A word with none of these is passed over whole.
    package static func anyHolds(
        _ bytes: ArraySlice<UInt8>, below: UInt8, equalTo: [UInt8], lookahead: Int, confirm: (Range<Int>) -> Bool
    ) -> Bool {
        // The ranges given to `confirm` are the slice's own indices.
        let offset = bytes.startIndex
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            let patterns = equalTo.map { ones &* UInt64($0) }
            let limit = ones &* UInt64(below)
            let count = buffer.count
            var index = 0
            while index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                // A byte below `below` (at most 0x80): its high bit is set by the subtraction and
                // clear in the word. A byte equal to a pattern: a zero byte after the xor. Both exact.
                var suspect = (word &- limit) & ~word & highs != 0
                for pattern in patterns where !suspect {
                    let xored = word ^ pattern
                    suspect = (xored &- ones) & ~xored & highs != 0
                }
                if suspect, confirm((offset + index)..<(offset + min(index + 8 + lookahead, count))) { return true }
                index += 8
            }
            return index < count && confirm((offset + index)..<(offset + count))
        }
    }
}

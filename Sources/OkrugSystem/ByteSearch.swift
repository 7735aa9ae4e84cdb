import Glibc

/// Whether a text holds another, byte for byte. Foundation's `String.contains` compares
/// Unicode clusters with locale rules: on Cyrillic it took half the time of a 10 000-material
/// build for a check that only needs exact bytes. (glibc's `memmem` needs `_GNU_SOURCE`, which
/// the Glibc module does not set: `memchr` finds each candidate, `memcmp` checks it.)
package enum ByteSearch {
    package static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text
        var needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { wanted in
                guard !wanted.isEmpty else { return true }
                guard let base = haystack.baseAddress, let pattern = wanted.baseAddress, haystack.count >= wanted.count
                else { return false }
                // memchr looks for a byte that is rare in Russian text: not the lead byte of
                // every Cyrillic letter (0xD0, 0xD1) and not a space, or it would stop at every other byte.
                let anchor = wanted.firstIndex { $0 != 0xD0 && $0 != 0xD1 && $0 != 0x20 } ?? 0
                let byte = Int32(wanted[anchor])
                var start = 0
                let last = haystack.count - wanted.count
                while start <= last {
                    guard let hit = memchr(base + start + anchor, byte, last - start + 1) else { return false }
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - anchor
                    if memcmp(base + at, pattern, wanted.count) == 0 { return true }
                    start = at + 1
                }
                return false
            }
        }
    }
}

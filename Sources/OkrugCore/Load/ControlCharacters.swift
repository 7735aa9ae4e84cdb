import OkrugSystem

/// Characters a text file of okrug may not hold: the C0 controls but tab, line feed and
/// carriage return; DEL; the C1 controls (U+0080–U+009F, among them U+0085 NEL); and the line
/// and paragraph separators U+2028/U+2029. They are invisible in an editor, cut C strings
/// (NUL), and break HTML, JSON and the search index. One rule for every file, applied before
/// any YAML or Markdown reader sees the text, so every reader gets the same answer.
enum ControlCharacters {
    struct Found: Equatable {
        var line: Int
        /// In Unicode scalars, 1-based.
        var column: Int
        /// `U+0000 (NUL)`.
        var name: String
        /// How many more there are in the text.
        var more: Int
    }

    /// The first forbidden character of valid UTF-8 `bytes`, and how many more follow.
    static func find(in bytes: ArraySlice<UInt8>) -> Found? {
        // Almost every file has none: one quick pass over the bytes says so, without counting
        // lines and columns (which only a file that has one needs).
        if !mayHold(wordAtATime: bytes) { return nil }
        return locate(in: bytes)
    }

    /// `mayHold`, eight bytes at a time (`ByteWords`): a word with no byte below a space, no
    /// DEL and no C2 or E2 is passed over whole; any other (a line feed makes one) is read byte
    /// by byte, with the two bytes after it that a C2 or E2 may need: it runs over every byte of
    /// every file.
    static func mayHold(wordAtATime bytes: ArraySlice<UInt8>) -> Bool {
        ByteWords.anyHolds(bytes, below: 0x20, equalTo: [0x7F, 0xC2, 0xE2], lookahead: 2) { mayHold(bytes[$0]) }
    }

    /// Whether `bytes` may hold a forbidden character: a C0 control but tab, line feed and
    /// carriage return, DEL, a C2 80–9F pair (U+0080–U+009F) or E2 80 A8/A9 (U+2028/U+2029).
    /// «», a no-break space (C2 …) and the dash (E2 80 94) are common in Russian text, so the
    /// bytes after a C2 or E2 are looked at too. False means none is there.
    static func mayHold<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> Bool where Bytes.Index == Int {
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index < end {
            let byte = bytes[index]
            if byte < 0x20 {
                if byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
            } else if byte == 0x7F {
                return true
            } else if byte == 0xC2 {
                if index + 1 < end, (0x80...0x9F).contains(bytes[index + 1]) { return true }
            } else if byte == 0xE2 {
                if index + 2 < end, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                    return true
                }
            }
            index += 1
        }
        return false
    }

    /// The full search: lines and columns counted for every byte.
    static func locate(in bytes: some Collection<UInt8>) -> Found? {
        var found: Found?
        var line = 1
        var column = 1
        var beforeLast: UInt8 = 0
        var last: UInt8 = 0
        for byte in bytes {
            var scalar: UInt32?
            switch byte {
            case 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x7F: scalar = UInt32(byte)
            case 0x80...0x9F where last == 0xC2: scalar = UInt32(byte)
            case 0xA8, 0xA9: if beforeLast == 0xE2, last == 0x80 { scalar = 0x2000 + UInt32(byte) - 0x80 }
            default: break
            }
            if let scalar {
                if found == nil {
                    // A two- or three-byte character was counted at its first byte already.
                    let at = scalar < 0x80 ? column : column - 1
                    found = Found(line: line, column: at, name: name(scalar), more: 0)
                } else {
                    found?.more += 1
                }
            }
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            beforeLast = last
            last = byte
        }
        return found
    }

    /// In a file name even tab and line breaks are out: a name is one line of a message.
    static func isForbiddenInName(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// `di\u{0A}stantsionnoe.md`: a name with its invisible characters written out.
    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if isForbiddenInName(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func name(_ scalar: UInt32) -> String {
        let hex = String(scalar, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let known: [UInt32: String] = [
            0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x0B: "VT", 0x0C: "FF", 0x1B: "ESC", 0x7F: "DEL", 0x85: "NEL",
            0x2028: "LINE SEPARATOR", 0x2029: "PARAGRAPH SEPARATOR",
        ]
        return known[scalar].map { "\(code) (\($0))" } ?? code
    }
}

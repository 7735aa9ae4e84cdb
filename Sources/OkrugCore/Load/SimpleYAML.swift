/// Reads the front matter that `okrug new` writes and most people keep — `key: value` lines with
/// plain or quoted values, flow lists `[a, "b"]` and block lists of `- item` — straight into
/// `YAMLNode`s, with the positions libyaml would give. Anything beyond that (comments, nested
/// fields, escapes, values over several lines, anchors, repeated keys) gives `nil`, and the
/// text goes to Yams, which also words the errors. Yams' general parser (and the regular
/// expressions of its tag resolution) is a large part of a big bank's build.
enum SimpleYAML {
    static func parse(_ text: String) -> YAMLNode? {
        var pairs: [YAMLNode.Pair] = []
        var keys: Set<String> = []
        /// A key written without a value: its block list follows, or it is null.
        var open: (key: YAMLNode, items: [YAMLNode], mark: YAMLNode.Mark?)?

        func closeOpen() {
            guard let pending = open else { return }
            if pending.items.isEmpty {
                pairs.append(.init(key: pending.key, value: .scalar(.init(string: "", style: .plain, mark: nil))))
            } else {
                pairs.append(.init(key: pending.key, value: .sequence(.init(items: pending.items, mark: pending.mark))))
            }
            open = nil
        }

        var lineNumber = 0
        for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let bytes = Array(line)
            if bytes.allSatisfy({ $0 == 0x20 }) { continue }
            if bytes.contains(0x09) || bytes.contains(0x0D) { return nil }
            var indent = 0
            while bytes[indent] == 0x20 { indent += 1 }
            if bytes[indent] == UInt8(ascii: "-") {
                // `- item` of the open key's block list.
                guard open != nil, indent + 1 < bytes.count, bytes[indent + 1] == 0x20 else { return nil }
                // Every item at the indentation of the first.
                if let mark = open?.mark, mark.column != indent + 1 { return nil }
                var start = indent + 2
                while start < bytes.count, bytes[start] == 0x20 { start += 1 }
                guard start < bytes.count, let item = scalar(bytes, from: start, line: lineNumber) else { return nil }
                if open?.mark == nil { open?.mark = YAMLNode.Mark(line: lineNumber, column: indent + 1) }
                open?.items.append(item)
                continue
            }
            guard indent == 0 else { return nil }
            closeOpen()
            // `key:` then the end of the line or a space and the value.
            var end = 0
            while end < bytes.count, isKeyByte(bytes[end]) { end += 1 }
            guard end > 0, end < bytes.count, bytes[end] == UInt8(ascii: ":"), !isDigitOrDash(bytes[0]) else {
                return nil
            }
            let name = String(decoding: bytes[0..<end], as: UTF8.self)
            guard keys.insert(name).inserted else { return nil }
            let key = YAMLNode.scalar(.init(string: name, style: .plain, mark: .init(line: lineNumber, column: 1)))
            var start = end + 1
            guard start == bytes.count || bytes[start] == 0x20 else { return nil }
            while start < bytes.count, bytes[start] == 0x20 { start += 1 }
            if start == bytes.count {
                open = (key, [], nil)
                continue
            }
            guard let value = value(bytes, from: start, line: lineNumber) else { return nil }
            pairs.append(.init(key: key, value: value))
        }
        closeOpen()
        guard let first = pairs.first else { return nil }
        return .mapping(.init(pairs: pairs, mark: first.key.mark))
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default: return false
        }
    }

    private static func isDigitOrDash(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
    }

    /// libyaml's column: Unicode scalars before `offset`, plus one.
    private static func column(_ bytes: [UInt8], _ offset: Int) -> Int {
        var count = 1
        for byte in bytes[0..<offset] where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// A whole value: a flow list or one scalar, with nothing after it but spaces.
    private static func value(_ bytes: [UInt8], from start: Int, line: Int) -> YAMLNode? {
        guard bytes[start] == UInt8(ascii: "[") else { return scalar(bytes, from: start, line: line) }
        var items: [YAMLNode] = []
        var index = start + 1
        func skipSpaces() { while index < bytes.count, bytes[index] == 0x20 { index += 1 } }
        // Columns counted on from the previous item: a list of 20 000 items is one pass.
        var counted = (offset: 0, column: 1)
        func columnAt(_ offset: Int) -> Int {
            for byte in bytes[counted.offset..<offset] where byte & 0xC0 != 0x80 { counted.column += 1 }
            counted.offset = offset
            return counted.column
        }
        skipSpaces()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
        } else {
            while true {
                skipSpaces()
                guard index < bytes.count,
                    let (item, next) = flowItem(bytes, from: index, line: line, column: columnAt(index))
                else {
                    return nil
                }
                items.append(item)
                index = next
                skipSpaces()
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard bytes[index] == UInt8(ascii: "]") else { return nil }
                index += 1
                break
            }
        }
        guard bytes[index...].allSatisfy({ $0 == 0x20 }) else { return nil }
        return .sequence(.init(items: items, mark: .init(line: line, column: column(bytes, start))))
    }

    /// One item of a flow list: where it ends (at the `,` or `]` after it, spaces skipped).
    private static func flowItem(_ bytes: [UInt8], from start: Int, line: Int, column: Int) -> (YAMLNode, Int)? {
        let mark = YAMLNode.Mark(line: line, column: column)
        let first = bytes[start]
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            guard let close = bytes[(start + 1)...].firstIndex(of: first),
                !bytes[(start + 1)..<close].contains(UInt8(ascii: "\\")),
                close + 1 >= bytes.count || bytes[close + 1] != first
            else { return nil }
            let text = String(decoding: bytes[(start + 1)..<close], as: UTF8.self)
            return (.scalar(.init(string: text, style: .quoted, mark: mark)), close + 1)
        }
        guard !isIndicator(first) else { return nil }
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: ","), bytes[end] != UInt8(ascii: "]") {
            switch bytes[end] {
            case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: ":"),
                UInt8(ascii: "\""), UInt8(ascii: "'"):
                return nil
            default: end += 1
            }
        }
        var last = end
        while last > start, bytes[last - 1] == 0x20 { last -= 1 }
        guard last > start else { return nil }
        let text = String(decoding: bytes[start..<last], as: UTF8.self)
        return (.scalar(.init(string: text, style: .plain, mark: mark)), end)
    }

    /// A scalar filling the rest of the line: quoted (without escapes) or plain.
    private static func scalar(_ bytes: [UInt8], from start: Int, line: Int) -> YAMLNode? {
        let mark = YAMLNode.Mark(line: line, column: column(bytes, start))
        let first = bytes[start]
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            guard let close = bytes[(start + 1)...].firstIndex(of: first),
                !bytes[(start + 1)..<close].contains(UInt8(ascii: "\\")),
                bytes[(close + 1)...].allSatisfy({ $0 == 0x20 })
            else { return nil }
            let text = String(decoding: bytes[(start + 1)..<close], as: UTF8.self)
            return .scalar(.init(string: text, style: .quoted, mark: mark))
        }
        guard !isIndicator(first) else { return nil }
        var last = bytes.count
        while last > start, bytes[last - 1] == 0x20 { last -= 1 }
        let body = bytes[start..<last]
        // `a: b` inside a value, a comment, or a value ending in `:` are YAML's to judge.
        for index in body.indices {
            let byte = body[index]
            if byte == UInt8(ascii: ":"), index + 1 == last || body[index + 1] == 0x20 { return nil }
            if byte == UInt8(ascii: "#"), body[index - 1] == 0x20 { return nil }
        }
        let text = String(decoding: body, as: UTF8.self)
        return .scalar(.init(string: text, style: .plain, mark: mark))
    }

    /// Characters that start something other than a plain scalar in YAML.
    private static func isIndicator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
            UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
            UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
            return true
        default: return false
        }
    }
}

import OkrugCore

/// LibreOffice writes the time of the conversion and an id made from it into every PDF, so
/// two builds of the same file gave different bytes. Those fields are rewritten in place, with
/// values of the same length (the PDF's table of byte offsets stays true): the date becomes a
/// fixed one and the ids come from the file's content key.
enum ReproduciblePDF {
    static func normalize(_ pdf: [UInt8], key: String) -> [UInt8] {
        var bytes = pdf
        var hash = ContentHash()
        hash.add(key)
        let first = hash.hex
        hash.add("2")
        let hex = Array((first + hash.hex).uppercased().utf8)
        let fixedDate = Array("20000101000000".utf8)
        replaceAfter("/CreationDate(D:", in: &bytes, with: fixedDate, where: isDigit)
        replaceAfter("/ModDate(D:", in: &bytes, with: fixedDate, where: isDigit)
        replaceAfter("/ID [ <", in: &bytes, with: hex, where: isHex)
        replaceAfter(">\n<", in: &bytes, with: hex, where: isHex, onlyAfter: "/ID [ <")
        replaceAfter("/DocChecksum /", in: &bytes, with: hex, where: isHex)
        return bytes
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    private static func isHex(_ byte: UInt8) -> Bool {
        isDigit(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }

    /// Every run of bytes matching `accepts` right after `marker` (after the first `onlyAfter`,
    /// when given) is overwritten by `value`, as far as both reach: never a byte more or less.
    private static func replaceAfter(
        _ marker: String, in bytes: inout [UInt8], with value: [UInt8], where accepts: (UInt8) -> Bool,
        onlyAfter anchor: String? = nil
    ) {
        var start = 0
        if let anchor {
            guard let found = bytes.firstRange(of: Array(anchor.utf8)) else { return }
            start = found.upperBound
        }
        let pattern = Array(marker.utf8)
        while start < bytes.count, let found = bytes[start...].firstRange(of: pattern) {
            var index = found.upperBound
            var offset = 0
            while index < bytes.count, offset < value.count, accepts(bytes[index]) {
                bytes[index] = value[offset]
                index += 1
                offset += 1
            }
            start = index
            if anchor != nil { return }
        }
    }
}

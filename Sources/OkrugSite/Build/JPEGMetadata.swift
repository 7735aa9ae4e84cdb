/// A camera's JPEG without its metadata, its pixels untouched: the full-size copy a teacher
/// downloads keeps the photo's quality and costs no decoding. Kept: the JFIF header, the colour
/// profile (APP2 `ICC_PROFILE`), Adobe's colour transform (APP14) and the image itself; dropped:
/// EXIF (GPS, the camera's serial), XMP, IPTC, comments, other application blocks and anything
/// after the image's end (a second picture of MPF, a phone's trailer).
enum JPEGMetadata {
    struct Stripped: Equatable {
        var bytes: [UInt8]
        var width: Int
        var height: Int
        /// EXIF's orientation (1 when none): a photo to be turned cannot lose it without
        /// being decoded, turned and written anew.
        var orientation: Int
    }

    /// `nil` for anything that is not a well-formed baseline or progressive JPEG: such a file
    /// goes through libvips, which decodes and writes it anew.
    static func strip(_ data: [UInt8]) -> Stripped? {
        guard data.count > 4, data[0] == 0xFF, data[1] == 0xD8 else { return nil }
        var kept: [UInt8] = [0xFF, 0xD8]
        var orientation = 1
        var size: (width: Int, height: Int)?
        var index = 2
        var inScan = false
        while index < data.count {
            if inScan {
                // Entropy-coded data: a 0xFF is followed by 0x00 (a stuffed byte) or a restart
                // marker; anything else is the next marker.
                guard let next = scanEnd(data, from: index) else { return nil }
                kept.append(contentsOf: data[index..<next])
                index = next
                inScan = false
                continue
            }
            guard index + 1 < data.count, data[index] == 0xFF else { return nil }
            let marker = data[index + 1]
            if marker == 0xFF {  // fill bytes before a marker
                index += 1
                continue
            }
            if marker == 0xD9 {
                kept += [0xFF, 0xD9]
                guard let size else { return nil }
                return Stripped(bytes: kept, width: size.width, height: size.height, orientation: orientation)
            }
            if marker == 0x01 || (0xD0...0xD7).contains(marker) {
                kept += [0xFF, marker]
                index += 2
                continue
            }
            guard index + 3 < data.count else { return nil }
            let segmentLength = length(data, at: index + 2)
            let end = index + 2 + segmentLength
            guard segmentLength >= 2, end <= data.count else { return nil }
            let payload = data[(index + 4)..<end]
            switch marker {
            case 0xE1:
                if let found = exifOrientation(payload) { orientation = found }
            case 0xE0, 0xEE:
                kept.append(contentsOf: data[index..<end])
            case 0xE2:
                if payload.starts(with: Array("ICC_PROFILE\0".utf8)) { kept.append(contentsOf: data[index..<end]) }
            case 0xC0...0xCF where marker != 0xC4 && marker != 0xC8 && marker != 0xCC:
                guard payload.count >= 5 else { return nil }
                let start = payload.startIndex
                size = (
                    Int(payload[start + 3]) << 8 | Int(payload[start + 4]),
                    Int(payload[start + 1]) << 8 | Int(payload[start + 2])
                )
                kept.append(contentsOf: data[index..<end])
            case 0xE3...0xEF, 0xFE:
                break  // other application blocks (IPTC in APP13) and comments
            case 0xDA:
                kept.append(contentsOf: data[index..<end])
                inScan = true
            default:
                kept.append(contentsOf: data[index..<end])
            }
            index = end
        }
        return nil
    }

    /// Where the entropy-coded data starting at `index` ends: the next marker that is neither
    /// a stuffed byte nor a restart.
    private static func scanEnd(_ data: [UInt8], from index: Int) -> Int? {
        var at = index
        while at + 1 < data.count {
            if data[at] == 0xFF {
                let next = data[at + 1]
                if next == 0x00 || (0xD0...0xD7).contains(next) || next == 0xFF {
                    at += next == 0xFF ? 1 : 2
                    continue
                }
                return at
            }
            at += 1
        }
        return nil
    }

    private static func length(_ data: [UInt8], at index: Int) -> Int {
        Int(data[index]) << 8 | Int(data[index + 1])
    }

    /// EXIF's orientation tag (0x0112) in IFD0, 1…8.
    static func exifOrientation(_ payload: ArraySlice<UInt8>) -> Int? {
        let exif = Array(payload)
        guard exif.count >= 14, exif.starts(with: Array("Exif\0\0".utf8)) else { return nil }
        let tiff = 6
        let little: Bool
        switch (exif[tiff], exif[tiff + 1]) {
        case (0x49, 0x49): little = true
        case (0x4D, 0x4D): little = false
        default: return nil
        }
        func read16(_ at: Int) -> Int? {
            guard at >= 0, at + 1 < exif.count else { return nil }
            return little ? Int(exif[at]) | Int(exif[at + 1]) << 8 : Int(exif[at]) << 8 | Int(exif[at + 1])
        }
        func read32(_ at: Int) -> Int? {
            guard let high = read16(little ? at + 2 : at), let low = read16(little ? at : at + 2) else { return nil }
            return high << 16 | low
        }
        guard let offset = read32(tiff + 4), let count = read16(tiff + offset) else { return nil }
        for entry in 0..<min(count, 512) {
            let at = tiff + offset + 2 + entry * 12
            guard let tag = read16(at) else { return nil }
            if tag == 0x0112, let value = read16(at + 8), (1...8).contains(value) { return value }
        }
        return nil
    }
}

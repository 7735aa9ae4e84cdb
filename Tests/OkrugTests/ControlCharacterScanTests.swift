import Testing

@testable import OkrugCore

/// The quick passes over a file's bytes (`ControlCharacters.mayHold`, byte by byte and eight
/// at a time) against the full search that counts lines and columns: whatever the full search
/// finds, neither quick pass may call the file clean. Over generated texts made of the bytes
/// around the forbidden ones, long enough for a character to straddle two words of eight.
struct ControlCharacterScanTests {
    @Test func theQuickPassNeverMissesWhatTheFullSearchFinds() {
        let pieces: [[UInt8]] = [
            Array("а".utf8), Array("«".utf8), Array("»".utf8), Array("—".utf8), Array("\u{A0}".utf8),
            Array("…".utf8), Array("№".utf8), [0x0A], [0x09], [0x0D], [0x20], [0x41],
            [0x00], [0x1B], [0x7F], [0xC2, 0x85], [0xC2, 0x9F], [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9],
        ]
        var generator = Generator(state: 7)
        var flagged = 0
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            let clean = generator.chance(70)
            for _ in 0..<generator.int(1...40) {
                var piece = generator.pick(pieces)
                // Mostly clean texts, so both answers are exercised.
                while clean, piece.count > 0, ControlCharacters.locate(in: piece) != nil {
                    piece = generator.pick(pieces)
                }
                bytes += piece
            }
            let full = ControlCharacters.locate(in: bytes)
            let quick = ControlCharacters.mayHold(bytes)
            // Also as a slice that does not start at 0, as a file's text after its byte-order mark.
            let blocks = ControlCharacters.mayHold(wordAtATime: bytes[...])
            let afterMark = ControlCharacters.mayHold(wordAtATime: ([0xEF, 0xBB, 0xBF] + bytes).dropFirst(3))
            #expect(blocks == afterMark, "\(bytes)")
            if full != nil {
                flagged += 1
                #expect(quick, "\(bytes)")
                #expect(blocks, "\(bytes)")
            } else {
                #expect(!quick, "clean text flagged: \(bytes)")
                #expect(!blocks, "clean text flagged eight at a time: \(bytes)")
            }
        }
        #expect(flagged > 1000)
    }
}

import Foundation
import Testing

@testable import OkrugSystem

/// Every program okrug runs is stopped by its limits, and the limit is named: a program that
/// runs too long, takes too much memory, writes too big a file or prints without end.
@Suite(.timeLimit(.minutes(1))) struct ExternalToolLimitTests {
    let shell = ExternalTool(executable: "/bin/sh")

    @Test func aProgramThatRunsTooLongIsStoppedWithItsChildren() {
        let limits = ExternalTool.Limits(seconds: 1, memoryBytes: 1 << 30, fileBytes: 1 << 20)
        let start = Date()
        let outcome = shell.run(["-c", "sleep 30 & sleep 30; wait"], limits: limits)
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(!outcome.succeeded)
        #expect(outcome.limitHit == .time(1))
        #expect(outcome.limitHit?.russian == "работала дольше 1 с и была остановлена (предел времени)")
    }

    @Test func aProgramThatWritesTooBigAFileIsStopped() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("okrug-fsize-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let limits = ExternalTool.Limits(seconds: 20, memoryBytes: 1 << 30, fileBytes: 1 << 20)
        let outcome = shell.run(["-c", "head -c 50000000 /dev/zero > big"], in: folder, limits: limits)
        #expect(outcome.limitHit == .fileSize(1 << 20))
        #expect((FileStatus.of(folder.appendingPathComponent("big").path)?.size ?? 0) <= 1 << 20)
    }

    @Test func aProgramThatTakesTooMuchMemoryFailsAndIsNamed() {
        let python = ExternalTool(executable: "/usr/bin/python3")
        let limits = ExternalTool.Limits(seconds: 20, memoryBytes: 256 << 20, fileBytes: 1 << 20)
        let outcome = python.run(["-c", "x = bytearray(1 << 30)"], limits: limits)
        #expect(outcome.limitHit == .memory(256 << 20), "\(outcome.errors)")
    }

    @Test func aProgramThatPrintsWithoutEndIsStopped() {
        let limits = ExternalTool.Limits(seconds: 20, memoryBytes: 1 << 30, fileBytes: 1 << 20, outputBytes: 1 << 20)
        let outcome = shell.run(["-c", "yes okrug"], limits: limits)
        #expect(outcome.limitHit == .output(1 << 20))
        #expect(outcome.output.count == 1 << 20)
    }

    @Test func aProgramWithinItsLimitsSucceeds() {
        let outcome = shell.run(["-c", "echo готово"], limits: .question)
        #expect(outcome.succeeded)
        #expect(outcome.limitHit == nil)
        #expect(String(decoding: outcome.output, as: UTF8.self) == "готово\n")
    }
}

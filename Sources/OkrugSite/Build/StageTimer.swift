import Foundation

/// Wall and CPU time of each pipeline step, printed to stderr when `OKRUG_TIMINGS=1`: what the
/// benchmark reports, and where to look before optimising (CPU well under twice the wall time on
/// two cores means a step runs on one core).
struct StageTimer {
    private var last = Date()
    private var lastCPU = StageTimer.processCPU()
    private(set) var stages: [(String, Double, Double)] = []
    let enabled = ProcessInfo.processInfo.environment["OKRUG_TIMINGS"] == "1"

    mutating func mark(_ stage: String) {
        let now = Date()
        let cpu = Self.processCPU()
        stages.append((stage, now.timeIntervalSince(last), cpu - lastCPU))
        last = now
        lastCPU = cpu
    }

    func print() {
        guard enabled else { return }
        let line = stages.map { "\($0.0) \(Self.ms($0.1)) мс (ЦП \(Self.ms($0.2)) мс)" }.joined(separator: " · ")
        FileHandle.standardError.write(Data("время: \(line)\n".utf8))
    }

    private static func ms(_ seconds: Double) -> Int { Int((seconds * 1000).rounded()) }

    /// User and system time of the whole process so far, in seconds.
    private static func processCPU() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}

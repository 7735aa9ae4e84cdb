import Foundation

/// Wall time of each pipeline step, printed to stderr when `OKRUG_TIMINGS=1`: what the
/// benchmark reports, and where to look before optimising.
struct StageTimer {
    private var last = Date()
    private(set) var stages: [(String, Double)] = []
    let enabled = ProcessInfo.processInfo.environment["OKRUG_TIMINGS"] == "1"

    mutating func mark(_ stage: String) {
        let now = Date()
        stages.append((stage, now.timeIntervalSince(last)))
        last = now
    }

    func print() {
        guard enabled else { return }
        let line = stages.map { "\($0.0) \(Int(($0.1 * 1000).rounded())) мс" }.joined(separator: " · ")
        FileHandle.standardError.write(Data("время: \(line)\n".utf8))
    }
}

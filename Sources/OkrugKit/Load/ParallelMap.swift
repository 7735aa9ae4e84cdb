import Dispatch
import Foundation

/// Maps independent items on all cores and returns the results in the input's order, so a
/// parallel build is byte-for-byte the same as a sequential one.
public enum ParallelMap {
    /// `OKRUG_THREADS=1` runs everything on one thread: how the tests show that parallelism
    /// changes nothing but the time.
    static let sequential = ProcessInfo.processInfo.environment["OKRUG_THREADS"] == "1"

    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        if items.count < 2 || sequential { return items.map(transform) }
        return [R](unsafeUninitializedCapacity: items.count) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            // Each index is written by exactly one iteration, so the writes never overlap.
            nonisolated(unsafe) let target = base
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                (target + index).initialize(to: transform(items[index]))
            }
            initialized = items.count
        }
    }
}

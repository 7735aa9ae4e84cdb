import Dispatch
import Foundation
import Synchronization

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

    /// Runs `body` for every item on all cores; the first error is thrown once all are done
    /// (items after a failure are skipped).
    public static func forEach<T: Sendable>(_ items: [T], _ body: @Sendable (T) throws -> Void) throws {
        if items.count < 2 || sequential {
            for item in items { try body(item) }
            return
        }
        let failure = Mutex<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            if failure.withLock({ $0 != nil }) { return }
            do {
                try body(items[index])
            } catch {
                failure.withLock { if $0 == nil { $0 = error } }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
    }

    /// Like `map`, on `threads` threads whatever the number of cores: for work that waits on
    /// the disk (reading files, listing folders), where more requests in flight finish sooner
    /// when the files are not in the system's cache.
    public static func map<T: Sendable, R: Sendable>(
        _ items: [T], threads: Int, _ transform: @escaping @Sendable (T) -> R
    ) -> [R] {
        if items.count < 2 || sequential { return items.map(transform) }
        return [R](unsafeUninitializedCapacity: items.count) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            // Each index is taken by exactly one thread, so the writes never overlap.
            nonisolated(unsafe) let target = base
            let next = Atomic<Int>(0)
            let group = DispatchGroup()
            for _ in 0..<min(threads, items.count) {
                group.enter()
                Thread {
                    while true {
                        let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                        if index >= items.count { break }
                        (target + index).initialize(to: transform(items[index]))
                    }
                    group.leave()
                }.start()
            }
            group.wait()
            initialized = items.count
        }
    }
}

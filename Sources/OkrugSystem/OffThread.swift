import Foundation

/// Runs blocking work (a program, a wait for file events) on a thread of its own, never on one
/// of the server's.
package func offThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(returning: work()) }
    }
}

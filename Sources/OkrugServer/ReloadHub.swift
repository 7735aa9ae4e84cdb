import Foundation
import Synchronization

/// Hands each rebuild to every open browser page (one server-sent-events stream per page).
final class ReloadHub: Sendable {
    private let subscribers = Mutex<[UUID: AsyncStream<Int>.Continuation]>([:])

    /// A stream of rebuild numbers; it ends when `finish` is called or the page goes away.
    func subscribe() -> (AsyncStream<Int>, AsyncStream<Int>.Continuation) {
        let (stream, continuation) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(4))
        let id = UUID()
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.removeValue(forKey: id) }
        }
        subscribers.withLock { $0[id] = continuation }
        return (stream, continuation)
    }

    func broadcast(_ version: Int) {
        subscribers.withLock { all in
            for continuation in all.values { continuation.yield(version) }
        }
    }

    /// Ends every stream (Ctrl-C): open pages must not hold the server up.
    func finishAll() {
        let all = subscribers.withLock { current -> [AsyncStream<Int>.Continuation] in
            let values = Array(current.values)
            current.removeAll()
            return values
        }
        for continuation in all { continuation.finish() }
    }

    var count: Int { subscribers.withLock { $0.count } }
}

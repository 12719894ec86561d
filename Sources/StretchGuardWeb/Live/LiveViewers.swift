import Synchronization

/// Counts the live stream's viewers against a limit, so that a crowd of open pages cannot take the board's
/// memory and processor from the session (each viewer costs a task, a subscription and an encoded update
/// every 50 ms).
final class LiveViewers: Sendable {
    /// The most viewers served at once.
    let limit: Int
    private let count = Mutex(0)

    init(limit: Int) {
        precondition(limit > 0)
        self.limit = limit
    }

    /// Whether the stream has as many viewers as it serves.
    var isFull: Bool { count.withLock { $0 >= limit } }

    /// The viewers now.
    var current: Int { count.withLock { $0 } }

    /// Takes a place; false when the stream is full.
    func enter() -> Bool {
        count.withLock { n in
            guard n < limit else { return false }
            n += 1
            return true
        }
    }

    /// Gives a place back.
    func leave() {
        count.withLock { $0 -= 1 }
    }
}

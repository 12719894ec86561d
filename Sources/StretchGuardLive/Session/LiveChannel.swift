import Synchronization

/// Carries a live session's snapshots and events from the sample thread to any number of readers without
/// ever making the sample thread wait for them.
///
/// One writer, many readers. The latest snapshot replaces the previous one (readers that look less often
/// see fewer); events go into a ring of fixed capacity that readers follow with their own cursor
/// (``LiveSubscription``): a reader that falls more than `capacity` events behind is told how many it
/// missed. Nothing is allocated when publishing: the ring is made once. The writer takes the lock only for
/// a copy of a small value; a snapshot whose lock is busy (a reader copying out) is skipped, not waited
/// for, and the next sample publishes again.
public final class LiveChannel: Sendable {
    private struct State {
        var snapshot = LiveSnapshot()
        var ring: [LiveEvent?]
        /// Events written since the start; the ring holds the last `ring.count` of them.
        var written: UInt64 = 0
        var finished = false
    }

    private let state: Mutex<State>
    /// How many events the ring holds.
    public let capacity: Int

    /// - Parameter capacity: the events kept for slow readers (default 1,024: minutes of a session's events).
    public init(capacity: Int = 1024) {
        precondition(capacity > 0)
        self.capacity = capacity
        state = Mutex(State(ring: Array(repeating: nil, count: capacity)))
    }

    /// Publishes the latest snapshot, numbering it. Returns false (and publishes nothing) when a reader
    /// holds the lock at this instant: the caller tries again at its next sample.
    @discardableResult
    func publish(_ snapshot: LiveSnapshot) -> Bool {
        let published: Bool? = state.withLockIfAvailable { state in
            let sequence = state.snapshot.sequence + 1
            state.snapshot = snapshot
            state.snapshot.sequence = sequence
            return true
        }
        return published != nil
    }

    /// Appends an event, overwriting the oldest when the ring is full (the session, and its parts from
    /// their own threads: the recorder's warnings).
    public func post(_ event: LiveEvent) {
        state.withLock { state in
            state.ring[Int(state.written % UInt64(state.ring.count))] = event
            state.written += 1
        }
    }

    /// Marks the session over with its last snapshot (outputs off): readers see `finished` once they have
    /// taken every event.
    func finish(_ last: LiveSnapshot) {
        state.withLock { state in
            let sequence = state.snapshot.sequence + 1
            state.snapshot = last
            state.snapshot.sequence = sequence
            state.finished = true
        }
    }

    /// A reader that starts with the events still in the ring (so one that subscribes just after the start
    /// misses nothing) and the latest snapshot.
    public func subscribe() -> LiveSubscription {
        let oldest = state.withLock { $0.written - min($0.written, UInt64($0.ring.count)) }
        return LiveSubscription(channel: self, cursor: oldest)
    }

    /// The latest snapshot (sequence 0 before the first).
    public var latest: LiveSnapshot {
        state.withLock { $0.snapshot }
    }

    /// What a reader at `cursor` has not seen yet.
    fileprivate func take(from cursor: UInt64) -> (update: LiveUpdate, cursor: UInt64) {
        state.withLock { state in
            let capacity = UInt64(state.ring.count)
            let oldest = state.written - min(state.written, capacity)
            let start = max(cursor, oldest)
            var events: [LiveEvent] = []
            events.reserveCapacity(Int(state.written - start))
            for index in start..<state.written {
                if let event = state.ring[Int(index % capacity)] { events.append(event) }
            }
            let update = LiveUpdate(snapshot: state.snapshot, events: events, missedEvents: Int(start - cursor),
                                    finished: state.finished)
            return (update, state.written)
        }
    }
}

/// One reader's place in a ``LiveChannel``.
public struct LiveSubscription: Sendable {
    private let channel: LiveChannel
    private var cursor: UInt64

    fileprivate init(channel: LiveChannel, cursor: UInt64) {
        self.channel = channel
        self.cursor = cursor
    }

    /// The latest snapshot and the events since the last call (never blocks for long: a copy under the
    /// channel's lock).
    public mutating func poll() -> LiveUpdate {
        let (update, next) = channel.take(from: cursor)
        cursor = next
        return update
    }
}

/// What a reader gets from one poll.
public struct LiveUpdate: Sendable {
    /// The latest snapshot (its `sequence` tells whether it is new).
    public var snapshot: LiveSnapshot
    /// The events since the previous poll, oldest first.
    public var events: [LiveEvent]
    /// Events this reader missed because it fell more than the channel's capacity behind.
    public var missedEvents: Int
    /// Whether the session has ended (no more events will come after these).
    public var finished: Bool
}

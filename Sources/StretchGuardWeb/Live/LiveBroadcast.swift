import StretchGuardLive
import Synchronization

/// Reads the live session's channel once for all viewers, encodes each update once and hands the same text
/// to every viewer of the stream, so that twenty tablets cost the board one encoding every 50 ms, not
/// twenty.
///
/// One task (the pump) polls the channel every `interval` while anyone watches, and stops when the last
/// viewer leaves. Each viewer gets its frames through a queue of at most `backlog` frames: a viewer whose
/// queue is full is too slow and its stream ends (the pump never waits for a viewer). A viewer that joins
/// late first gets a catch-up frame with the latest snapshot and the events held so far (the last
/// `heldEvents`, as many as the channel keeps), so it misses nothing the others saw.
final class LiveBroadcast: Sendable {
    /// One encoded update, as every viewer gets it.
    struct Frame: Sendable {
        /// The update as compact JSON (``LiveStreamUpdate``).
        var text: String
        /// Whether this is the session's last update.
        var finished: Bool
    }

    private struct State {
        var viewers: [UInt64: AsyncStream<Frame>.Continuation] = [:]
        var nextViewer: UInt64 = 0
        /// The events sent so far, in their JSON form, oldest first (at most `heldEvents`).
        var events: [LiveStreamUpdate.Event] = []
        /// The latest snapshot sent, nil before the pump's first poll.
        var snapshot: LiveSnapshot?
        /// The last frame, once the session has ended.
        var last: Frame?
        var pump: Task<Void, Never>?
    }

    let feed: LiveFeed
    /// How often the channel is read, in s.
    let interval: Duration
    /// The frames a viewer may fall behind (2 s of updates by default) before it is dropped as too slow.
    let backlog: Int
    /// The events a late viewer catches up on.
    let heldEvents: Int
    private let state = Mutex(State())
    private let encodings = Atomic<Int>(0)

    init(feed: LiveFeed, interval: Duration = .milliseconds(50), backlog: Int = 40) {
        precondition(backlog > 0)
        self.feed = feed
        self.interval = interval
        self.backlog = backlog
        heldEvents = feed.channel.capacity
    }

    /// The updates encoded so far (one per update, whatever the number of viewers; a late viewer's
    /// catch-up is one more).
    var encoded: Int { encodings.load(ordering: .relaxed) }

    /// Whether the channel is being read (someone watches and the session has not ended).
    var isReading: Bool { state.withLock { $0.pump != nil } }

    /// A viewer's frames: first, when the session has begun, a catch-up frame; then every update until the
    /// session ends (the last frame is `finished`) or the viewer falls `backlog` frames behind (the stream
    /// ends without a finished frame). Call ``leave(_:)`` with the id when done.
    func join() -> (id: UInt64, frames: AsyncStream<Frame>) {
        let (frames, continuation) = AsyncStream.makeStream(of: Frame.self, bufferingPolicy: .bufferingOldest(backlog))
        let id = state.withLock { state -> UInt64 in
            let id = state.nextViewer
            state.nextViewer += 1
            if let last = state.last {
                continuation.yield(state.snapshot == nil ? last : catchUp(state, finished: true))
                continuation.finish()
                return id
            }
            if state.snapshot != nil { continuation.yield(catchUp(state, finished: false)) }
            state.viewers[id] = continuation
            if state.pump == nil { state.pump = Task { [weak self] in await self?.pump() } }
            return id
        }
        return (id, frames)
    }

    /// Ends viewer `id`'s frames; the pump stops with the last viewer.
    func leave(_ id: UInt64) {
        let continuation = state.withLock { state -> AsyncStream<Frame>.Continuation? in
            let continuation = state.viewers.removeValue(forKey: id)
            if state.viewers.isEmpty, state.last == nil, let pump = state.pump {
                // Nobody watches: stop reading. The next viewer starts a new reading from the channel's held events.
                pump.cancel()
                state.pump = nil
                state.events = []
                state.snapshot = nil
            }
            return continuation
        }
        continuation?.finish()
    }

    /// What a viewer joining now needs first: the latest snapshot with every event held.
    private func catchUp(_ state: State, finished: Bool) -> Frame {
        let snapshot = state.snapshot ?? feed.channel.latest
        let update = LiveStreamUpdate(snapshot: snapshot, events: state.events, missedEvents: 0, finished: finished)
        return Frame(text: encode(update), finished: finished)
    }

    /// Reads the channel every `interval` and sends what is new to every viewer, until the session ends or
    /// the last viewer leaves.
    private func pump() async {
        var subscription = feed.channel.subscribe()
        var lastSequence: UInt64 = 0
        while !Task.isCancelled {
            let update = subscription.poll()
            if update.snapshot.sequence != lastSequence || !update.events.isEmpty || update.missedEvents > 0 || update.finished {
                lastSequence = update.snapshot.sequence
                let events = LiveStreamUpdate.events(of: update)
                let frame = Frame(text: encode(LiveStreamUpdate(update)), finished: update.finished)
                send(frame, events: events, snapshot: update.snapshot)
            }
            if update.finished { return }
            try? await Task.sleep(for: interval)
        }
    }

    /// Hands `frame` to every viewer (ending the streams of those too far behind) and keeps its events and
    /// snapshot for viewers to come.
    private func send(_ frame: Frame, events: [LiveStreamUpdate.Event], snapshot: LiveSnapshot) {
        let ended = state.withLock { state -> [AsyncStream<Frame>.Continuation] in
            state.events.append(contentsOf: events)
            if state.events.count > heldEvents { state.events.removeFirst(state.events.count - heldEvents) }
            state.snapshot = snapshot
            var ended: [AsyncStream<Frame>.Continuation] = []
            for (id, continuation) in state.viewers {
                if frame.finished {
                    continuation.yield(frame)
                    ended.append(continuation)
                } else if case .dropped = continuation.yield(frame) {
                    ended.append(continuation)  // too far behind: its stream ends without the last frame
                    state.viewers[id] = nil
                }
            }
            if frame.finished {
                state.last = frame
                state.viewers = [:]
                state.pump = nil
            }
            return ended
        }
        for continuation in ended { continuation.finish() }
    }

    /// `update` as compact JSON, counted.
    private func encode(_ update: LiveStreamUpdate) -> String {
        encodings.add(1, ordering: .relaxed)
        return WebResponse.encode(update, compact: true)
    }
}

import Dispatch
import StretchGuardCore
import Synchronization

/// One buffered sample, with the run of samples dropped just before it because the buffer was full.
struct RecorderSlot {
    /// The sample.
    var sample: RawSample
    /// Samples dropped just before this one.
    var droppedBefore: Int
    /// Time of the first and last of them, in µs.
    var dropStart: Int64
    var dropEnd: Int64

    /// An unused slot.
    static let empty = RecorderSlot(sample: .zero, droppedBefore: 0, dropStart: 0, dropEnd: 0)
}

/// What the recorder's producer, writer thread and owner share: the buffers, the counters, the writer and
/// the signals that start and stop it.
final class RecorderChannel: Sendable {
    /// Samples from the sample thread (single producer) to the writer thread (single consumer).
    let samples: SPSCRing<RecorderSlot>
    /// Form events from the sample thread to the writer thread.
    let events: SPSCRing<FormEvent>
    /// The writer's state; locked by the writer thread while it flushes, then by `finish`.
    let writer: Mutex<RecorderWriter>
    /// Set once to stop the writer thread.
    let stopRequested = Atomic<Bool>(false)
    /// Wakes the writer thread before its next tick.
    let wake = DispatchSemaphore(value: 0)
    /// Signalled once when the writer thread has ended.
    let done = DispatchSemaphore(value: 0)

    private let markers = Mutex<[SessionMarker]>([])
    private let recorded = Atomic<Int>(0)
    private let dropped = Atomic<Int>(0)
    private let droppedEventCount = Atomic<Int>(0)
    // The producer's current run of dropped samples (stored by the producer only).
    private let pendingDrops = Atomic<Int>(0)
    private let pendingDropStart = Atomic<Int64>(0)
    private let pendingDropEnd = Atomic<Int64>(0)
    private let counts = Mutex(RecorderCounters())
    private let flushRequests = Mutex(FlushRequests())

    /// Callers of `flush()` waiting for the writer, and whether it has ended.
    private struct FlushRequests {
        var waiters: [DispatchSemaphore] = []
        var writerEnded = false
    }

    init(writer: RecorderWriter, settings: RecorderSettings) {
        samples = SPSCRing(minimumCapacity: settings.bufferCapacity, filler: .empty)
        events = SPSCRing(minimumCapacity: settings.eventCapacity, filler: FormEvent(kind: .impact, time: 0))
        self.writer = Mutex(writer)
    }

    // MARK: - Producer (the sample thread)

    /// Queues a sample, or counts it as dropped when the buffer is full. Never blocks, never allocates.
    @inline(__always)
    func push(_ sample: RawSample) {
        let drops = pendingDrops.load(ordering: .relaxed)
        let slot = RecorderSlot(sample: sample, droppedBefore: drops,
                                dropStart: drops > 0 ? pendingDropStart.load(ordering: .relaxed) : 0,
                                dropEnd: drops > 0 ? pendingDropEnd.load(ordering: .relaxed) : 0)
        if samples.push(slot) {
            if drops > 0 { pendingDrops.store(0, ordering: .relaxed) }
            recorded.wrappingAdd(1, ordering: .relaxed)
        } else {
            if drops == 0 { pendingDropStart.store(sample.time, ordering: .relaxed) }
            pendingDropEnd.store(sample.time, ordering: .relaxed)
            pendingDrops.store(drops + 1, ordering: .releasing)
            dropped.wrappingAdd(1, ordering: .relaxed)
        }
    }

    /// Queues a form event, or counts it as dropped when the event buffer is full.
    @inline(__always)
    func push(_ event: FormEvent) {
        if !events.push(event) { droppedEventCount.wrappingAdd(1, ordering: .relaxed) }
    }

    /// Queues a marker (any thread; takes a lock).
    func push(_ marker: SessionMarker) {
        markers.withLock { $0.append(marker) }
    }

    // MARK: - Writer

    /// The queued markers, emptying the queue.
    func takeMarkers() -> [SessionMarker] {
        markers.withLock { queue in
            defer { queue.removeAll() }
            return queue
        }
    }

    /// Form events dropped so far because the event buffer was full.
    var droppedEvents: Int { droppedEventCount.load(ordering: .relaxed) }

    /// The samples the producer dropped after its last buffered one, as a gap (nil if none); once the
    /// producer has stopped.
    func takeTrailingDrops() -> SessionGap? {
        let drops = pendingDrops.load(ordering: .acquiring)
        guard drops > 0 else { return nil }
        pendingDrops.store(0, ordering: .relaxed)
        return SessionGap(start: SampleCodec.seconds(pendingDropStart.load(ordering: .relaxed)),
                          end: SampleCodec.seconds(pendingDropEnd.load(ordering: .relaxed)),
                          samples: drops, reason: .bufferFull)
    }

    /// Adds to the writer's counters.
    func addCounts(_ update: (inout RecorderCounters) -> Void) {
        counts.withLock { update(&$0) }
    }

    /// All counters now.
    var counters: RecorderCounters {
        var snapshot = counts.withLock { $0 }
        snapshot.recorded = recorded.load(ordering: .relaxed)
        snapshot.dropped = dropped.load(ordering: .relaxed)
        return snapshot
    }

    // MARK: - Writer thread

    /// The writer thread's loop: flush every `interval` s (or when woken) until stopped.
    func runWriter(interval: Double) {
        let tick = DispatchTimeInterval.microseconds(Int(interval * 1_000_000))
        while true {
            _ = wake.wait(timeout: .now() + tick)
            let stopping = stopRequested.load(ordering: .acquiring)
            let waiters = flushRequests.withLock { requests in
                defer { requests.waiters.removeAll() }
                return requests.waiters
            }
            writer.withLock { $0.flush(from: self, final: false) }
            for waiter in waiters { waiter.signal() }
            if stopping { break }
        }
        let left = flushRequests.withLock { requests in
            requests.writerEnded = true
            defer { requests.waiters.removeAll() }
            return requests.waiters
        }
        for waiter in left { waiter.signal() }
        done.signal()
    }

    /// Blocks until the writer has committed (or failed to commit) everything queued before the call.
    func flush() {
        let waiter = DispatchSemaphore(value: 0)
        let queued = flushRequests.withLock { requests -> Bool in
            guard !requests.writerEnded else { return false }
            requests.waiters.append(waiter)
            return true
        }
        guard queued else { return }
        wake.signal()
        waiter.wait()
    }

    /// Stops the writer thread after a last flush and waits for it (once; later calls return at once).
    func stopWriter() {
        guard !stopRequested.exchange(true, ordering: .acquiringAndReleasing) else { return }
        wake.signal()
        done.wait()
    }
}

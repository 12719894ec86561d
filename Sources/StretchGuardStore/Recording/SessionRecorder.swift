import Foundation
import StretchGuardCore

/// Records a live session into a ``SessionStore`` without ever holding up the sample thread.
///
/// The sample thread hands samples and form events to ``record(_:)-(RawSample)`` and
/// ``record(_:)-(FormEvent)``: each copies into a bounded buffer allocated up front — no lock, no
/// allocation, no I/O, never throws. A writer thread drains the buffers every
/// ``RecorderSettings/flushInterval`` and commits one transaction (a sample block per ≤ 0.4 s, the
/// events, markers and gaps), so a power cut or kill -9 loses at most about 0.5 s.
///
/// Nothing the disk does stops the feedback: a full buffer drops samples and stores the run as a
/// `buffer full` gap; a failed commit (disk full, I/O error) is reported once through `onWarning`, its
/// samples are stored as a `write failed: …` gap once writes succeed again, and recording goes on.
///
/// Live and replay agree bit for bit only if the live pipeline processes the sample as stored: use the
/// sample ``record(_:)-(IMUSample)`` returns (or ``SampleCodec/quantized(_:)``).
///
/// One producer thread may call the `record` methods; markers may come from any thread. Call ``finish(summary:)``
/// after the last `record`. A recorder dropped without `finish` flushes what it has and leaves its session
/// open, to be closed as ``SessionStatus/incomplete`` on the next open — as after a crash.
public final class SessionRecorder: Sendable {
    /// The session's id.
    public let session: Int64
    /// The codec that quantises samples for this session (its scale is stored with the session).
    public let codec: SampleCodec
    /// The store written to.
    public let store: SessionStore
    private let channel: RecorderChannel
    /// Held shared while the session is live (nil where no lock file can be made).
    private let lock: RecordingLock?

    /// Starts a session and its writer thread.
    ///
    /// - Parameters:
    ///   - store: the database.
    ///   - info: the session's metadata (its `scale` sets the codec).
    ///   - settings: buffer sizes and commit interval.
    ///   - onWarning: told (on the writer thread) when writing fails, resumes, or samples are dropped; once
    ///     per episode. Must not call ``flush()`` or ``finish(summary:)``.
    /// - Throws: the ``StoreError`` of inserting the session's row.
    public init(store: SessionStore, info: SessionInfo, settings: RecorderSettings = RecorderSettings(),
                onWarning: @escaping @Sendable (RecorderWarning) -> Void = { _ in }) throws(StoreError) {
        precondition(settings.flushInterval > 0 && settings.bufferCapacity > 0 && settings.eventCapacity > 0
                         && settings.maxSamplesPerBlock > 0 && settings.retainedLimit >= 0,
                     "RecorderSettings: sizes and interval must be positive")
        self.store = store
        codec = SampleCodec(scale: info.scale)
        lock = RecordingLock(databasePath: store.path)
        lock?.lockShared()
        session = try store.beginSession(info)
        let writer = RecorderWriter(store: store, session: session, settings: settings, onWarning: onWarning)
        let channel = RecorderChannel(writer: writer, settings: settings)
        self.channel = channel
        let thread = Thread { channel.runWriter(interval: settings.flushInterval) }
        thread.name = "StretchGuard recorder"
        thread.start()
    }

    deinit {
        channel.stopWriter()
        channel.writer.withLock { $0.flush(from: channel, final: true) }
    }

    /// Sample thread: queues a raw sample. Never blocks, never allocates, never throws; a full buffer
    /// drops it (counted, and stored as a gap).
    @inline(__always)
    public func record(_ sample: RawSample) {
        channel.push(sample)
    }

    /// Sample thread: quantises a sample, queues it, and returns it as the store will give it back —
    /// the sample the live pipeline must process so that a replay agrees bit for bit.
    @inline(__always) @discardableResult
    public func record(_ sample: IMUSample) -> IMUSample {
        let raw = codec.encode(sample)
        channel.push(raw)
        return codec.decode(raw)
    }

    /// Sample thread: queues a form event (a full event buffer drops it, counted).
    @inline(__always)
    public func record(_ event: FormEvent) {
        channel.push(event)
    }

    /// Sample thread: queues the events of one sample.
    @inline(__always)
    public func record(_ events: FormEvents) {
        for event in events { channel.push(event) }
    }

    /// Any thread: queues a marker (the "stop / it hurts" button). Takes a short lock.
    public func mark(_ marker: SessionMarker) {
        channel.push(marker)
    }

    /// Blocks until everything queued before the call is committed (or its commit failed).
    public func flush() {
        channel.flush()
    }

    /// What the recorder has done so far.
    public var counters: RecorderCounters { channel.counters }

    /// Ends the session: stops the writer, commits what is left, stores `summary` and the end time (its last
    /// sample), and marks it ``SessionStatus/complete``. Call after the last `record`.
    ///
    /// - Returns: the final counters (the health line).
    /// - Throws: the ``StoreError`` of the last write when the session could not be closed; it then stays
    ///   open and is closed as ``SessionStatus/incomplete`` on the next open.
    @discardableResult
    public func finish(summary: SessionSummary) throws(StoreError) -> RecorderCounters {
        channel.stopWriter()
        let unwritten = channel.writer.withLock { writer -> StoreError? in
            writer.flush(from: channel, final: true)
            if writer.hasUnwritten { writer.flush(from: channel, final: true) }
            return writer.hasUnwritten ? writer.lastError : nil
        }
        if let unwritten { throw unwritten }
        try store.finishSession(session, summary: summary)
        lock?.unlock()
        return channel.counters
    }
}

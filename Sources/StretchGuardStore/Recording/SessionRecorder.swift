import Foundation
import GRDB
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
    /// Space beside the database for what cannot be stored at the end (nil where it cannot be made).
    private let reserve: RecorderReserve?
    private let onWarning: @Sendable (RecorderWarning) -> Void

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
        codec = SampleCodec(info: info)
        lock = RecordingLock(databasePath: store.path)
        lock?.lockShared()
        session = try store.beginSession(info)
        reserve = RecorderReserve(database: store.path, session: session)
        self.onWarning = onWarning
        let writer = RecorderWriter(store: store, session: session, settings: settings, codec: codec,
                                    twoSensors: info.hasPelvis, onWarning: onWarning)
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

    /// Sample thread: quantises a sample (its pelvis reading too), queues it, and returns it as the store
    /// will give it back — the sample the live pipeline must process so that a replay agrees bit for bit.
    ///
    /// With two sensors, a tick whose `pelvis` is nil is stored as such and the run of them as a gap of
    /// the pelvis stream. A session begun without a pelvis (``SessionInfo/pelvis`` nil) becomes a
    /// two-sensor session at its first pelvis reading, stored with the thorax's count sizes.
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
    /// When the last writes fail (disk full, read-only), nothing is lost that can be kept: the gaps, markers
    /// and events still waiting, the totals and the reason are written into the space reserved beside the
    /// database when the session began (``RecorderWarning/setAside(reason:file:)``), and the next open
    /// stores them and closes the session as ``SessionStatus/incomplete`` with the reason. Either way the
    /// counters come back, so the caller can still print its summary.
    ///
    /// - Returns: the final counters (the health line).
    /// - Throws: only ``StoreError/unknownSession(id:)`` (the session's row was deleted under the recorder).
    @discardableResult
    public func finish(summary: SessionSummary) throws(StoreError) -> RecorderCounters {
        channel.stopWriter()
        let failure = channel.writer.withLock { writer -> (StoreError, SessionBatch)? in
            writer.flush(from: channel, final: true)
            if writer.hasUnwritten { writer.flush(from: channel, final: true) }
            guard writer.hasUnwritten, let error = writer.lastError else { return nil }
            return (error, writer.takeUnwritten())
        }
        if let (error, batch) = failure {
            setAside(batch, summary: summary, error: error)
            return channel.counters
        }
        do {
            try store.finishSession(session, summary: summary)
        } catch .unknownSession(let id) {
            throw .unknownSession(id: id)
        } catch {
            setAside(SessionBatch(), summary: summary, error: error)
            return channel.counters
        }
        reserve?.release()
        lock?.unlock()
        return channel.counters
    }

    /// Keeps what could not be stored in the reserved space, and says so.
    private func setAside(_ batch: SessionBatch, summary: SessionSummary, error: StoreError) {
        let reason = RecorderWriter.shortMessage(error)
        let endTime = (try? store.read { db in
            try Row.fetchOne(db, sql: "SELECT max(end_us) AS last FROM sample_blocks WHERE session_id = ?",
                             arguments: [session]).flatMap { ($0["last"] as DatabaseValue).wholeNumber }
        }).flatMap { $0 }.map(SampleCodec.seconds)
        let lastTime = ([endTime].compactMap { $0 } + batch.gaps.map(\.end) + batch.markers.map(\.time)
                        + batch.events.map(\.time)).max() ?? 0
        let kept = SetAsideSession(session: session, reason: reason, endTime: lastTime, summary: summary, gaps: batch.gaps,
                                   markers: batch.markers, events: batch.events.map(SetAsideSession.Event.init))
        if let reserve, reserve.keep(kept) {
            onWarning(.setAside(reason: reason, file: reserve.path))
        } else {
            onWarning(.notSetAside(reason: reason, events: batch.events.count))
        }
        lock?.unlock()
    }
}

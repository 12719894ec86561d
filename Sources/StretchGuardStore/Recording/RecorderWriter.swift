import StretchGuardCore

/// The recorder's writer side: turns what the buffers hold into batches and commits them, turning failures
/// into warnings and gaps. Used only under ``RecorderChannel/writer``'s lock (by the writer thread, then by
/// `finish`).
struct RecorderWriter: Sendable {
    /// A run of failed writes: its first message and the samples lost so far.
    struct WriteFailure: Sendable {
        var message: String
        var samples = 0
        var start: Int64 = 0
        var end: Int64 = 0
    }

    /// A run of ticks without a pelvis reading in a two-sensor session: its first and last tick, in µs.
    struct PelvisSilence: Sendable {
        var start: Int64
        var end: Int64
        var ticks: Int
    }

    let store: SessionStore
    let session: Int64
    let settings: RecorderSettings
    let onWarning: @Sendable (RecorderWarning) -> Void
    /// The pelvis of a session begun with one sensor, should its readings arrive (the codec's pelvis scale).
    private let undeclaredPelvis: PelvisSensorInfo

    private var encoder: SampleBlockEncoder
    /// The pelvis to declare with the next commit (a session begun with one sensor got pelvis readings).
    private var pelvisToDeclare: PelvisSensorInfo?
    /// The current run of ticks the pelvis missed (two-sensor sessions).
    private var pelvisSilence: PelvisSilence?
    private var gaps: [SessionGap] = []
    private var events: [FormEvent] = []
    private var markers: [SessionMarker] = []
    private var failure: WriteFailure?
    private var droppedEventsSeen = 0
    /// The message of the last failed write (nil once writes succeed).
    private(set) var lastError: StoreError?

    /// A writer for one session.
    ///
    /// - Parameters:
    ///   - codec: the session's codec: its pelvis scale is the one stored should pelvis readings arrive in a
    ///     session begun with one sensor.
    ///   - twoSensors: the session was begun with a pelvis sensor.
    init(store: SessionStore, session: Int64, settings: RecorderSettings, codec: SampleCodec, twoSensors: Bool,
         onWarning: @escaping @Sendable (RecorderWarning) -> Void) {
        self.store = store
        self.session = session
        self.settings = settings
        self.onWarning = onWarning
        undeclaredPelvis = .undeclared(scale: codec.pelvisScale)
        encoder = SampleBlockEncoder(capacity: settings.maxSamplesPerBlock, twoSensors: twoSensors)
    }

    /// Whether something is still waiting for a good write (after a failed one).
    var hasUnwritten: Bool {
        failure != nil || !gaps.isEmpty || !events.isEmpty || !markers.isEmpty || pelvisToDeclare != nil
    }

    /// Takes everything the buffers hold and commits it as one transaction.
    ///
    /// - Parameters:
    ///   - channel: the buffers.
    ///   - final: the producer has stopped: samples it dropped at the very end become a gap too.
    mutating func flush(from channel: RecorderChannel, final: Bool) {
        var warnings: [RecorderWarning] = []
        var blocks: [SampleBlock] = []
        channel.samples.drain { slot in
            if slot.droppedBefore > 0 {
                let gap = SessionGap(start: SampleCodec.seconds(slot.dropStart), end: SampleCodec.seconds(slot.dropEnd),
                                     samples: slot.droppedBefore, reason: .bufferFull)
                gaps.append(gap)
                warnings.append(.samplesDropped(gap: gap))
            }
            if slot.sample.pelvis != nil, !encoder.twoSensors {
                // Pelvis readings in a session begun with one sensor: from here on it records two.
                closeBlock(into: &blocks)
                encoder.reset(twoSensors: true)
                pelvisToDeclare = undeclaredPelvis
            }
            if encoder.twoSensors { notePelvis(of: slot.sample) }
            if encoder.count >= settings.maxSamplesPerBlock { closeBlock(into: &blocks) }
            if !encoder.append(slot.sample) {
                closeBlock(into: &blocks)
                _ = encoder.append(slot.sample)
            }
        }
        closeBlock(into: &blocks)
        if final, let gap = channel.takeTrailingDrops() {
            gaps.append(gap)
            warnings.append(.samplesDropped(gap: gap))
        }
        if final { endPelvisSilence() }
        channel.events.drain { events.append($0) }
        markers.append(contentsOf: channel.takeMarkers())
        let droppedEvents = channel.droppedEvents
        if droppedEvents > droppedEventsSeen {
            warnings.append(.eventsDropped(count: droppedEvents - droppedEventsSeen))
            countsToAdd.droppedEvents += droppedEvents - droppedEventsSeen
            droppedEventsSeen = droppedEvents
        }
        commit(blocks, warnings: &warnings)
        publishCounts(to: channel)
        for warning in warnings { onWarning(warning) }
    }

    /// Commits the blocks with the waiting events, markers and gaps; on failure keeps all but the samples.
    private mutating func commit(_ blocks: [SampleBlock], warnings: inout [RecorderWarning]) {
        let failureGap = failure.flatMap(Self.gap)
        let batch = SessionBatch(blocks: blocks, events: events, markers: markers,
                                 gaps: gaps + (failureGap.map { [$0] } ?? []), pelvis: pelvisToDeclare)
        guard !batch.isEmpty else { return }
        do {
            try store.append(batch, to: session)
            countCommitted(batch)
            pelvisToDeclare = nil
            events.removeAll(keepingCapacity: true)
            markers.removeAll(keepingCapacity: true)
            gaps.removeAll(keepingCapacity: true)
            if failure != nil { warnings.append(.writesResumed(gap: failureGap)) }
            failure = nil
            lastError = nil
        } catch {
            lastError = error
            let samples = batch.sampleCount
            if failure == nil {
                let message = Self.shortMessage(error)
                failure = WriteFailure(message: message)
                warnings.append(.writeFailed(message: message))
            }
            if samples > 0, let first = blocks.first, let last = blocks.last {
                if failure!.samples == 0 { failure!.start = first.start }
                failure!.end = last.end
                failure!.samples += samples
            }
            trimRetained()
            countsToAdd.writeErrors += 1
            countsToAdd.lostToWriteErrors += samples
        }
    }

    /// Counters to add to the channel's (collected here, published by ``publishCounts(to:)``).
    private var countsToAdd = RecorderCounters()

    /// Adds a committed batch to the counters.
    private mutating func countCommitted(_ batch: SessionBatch) {
        countsToAdd.written += batch.sampleCount
        countsToAdd.blocks += batch.blocks.count
        countsToAdd.events += batch.events.count
        countsToAdd.markers += batch.markers.count
    }

    /// Moves the counts gathered since the last call into the channel's counters.
    private mutating func publishCounts(to channel: RecorderChannel) {
        let counts = countsToAdd
        countsToAdd = RecorderCounters()
        channel.addCounts { total in
            total.written += counts.written
            total.blocks += counts.blocks
            total.events += counts.events
            total.markers += counts.markers
            total.writeErrors += counts.writeErrors
            total.lostToWriteErrors += counts.lostToWriteErrors
            total.droppedEvents += counts.droppedEvents
        }
    }

    /// Follows the pelvis's readings tick by tick: a run of ticks without one becomes a gap of the pelvis
    /// stream (reason: no reading) when the pelvis answers again or the session ends.
    private mutating func notePelvis(of sample: RawSample) {
        if sample.pelvis != nil {
            endPelvisSilence()
        } else if pelvisSilence != nil {
            pelvisSilence!.end = sample.time
            pelvisSilence!.ticks += 1
        } else {
            pelvisSilence = PelvisSilence(start: sample.time, end: sample.time, ticks: 1)
        }
    }

    /// Stores the current run of ticks without a pelvis reading (if any) as a gap of the pelvis stream.
    private mutating func endPelvisSilence() {
        guard let silence = pelvisSilence else { return }
        pelvisSilence = nil
        gaps.append(SessionGap(start: SampleCodec.seconds(silence.start), end: SampleCodec.seconds(silence.end),
                               samples: silence.ticks, reason: .noReading, stream: .pelvis))
    }

    /// Packs the encoder's samples as a block (if any) and empties it.
    private mutating func closeBlock(into blocks: inout [SampleBlock]) {
        if let block = encoder.block() { blocks.append(block) }
        encoder.reset()
    }

    /// Drops the oldest waiting events and markers beyond ``RecorderSettings/retainedLimit``.
    private mutating func trimRetained() {
        let excessEvents = events.count - settings.retainedLimit
        if excessEvents > 0 {
            events.removeFirst(excessEvents)
            countsToAdd.droppedEvents += excessEvents
        }
        let excessMarkers = markers.count - settings.retainedLimit
        if excessMarkers > 0 { markers.removeFirst(excessMarkers) }
    }

    /// The gap a run of failed writes left (nil if it lost no samples).
    private static func gap(_ failure: WriteFailure) -> SessionGap? {
        guard failure.samples > 0 else { return nil }
        return SessionGap(start: SampleCodec.seconds(failure.start), end: SampleCodec.seconds(failure.end),
                          samples: failure.samples, reason: .writeFailed(failure.message))
    }

    /// Everything still waiting for a good write (the gaps, including the samples lost to failed writes,
    /// the markers and the events), emptying the writer; for setting it aside when the session ends.
    mutating func takeUnwritten() -> SessionBatch {
        let failureGap = failure.flatMap(Self.gap)
        let batch = SessionBatch(events: events, markers: markers, gaps: gaps + (failureGap.map { [$0] } ?? []))
        events.removeAll()
        markers.removeAll()
        gaps.removeAll()
        failure = nil
        return batch
    }

    /// What went wrong, in a few words for a warning and a gap's reason (e.g. `the disk is full`).
    static func shortMessage(_ error: StoreError) -> String {
        switch error {
        case .diskFull: return "the disk is full"
        case .readOnly: return "the database cannot be written (read-only)"
        case .ioError: return "the disk reported an input/output error"
        case .corrupt: return "the database is damaged"
        case let .database(_, message): return message
        default: return error.description
        }
    }
}

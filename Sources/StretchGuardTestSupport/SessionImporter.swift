import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardReview
import StretchGuardStore
import StretchGuardTrace

/// Writes a finished stream of samples into the store as a live session would have recorded it: samples
/// quantised by the session's codec and packed into the recorder's block size, the form events the core
/// emits on the quantised samples, the calibration record, markers and gaps, and the closing totals.
///
/// For benchmarks, tests and demos: a session written this way reviews exactly like a recorded one.
public struct SessionImporter: Sendable {
    /// Samples per stored block, like the recorder's one commit every 0.4 s. Default 80 (0.4 s at 200 Hz).
    public var samplesPerBlock: Int = 80
    /// Blocks written per transaction. Default 150 (one commit per minute at 200 Hz: fast, and the file
    /// layout is the recorder's).
    public var blocksPerCommit: Int = 150

    /// An importer with the defaults.
    public init() {}

    /// What was written.
    public struct Result: Sendable {
        /// The new session's id.
        public var session: Int64
        /// The events the core emitted (sample-clock times, s), as stored.
        public var events: [FormEvent]
        /// The samples as stored (quantised).
        public var samples: Int
    }

    /// Writes one session.
    ///
    /// - Parameters:
    ///   - samples: the stream (times in s on the sample clock, never decreasing; rad/s, m/s²); with
    ///     `info.pelvis` set, their pelvis readings are stored too (nil where the pelvis missed a tick).
    ///   - store: the database.
    ///   - info: the session's metadata; its `calibration` is replaced (see `calibration`).
    ///   - baseline: the neutral posture the live session used.
    ///   - profile: the exercise's thresholds.
    ///   - markers: the wearer's markers; a `recapture` marker re-captures the neutral posture from the
    ///     samples after it, as the live loop's long press does.
    ///   - gaps: stretches of missing samples (leave them out of `samples`).
    ///   - calibration: the calibration text to store; nil (the default) stores a `session-start`
    ///     ``CalibrationRecord`` of `baseline`, "" stores none (as a session recorded without calibration).
    /// - Throws: the store's errors.
    public func write(samples: [IMUSample], into store: SessionStore, info: SessionInfo, baseline: Baseline,
                      profile: FormProfile, markers: [SessionMarker] = [], gaps: [SessionGap] = [],
                      calibration: String? = nil) throws(StoreError) -> Result {
        precondition(samplesPerBlock > 0 && blocksPerCommit > 0, "SessionImporter: sizes must be positive")
        var info = info
        if let calibration {
            info.calibration = calibration
        } else {
            let record = CalibrationRecord(name: "session-start", created: info.startDate,
                                           sensor: baseline.pelvis == nil ? .simulated : .simulatedPair,
                                           method: "session-start", baseline: baseline)
            info.calibration = (try? record.encoded()).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
        let codec = SampleCodec(info: info)
        var pipeline = SessionPipeline(baseline: baseline, profile: profile, samplePeriod: 1 / info.rate)
        var recaptures = RecaptureSchedule(markers: markers)
        let session = try store.beginSession(info)

        var events: [FormEvent] = []
        var batch = SessionBatch()
        var encoder = SampleBlockEncoder(capacity: samplesPerBlock, twoSensors: info.hasPelvis)
        var pendingMarkers = markers[...], pendingGaps = gaps[...]
        func closeBlock() {
            if let block = encoder.block() { batch.blocks.append(block) }
            encoder.reset()
        }
        for sample in samples {
            let raw = codec.encode(sample)
            if encoder.count >= samplesPerBlock || !encoder.append(raw) {
                closeBlock()
                _ = encoder.append(raw)
            }
            let decoded = codec.decode(raw)
            recaptures.start(before: decoded.time, in: &pipeline)
            _ = pipeline.process(decoded)
            batch.events.append(contentsOf: pipeline.events)
            events.append(contentsOf: pipeline.events)
            while let marker = pendingMarkers.first, marker.time <= sample.time {
                batch.markers.append(marker)
                pendingMarkers.removeFirst()
            }
            while let gap = pendingGaps.first, gap.end <= sample.time {
                batch.gaps.append(gap)
                pendingGaps.removeFirst()
            }
            if batch.blocks.count >= blocksPerCommit {
                try store.append(batch, to: session)
                batch = SessionBatch()
            }
        }
        closeBlock()
        pipeline.finish(at: samples.last.map { codec.decode(codec.encode($0)).time } ?? info.startTime)
        batch.events.append(contentsOf: pipeline.events)
        events.append(contentsOf: pipeline.events)
        batch.markers.append(contentsOf: pendingMarkers)
        batch.gaps.append(contentsOf: pendingGaps)
        try store.append(batch, to: session)
        try store.finishSession(session, summary: SessionSummary(events: events))
        return Result(session: session, events: events, samples: samples.count)
    }

    /// The baseline of a stream's first still stretch, found as a replay finds it
    /// (``FoundBaseline/search(_:options:)`` with its defaults) on the samples as the store will give them
    /// back: what a live session without a calibration captures.
    ///
    /// - Throws: why the stream has no still stretch near its start.
    public static func startBaseline(of samples: [IMUSample], scale: SampleScale) throws(BaselineSearchFailure) -> Baseline {
        let codec = SampleCodec(scale: scale)
        return try FoundBaseline.search(TraceSamples(samples.map(codec.quantized))).get().baseline
    }
}

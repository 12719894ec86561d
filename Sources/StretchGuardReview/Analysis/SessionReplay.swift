import StretchGuardCore

/// Re-runs the core over a stored session: the stored samples, decoded exactly as live, through
/// ``SessionPipeline`` with the session's baseline and profile at its nominal sample period, and the
/// neutral posture re-captured where the wearer's long presses started it (`recapture` markers) — so the
/// angles, verdicts and events are the ones the live session computed.
public enum SessionReplay {
    /// One replayed sample.
    public struct Step: Sendable {
        /// The sample as stored (time in s on the sample clock, rad/s, m/s²).
        public var sample: IMUSample
        /// The pipeline's result: orientation, posture angles (rad), verdict.
        public var frame: FormFrame
        /// The angular velocity with the filter's current gyro bias removed, in rad/s (sensor frame).
        public var angularVelocity: Vector3D
        /// What started or ended at this sample.
        public var events: FormEvents
    }

    /// Replays every sample of `recording`, in order.
    ///
    /// - Parameters:
    ///   - recording: the session.
    ///   - profile: the exercise's thresholds (see ``SessionProfile/resolve(for:library:override:)``).
    ///   - body: called with each replayed sample.
    /// - Returns: the events of closing the session at its last sample (a hold still in progress ends).
    /// - Throws: ``ReviewError/store(_:)`` when the samples cannot be read.
    @discardableResult
    public static func run(_ recording: SessionRecording, profile: FormProfile,
                           _ body: (Step) -> Void) throws(ReviewError) -> FormEvents {
        var pipeline = SessionPipeline(baseline: recording.baseline, profile: profile,
                                       samplePeriod: recording.samplePeriod)
        var recaptures = RecaptureSchedule(markers: recording.markers)
        var last: Double?
        try recording.forEachSample { sample in
            recaptures.start(before: sample.time, in: &pipeline)
            let frame = pipeline.process(sample)
            let step = Step(sample: sample, frame: frame,
                            angularVelocity: sample.gyr - pipeline.gyrBias, events: pipeline.events)
            body(step)
            last = sample.time
        }
        pipeline.finish(at: last ?? recording.startTime)
        return pipeline.events
    }
}

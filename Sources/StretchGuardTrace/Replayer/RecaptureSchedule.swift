import StretchGuardCore

/// The re-captures of a recorded session, handed to a ``SessionPipeline`` where the live loop started them.
///
/// The live loop starts a re-capture at a long press, between two samples, and records a `recapture`
/// marker at the time of the last sample processed; so a replay starts it just before the first sample
/// after the marker.
public struct RecaptureSchedule: Sendable {
    private var starts: ArraySlice<Double>

    /// - Parameter starts: the re-captures' start times, in s on the sample clock (any order).
    public init(starts: [Double]) {
        self.starts = starts.sorted()[...]
    }

    /// Starts in `pipeline` every re-capture due before a sample at `time` (s).
    public mutating func start(before time: Double, in pipeline: inout SessionPipeline) {
        while let start = starts.first, start < time {
            pipeline.beginRecapture(at: start)
            starts.removeFirst()
        }
    }
}

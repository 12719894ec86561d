import StretchGuardCore

/// Plays back a list of samples (a rendered scenario, a replayed recording) as what a simulated chip
/// measures: linearly interpolated between the two samples around each instant, held at the ends.
public struct RecordedSampleSource: IMUSampleSource {
    private let samples: [IMUSample]
    private let startTime: Double
    /// The index of the sample at or before the last instant asked for (instants mostly increase).
    private var cursor = 0

    /// - Parameters:
    ///   - samples: in increasing time order (s), in rad/s and m/s²; at least one.
    ///   - startTime: the simulation time (s) at which the first sample plays (default 0); later samples
    ///     keep their spacing.
    public init(_ samples: [IMUSample], startingAt startTime: Double = 0) {
        precondition(!samples.isEmpty, "a recording to play back needs at least one sample")
        self.samples = samples
        self.startTime = startTime
    }

    /// How long the recording lasts, in s.
    public var duration: Double { samples[samples.count - 1].time - samples[0].time }

    public mutating func sample(at time: Double) -> IMUSample {
        let recordingTime = time - startTime + samples[0].time
        if recordingTime < samples[cursor].time { cursor = 0 }
        while cursor + 1 < samples.count && samples[cursor + 1].time <= recordingTime { cursor += 1 }
        let before = samples[cursor]
        guard cursor + 1 < samples.count, recordingTime > before.time else {
            return IMUSample(time: time, gyr: before.gyr, acc: before.acc)
        }
        let after = samples[cursor + 1]
        let fraction = (recordingTime - before.time) / (after.time - before.time)
        return IMUSample(time: time, gyr: before.gyr + (after.gyr - before.gyr) * fraction,
                         acc: before.acc + (after.acc - before.acc) * fraction)
    }
}

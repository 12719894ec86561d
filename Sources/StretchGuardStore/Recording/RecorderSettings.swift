/// Tuning of a ``SessionRecorder``.
public struct RecorderSettings: Sendable, Equatable {
    /// Time between commits, in s. Default 0.4 s: with the commit itself (tens of ms), a power cut or kill -9
    /// loses at most about 0.5 s of samples.
    public var flushInterval: Double = 0.4
    /// Samples the buffer between the sample thread and the writer holds (rounded up to a power of two).
    /// Default 8192: 41 s at 200 Hz, for a writer stalled by a slow SD card. Past it samples are dropped and
    /// marked as a gap.
    public var bufferCapacity: Int = 8192
    /// Form events the buffer holds. Default 256.
    public var eventCapacity: Int = 256
    /// Most samples in one stored block. Default 256 (a block holds ≤ 0.4 s below 640 Hz).
    public var maxSamplesPerBlock: Int = 256
    /// Events and markers kept in memory while writes fail, waiting for the next good write. Default 10 000;
    /// past it the oldest are dropped.
    public var retainedLimit: Int = 10_000

    /// The defaults.
    public init() {}
}

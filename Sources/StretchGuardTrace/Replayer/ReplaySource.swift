import StretchGuardCore

/// A recording the replay engine reads: its samples in order from the first, as often as it needs (the
/// baseline search reads the start, the forward pass everything), without holding them all in memory.
public protocol ReplaySource {
    /// Why reading can fail (`Never` for samples in memory).
    associatedtype Failure: Error

    /// The sample rate the recording declares, in Hz (a stored session: its output data rate), or nil
    /// when it declares none (a CSV trace). See ``SessionReplayer/samplePeriod(of:)``.
    var declaredRate: Double? { get }

    /// Calls `body` with each sample in order from the first (times in s, rad/s, m/s², sensor frame),
    /// until `body` returns false or the samples run out.
    func read(_ body: (IMUSample) -> Bool) throws(Failure)
}

extension ReplaySource {
    /// Calls `body` with each sample from the one at `index` (counted from 0 in reading order) to the last.
    func read(from index: Int, _ body: (IMUSample) -> Void) throws(Failure) {
        var position = 0
        try read { sample in
            if position >= index { body(sample) }
            position += 1
            return true
        }
    }
}

/// Samples in memory — a trace read from a file, a rendered scenario — as a ``ReplaySource``.
public struct TraceSamples: ReplaySource, Sendable {
    public typealias Failure = Never

    /// The samples, in time order (s, rad/s, m/s², sensor frame).
    public var samples: [IMUSample]
    /// The declared sample rate, in Hz; nil (the default) for a trace that declares none.
    public var declaredRate: Double?

    /// - Parameters:
    ///   - samples: the samples, in time order.
    ///   - declaredRate: the rate the recording declares, in Hz, if any.
    public init(_ samples: [IMUSample], declaredRate: Double? = nil) {
        self.samples = samples
        self.declaredRate = declaredRate
    }

    public func read(_ body: (IMUSample) -> Bool) {
        for sample in samples where !body(sample) { return }
    }
}

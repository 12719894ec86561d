/// How regularly samples arrived: achieved rate, timing jitter, and dropped samples, from their timestamps.
///
/// Each interval between consecutive timestamps is compared with the nominal period. An interval longer
/// than 1.5 periods is a gap: the samples it skipped count as dropped (rounded to whole periods) and it is
/// left out of the jitter. Jitter is the spread of the other intervals' deviation from the period: the
/// standard deviation over all of them, and the 99th percentile of its magnitude over the last
/// `window` intervals. FIFO overflows add the samples they lost. Nothing allocates per sample.
public struct SampleTimingStatistics: Hashable, Sendable {
    /// The nominal time between samples, in s.
    public let nominalPeriod: Double
    /// Samples recorded.
    public private(set) var sampleCount = 0
    /// The first sample's time, in s.
    public private(set) var firstTime: Double?
    /// The latest sample's time, in s.
    public private(set) var lastTime: Double?
    /// Samples missing from gaps plus samples lost to FIFO overflows.
    public private(set) var droppedSamples = 0
    /// Intervals longer than 1.5 periods.
    public private(set) var gapCount = 0
    /// FIFO overflows reported.
    public private(set) var fifoOverflows = 0
    /// Waits for a data-ready edge that timed out.
    public private(set) var edgeTimeouts = 0
    /// The largest deviation magnitude of a non-gap interval, in s.
    public private(set) var maximumDeviation: Double = 0

    private var deviationCount = 0
    private var deviationMean: Double = 0
    private var deviationSquares: Double = 0
    private var recentDeviations: [Double]
    private var recentNext = 0
    private var recentCount = 0

    /// - Parameters:
    ///   - nominalRate: the configured output data rate, in Hz.
    ///   - window: how many recent intervals the percentile covers (default 4096, ~20 s at 200 Hz).
    public init(nominalRate: Double, window: Int = 4096) {
        precondition(nominalRate > 0 && window > 0)
        nominalPeriod = 1 / nominalRate
        recentDeviations = [Double](repeating: 0, count: window)
    }

    /// Records one sample's timestamp (s); timestamps should increase.
    public mutating func record(_ time: Double) {
        defer {
            sampleCount += 1
            lastTime = time
        }
        guard let previous = lastTime else {
            firstTime = time
            return
        }
        let interval = time - previous
        if interval > 1.5 * nominalPeriod {
            gapCount += 1
            droppedSamples += max(1, Int((interval / nominalPeriod).rounded()) - 1)
            return
        }
        let deviation = interval - nominalPeriod
        deviationCount += 1
        let delta = deviation - deviationMean
        deviationMean += delta / Double(deviationCount)
        deviationSquares += delta * (deviation - deviationMean)
        maximumDeviation = max(maximumDeviation, abs(deviation))
        recentDeviations[recentNext] = abs(deviation)
        recentNext = (recentNext + 1) % recentDeviations.count
        recentCount = min(recentCount + 1, recentDeviations.count)
    }

    /// Records a FIFO overflow that lost `lostSamples` samples (estimated from the elapsed time).
    public mutating func recordOverflow(lostSamples: Int) {
        fifoOverflows += 1
        droppedSamples += max(0, lostSamples)
    }

    /// Records a data-ready wait that timed out.
    public mutating func recordEdgeTimeout() {
        edgeTimeouts += 1
    }

    /// Samples per second between the first and the latest sample, in Hz; nil before two samples.
    public var achievedRate: Double? {
        guard let firstTime, let lastTime, sampleCount > 1, lastTime > firstTime else { return nil }
        return Double(sampleCount - 1) / (lastTime - firstTime)
    }

    /// The standard deviation of the intervals' deviation from the period, in s; nil before two intervals.
    public var jitterStandardDeviation: Double? {
        deviationCount > 1 ? (deviationSquares / Double(deviationCount - 1)).squareRoot() : nil
    }

    /// The 99th percentile of the deviation magnitude over the recent window, in s; nil before an interval.
    /// Sorts a copy of the window: call it for reports, not per sample.
    public var jitterP99: Double? {
        guard recentCount > 0 else { return nil }
        let sorted = recentDeviations.prefix(recentCount).sorted()
        let rank = Int((0.99 * Double(recentCount - 1)).rounded(.up))
        return sorted[rank]
    }
}

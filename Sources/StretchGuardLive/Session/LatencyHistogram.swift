/// Sample-acquisition-to-feedback-write latencies, in fixed bins allocated once (nothing per sample).
public struct LatencyHistogram: Sendable {
    /// Bin width, in s (20 µs).
    public static let binWidth = 20e-6
    private var bins: [Int]
    public private(set) var count = 0
    public private(set) var maximum: Double = 0

    /// - Parameter limit: the largest latency binned, in s (longer ones land in the last bin).
    public init(limit: Double = 0.1) {
        bins = Array(repeating: 0, count: Int(limit / Self.binWidth) + 1)
    }

    /// Records one latency, in s.
    public mutating func record(_ latency: Double) {
        let index = min(bins.count - 1, max(0, Int(latency / Self.binWidth)))
        bins[index] += 1
        count += 1
        maximum = max(maximum, latency)
    }

    /// The latency below which `fraction` of samples fell (upper edge of its bin), in s; nil when empty.
    public func quantile(_ fraction: Double) -> Double? {
        guard count > 0 else { return nil }
        let target = Int((fraction * Double(count)).rounded(.up))
        var seen = 0
        for (index, n) in bins.enumerated() {
            seen += n
            if seen >= max(target, 1) { return Double(index + 1) * Self.binWidth }
        }
        return maximum
    }
}

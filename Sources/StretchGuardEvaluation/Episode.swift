/// A stretch of time during which something is on: an alert, or a fault the truth says is happening.
public struct Episode: Sendable, Equatable {
    /// First sample time, in s.
    public var start: Double
    /// Last sample time, in s.
    public var end: Double

    /// An episode from `start` to `end`, in s.
    public init(start: Double, end: Double) {
        self.start = start
        self.end = end
    }

    /// Length, in s.
    public var duration: Double { end - start }

    /// Whether this episode overlaps `[from, to]` (times in s).
    public func overlaps(_ from: Double, _ to: Double) -> Bool { start <= to && end >= from }

    /// The runs of `true` in a per-sample flag sequence.
    ///
    /// - Parameters:
    ///   - times: sample times, in s, increasing.
    ///   - flags: one flag per sample.
    ///   - minimumDuration: runs shorter than this, in s, are dropped.
    public static func runs(times: [Double], flags: [Bool], minimumDuration: Double = 0) -> [Episode] {
        var episodes: [Episode] = []
        var start: Double?
        for (t, on) in zip(times, flags) {
            if on, start == nil { start = t }
            if !on, let s = start {
                episodes.append(Episode(start: s, end: t))
                start = nil
            }
        }
        if let s = start, let last = times.last { episodes.append(Episode(start: s, end: last)) }
        return episodes.filter { $0.duration >= minimumDuration }
    }
}

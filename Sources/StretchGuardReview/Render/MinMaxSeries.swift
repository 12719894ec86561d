/// A long series reduced to one (min, max) pair per plot column, so that a 1-hour session at 200 Hz
/// (720 000 samples) draws as a few hundred or thousand points and still shows every peak.
public struct MinMaxSeries: Sendable, Equatable {
    /// One column: the smallest and largest value of the samples that fall in it, or nil when none do.
    public struct Column: Sendable, Equatable {
        /// The smallest value (units of the series).
        public var min: Double
        /// The largest value (units of the series).
        public var max: Double

        /// A column from its extremes.
        public init(min: Double, max: Double) {
            self.min = min
            self.max = max
        }
    }

    /// The time the first column starts at, in s.
    public var start: Double
    /// The time the last column ends at, in s.
    public var end: Double
    /// The columns, left to right; nil where no sample falls (a gap in the recording).
    public var columns: [Column?]

    /// Reduces `values` (at `times`, s, non-decreasing) to `count` columns spanning `start…end`.
    ///
    /// - Parameters:
    ///   - times: sample times, in s.
    ///   - values: one value per time (any unit); `transform` is applied first.
    ///   - start: the time at the left edge, in s.
    ///   - end: the time at the right edge, in s (> `start`).
    ///   - count: columns (≥ 1).
    ///   - transform: maps each value before reduction (e.g. rad → °).
    public init(times: [Double], values: [Double], start: Double, end: Double, count: Int,
                transform: (Double) -> Double = { $0 }) {
        precondition(times.count == values.count && count >= 1, "MinMaxSeries: one value per time, ≥ 1 column")
        self.start = start
        self.end = max(end, start + 1e-9)
        var columns = [Column?](repeating: nil, count: count)
        let scale = Double(count) / (self.end - start)
        for i in times.indices {
            let column = Int(((times[i] - start) * scale).rounded(.down))
            guard column >= 0 else { continue }
            let c = min(column, count - 1)
            let v = transform(values[i])
            guard !v.isNaN else { continue }  // no value at this tick (e.g. the pelvis did not report)
            if let existing = columns[c] {
                columns[c] = Column(min: Swift.min(existing.min, v), max: Swift.max(existing.max, v))
            } else {
                columns[c] = Column(min: v, max: v)
            }
        }
        self.columns = columns
    }

    /// The smallest and largest value over all columns (nil when the series is empty).
    public var range: (min: Double, max: Double)? {
        var low = Double.infinity, high = -Double.infinity
        for case let column? in columns {
            low = Swift.min(low, column.min)
            high = Swift.max(high, column.max)
        }
        return low <= high ? (low, high) : nil
    }

    /// The column a time falls in (clamped to the columns).
    public func column(at t: Double) -> Int {
        let c = Int(((t - start) / (end - start) * Double(columns.count)).rounded(.down))
        return Swift.min(Swift.max(c, 0), columns.count - 1)
    }
}

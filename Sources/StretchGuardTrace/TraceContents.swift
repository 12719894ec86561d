import StretchGuardCore

/// A trace as read: its samples, and the rows left out for values no IMU reports.
public struct TraceContents: Sendable {
    /// Rows left out because a rate or force was beyond ``IMUSampleLimits``.
    public struct Rejected: Sendable, Equatable, CustomStringConvertible {
        /// How many rows.
        public private(set) var count = 0
        /// The first one: its line (1-based, the header is line 1), column and value (rad/s or m/s²).
        public private(set) var first: (line: Int, column: String, value: Double)?

        public init() {}

        /// Counts a row; `values` are t, gx, gy, gz, ax, ay, az.
        mutating func add(line: Int, values: [Double]) {
            count += 1
            guard first == nil else { return }
            let limits = [Double.infinity] + Array(repeating: IMUSampleLimits.angularRate, count: 3)
                + Array(repeating: IMUSampleLimits.specificForce, count: 3)
            let index = values.indices.first { !(abs(values[$0]) <= limits[$0]) } ?? 0
            first = (line, TraceReader.requiredColumns[index], values[index])
        }

        /// "1 row beyond any IMU's range (line 345: ax = 1e+20 m/s²)".
        public var description: String {
            guard let first else { return "no row left out" }
            let unit = first.column.hasPrefix("g") ? "rad/s" : "m/s²"
            return "\(count) row\(count == 1 ? "" : "s") beyond any IMU's range (first: line \(first.line), "
                + "\(first.column) = \(first.value) \(unit); the limits are 4,000 °/s and 32 g)"
        }

        public static func == (a: Rejected, b: Rejected) -> Bool {
            a.count == b.count && a.first?.line == b.first?.line
        }
    }

    /// The samples kept, in order (s, rad/s, m/s²).
    public var samples: [IMUSample]
    /// The rows left out.
    public var rejected: Rejected
    /// Whether the trace has the pelvis sensor's columns (two sensors).
    public var hasPelvis = false
    /// Rows of a two-sensor trace without a pelvis reading (empty pelvis cells, or values beyond any IMU's
    /// range): the thorax's sample is kept, the pelvis has a gap there.
    public var pelvisMissing = 0
}

/// Which sensor sets a suite's scenarios are rendered with.
public enum SensorSet: String, Sendable, CaseIterable {
    /// The thorax sensor alone (a scenario's `pelvis on` is left out).
    case one
    /// Thorax and pelvis: every scenario renders a pelvis sensor (`NAME+pelvis`).
    case two
    /// Each scenario both ways.
    case both

    /// Whether each render of a scenario has a pelvis sensor, in order: one sensor first.
    var pelvisVariants: [Bool] {
        switch self {
        case .one: return [false]
        case .two: return [true]
        case .both: return [false, true]
        }
    }

    /// The suffix of a two-sensor render's name.
    public static let pelvisSuffix = "+pelvis"
}

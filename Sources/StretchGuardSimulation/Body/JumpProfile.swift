import StretchGuardCore

/// Jumps on the spot, each in five phases: a still moment, a push-off, free flight, a landing that stops
/// the fall (the high-impact moment: well over 3 g), and a still settle.
///
/// The vertical acceleration is given piecewise; the push and the landing are `sin²` pulses sized so the
/// body leaves and meets the ground at the speed of a jump of `height`.
public struct JumpProfile: Sendable, Equatable {
    /// Number of jumps.
    public var count: Int
    /// Height of the pelvis's rise in each jump, in m.
    public var height: Double

    /// Still time before each push-off, in s.
    public static let preparation = 0.35
    /// Push-off length, in s.
    public static let pushOff = 0.25
    /// Landing length (the time the legs take to stop the fall), in s.
    public static let landing = 0.1
    /// Still time after each landing, in s.
    public static let settle = 0.6

    /// `count` jumps of `height` m (default 0.2 m).
    public init(count: Int, height: Double = 0.2) {
        self.count = count
        self.height = height
    }

    /// Take-off (and landing) speed, in m/s.
    public var takeOffSpeed: Double { (2 * standardGravity * height).squareRoot() }

    /// Time in the air, in s.
    public var flightTime: Double { 2 * takeOffSpeed / standardGravity }

    /// One jump, start to settled, in s.
    public var period: Double {
        Self.preparation + Self.pushOff + flightTime + Self.landing + Self.settle
    }

    /// All the jumps, in s.
    public var duration: Double { Double(count) * period }

    /// Peak specific force at landing, in m/s² (gravity included).
    public var landingPeak: Double { standardGravity + 2 * takeOffSpeed / Self.landing }

    /// The pelvis's vertical acceleration `tau` s into the jumps, in m/s² (up).
    func verticalAcceleration(at tau: Double) -> Double {
        guard tau >= 0, tau < duration else { return 0 }
        var u = tau.truncatingRemainder(dividingBy: period) - Self.preparation
        if u < 0 { return 0 }
        if u < Self.pushOff {
            return 2 * takeOffSpeed / Self.pushOff * SmoothProfile.pulse(u, width: Self.pushOff)
        }
        u -= Self.pushOff
        if u < flightTime { return -standardGravity }
        u -= flightTime
        if u < Self.landing {
            return 2 * takeOffSpeed / Self.landing * SmoothProfile.pulse(u, width: Self.landing)
        }
        return 0
    }
}

/// Angles brought back into one turn.
public enum AngleWrap {
    /// `angle` (rad) brought into (−π, π] (one wrap: for the difference of two angles already in it).
    @inline(__always)
    public static func principal(_ angle: Double) -> Double {
        angle > Double.pi ? angle - 2 * Double.pi : (angle <= -Double.pi ? angle + 2 * Double.pi : angle)
    }
}

/// The pelvis's posture from neutral, from the second sensor, in rad.
public struct HipAngles: Sendable, Equatable {
    /// The pelvis's forward (+) tilt: the hips' share of a forward bend (hip flexion), in rad.
    public var flexion: Double
    /// The pelvis's turn about its own long axis (whole-body turns included), in rad: + to the left.
    public var twist: Double

    public init(flexion: Double, twist: Double) {
        self.flexion = flexion
        self.twist = twist
    }
}

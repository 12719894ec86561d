import StretchGuardCore

/// The true spine and pelvis at one sample of a two-sensor render, in rad: what the two-sensor pipeline's
/// spinal angles are scored against (`SpinalAngles` of the segments' exact rotations).
public struct SpinalTruth: Sendable, Equatable {
    /// Spinal twist: the swing–twist angle about the thorax's long axis of the thorax's rotation relative
    /// to the pelvis from neutral, in rad (+ chest toward the wearer's left). Whole-body turns are not in it.
    public var spinalTwist: Double
    /// Lumbar (spine) flexion: the thorax's forward bend relative to the pelvis, in rad (+ forward).
    public var lumbarFlexion: Double
    /// The spine's side bend relative to the pelvis, in rad (+ head toward the wearer's right).
    public var spineSideBend: Double
    /// Hip flexion: the pelvis's forward tilt from neutral, in rad (+ forward).
    public var hipFlexion: Double
    /// The pelvis's turn about its own long axis from neutral, whole-body turns included, in rad (+ left).
    public var pelvisTwist: Double

    /// Every angle in rad, as documented on the properties.
    public init(spinalTwist: Double, lumbarFlexion: Double, spineSideBend: Double, hipFlexion: Double,
                pelvisTwist: Double) {
        self.spinalTwist = spinalTwist
        self.lumbarFlexion = lumbarFlexion
        self.spineSideBend = spineSideBend
        self.hipFlexion = hipFlexion
        self.pelvisTwist = pelvisTwist
    }

    /// The truth files' column names for the angles, in `degreeValues` order (each in degrees).
    public static let columnNames = ["spinal_twist_deg", "lumbar_flexion_deg", "spine_side_bend_deg",
                                     "hip_flexion_deg", "pelvis_twist_deg"]

    /// The angles in degrees, in `columnNames` order.
    public var degreeValues: [Double] {
        [spinalTwist, lumbarFlexion, spineSideBend, hipFlexion, pelvisTwist].map { $0 / degree }
    }

    /// The truth from angles in degrees, in `columnNames` order (missing ones read as 0).
    public init(degrees: [Double]) {
        func angle(_ i: Int) -> Double { i < degrees.count ? degrees[i] * degree : 0 }
        self.init(spinalTwist: angle(0), lumbarFlexion: angle(1), spineSideBend: angle(2), hipFlexion: angle(3),
                  pelvisTwist: angle(4))
    }
}

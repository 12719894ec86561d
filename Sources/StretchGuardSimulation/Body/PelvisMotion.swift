import StretchGuardCore

/// How the body splits a scripted posture between the pelvis and the spine when a second sensor rides on
/// the pelvis (sacrum): the physics of the two segments, not a detector setting.
///
/// A scenario's `bend` and `side` angles are the **whole** trunk's (the thorax's tilt from the neutral
/// stance): the pelvis takes `hipShare` of a forward bend (the hip hinge) and `sideShare` of a side bend,
/// the spine the rest. A scenario's `twist` is the **spinal** twist (thorax relative to pelvis): the pelvis
/// turns `counterRotation` of it the other way, so the thorax turns less in the world than the spine
/// twists. In walking (and, with half the swing, in stepping turns) the pelvis rotates ± `gaitPelvisRotation`
/// at the stride frequency and the thorax counter-rotates ± `gaitThoraxRotation` in the world: a real
/// spinal twist of about ±5–8°, below any alert. Breathing moves the chest only; the walking sway's bend
/// and side bend are the trunk's over the pelvis.
///
/// Positions: the pelvis pivots about the hip joint centres (the body's world position); the spine bends
/// about the lumbosacral point `sacrumHeight` m above them on the pelvis's long axis, and the thorax sensor
/// sits the scenario's lever arm above the hips along the trunk (so `leverArm − sacrumHeight` m above the
/// lumbosacral point, along the spine). The pelvis sensor sits at `sensorOffset` in the pelvis frame.
public struct PelvisMotion: Sendable, Equatable {
    /// The pelvis's share of a forward bend (the hip hinge), 0–1; the spine takes the rest (lumbar flexion).
    public var hipShare: Double
    /// The pelvis's share of a side bend (a sideways pelvic tilt), 0–1.
    public var sideShare: Double
    /// How much the pelvis turns the other way in a standing twist, as a fraction of the spinal twist (0–1).
    public var counterRotation: Double
    /// The pelvis's rotation in walking, ± in rad, at the stride frequency (half the step rate).
    public var gaitPelvisRotation: Double
    /// The thorax's counter-rotation in walking, ± in rad in the world, opposite to the pelvis's.
    public var gaitThoraxRotation: Double
    /// Height of the lumbosacral pivot above the hip joint centres, along the pelvis's long axis, in m.
    public var sacrumHeight: Double
    /// Where the pelvis sensor sits relative to the hip joint centres, in the pelvis frame (x forward, y
    /// left, z up), in m: on the sacrum, behind and above the hips.
    public var sensorOffset: Vector3D

    /// The share of the gait rotations in stepping turns (short steps on the spot), unitless.
    public static let turningGaitShare = 0.5

    /// Every field as documented on the properties (fractions, rad, m).
    public init(hipShare: Double, sideShare: Double, counterRotation: Double, gaitPelvisRotation: Double,
                gaitThoraxRotation: Double, sacrumHeight: Double = 0.1,
                sensorOffset: Vector3D = Vector3D(-0.1, 0, 0.1)) {
        self.hipShare = hipShare
        self.sideShare = sideShare
        self.counterRotation = counterRotation
        self.gaitPelvisRotation = gaitPelvisRotation
        self.gaitThoraxRotation = gaitThoraxRotation
        self.sacrumHeight = sacrumHeight
        self.sensorOffset = sensorOffset
    }

    /// The middle of every drawn range: half the bend at the hips, 10 % of a side bend, 10 % counter-rotation,
    /// ±4° pelvis and ±3° thorax in walking, the sensor 10 cm behind and above the hips.
    public static let typical = PelvisMotion(hipShare: 0.5, sideShare: 0.1, counterRotation: 0.1,
                                             gaitPelvisRotation: 4 * degree, gaitThoraxRotation: 3 * degree)

    /// The pelvis's and the spine's posture for a scripted trunk posture, in rad.
    ///
    /// - Parameters:
    ///   - trunk: the whole trunk's scripted posture (bend and side bend of the thorax, twist of the spine),
    ///     without breathing and walking sway.
    ///   - breathing: breathing's chest flexion, in rad (the spine's alone).
    ///   - sway: the walking sway's bend and side bend, in rad (the spine's alone; its twist is replaced
    ///     by the gait rotations).
    ///   - gait: the stride's swing now, −1…1 (sine of the stride phase, faded, scaled for turns).
    /// - Returns: the pelvis's posture from the stance (hip flexion, sideways tilt, pelvis twist) and the
    ///   spine's (thorax relative to pelvis).
    func split(trunk: PostureAngles, breathing: Double, sway: PostureAngles,
               gait: Double) -> (pelvis: PostureAngles, spine: PostureAngles) {
        let pelvis = PostureAngles(flexion: hipShare * trunk.flexion, sideBend: sideShare * trunk.sideBend,
                                   twist: -counterRotation * trunk.twist + gaitPelvisRotation * gait)
        let spine = PostureAngles(flexion: (1 - hipShare) * trunk.flexion + breathing + sway.flexion,
                                  sideBend: (1 - sideShare) * trunk.sideBend + sway.sideBend,
                                  twist: trunk.twist - (gaitPelvisRotation + gaitThoraxRotation) * gait)
        return (pelvis, spine)
    }
}

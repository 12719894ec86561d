/// The spine's posture from two sensors — one on the thorax, one on the pelvis (sacrum) — in rad.
///
/// Each sensor gives its body segment's orientation (world ← segment body frame: x forward, y left, z up),
/// and the calibration gives both at the neutral stance. The spine is the thorax **relative to the
/// pelvis**: `R = P⁻¹ ⊗ T` now and `R₀ = P₀⁻¹ ⊗ T₀` at neutral, and the spinal posture is
/// ``PostureAngles`` of `R₀⁻¹ ⊗ R`, the relative rotation's change from neutral in the neutral thorax
/// frame. A rotation of the whole body (a turn, walking round a corner: both segments turned by the same
/// `Y`) cancels by construction, `(Y P)⁻¹ (Y T) = P⁻¹ T`, so no stepping heuristic is needed.
///
/// The pelvis's own change from neutral, `P₀⁻¹ ⊗ P`, gives the hip flexion (the pelvis tilting forward:
/// the hip hinge) and the pelvis twist (the hips turning, whole-body turns included). Nothing allocates.
public struct SpinalAngles: Sendable, Equatable {
    /// Lumbar and thoracic spine together, thorax relative to pelvis: flexion (+ forward), side bend
    /// (+ head toward the wearer's right) and twist (swing–twist about the thorax's long axis, + chest to
    /// the left), in rad.
    public var spine: PostureAngles
    /// The pelvis's forward (+) tilt from neutral: the hips' share of a forward bend, in rad.
    public var hipFlexion: Double
    /// The pelvis's turn about its own long axis from neutral (a whole-body turn included), in rad: + to
    /// the left.
    public var pelvisTwist: Double

    /// The pelvis's own angles.
    public var hips: HipAngles { HipAngles(flexion: hipFlexion, twist: pelvisTwist) }

    /// - Parameters:
    ///   - thorax: the thorax's orientation now (world ← body).
    ///   - pelvis: the pelvis's orientation now (world ← body).
    ///   - neutralThorax: the thorax's orientation at the neutral stance.
    ///   - neutralPelvis: the pelvis's orientation at the neutral stance.
    @inline(__always)
    public init(thorax: QuaternionD, pelvis: QuaternionD, neutralThorax: QuaternionD, neutralPelvis: QuaternionD) {
        let relative = pelvis.conjugate * thorax
        let neutralRelative = neutralPelvis.conjugate * neutralThorax
        spine = PostureAngles(relativeRotation: neutralRelative.conjugate * relative)
        let hips = PostureAngles(relativeRotation: neutralPelvis.conjugate * pelvis)
        hipFlexion = hips.flexion
        pelvisTwist = hips.twist
    }

    /// The spine from each segment's rotation since neutral, both in the shared neutral body frame (x
    /// forward, y left, z up: the frame both segments had at the neutral stance). Exact; it needs both
    /// segments' forward axes, since a pelvis frame turned about its long axis would mix its hinge into
    /// the twist.
    ///
    /// - Parameters:
    ///   - thoraxRelative: the thorax's rotation from neutral (`PostureTracker.State.relative`).
    ///   - pelvisRelative: the pelvis's.
    ///   - pelvisAngles: the pelvis's angles, `PostureAngles(relativeRotation: pelvisRelative)` (its tracker
    ///     has them already), in rad.
    @inline(__always)
    public init(thoraxRelative: QuaternionD, pelvisRelative: QuaternionD, pelvisAngles: PostureAngles) {
        spine = PostureAngles(relativeRotation: pelvisRelative.conjugate * thoraxRelative)
        hipFlexion = pelvisAngles.flexion
        pelvisTwist = pelvisAngles.twist
    }

    /// The spine from each segment's angles when a forward axis is not known yet (no calibration gave it
    /// and no deep bend taught it): twist is the thorax's swing–twist less the pelvis's, each about its
    /// own long axis, which needs no forward axis and is exact while the pelvis only hinges and turns
    /// (`turn ⊗ hinge ⊗ spine`); flexion and side bend are the thorax's less the pelvis's, exact in the
    /// sagittal plane.
    ///
    /// While the thorax's forward axis is unknown its bends are all reported as the exercise's first bend
    /// (`ForwardAxisLearner.provisional`); the pelvis tells more: a bend the hips take no part in
    /// (`hipsTakePart` false: a side bend barely tilts the pelvis) is the spine's side bend, its side
    /// unknown until the axis is (reported +).
    ///
    /// - Parameters:
    ///   - thorax: the thorax's angles from neutral, in rad.
    ///   - pelvis: the pelvis's angles from neutral, in rad.
    ///   - hipsTakePart: false when the thorax's bends are provisional and the hips take no part in this one.
    @inline(__always)
    public init(thorax: PostureAngles, pelvis: PostureAngles, hipsTakePart: Bool = true) {
        let twist = AngleWrap.principal(thorax.twist - pelvis.twist)
        // The spine's tilt is the thorax's less the pelvis's (exact when both bend in one plane; no arc
        // cosine per sample).
        let tilt = max(thorax.tilt - pelvis.tilt, 0)
        if hipsTakePart {
            spine = PostureAngles(flexion: thorax.flexion - pelvis.flexion,
                                  sideBend: thorax.sideBend - pelvis.sideBend, twist: twist, tilt: tilt)
        } else {
            spine = PostureAngles(flexion: 0, sideBend: tilt, twist: twist, tilt: tilt)
        }
        hipFlexion = pelvis.flexion
        pelvisTwist = pelvis.twist
    }
}

import StretchGuardCore
import Testing

/// The two-sensor spine from exact segment orientations: a whole-body turn cancels, a twist of the chest
/// over still hips is the spinal twist, a hip hinge is hip flexion with a straight back, and the neutral
/// stance may be any pair of orientations. (Angles to 1e-5°: the posture's arc tangent is a fast
/// approximation good to about 1e-6°.)
@Suite struct SpinalAnglesTests {
    /// Rotation about body y by `angle` (a forward bend of that segment: +x tips down).
    private func bend(_ angle: Double) -> QuaternionD { QuaternionD(axis: .unitY, angle: angle) }
    /// Rotation about z by `angle` (a turn to the left).
    private func turn(_ angle: Double) -> QuaternionD { QuaternionD(axis: .unitZ, angle: angle) }

    private func angles(thorax: QuaternionD, pelvis: QuaternionD,
                        neutralThorax: QuaternionD = .identity, neutralPelvis: QuaternionD = .identity) -> SpinalAngles {
        SpinalAngles(thorax: thorax, pelvis: pelvis, neutralThorax: neutralThorax, neutralPelvis: neutralPelvis)
    }

    @Test(arguments: [45.0, 90, 170, -120])
    func aWholeBodyTurnIsNoTwist(degrees: Double) {
        let yaw = turn(degrees * degree)
        let a = angles(thorax: yaw, pelvis: yaw)
        #expect(abs(a.spine.twist) < 1e-9 && abs(a.spine.flexion) < 1e-9 && abs(a.spine.sideBend) < 1e-9)
        #expect(abs(a.pelvisTwist / degree - degrees) < 1e-5, "the hips turned with the body")
    }

    @Test func aChestTurnedOverStillHipsIsTheSpinalTwist() {
        let a = angles(thorax: turn(20 * degree), pelvis: .identity)
        #expect(abs(a.spine.twist / degree - 20) < 1e-5)
        #expect(abs(a.pelvisTwist) < 1e-12)
        // The hips counter-rotating 5° to the right while the chest turns 15° left: 20° of spine.
        let b = angles(thorax: turn(15 * degree), pelvis: turn(-5 * degree))
        #expect(abs(b.spine.twist / degree - 20) < 1e-5)
        #expect(abs(b.pelvisTwist / degree + 5) < 1e-5)
    }

    @Test func aHipHingeWithAStraightBackIsHipFlexionOnly() {
        let a = angles(thorax: bend(40 * degree), pelvis: bend(40 * degree))
        #expect(abs(a.spine.flexion) < 1e-9)
        #expect(abs(a.hipFlexion / degree - 40) < 1e-5)
        // 60° of trunk over 20° of pelvis: 40° of it is the spine's.
        let b = angles(thorax: bend(60 * degree), pelvis: bend(20 * degree))
        #expect(abs(b.spine.flexion / degree - 40) < 1e-5)
        #expect(abs(b.hipFlexion / degree - 20) < 1e-5)
    }

    @Test func aTwistInAHipHingeIsMeasuredAboutTheThoraxsOwnAxis() {
        // Hinged 30° at the hips, then the chest turns 15° about its own (tilted) long axis.
        let hinge = bend(30 * degree)
        let a = angles(thorax: hinge * turn(15 * degree), pelvis: hinge)
        #expect(abs(a.spine.twist / degree - 15) < 1e-5)
        #expect(abs(a.spine.flexion) < 1e-9)
        // Turned about the vertical instead (the world's z), the same 15° shows as twist and a little side bend.
        let b = angles(thorax: turn(15 * degree) * hinge, pelvis: hinge)
        #expect(abs(b.spine.twist / degree) > 10 && abs(b.spine.twist / degree) < 15)
    }

    @Test func anyNeutralStanceWorks() {
        // Sensors' body frames need not agree at neutral: a slumped thorax, a tilted pelvis, the wearer
        // facing anywhere.
        let facing = turn(70 * degree)
        let neutralThorax = facing * bend(12 * degree) * QuaternionD(axis: .unitX, angle: 4 * degree)
        let neutralPelvis = facing * bend(-8 * degree)
        let still = angles(thorax: neutralThorax, pelvis: neutralPelvis,
                           neutralThorax: neutralThorax, neutralPelvis: neutralPelvis)
        #expect(abs(still.spine.twist) < 1e-9 && abs(still.spine.tilt) < 1e-6)
        // The same chest twist of 18° over still hips, then the whole body turned another 100°.
        let yaw = turn(100 * degree)
        let twisted = angles(thorax: yaw * neutralThorax * turn(18 * degree), pelvis: yaw * neutralPelvis,
                             neutralThorax: neutralThorax, neutralPelvis: neutralPelvis)
        #expect(abs(twisted.spine.twist / degree - 18) < 1e-5)
    }

    /// The spine's angles do not depend on how the pelvis sensor sits: a pelvis body frame that is off by
    /// any fixed rotation `M` (an unknown mounting: P → P ⊗ M) cancels in `R₀⁻¹ ⊗ R`. Only the hips' own
    /// angles need the pelvis's mounting; the spine needs the thorax's alone.
    @Test func theSpineNeedsNoPelvisMounting() {
        let mounting = QuaternionD(axis: Vector3D(0.3, -1, 0.6), angle: 2.2)
        let neutralThorax = turn(30 * degree), neutralPelvis = turn(30 * degree) * bend(-5 * degree)
        let thorax = turn(60 * degree) * bend(35 * degree) * turn(12 * degree)
        let pelvis = turn(55 * degree) * bend(10 * degree)
        let known = angles(thorax: thorax, pelvis: pelvis, neutralThorax: neutralThorax, neutralPelvis: neutralPelvis)
        let unknown = angles(thorax: thorax, pelvis: pelvis * mounting, neutralThorax: neutralThorax,
                             neutralPelvis: neutralPelvis * mounting)
        #expect(abs(known.spine.twist - unknown.spine.twist) < 1e-7)
        #expect(abs(known.spine.flexion - unknown.spine.flexion) < 1e-7)
        #expect(abs(known.spine.sideBend - unknown.spine.sideBend) < 1e-7)
        #expect(abs(known.hipFlexion - unknown.hipFlexion) > 1e-3, "the hips' angles do need the mounting")
    }
}

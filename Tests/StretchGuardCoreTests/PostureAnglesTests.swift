import Testing
@testable import StretchGuardCore

@Suite struct PostureAnglesTests {
    private func angles(_ q: QuaternionD) -> (flexion: Double, sideBend: Double, twist: Double) {
        PostureAngles(relativeRotation: q).degrees
    }

    @Test func pureTwistIsTwistOnly() {
        let a = angles(QuaternionD(axis: .unitZ, angle: 30 * degree))
        #expect(abs(a.twist - 30) < 1e-6 && abs(a.flexion) < 1e-9 && abs(a.sideBend) < 1e-9)
    }

    @Test func pureForwardBendIsPositiveFlexionAndTipsTheHeadForward() {
        let q = QuaternionD(axis: .unitY, angle: 40 * degree)
        let a = angles(q)
        #expect(abs(a.flexion - 40) < 1e-6 && abs(a.twist) < 1e-9 && abs(a.sideBend) < 1e-9)
        #expect(q.rotate(.unitZ).x > 0)  // the spine's top moves forward (+x)
    }

    @Test func sideBendTowardTheRightIsPositive() {
        let q = QuaternionD(axis: .unitX, angle: 15 * degree)
        #expect(q.rotate(.unitZ).y < 0)  // head toward −y, the wearer's right
        let a = angles(q)
        #expect(abs(a.sideBend - 15) < 1e-6 && abs(a.flexion) < 1e-9 && abs(a.twist) < 1e-9)
    }

    @Test func twistTurnsTheChestLeft() {
        #expect(QuaternionD(axis: .unitZ, angle: 20 * degree).rotate(.unitX).y > 0)  // chest toward +y, left
    }

    @Test func bendThenTwistKeepsTheTwistAboutTheBentSpine() {
        // Bend 60° forward, then twist 20° about the trunk's own (now tilted) long axis.
        let q = QuaternionD(axis: .unitY, angle: 60 * degree) * QuaternionD(axis: .unitZ, angle: 20 * degree)
        let a = angles(q)
        #expect(abs(a.flexion - 60) < 1e-6)
        #expect(abs(a.twist - 20) < 1e-6)
        #expect(abs(a.sideBend) < 1e-6)
    }

    @Test func forwardBendDoesNotLeakIntoTwist() {
        for flexion in stride(from: -30.0, through: 100, by: 10) {
            let a = angles(QuaternionD(axis: .unitY, angle: flexion * degree))
            #expect(abs(a.twist) < 1e-9 && abs(a.sideBend) < 1e-9)
        }
    }

    @Test(arguments: [(10.0, -5.0, 35.0), (-20.0, 12.0, -8.0), (85.0, 30.0, 44.0)])
    func roundTripsThroughItsRotation(flexion: Double, sideBend: Double, twist: Double) {
        let p = PostureAngles(flexion: flexion * degree, sideBend: sideBend * degree, twist: twist * degree)
        let back = PostureAngles(relativeRotation: p.rotation)
        // The angle functions are accurate to 1e-8 rad (FastArcTangent).
        #expect(abs(back.flexion - p.flexion) < 1e-8)
        #expect(abs(back.sideBend - p.sideBend) < 1e-8)
        #expect(abs(back.twist - p.twist) < 3e-8)
    }
}

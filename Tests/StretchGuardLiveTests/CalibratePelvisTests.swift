import Foundation
import StretchGuardCore
import Testing
@testable import StretchGuardLive

/// The two-sensor calibration's pose checks: the pelvis (belt) sensor's mounting from its own two poses,
/// where its bend is only the hips' share of the forward bend.
@Suite struct CalibratePelvisTests {
    private let check = CalibrationPoseCheck()
    private let thoraxMounting = QuaternionD(axis: Vector3D(1, 2, 3), angle: 2.0)
    private let pelvisMounting = QuaternionD(axis: Vector3D(-2, 1, 0.5), angle: 1.2)

    /// The thorax's samples of the same instants, each with the pelvis's reading.
    private func paired(_ thorax: [IMUSample], _ pelvis: [IMUSample]) -> [IMUSample] {
        zip(thorax, pelvis).map { t, p in
            var sample = t
            sample.pelvis = PelvisReading(gyr: p.gyr, acc: p.acc)
            return sample
        }
    }

    /// Upright for 3 s, then a 30° forward bend over 3 s of which the pelvis tilts `hips`, held 3 s.
    private func poses(hips: Double) throws -> (upright: Baseline, movement: [IMUSample], hold: [IMUSample]) {
        var thorax = SyntheticWearer(mounting: thoraxMounting)
        var pelvis = SyntheticWearer(mounting: pelvisMounting)
        pelvis.gyrBias = Vector3D(-0.003, 0.001, 0.005)
        thorax.still(3)
        pelvis.still(3)
        let upright = try check.upright(paired(thorax.take(), pelvis.take()), pelvis: true)
        thorax.rotate(about: .unitY, by: 30 * degree, over: 3)
        pelvis.rotate(about: .unitY, by: hips, over: 3)
        let movement = paired(thorax.take(), pelvis.take())
        thorax.still(3)
        pelvis.still(3)
        return (upright, movement, paired(thorax.take(), pelvis.take()))
    }

    @Test("both mountings from the same two poses; the pelvis's own bias and tilt")
    func bothMountings() throws {
        let (upright, movement, hold) = try poses(hips: 12 * degree)
        let pelvisUpright = try #require(upright.pelvis)
        #expect((pelvisUpright.gyrBias - Vector3D(-0.003, 0.001, 0.005)).length < 1e-9)
        let bend = try check.bend(from: upright, movement: movement, hold: hold)
        let thoraxError = (bend.mounting.sensorToBody * thoraxMounting.conjugate).canonical.angle
        #expect(thoraxError < 0.5 * degree)
        let pelvis = try #require(bend.pelvis)
        #expect(abs(pelvis.angle / degree - 12) < 0.1)
        let pelvisError = (pelvis.mounting.sensorToBody * pelvisMounting.conjugate).canonical.angle
        #expect(pelvisError < 0.5 * degree, "pelvis mounting off by \(pelvisError / degree)°")
    }

    @Test("a pelvis that barely tilted: refused with 'bend from the hips more'")
    func pelvisBarelyMoved() throws {
        let (upright, movement, hold) = try poses(hips: 4 * degree)
        #expect(throws: CalibrationPoseProblem.pelvisBarelyMoved(angle: 4 * degree, minimum: 8 * degree)) {
            do {
                _ = try check.bend(from: upright, movement: movement, hold: hold)
            } catch let CalibrationPoseProblem.pelvisBarelyMoved(angle, minimum) {
                // Rounded so that the comparison does not hang on the last bit.
                throw CalibrationPoseProblem.pelvisBarelyMoved(angle: (angle / degree).rounded() * degree, minimum: minimum)
            }
        }
        let problem = CalibrationPoseProblem.pelvisBarelyMoved(angle: 4 * degree, minimum: 8 * degree)
        #expect(problem.description.contains("tilted only 4°") && problem.description.contains("at least 8°"))
        #expect(problem.advice.hasPrefix("Bend from the hips more"))
    }

    @Test("upright with a pelvis reading missing: refused, naming the pelvis sensor")
    func pelvisMissingWhileUpright() throws {
        var thorax = SyntheticWearer(mounting: thoraxMounting)
        var pelvis = SyntheticWearer(mounting: pelvisMounting)
        thorax.still(3)
        pelvis.still(3)
        var samples = paired(thorax.take(), pelvis.take())
        for index in stride(from: 100, to: 140, by: 1) { samples[index].pelvis = nil }
        #expect(throws: CalibrationPoseProblem.pelvisMissing(samples: 260, of: 300)) {
            _ = try check.upright(samples, pelvis: true)
        }
        // One sensor configured: the same samples without their pelvis readings are fine.
        #expect(try check.upright(samples.map { var s = $0; s.pelvis = nil; return s }).pelvis == nil)
    }
}

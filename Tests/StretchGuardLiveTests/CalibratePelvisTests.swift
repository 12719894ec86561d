import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardHardware
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

/// The whole guided procedure with two sensors: both calibrated from the same poses on the first try, and
/// a wearer whose pelvis stays put is told to bend from the hips.
@Suite struct CalibratePelvisProcedureTests {
    /// A listed source that says it reads two sensors.
    struct PairedSamples: CalibrationSampleSource {
        var listed: ListedSamples
        var end: Double? { listed.end }
        var hasPelvis: Bool { true }
        mutating func next(_ deliver: (IMUSample, SampleHealth) -> Void) throws -> Int { try listed.next(deliver) }
    }

    /// The default timeline's moves: the thorax bends 30°, the pelvis `hips` of it.
    private func followsThePrompts(hips: Double) -> [IMUSample] {
        var thorax = SyntheticWearer(mounting: QuaternionD(axis: Vector3D(-2, 1, 0.5), angle: 2.5))
        var pelvis = SyntheticWearer(mounting: QuaternionD(axis: Vector3D(1, 1, 0), angle: 0.7))
        for wearer in [0, 1] {
            func moves(_ w: inout SyntheticWearer, bend: Double) {
                w.still(8.5)
                w.rotate(about: .unitY, by: bend, over: 3)
                w.still(5)
                w.rotate(about: .unitY, by: -bend, over: 3)
                w.still(1)
            }
            if wearer == 0 { moves(&thorax, bend: 30 * degree) } else { moves(&pelvis, bend: hips) }
        }
        return zip(thorax.take(), pelvis.take()).map { t, p in
            var sample = t
            sample.pelvis = PelvisReading(gyr: p.gyr, acc: p.acc)
            return sample
        }
    }

    private func run(_ samples: [IMUSample], tries: Int) throws -> (CalibrationProcedure.Result, String) {
        var text = ""
        let procedure = CalibrationProcedure(timeline: CalibrationTimeline(tries: tries),
                                             console: TextCalibrationConsole(isTerminal: false) { text += $0 })
        var source = PairedSamples(listed: ListedSamples(samples))
        let result = try procedure.run(&source)
        return (result, text)
    }

    @Test func bothSensorsCalibratedOnTheFirstTry() throws {
        let (result, text) = try run(followsThePrompts(hips: 12 * degree), tries: 1)
        let pelvis = try #require(result.baseline.pelvis)
        let error = (pelvis.mounting.sensorToBody * QuaternionD(axis: Vector3D(1, 1, 0), angle: 0.7).conjugate).canonical.angle
        #expect(error < 0.5 * degree)
        #expect(abs((result.bend.pelvis?.angle ?? 0) / degree - 12) < 0.5)
        #expect(text.contains("pelvis tilted 12°"), "\(text)")
        #expect(text.contains("Let the pelvis tip forward with you."))
    }

    @Test func aStillPelvisIsToldToBendFromTheHips() throws {
        do {
            _ = try run(followsThePrompts(hips: 3 * degree), tries: 1)
            Issue.record("a pelvis tilted 3° was accepted")
        } catch let failure as CalibrationProcedure.Failure {
            #expect(failure.description.contains("the pelvis (belt) sensor tilted only 3°"), "\(failure)")
            #expect(failure.description.contains("Bend from the hips more"))
        }
    }
}

/// `calibrate --show` and the summary after calibrating: both sensors, each with its own mounting and bias.
@Suite struct CalibrationTextPelvisTests {
    @Test func theSummaryShowsBothSensors() throws {
        var baseline = Baseline(gyrBias: Vector3D(0.01, 0, 0), gyrBiasSigma: 0.0002, gravity: Vector3D(0, 0, 9.81),
                                mounting: BodyMounting(sensorToBody: .identity), duration: 3, sampleCount: 300)
        baseline.pelvis = Baseline(gyrBias: Vector3D(0, 0.02, 0), gyrBiasSigma: 0.0003, gravity: Vector3D(0, 0, 9.8),
                                   mounting: BodyMounting(sensorToBody: QuaternionD(axis: .unitX, angle: .pi / 2)),
                                   duration: 3, sampleCount: 300)
        let sensor = CalibrationRecord.SensorIdentity(chip: "mpu6050", bus: "/dev/i2c-1", address: "0x68",
                                                      pelvis: .init(chip: "lsm6dsox", bus: "/dev/i2c-1", address: "0x6B"))
        let record = CalibrationRecord(name: "pair", created: Date(timeIntervalSince1970: 1_795_256_525), sensor: sensor,
                                       method: "calibrate", baseline: baseline)
        let lines = CalibrationText.summary(record, path: nil)
        #expect(lines.contains("sensor:           thorax mpu6050 at 0x68 on /dev/i2c-1 and pelvis lsm6dsox at 0x6B on /dev/i2c-1"))
        let pelvisStart = try #require(lines.firstIndex(of: "pelvis (belt) sensor: lsm6dsox at 0x6B on /dev/i2c-1"))
        let pelvisLines = lines[pelvisStart...].joined(separator: "\n")
        #expect(pelvisLines.contains("up the spine:") && pelvisLines.contains("gyro bias:      1.15 °/s"), "\(pelvisLines)")
        // One sensor: no pelvis part.
        var single = record
        single.sensor.pelvis = nil
        single.baseline.pelvis = nil
        #expect(!CalibrationText.summary(single, path: nil).contains { $0.contains("pelvis") })
    }
}

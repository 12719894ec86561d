import Foundation
import StretchGuardCore
import Testing
@testable import StretchGuardConfig

/// Calibration records for two sensors: the identity names both, files for one sensor still read, and a
/// calibration for one sensor set is refused for another with the fix.
@Suite struct CalibrationTwoSensorTests {
    private let thorax = CalibrationRecord.SensorIdentity(chip: "mpu6050", bus: "/dev/i2c-1", address: "0x68")
    private let pelvis = CalibrationRecord.SensorIdentity.Device(chip: "lsm6dsox", bus: "/dev/i2c-1", address: "0x6B")

    private func baseline(pelvis: Bool) -> Baseline {
        var baseline = Baseline(gyrBias: Vector3D(0.01, -0.02, 0.003), gyrBiasSigma: 0.0002,
                                gravity: Vector3D(0.1, 0.2, 9.8),
                                mounting: BodyMounting(sensorToBody: QuaternionD(axis: .unitZ, angle: 0.5)),
                                duration: 3, sampleCount: 300)
        if pelvis {
            baseline.pelvis = Baseline(gyrBias: Vector3D(-0.004, 0.001, 0.002), gyrBiasSigma: 0.0003,
                                       gravity: Vector3D(-0.3, 0.1, 9.79),
                                       mounting: BodyMounting(sensorToBody: QuaternionD(axis: .unitX, angle: 1.1)),
                                       duration: 3, sampleCount: 300)
        }
        return baseline
    }

    private func record(_ sensor: CalibrationRecord.SensorIdentity) -> CalibrationRecord {
        CalibrationRecord(name: "pair", created: Date(timeIntervalSince1970: 1_795_256_525), sensor: sensor,
                          method: "calibrate", baseline: baseline(pelvis: sensor.pelvis != nil))
    }

    @Test func aPairNamesBothSensorsAndRoundTrips() throws {
        let pair = thorax.with(pelvis: pelvis)
        #expect(pair.description == "thorax mpu6050 at 0x68 on /dev/i2c-1 and pelvis lsm6dsox at 0x6B on /dev/i2c-1")
        #expect(pair.key == "mpu6050-i2c-1-0x68+pelvis-lsm6dsox-i2c-1-0x6B")
        #expect(pair.key != thorax.key)
        let data = try record(pair).encoded()
        let back = try CalibrationRecord.decode(data, path: "pair.json", for: pair)
        #expect(back == record(pair))
        #expect(back.baseline.pelvis?.mounting == baseline(pelvis: true).pelvis?.mounting)
    }

    @Test func aOneSensorFileHasNoPelvisKeyAndStillReads() throws {
        let text = String(decoding: try record(thorax).encoded(), as: UTF8.self)
        #expect(!text.contains("pelvis"))
        #expect(try CalibrationRecord.decode(Data(text.utf8), path: "one.json", for: thorax).sensor.pelvis == nil)
    }

    @Test func oneSensorCalibrationRefusedForTwo() throws {
        let data = try record(thorax).encoded()
        do {
            _ = try CalibrationRecord.decode(data, path: "one.json", for: thorax.with(pelvis: pelvis))
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("is for one sensor (mpu6050 at 0x68 on /dev/i2c-1), but two are in use"))
            #expect(error.fix.contains("run `stretchguard calibrate` again") && error.fix.contains("calibrates both"))
            #expect(error.field == "sensor")
        }
    }

    @Test func twoSensorCalibrationRefusedForOne() throws {
        let data = try record(thorax.with(pelvis: pelvis)).encoded()
        do {
            _ = try CalibrationRecord.decode(data, path: "two.json", for: thorax)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("is for two sensors"))
            #expect(error.description.contains("but only one is in use (mpu6050 at 0x68 on /dev/i2c-1)"))
            #expect(error.fix.contains("run `stretchguard calibrate` again"))
        }
    }

    @Test func anotherPelvisChipIsRefused() throws {
        let data = try record(thorax.with(pelvis: pelvis)).encoded()
        let other = thorax.with(pelvis: .init(chip: "mpu6050", bus: "/dev/i2c-1", address: "0x69"))
        do {
            _ = try CalibrationRecord.decode(data, path: "two.json", for: other)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("pelvis lsm6dsox at 0x6B on /dev/i2c-1, but this session uses"))
            #expect(error.description.contains("pelvis mpu6050 at 0x69"))
        }
    }

    @Test func aPairRecordWithoutThePelvisBaselineIsDamaged() throws {
        var broken = record(thorax.with(pelvis: pelvis))
        broken.baseline.pelvis = nil
        let brokenData = try broken.encoded()
        do {
            _ = try CalibrationRecord.decode(brokenData, path: "broken.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.field == "baseline.pelvis" && error.description.contains("names a pelvis sensor"))
        }
        var wild = record(thorax.with(pelvis: pelvis))
        wild.baseline.pelvis?.gravity = Vector3D(0, 0, 30)
        let wildData = try wild.encoded()
        do {
            _ = try CalibrationRecord.decode(wildData, path: "wild.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.field == "baseline.pelvis.gravity")
        }
    }
}

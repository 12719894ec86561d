import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardLive
import Testing
@testable import stretchguard

/// How a calibration is put into words: the mounting as "which sensor axis points where", and the note when
/// forward moved since the last calibration.
@Suite struct CalibrateTextTests {
    /// A sensor whose -y axis runs up the spine and whose +z axis points forward, tilted 12° about the
    /// wearer's left–right axis (as on a rounded upper back).
    private let onTheBack: BodyMounting = {
        // Body axes in sensor coordinates: forward = +z, left = -x, up = -y; then the 12° tilt.
        let upright = QuaternionD(rotationMatrix: Matrix3(rows: Vector3D(0, 0, 1), Vector3D(-1, 0, 0), Vector3D(0, -1, 0)))
        return BodyMounting(sensorToBody: QuaternionD(axis: .unitY, angle: 12 * degree) * upright)
    }()

    private func record(_ mounting: BodyMounting, created: Date = Date(timeIntervalSince1970: 1_795_256_525)) -> CalibrationRecord {
        CalibrationRecord(name: "morning", created: created, sensor: .init(chip: "mpu6050", bus: "/dev/i2c-1", address: "0x68"),
                          method: "calibrate",
                          baseline: Baseline(gyrBias: Vector3D(1, -2, 0.5) * degree, gyrBiasSigma: 0.01 * degree,
                                             gravity: Vector3D(0, -9.79, 0), mounting: mounting, duration: 3, sampleCount: 600))
    }

    @Test func theMountingIsNamedByTheNearestSensorAxes() {
        let lines = CalibrationText.mounting(onTheBack)
        #expect(lines == ["up the spine:     the sensor's -y axis, tilted 12° from it",
                          "forward (chest):  the sensor's +z axis, turned 12° from it"])
    }

    @Test func theSummaryGivesTheBiasInDegreesPerSecondAndTheFile() {
        let lines = CalibrationText.summary(record(onTheBack), path: "/x/2026-11-21T10-22-05Z.json")
        #expect(lines.contains("sensor:           mpu6050 at 0x68 on /dev/i2c-1"))
        #expect(lines.contains("gyro bias:        2.29 °/s (x 1.00, y -2.00, z 0.50; ± 0.010 °/s)"))
        #expect(lines.contains("gravity:          9.79 m/s² (9.81 expected)"))
        #expect(lines.last == "file:             /x/2026-11-21T10-22-05Z.json")
    }

    @Test func aForwardDirectionThatMovedALotIsPointedOut() {
        let before = record(onTheBack)
        let sideways = BodyMounting(sensorToBody: QuaternionD(axis: .unitZ, angle: 90 * degree) * onTheBack.sensorToBody)
        let slightly = BodyMounting(sensorToBody: QuaternionD(axis: .unitZ, angle: 20 * degree) * onTheBack.sensorToBody)
        let note = CalibrationText.forwardChangeNote(from: before, to: record(sideways))
        #expect(note?.hasPrefix("Note: forward differs by 90° from the calibration of") == true)
        #expect(note?.contains("you may have bent sideways") == true)
        #expect(CalibrationText.forwardChangeNote(from: before, to: record(slightly)) == nil)
    }
}

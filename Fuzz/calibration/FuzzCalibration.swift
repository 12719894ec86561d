import Foundation
import FuzzSupport
import StretchGuardConfig
import StretchGuardCore

/// `CalibrationRecord.decode` on any bytes, for no sensor and for the simulated one: a `ConfigError` that
/// shows no raw Swift value, or a record that encodes again. Seeds are records written by the real encoder
/// (`--write-seeds`).
@main enum FuzzCalibration {
    static func main() {
        FuzzDriver.main(testOneInput, writeSeeds: writeSeeds)
    }

    /// A few records as `stretchguard calibrate` writes them.
    static func writeSeeds(_ folder: String) throws {
        let sensors = [CalibrationRecord.SensorIdentity.simulated,
                       CalibrationRecord.SensorIdentity(chip: "mpu6050", bus: "/dev/i2c-1", address: "0x68")]
        for (index, sensor) in sensors.enumerated() {
            let baseline = Baseline(gyrBias: Vector3D(0.01, -0.02, 0.003), gyrBiasSigma: 0.0002,
                                    gravity: Vector3D(0.1, 0.2, 9.8),
                                    mounting: BodyMounting(sensorToBody: QuaternionD(axis: .unitZ, angle: 0.5)),
                                    duration: 3, sampleCount: 300, forwardAxisKnown: index == 0)
            let record = CalibrationRecord(name: index == 0 ? "default" : "morning",
                                           created: Date(timeIntervalSince1970: 1_795_256_525),
                                           sensor: sensor, method: index == 0 ? "calibrate" : "session-start",
                                           baseline: baseline)
            try FuzzDriver.write(try record.encoded(), to: folder, name: "record-\(index).json")
        }
    }
}

private func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzDriver.bytes(data, size)
    let bytes = Data(input)
    for sensor in [nil, CalibrationRecord.SensorIdentity.simulated] {
        do {
            _ = try CalibrationRecord.decode(bytes, path: "fuzz.json", for: sensor).encoded()
        } catch let error as ConfigError {
            FuzzDriver.checkMessage(error.description, input: input)
        } catch {
            // encoded(): a decoded record always encodes; JSON cannot hold a value it cannot write back.
            FuzzDriver.require(false, "a decoded record does not encode: \(error)")
        }
    }
    return 0
}

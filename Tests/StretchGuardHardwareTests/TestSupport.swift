import StretchGuardGPIO
import StretchGuardCore
import StretchGuardHardware
import Testing

/// Whether two vectors differ by at most `tolerance` on every axis (units of the vectors).
func isClose(_ a: Vector3D, _ b: Vector3D, within tolerance: Double) -> Bool {
    abs(a.x - b.x) <= tolerance && abs(a.y - b.y) <= tolerance && abs(a.z - b.z) <= tolerance
}

/// A simulated bus with one simulated chip of each kind the test asks for, on one manual clock.
struct SimulatedRig {
    let clock = ManualClock(start: 100)
    let bus = SimulatedI2CBus(name: "test-bus", recordingWrites: true)

    /// Attaches an MPU-family chip measuring `source` at `address`.
    @discardableResult
    func addMPU(_ model: IMUChipKind = .mpu6050, at address: UInt8 = 0x68,
                source: any IMUSampleSource = ConstantSampleSource()) -> SimulatedMPU6050 {
        let chip = SimulatedMPU6050(model: model, clock: clock, source: source)
        bus.attach(chip, at: address)
        return chip
    }

    /// A configured MPU driver for the chip at `address`.
    func configuredMPUDriver(_ model: IMUChipKind = .mpu6050, at address: UInt8 = 0x68,
                             settings: IMUSettings = .standard) throws -> MPUDriver {
        var driver = MPUDriver(chip: model, bus: bus, address: address, clock: clock)
        try driver.configure(settings)
        return driver
    }

    /// Moves time forward by `periods` sample periods of `rate` Hz (plus a sliver, so the last sample is due).
    func advance(periods: Double, rate: Double = 200) {
        clock.advance(by: periods / rate + 1e-6)
    }
}

/// A source whose readings change with time, so each sample instant is recognisable: gyr = (t − 100, 0.5,
/// −0.25) rad/s (t in s), acc = (0, 0, g).
struct RampSampleSource: IMUSampleSource {
    func sample(at time: Double) -> IMUSample {
        IMUSample(time: time, gyr: Vector3D(time - 100, 0.5, -0.25), acc: Vector3D(0, 0, standardGravity))
    }
}

/// The error thrown by `body`, as an ``I2CError``; records an issue when it throws nothing or something else.
func i2cError(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> I2CError? {
    do {
        try body()
        Issue.record("expected an I2CError, nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as I2CError {
        return error
    } catch {
        Issue.record("expected an I2CError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

import StretchGuardConfig
import StretchGuardCore
import StretchGuardGPIO
import StretchGuardHardware

extension LiveSensor {
    /// The pelvis IMU on its bus (the thorax's, or its own), identified by WHO_AM_I and configured for
    /// reading on the thorax's ticks.
    ///
    /// - Parameters:
    ///   - imu: the configured pelvis IMU.
    ///   - thoraxAddress: the thorax chip's address (not taken for the pelvis on the same bus).
    ///   - thoraxBus: the thorax's bus, reused when the pelvis is on the same one.
    ///   - busPath: the thorax bus's path.
    ///   - tickRate: the thorax's achieved rate, in Hz.
    /// - Throws: ``LiveSetupError`` naming the pelvis and the fix; it never falls back to the simulated
    ///   sensor (the thorax is there).
    static func openPelvis(_ imu: HardwareConfig.IMU, beside thoraxAddress: UInt8, on thoraxBus: any I2CBus,
                           busPath: String, tickRate: Double)
        throws -> (identity: CalibrationRecord.SensorIdentity.Device, sensor: PelvisSensor) {
        let name = SensorPlacement.name(.pelvis)
        let sameBus = imu.bus.path == busPath
        let bus: any I2CBus
        do {
            bus = sameBus ? thoraxBus : try openBus(imu.bus.path)
        } catch {
            throw LiveSetupError("the \(name) sensor: \(error)", allowsSimulatedFallback: false)
        }
        let addresses = imu.candidateAddresses.filter { !sameBus || $0 != thoraxAddress }
        guard let chosen = IMUProbe.scan(bus, addresses: addresses).found.first(where: { imu.chip == nil || $0.chip.rawValue == imu.chip?.rawValue }) else {
            throw LiveSetupError("the \(name) sensor: \(SensorPlacement.noAnswer(at: addresses, on: imu.bus.path)); "
                                 + SensorPlacement.noAnswerFix(role: .pelvis, bus: imu.bus.path),
                                 allowsSimulatedFallback: false)
        }
        let reader: TickPairedIMU
        do {
            reader = try TickPairedIMU(driver: chosen.makeDriver(bus: bus), settings: IMUSettings(imu), tickRate: tickRate,
                                   now: SystemMonotonicClock().now())
        } catch {
            throw LiveSetupError("the \(name) sensor \(chosen.chip) at \(hexByte(chosen.address)) on \(imu.bus.path) "
                                 + "could not be set up: \(error); run `stretchguard doctor`", allowsSimulatedFallback: false)
        }
        let device = CalibrationRecord.SensorIdentity.Device(chip: chosen.chip.rawValue, bus: imu.bus.path,
                                                             address: hexByte(chosen.address))
        return (device, PelvisSensor(reader: reader, device: "\(imu.bus.path) \(hexByte(chosen.address))",
                                     chipName: chosen.chip.description))
    }
}

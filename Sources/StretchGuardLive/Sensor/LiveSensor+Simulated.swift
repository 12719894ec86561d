import StretchGuardConfig
import StretchGuardCore
import StretchGuardGPIO
import StretchGuardHardware

extension LiveSensor {
    /// The simulated pelvis chip's address (AD0 high).
    public static let simulatedPelvisAddress: UInt8 = 0x69

    /// The simulated MPU-6050 at 0x68 on a simulated bus, playing `scenario` from now; when the scenario
    /// renders a pelvis sensor (its samples carry `pelvis`), a second simulated MPU-6050 at 0x69 plays that
    /// stream and is read on the first one's ticks, as a real pair is.
    static func openSimulated(imu: HardwareConfig.IMU, scenario: SimulatedScenario, reason: String?,
                              clock system: any MonotonicClock) throws -> LiveSensor {
        let start = system.now() + 0.05
        let chip = SimulatedMPU6050(clock: system, source: RecordedSampleSource(scenario.samples, startingAt: start))
        let bus = SimulatedI2CBus(name: "simulated-i2c")
        bus.attach(chip, at: 0x68)
        var driver = DetectedIMU(chip: .mpu6050, address: 0x68, whoAmI: 0x68).makeDriver(bus: bus, clock: system)
        try driver.configure(IMUSettings(imu))
        var pelvis: PelvisSensor?
        let pelvisSamples = scenario.samples.compactMap(\.pelvisSample)
        if let first = pelvisSamples.first {
            // The pelvis stream starts where the scenario's does, even if its first ticks had no reading.
            let offset = first.time - (scenario.samples.first?.time ?? first.time)
            let pelvisChip = SimulatedMPU6050(clock: system, source: RecordedSampleSource(pelvisSamples, startingAt: start + offset))
            bus.attach(pelvisChip, at: simulatedPelvisAddress)
            let pelvisDriver = DetectedIMU(chip: .mpu6050, address: simulatedPelvisAddress, whoAmI: 0x68).makeDriver(bus: bus, clock: system)
            let reader = try TickPairedIMU(driver: pelvisDriver, settings: IMUSettings(imu),
                                           tickRate: driver.configuration.outputDataRate, now: system.now())
            pelvis = PelvisSensor(reader: reader, device: "simulated \(hexByte(simulatedPelvisAddress))",
                                  chipName: "MPU-6050 (simulated)")
        }
        let clock = try SampleClock(driver: driver, clock: system,
                                    choice: SampleClockChoice(mode: .polling, evidence: "the simulated sensor"))
        let duration = (scenario.samples.last?.time ?? 0) - (scenario.samples.first?.time ?? 0)
        return LiveSensor(identity: pelvis == nil ? .simulated : .simulatedPair, device: "simulated (scenario \(scenario.name))",
                          chipName: "MPU-6050 (simulated)", clock: clock, pelvis: pelvis, timeSource: system,
                          scenarioEnd: start + duration, fallbackReason: reason, simulatedBus: bus)
    }
}

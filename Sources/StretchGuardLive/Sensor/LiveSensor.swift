import StretchGuardGPIO
import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardHardware
import StretchGuardStore

/// The sensor a live command reads: a real IMU found on the configured bus, or the simulated MPU-6050
/// (register-level, behind the same `I2CBus`) playing a scenario. Either way the real driver and the
/// sample clock run; samples arrive timestamped on the monotonic clock.
///
/// With a pelvis IMU configured (or a scenario that renders one) there are two sensors: the thorax's sample
/// clock times every tick, and the pelvis's latest sample is read right after the thorax's on the same tick
/// (``TickPairedIMU`` says how they are aligned); ``next(_:)`` hands both over as one ``IMUSample`` whose
/// `pelvis` is nil on a tick where the pelvis read failed.
///
/// A real IMU's sample clock is chosen by trying the modes on it (`SampleClock.probing`): the data-ready
/// edge when the configured line opens and edges arrive once the interrupt is armed, else the FIFO when
/// it fills (one sensor only), else polling; `clockMode` and `clockFallbackReason` say which and why.
public struct LiveSensor {
    /// Which sensor (or pair of sensors) this is (calibrations belong to one).
    public let identity: CalibrationRecord.SensorIdentity
    /// For the session record: "/dev/i2c-1 0x68" or "simulated (scenario demo)".
    public let device: String
    /// The chip's part name, "MPU-6050".
    public let chipName: String
    /// The sample clock over the configured driver.
    public var clock: SampleClock
    /// The pelvis sensor, read on each of the thorax's ticks; nil with one sensor.
    public var pelvis: PelvisSensor?
    /// The clock the samples are stamped on (and the session is timed by), in s: `CLOCK_MONOTONIC`, or the
    /// simulation's clock.
    public let timeSource: any MonotonicClock
    /// For the simulated sensor: when the scenario ends, in monotonic s; nil for a real sensor.
    public let scenarioEnd: Double?
    /// Why `auto` fell back to the simulated sensor (printed once), or nil.
    public let fallbackReason: String?
    /// The simulated sensor's bus (thorax at 0x68, pelvis at 0x69), for fault injection; nil for a real one.
    public let simulatedBus: SimulatedI2CBus?

    /// The second sensor of a pair: its reader and what to call it.
    public struct PelvisSensor {
        /// The chip, read on the thorax's ticks.
        public var reader: TickPairedIMU
        /// "/dev/i2c-1 0x69" or "simulated 0x69".
        public var device: String
        /// The chip's part name, "MPU-6050".
        public var chipName: String
    }

    /// Whether two sensors are read.
    public var hasPelvis: Bool { pelvis != nil }

    /// Arms the sample clock (the pelvis needs nothing: it runs free since it was configured).
    public mutating func start() throws { try clock.start() }

    /// Disarms the sample clock.
    public mutating func stop() throws { try clock.stop() }

    /// Waits until samples are due, reads them and hands each to `deliver`, oldest first: with two sensors
    /// one per tick, its `sample.pelvis` read right after the thorax's (nil when that read failed).
    ///
    /// - Returns: how many samples were delivered (see ``SampleClock/next(_:)``).
    /// - Throws: the thorax driver's errors (a pelvis failure is never thrown: it gives nil readings).
    public mutating func next(_ deliver: (IMUReading) -> Void) throws -> Int {
        guard pelvis != nil else { return try clock.next(deliver) }
        var tick: IMUReading?
        let count = try clock.next { tick = $0 }  // edge or polling: one reading per tick
        guard var reading = tick else { return count }
        let now = timeSource.now()
        if let paired = pelvis?.reader.read(stampedAt: reading.sample.time, now: now) {
            reading.sample.pelvis = PelvisReading(gyr: paired.sample.gyr, acc: paired.sample.acc)
        }
        deliver(reading)
        return count
    }

    /// The size of one raw count, for the session store.
    public var scale: SampleScale {
        SampleScale(gyr: clock.driver.configuration.gyrScale, acc: clock.driver.configuration.accScale)
    }

    /// The pelvis sensor as the session store records it (its device, chip and count sizes), or nil with
    /// one sensor.
    public var pelvisStoreInfo: PelvisSensorInfo? {
        guard let pelvis else { return nil }
        let configuration = pelvis.reader.driver.configuration
        return PelvisSensorInfo(device: pelvis.device, chip: pelvis.chipName,
                                scale: SampleScale(gyr: configuration.gyrScale, acc: configuration.accScale))
    }

    /// The achieved output data rate, in Hz.
    public var rate: Double { clock.driver.configuration.outputDataRate }

    /// How samples are timed: the data-ready edge, the FIFO or polling.
    public var clockMode: SampleClockMode { clock.mode }

    /// Why a better sample-clock mode was passed over ("data-ready line GPIO17 gave no edges within 50 ms"),
    /// or nil when the best one is in use.
    public var clockFallbackReason: String? { clock.choice.fallbackReason }

    /// Opens the sensor `choice` asks for.
    ///
    /// - Parameters:
    ///   - choice: auto, sim or a chip kind.
    ///   - imu: the configured thorax IMU (bus, address, rate, ranges).
    ///   - pelvis: the configured pelvis IMU (two-sensor mode), or nil. The simulated sensor ignores it and
    ///     has a pelvis when the scenario renders one.
    ///   - scenario: what the simulated sensor plays.
    ///   - gpioChip: the chip the IMU's data-ready line is on (the config's `gpio.chip`); nil: the chip that
    ///     has a line of that name.
    ///   - clock: the clock the simulated chip and its sample clock run on (the system's; a ``ManualClock``
    ///     plays the scenario as fast as it is read).
    public static func open(_ choice: SensorChoice, imu: HardwareConfig.IMU, pelvis: HardwareConfig.IMU? = nil,
                            scenario: @autoclosure () throws -> SimulatedScenario,
                            gpioChip: HardwareConfig.Chip? = nil,
                            clock: any MonotonicClock = SystemMonotonicClock()) throws -> LiveSensor {
        if choice != .simulated {
            do {
                return try openHardware(imu: imu, pelvis: pelvis, kind: { if case .chip(let kind) = choice { kind } else { nil } }(),
                                        gpioChip: gpioChip)
            } catch let error as LiveSetupError where choice == .auto && error.allowsSimulatedFallback {
                return try openSimulated(imu: imu, scenario: scenario(), reason: error.description, clock: clock)
            }
        }
        return try openSimulated(imu: imu, scenario: scenario(), reason: nil, clock: clock)
    }

    /// The configured IMU on its bus, identified by WHO_AM_I, with the best sample clock that works, and the
    /// pelvis IMU when one is configured.
    private static func openHardware(imu: HardwareConfig.IMU, pelvis pelvisIMU: HardwareConfig.IMU?, kind: IMUChipKind?,
                                     gpioChip: HardwareConfig.Chip?) throws -> LiveSensor {
        let bus = try openBus(imu.bus.path)
        var addresses = imu.candidateAddresses
        if let pelvisIMU, pelvisIMU.bus == imu.bus, let taken = pelvisIMU.address { addresses.removeAll { $0 == taken } }
        let found = IMUProbe.scan(bus, addresses: addresses).found
            .filter { kind == nil || $0.chip == kind }
        guard let chosen = found.first else {
            let what = kind.map { "\($0)" } ?? "IMU"
            throw LiveSetupError("no \(what) answers on \(imu.bus.path)")
        }
        var driver = chosen.makeDriver(bus: bus)
        try driver.configure(IMUSettings(imu))
        let pelvis = try pelvisIMU.map {
            try openPelvis($0, beside: chosen.address, on: bus, busPath: imu.bus.path,
                           tickRate: driver.configuration.outputDataRate)
        }
        let clock = try probeClock(driver: driver, imu: imu, gpioChip: gpioChip, gpio: LinuxGPIOBackend(),
                                   allowFIFO: pelvis == nil)
        let thorax = CalibrationRecord.SensorIdentity(chip: chosen.chip.rawValue, bus: imu.bus.path, address: hexByte(chosen.address))
        return LiveSensor(identity: thorax.with(pelvis: pelvis?.identity), device: "\(imu.bus.path) \(hexByte(chosen.address))",
                          chipName: chosen.chip.description, clock: clock, pelvis: pelvis?.sensor,
                          timeSource: SystemMonotonicClock(), scenarioEnd: nil, fallbackReason: nil, simulatedBus: nil)
    }

    /// Opens an I2C bus, or says why not.
    static func openBus(_ path: String) throws -> LinuxI2CBus {
        do {
            return try LinuxI2CBus(path: path)
        } catch {
            throw LiveSetupError("cannot open \(path): \(error.kind.meaning)")
        }
    }

    /// The sample clock for `driver`: the modes tried on the chip, best first, with the IMU's data-ready line
    /// (`imu.dataReadyLine`) requested from `gpio` for the edge mode (and released when another mode wins).
    ///
    /// - Parameters:
    ///   - gpioChip: the chip the line is on; nil: the first chip with a line of that name (header chips
    ///     first), or gpiochip0 for a line given by offset.
    ///   - clock: the monotonic clock (the system's; a test's manual one).
    ///   - allowFIFO: false with two sensors (a pair is timed by the edge or by polling).
    static func probeClock(driver: any IMUDriver, imu: HardwareConfig.IMU, gpioChip: HardwareConfig.Chip?,
                           gpio: any GPIOBackend, clock: any MonotonicClock = SystemMonotonicClock(),
                           allowFIFO: Bool = true) throws -> SampleClock {
        let candidate: DataReadyCandidate
        if let line = imu.dataReadyLine {
            do {
                if let chip = try dataReadyChip(for: line, configured: gpioChip, gpio: gpio) {
                    defer { chip.close() }
                    candidate = .line(try DataReadyLine(chip: chip, line: GPIOLineAddress(line)), name: line.description)
                } else {
                    candidate = .unavailable(reason: "no GPIO chip has a line named \(line) (the data-ready line)")
                }
            } catch {
                candidate = .unavailable(reason: "data-ready line \(line) could not be requested (\(error))")
            }
        } else {
            candidate = .unavailable(reason: "no data-ready line is configured (imu.data_ready_line: none)")
        }
        return try SampleClock.probing(driver: driver, clock: clock, dataReady: candidate, allowFIFO: allowFIFO)
    }

    /// The chip to request the data-ready line from: the configured one, else the first chip with a line of
    /// that name (the 40-pin header's chips first; nil when none has it), else gpiochip0 for an offset.
    private static func dataReadyChip(for line: HardwareConfig.Line, configured: HardwareConfig.Chip?,
                                      gpio: any GPIOBackend) throws(GPIOError) -> (any GPIOChip)? {
        if let configured { return try gpio.openChip(GPIOChipAddress(configured.description)) }
        guard case .name = line else { return try gpio.openChip(.name("gpiochip0")) }
        let header = HardwareConfig.Chip.raspberryPiHeaderLabels
        for info in try gpio.chips().sorted(by: { header.contains($0.label) && !header.contains($1.label) }) {
            guard let chip = try? gpio.openChip(.path(info.path)) else { continue }
            if (try? chip.offset(of: GPIOLineAddress(line))) != nil { return chip }
            chip.close()
        }
        return nil
    }
}

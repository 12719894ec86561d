import StretchGuardGPIO
/// The driver for the TDK InvenSense ICM-20948 (accelerometer and gyroscope; the AK09916 magnetometer
/// behind it is not used).
///
/// The chip rests in register bank 0 between calls (data, status, FIFO); configuration visits bank 2 for
/// rates, ranges and filters and returns to bank 0, also when a transfer fails on the way. Rates are
/// 1.125 kHz / (1 + divider): 187.5 Hz is the nearest to 200 Hz. A sample is one 12-byte burst read of
/// 0x2D…0x38 (acc then gyr, big-endian).
public struct ICM20948Driver: IMUDriver {
    public var chip: IMUChipKind { .icm20948 }
    public let address: UInt8
    public private(set) var settings = IMUSettings.standard
    public private(set) var configuration: IMUConfiguration
    private let port: RegisterPort
    private let fifo: InvenSenseFIFO
    private var health: SampleHealthMonitor

    private typealias Bank0 = ICM20948Register.Bank0
    private typealias Bank2 = ICM20948Register.Bank2

    /// A driver for the chip at `address` (0x68 with AD0 low, 0x69 with AD0 high, the breakouts' default);
    /// nothing is sent until ``configure(_:)``.
    public init(bus: any I2CBus, address: UInt8 = 0x69, clock: any MonotonicClock = SystemMonotonicClock()) {
        self.address = address
        port = RegisterPort(bus: bus, address: address, clock: clock)
        fifo = InvenSenseFIFO(countRegister: Bank0.fifoCountHigh, dataRegister: Bank0.fifoData,
                              capacityBytes: ICM20948Tables.fifoBytes)
        health = SampleHealthMonitor(stuckLimit: settings.stuckSampleLimit)
        // The chip's reset state: ±250 °/s, ±2 g, 1.125 kHz, filters bypassed.
        configuration = .scaled(outputDataRate: ICM20948Tables.baseRate, gyrRange: .dps250, accRange: .g2,
                                gyrLowPassBandwidth: nil, accLowPassBandwidth: nil,
                                degreesPerSecondPerCount: 1 / MPUTables.gyrCountsPerDegreePerSecond[0],
                                gravitiesPerCount: 1 / MPUTables.accCountsPerGravity[0])
    }

    public var fifoCapacity: Int? { fifo.capacitySamples }

    public mutating func configure(_ settings: IMUSettings) throws {
        guard let gyrCode = MPUTables.gyrCode(settings.gyrRange) else {
            throw IMUDriverError.unsupportedGyrRange(chip: chip, range: settings.gyrRange)
        }
        let accCode = MPUTables.accCode(settings.accRange)
        let requested = min(try settings.checkedOutputDataRate(), ICM20948Tables.baseRate)
        let divider = UInt8(clamping: Int((ICM20948Tables.baseRate / requested).rounded()) - 1)
        let rate = ICM20948Tables.baseRate / (1 + Double(divider))
        let filter = lowPassIndex(for: settings, rate: rate, bandwidths: ICM20948Tables.gyrBandwidths)
        let filterBits = UInt8(filter) << 3

        try port.write(ICM20948Register.bankSelect, 0)
        try port.checkIdentity(of: chip)
        try port.resetAndWait(register: Bank0.powerManagement1, value: MPUBit.deviceReset, bit: MPUBit.deviceReset)
        try port.write(ICM20948Register.bankSelect, 0)
        try port.writeVerified(Bank0.powerManagement1, MPUBit.clockPLL, chip: chip)
        try port.write(Bank0.powerManagement2, 0)
        try port.write(Bank0.userControl, 0)
        try port.write(Bank0.interruptEnable1, 0)
        try port.write(Bank0.fifoEnable2, 0)
        try inBank2 {
            try port.write(Bank2.gyrSampleRateDivider, divider)
            try port.writeVerified(Bank2.gyrConfig1, filterBits | gyrCode << 1 | 1, chip: chip)
            try port.write(Bank2.rateAlignment, 1)
            try port.write(Bank2.accSampleRateDivider1, 0)
            try port.write(Bank2.accSampleRateDivider2, divider)
            try port.writeVerified(Bank2.accConfig, filterBits | accCode << 1 | 1, chip: chip)
        }

        self.settings = settings
        health = SampleHealthMonitor(stuckLimit: settings.stuckSampleLimit)
        configuration = .scaled(outputDataRate: rate, gyrRange: settings.gyrRange, accRange: settings.accRange,
                                gyrLowPassBandwidth: ICM20948Tables.gyrBandwidths[filter],
                                accLowPassBandwidth: ICM20948Tables.accBandwidths[filter],
                                degreesPerSecondPerCount: 1 / MPUTables.gyrCountsPerDegreePerSecond[Int(gyrCode)],
                                gravitiesPerCount: 1 / MPUTables.accCountsPerGravity[Int(accCode)])
    }

    public mutating func readSample(time: Double) throws -> IMUReading {
        let block = try port.readBlock(Bank0.accXHigh, count: ICM20948Register.dataLength)
        let raw = RawIMUCounts.bigEndian(block, accOffset: 0, gyrOffset: 6)
        return IMUReading(sample: configuration.sample(from: raw, time: time), raw: raw, health: health.assess(raw))
    }

    public func isDataReady() throws -> Bool {
        try port.read(Bank0.interruptStatus1) & 0x01 != 0
    }

    /// INT pin: active high, push-pull, a 50 µs pulse per sample (INT_PIN_CFG = 0).
    public func setDataReadyInterrupt(enabled: Bool) throws {
        try port.write(Bank0.interruptPinConfig, 0)
        try port.write(Bank0.interruptEnable1, enabled ? 0x01 : 0x00)
    }

    public func setFIFO(enabled: Bool) throws {
        try port.write(Bank0.userControl, 0)
        guard enabled else {
            try port.write(Bank0.fifoEnable2, 0)
            return
        }
        try port.write(Bank0.fifoMode, 0)
        try port.write(Bank0.fifoEnable2, 0x1E)
        try resetFIFO()
    }

    /// Asserts and de-asserts FIFO_RST, enables the FIFO, and reads INT_STATUS_2 to clear a stale overflow.
    public func resetFIFO() throws {
        try port.write(Bank0.fifoReset, 0x1F)
        try port.write(Bank0.fifoReset, 0x00)
        try port.write(Bank0.userControl, MPUBit.fifoEnable)
        _ = try port.read(Bank0.interruptStatus2)
    }

    public func fifoLevel() throws -> FIFOLevel {
        let status = try port.read(Bank0.interruptStatus2)
        return try fifo.level(port, overflowFlag: status & 0x1F != 0)
    }

    public mutating func readFIFO(count: Int, firstTime: Double, period: Double,
                                  _ body: (IMUReading) -> Void) throws {
        try fifo.read(port, count: count, firstTime: firstTime, period: period, configuration: configuration,
                      health: &health, body)
    }

    /// Runs `body` with register bank 2 selected, and selects bank 0 again afterwards (best effort when
    /// `body` failed, so the chip does not stay in bank 2 after a glitch).
    private func inBank2(_ body: () throws -> Void) throws {
        try port.write(ICM20948Register.bankSelect, 2 << 4)
        do {
            try body()
        } catch {
            try? port.write(ICM20948Register.bankSelect, 0)
            throw error
        }
        try port.write(ICM20948Register.bankSelect, 0)
    }
}

import StretchGuardGPIO
/// The driver for the InvenSense MPU-6050, MPU-6500 and MPU-9250/9255 (one register map).
///
/// Configuration: device reset, wake on the gyro PLL clock, DLPF_CFG (1…6, so the internal rate is 1 kHz),
/// SMPLRT_DIV for the rate (1 kHz / (1 + divider): 200 Hz exactly by default), FS_SEL and AFS_SEL for the
/// ranges (read back to check), and on the MPU-6500 family A_DLPF_CFG for the accelerometer's filter. A
/// sample is one 14-byte burst read of 0x3B…0x48 (acc, temperature, gyr; big-endian).
public struct MPUDriver: IMUDriver {
    public let chip: IMUChipKind
    public let address: UInt8
    public private(set) var settings = IMUSettings.standard
    public private(set) var configuration: IMUConfiguration
    private let port: RegisterPort
    private let fifo: InvenSenseFIFO
    private var health: SampleHealthMonitor

    /// A driver for the chip at `address`; nothing is sent until ``configure(_:)``.
    ///
    /// - Parameters:
    ///   - chip: one of the MPU family (``IMUChipFamily/invenSenseMPU``).
    ///   - bus: the shared bus.
    ///   - address: 0x68 (AD0 low) or 0x69 (AD0 high).
    ///   - clock: for the reset wait.
    public init(chip: IMUChipKind = .mpu6050, bus: any I2CBus, address: UInt8 = 0x68,
                clock: any MonotonicClock = SystemMonotonicClock()) {
        precondition(chip.family == .invenSenseMPU, "MPUDriver drives the MPU-6050/6500/9250 family")
        self.chip = chip
        self.address = address
        port = RegisterPort(bus: bus, address: address, clock: clock)
        fifo = InvenSenseFIFO(countRegister: MPURegister.fifoCountHigh, dataRegister: MPURegister.fifoData,
                              capacityBytes: MPUTables.fifoBytes(chip))
        health = SampleHealthMonitor(stuckLimit: settings.stuckSampleLimit)
        // The chip's reset state: ±250 °/s, ±2 g, DLPF off (8 kHz gyro rate, 256 Hz bandwidth).
        configuration = .scaled(outputDataRate: 8000, gyrRange: .dps250, accRange: .g2,
                                gyrLowPassBandwidth: 256, accLowPassBandwidth: 260,
                                degreesPerSecondPerCount: 1 / MPUTables.gyrCountsPerDegreePerSecond[0],
                                gravitiesPerCount: 1 / MPUTables.accCountsPerGravity[0])
    }

    public var fifoCapacity: Int? { fifo.capacitySamples }

    public mutating func configure(_ settings: IMUSettings) throws {
        guard let gyrCode = MPUTables.gyrCode(settings.gyrRange) else {
            throw IMUDriverError.unsupportedGyrRange(chip: chip, range: settings.gyrRange)
        }
        let accCode = MPUTables.accCode(settings.accRange)
        let requested = min(try settings.checkedOutputDataRate(), MPUTables.internalRate)
        let divider = UInt8(clamping: Int((MPUTables.internalRate / requested).rounded()) - 1)
        let rate = MPUTables.internalRate / (1 + Double(divider))
        let gyrBandwidths = MPUTables.gyrBandwidths(chip)
        let filter = lowPassIndex(for: settings, rate: rate, bandwidths: gyrBandwidths)
        let dlpfCode = UInt8(filter + 1)

        try port.checkIdentity(of: chip)
        try port.resetAndWait(register: MPURegister.powerManagement1, value: MPUBit.deviceReset,
                              bit: MPUBit.deviceReset)
        try port.writeVerified(MPURegister.powerManagement1, MPUBit.clockPLL, chip: chip)
        try port.write(MPURegister.powerManagement2, 0)
        try port.write(MPURegister.config, dlpfCode)
        try port.write(MPURegister.sampleRateDivider, divider)
        try port.writeVerified(MPURegister.gyrConfig, gyrCode << 3, chip: chip)
        try port.writeVerified(MPURegister.accConfig, accCode << 3, chip: chip)
        if chip != .mpu6050 {
            try port.write(MPURegister.accConfig2, dlpfCode)
        }
        try port.write(MPURegister.interruptEnable, 0)
        try port.write(MPURegister.fifoEnable, 0)
        try port.write(MPURegister.userControl, 0)

        self.settings = settings
        health = SampleHealthMonitor(stuckLimit: settings.stuckSampleLimit)
        configuration = .scaled(outputDataRate: rate, gyrRange: settings.gyrRange, accRange: settings.accRange,
                                gyrLowPassBandwidth: gyrBandwidths[filter],
                                accLowPassBandwidth: MPUTables.accBandwidths(chip)[filter],
                                degreesPerSecondPerCount: 1 / MPUTables.gyrCountsPerDegreePerSecond[Int(gyrCode)],
                                gravitiesPerCount: 1 / MPUTables.accCountsPerGravity[Int(accCode)])
    }

    public mutating func readSample(time: Double) throws -> IMUReading {
        let block = try port.readBlock(MPURegister.accXHigh, count: MPURegister.dataLength)
        let raw = RawIMUCounts.bigEndian(block, accOffset: 0, gyrOffset: 8)
        return IMUReading(sample: configuration.sample(from: raw, time: time), raw: raw, health: health.assess(raw))
    }

    public func isDataReady() throws -> Bool {
        try port.read(MPURegister.interruptStatus) & MPUBit.dataReady != 0
    }

    /// INT pin: active high, push-pull, a 50 µs pulse per sample (INT_PIN_CFG = 0).
    public func setDataReadyInterrupt(enabled: Bool) throws {
        try port.write(MPURegister.interruptPinConfig, 0)
        let current = try port.read(MPURegister.interruptEnable)
        let wanted = enabled ? current | MPUBit.dataReady : current & ~MPUBit.dataReady
        try port.write(MPURegister.interruptEnable, wanted)
    }

    public func setFIFO(enabled: Bool) throws {
        try port.write(MPURegister.userControl, 0)
        guard enabled else {
            try port.write(MPURegister.fifoEnable, 0)
            return
        }
        try port.write(MPURegister.fifoEnable, MPUBit.fifoGyrAndAcc)
        try resetFIFO()
    }

    /// FIFO_RESET only acts while the FIFO is off: off, reset, on; then INT_STATUS is read to clear a stale
    /// overflow flag.
    public func resetFIFO() throws {
        try port.write(MPURegister.userControl, 0)
        try port.write(MPURegister.userControl, MPUBit.fifoReset)
        try port.write(MPURegister.userControl, MPUBit.fifoEnable)
        _ = try port.read(MPURegister.interruptStatus)
    }

    public func fifoLevel() throws -> FIFOLevel {
        let status = try port.read(MPURegister.interruptStatus)
        return try fifo.level(port, overflowFlag: status & MPUBit.fifoOverflow != 0)
    }

    public mutating func readFIFO(count: Int, firstTime: Double, period: Double,
                                  _ body: (IMUReading) -> Void) throws {
        try fifo.read(port, count: count, firstTime: firstTime, period: period, configuration: configuration,
                      health: &health, body)
    }
}

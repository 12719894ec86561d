import StretchGuardGPIO
/// The driver for the ST LSM6DS3, LSM6DS3TR-C and LSM6DSOX.
///
/// Configuration: software reset, block data update with address auto-increment, the same ODR code for both
/// sensors (208 Hz is the nearest to 200 Hz), the ranges, and on the LSM6DSOX the accelerometer's LPF2 for
/// the low-pass bandwidth (the LSM6DS3 family keeps its ODR-tied default filters, reported as nil). A sample
/// is one 12-byte burst read of 0x22…0x2D (gyr then acc, little-endian). The FIFO queues both sensors at
/// the output data rate (``LSM6DSFIFO``).
public struct LSM6DSDriver: IMUDriver {
    public let chip: IMUChipKind
    public let address: UInt8
    public private(set) var settings = IMUSettings.standard
    public private(set) var configuration: IMUConfiguration
    private let port: RegisterPort
    private var health: SampleHealthMonitor
    private var fifo: LSM6DSFIFO
    /// The ODR code (1…10) both sensors run at.
    private var rateCode: UInt8 = 0

    /// A driver for the chip at `address`; nothing is sent until ``configure(_:)``.
    ///
    /// - Parameters:
    ///   - chip: one of the LSM6DS family (``IMUChipFamily/stLSM6DS``).
    ///   - address: 0x6A (SA0 low) or 0x6B (SA0 high, the breakouts' default).
    public init(chip: IMUChipKind = .lsm6dsox, bus: any I2CBus, address: UInt8 = 0x6A,
                clock: any MonotonicClock = SystemMonotonicClock()) {
        precondition(chip.family == .stLSM6DS, "LSM6DSDriver drives the LSM6DS3/LSM6DS3TR-C/LSM6DSOX")
        self.chip = chip
        self.address = address
        port = RegisterPort(bus: bus, address: address, clock: clock)
        health = SampleHealthMonitor(stuckLimit: settings.stuckSampleLimit)
        fifo = LSM6DSFIFO(chip: chip)
        // The chip's reset state: both sensors powered down, ±250 °/s, ±2 g.
        configuration = .scaled(outputDataRate: LSM6DSTables.rates[0], gyrRange: .dps250, accRange: .g2,
                                gyrLowPassBandwidth: nil, accLowPassBandwidth: nil,
                                degreesPerSecondPerCount: LSM6DSTables.gyrDegreesPerSecondPerCount(.dps250),
                                gravitiesPerCount: LSM6DSTables.accGravitiesPerCount(.g2))
    }

    public var fifoCapacity: Int? { fifo.capacitySamples }

    public mutating func configure(_ settings: IMUSettings) throws {
        let rateIndex = indexNearest(to: try settings.checkedOutputDataRate(), in: LSM6DSTables.rates)
        let rate = LSM6DSTables.rates[rateIndex]
        let odrBits = UInt8(rateIndex + 1) << 4
        var accFilterBits: UInt8 = 0
        var accBandwidth: Double?
        var lowPass2Cutoff: UInt8?
        if chip == .lsm6dsox {
            let bandwidths = LSM6DSTables.accBandwidthDivisors.map { rate / $0 }
            let filter = lowPassIndex(for: settings, rate: rate, bandwidths: bandwidths)
            accBandwidth = bandwidths[filter]
            if filter > 0 {
                accFilterBits = LSM6DSBit.accLowPass2
                lowPass2Cutoff = UInt8(filter - 1) << 5
            }
        }

        try port.checkIdentity(of: chip)
        try port.resetAndWait(register: LSM6DSRegister.control3, value: LSM6DSBit.softwareReset,
                              bit: LSM6DSBit.softwareReset)
        try port.writeVerified(LSM6DSRegister.control3, LSM6DSBit.blockUpdateAndIncrement, chip: chip)
        try port.write(LSM6DSRegister.int1Control, 0)
        if let lowPass2Cutoff {
            try port.write(LSM6DSRegister.accControl8, lowPass2Cutoff)
        }
        try port.writeVerified(LSM6DSRegister.accControl1,
                               odrBits | LSM6DSTables.accBits(settings.accRange) | accFilterBits, chip: chip)
        try port.writeVerified(LSM6DSRegister.gyrControl2, odrBits | LSM6DSTables.gyrBits(settings.gyrRange),
                               chip: chip)

        self.settings = settings
        rateCode = UInt8(rateIndex + 1)
        health = SampleHealthMonitor(stuckLimit: settings.stuckSampleLimit)
        fifo = LSM6DSFIFO(chip: chip)
        configuration = .scaled(outputDataRate: rate, gyrRange: settings.gyrRange, accRange: settings.accRange,
                                gyrLowPassBandwidth: nil, accLowPassBandwidth: accBandwidth,
                                degreesPerSecondPerCount: LSM6DSTables.gyrDegreesPerSecondPerCount(settings.gyrRange),
                                gravitiesPerCount: LSM6DSTables.accGravitiesPerCount(settings.accRange))
    }

    public mutating func readSample(time: Double) throws -> IMUReading {
        let block = try port.readBlock(LSM6DSRegister.gyrXLow, count: LSM6DSRegister.dataLength)
        let raw = RawIMUCounts.littleEndian(block, gyrOffset: 0, accOffset: 6)
        return IMUReading(sample: configuration.sample(from: raw, time: time), raw: raw, health: health.assess(raw))
    }

    /// Whether both the gyroscope and the accelerometer have a new sample (STATUS_REG GDA and XLDA).
    public func isDataReady() throws -> Bool {
        let ready = LSM6DSBit.gyrDataReady | LSM6DSBit.accDataReady
        return try port.read(LSM6DSRegister.status) & ready == ready
    }

    /// INT1: gyroscope data ready (both sensors run at the same rate), as pulses.
    public func setDataReadyInterrupt(enabled: Bool) throws {
        try port.write(LSM6DSRegister.dataReadyPulseConfig, LSM6DSBit.dataReadyPulsed)
        try port.write(LSM6DSRegister.int1Control, enabled ? LSM6DSBit.int1GyrDataReady : 0)
    }

    public mutating func setFIFO(enabled: Bool) throws {
        try fifo.start(port, odrCode: rateCode, enabled: enabled)
    }

    /// Bypass mode (which empties the FIFO), then continuous mode again.
    public mutating func resetFIFO() throws {
        try fifo.start(port, odrCode: rateCode)
    }

    public func fifoLevel() throws -> FIFOLevel {
        try fifo.level(port)
    }

    public mutating func readFIFO(count: Int, firstTime: Double, period: Double,
                                  _ body: (IMUReading) -> Void) throws {
        try fifo.read(port, count: count, firstTime: firstTime, period: period, configuration: configuration,
                      health: &health, body)
    }
}

/// The FIFO of the LSM6DS family, in its two flavours (registers as in the datasheets and the Linux
/// st_lsm6dsx driver):
///
/// - LSM6DS3 / LSM6DS3TR-C: 16-bit words in a fixed pattern (gyr x, y, z, acc x, y, z, little-endian) read
///   from FIFO_DATA_OUT (0x3E, a burst read keeps popping); FIFO_STATUS1…4 (0x3A…0x3D) give the unread word
///   count (12 bits), OVER_RUN (status 2 bit 6) and where in the pattern the next word is.
/// - LSM6DSOX: 7-byte tagged words (tag at 0x78 — sensor in bits 7:3, 0x01 gyr, 0x02 acc — then x, y, z
///   little-endian; a burst read from 0x78 rolls over to the next word); FIFO_STATUS1/2 give the word count
///   (10 bits) and FIFO_OVR_IA (status 2 bit 6).
struct LSM6DSFIFO: Sendable {
    /// Which chip, which decides the flavour and the size.
    let chip: IMUChipKind
    /// A tagged gyroscope word waiting for its accelerometer partner (LSM6DSOX).
    private var pendingGyr: SIMD3<Int16>?
    /// A tagged accelerometer word waiting for its gyroscope partner (LSM6DSOX).
    private var pendingAcc: SIMD3<Int16>?

    init(chip: IMUChipKind) {
        self.chip = chip
    }

    /// Whether the FIFO holds tagged words (LSM6DSOX) rather than a fixed pattern.
    var isTagged: Bool { chip == .lsm6dsox }

    /// How many whole samples fit: 8 kB (LSM6DS3), 4 kB (LSM6DS3TR-C) or 3 kB (LSM6DSOX) of words.
    var capacitySamples: Int {
        switch chip {
        case .lsm6ds3: 8192 / 12
        case .lsm6ds3trc: 4096 / 12
        default: 3072 / 14
        }
    }

    /// FIFO_CTRL5 (LSM6DS3 family: ODR_FIFO in 6:3, FIFO_MODE in 2:0) / FIFO_CTRL4 (LSM6DSOX: FIFO_MODE).
    static let modeRegister: UInt8 = 0x0A
    /// FIFO_CTRL3: the decimation (LSM6DS3 family: gyr 5:3, acc 2:0; 001 → every sample) or the batch rates
    /// (LSM6DSOX 0x09: gyr 7:4, acc 3:0, ODR codes).
    var batchRegister: UInt8 { isTagged ? 0x09 : 0x08 }
    /// FIFO_MODE continuous: new samples overwrite the oldest when full.
    static let continuousMode: UInt8 = 0x06
    /// FIFO_STATUS1.
    static let statusRegister: UInt8 = 0x3A
    /// The data register: FIFO_DATA_OUT_L (LSM6DS3 family) or FIFO_DATA_OUT_TAG (LSM6DSOX).
    var dataRegister: UInt8 { isTagged ? 0x78 : 0x3E }

    /// Empties the FIFO (bypass mode) and, unless `enabled` is false, queues both sensors at `odrCode`
    /// continuously.
    mutating func start(_ port: RegisterPort, odrCode: UInt8, enabled: Bool = true) throws(I2CError) {
        try port.write(Self.modeRegister, 0)
        pendingGyr = nil
        pendingAcc = nil
        guard enabled else {
            try port.write(batchRegister, 0)
            return
        }
        if isTagged {
            try port.write(batchRegister, odrCode << 4 | odrCode)
            try port.write(Self.modeRegister, Self.continuousMode)
        } else {
            try port.write(batchRegister, 0x09)
            try port.write(Self.modeRegister, odrCode << 3 | Self.continuousMode)
        }
    }

    /// Whole samples waiting; overflowed on the chip's overrun flag or a pattern out of step.
    func level(_ port: RegisterPort) throws(I2CError) -> FIFOLevel {
        let status = try port.readBlock(Self.statusRegister, count: isTagged ? 2 : 4)
        let overrun = status[1] & 0x40 != 0
        if isTagged {
            let words = Int(status[0]) | Int(status[1] & 0x03) << 8
            let waiting = (pendingGyr == nil ? 0 : 1) + (pendingAcc == nil ? 0 : 1)
            return FIFOLevel(samples: (words + waiting) / 2, overflowed: overrun)
        }
        let words = Int(status[0]) | Int(status[1] & 0x0F) << 8
        let pattern = Int(status[2]) | Int(status[3] & 0x03) << 8
        return FIFOLevel(samples: words / 6, overflowed: overrun || (words > 0 && pattern != 0))
    }

    /// Reads `count` samples and hands each over as a reading.
    mutating func read(_ port: RegisterPort, count: Int, firstTime: Double, period: Double,
                       configuration: IMUConfiguration, health: inout SampleHealthMonitor,
                       _ body: (IMUReading) -> Void) throws(I2CError) {
        var delivered = 0
        func deliver(_ raw: RawIMUCounts) {
            let time = firstTime + Double(delivered) * period
            body(IMUReading(sample: configuration.sample(from: raw, time: time), raw: raw, health: health.assess(raw)))
            delivered += 1
        }
        if isTagged {
            var wordBudget = 2 * count + 8  // stops on a FIFO that yields words of other sensors only
            while delivered < count && wordBudget > 0 {
                let missing = (pendingGyr == nil ? 1 : 0) + (pendingAcc == nil ? 1 : 0)
                let words = min(4, 2 * (count - delivered - 1) + missing)
                let block = try port.readBlock(dataRegister, count: words * 7)
                wordBudget -= words
                for word in 0..<words {
                    let offset = word * 7
                    let value = SIMD3(block.int16LittleEndian(at: offset + 1), block.int16LittleEndian(at: offset + 3),
                                      block.int16LittleEndian(at: offset + 5))
                    switch block[offset] >> 3 {
                    case 0x01: pendingGyr = value
                    case 0x02: pendingAcc = value
                    default: continue  // a word this driver did not batch (timestamp, temperature)
                    }
                    if let gyr = pendingGyr, let acc = pendingAcc {
                        deliver(RawIMUCounts(gyr: gyr, acc: acc))
                        pendingGyr = nil
                        pendingAcc = nil
                    }
                }
            }
        } else {
            while delivered < count {
                let samples = min(2, count - delivered)
                let block = try port.readBlock(dataRegister, count: samples * 12)
                for sample in 0..<samples {
                    deliver(RawIMUCounts.littleEndian(block, gyrOffset: sample * 12, accOffset: sample * 12 + 6))
                }
            }
        }
    }
}

/// The FIFO of InvenSense chips (MPU family, ICM-20948) with gyroscope and accelerometer queued: 12-byte
/// records (acc x, y, z then gyr x, y, z, each big-endian, in register order), a big-endian byte count, and a
/// data register that a burst read keeps popping.
struct InvenSenseFIFO: Sendable {
    /// The count's high-byte register (the low byte follows).
    let countRegister: UInt8
    /// The FIFO data register.
    let dataRegister: UInt8
    /// The FIFO's size, in bytes.
    let capacityBytes: Int

    /// Bytes per record: acc (6) and gyr (6).
    static let recordLength = 12
    /// Whole records per block read (24 of the 32 bytes an SMBus block carries).
    static let recordsPerRead = I2CBlock.capacity / recordLength

    /// How many whole samples the FIFO can hold.
    var capacitySamples: Int { capacityBytes / Self.recordLength }

    /// How many whole samples wait; overflowed when the chip flagged it, the FIFO is full, or it holds a
    /// partial record (the stream is no longer aligned on records).
    ///
    /// - Parameter overflowFlag: the chip's FIFO overflow status bit, read by the caller.
    func level(_ port: RegisterPort, overflowFlag: Bool) throws(I2CError) -> FIFOLevel {
        let count = try port.readBlock(countRegister, count: 2)
        let bytes = Int((UInt16(count[0]) << 8 | UInt16(count[1])) & 0x1FFF)
        let misaligned = bytes % Self.recordLength != 0
        return FIFOLevel(samples: bytes / Self.recordLength,
                         overflowed: overflowFlag || misaligned || bytes >= capacityBytes)
    }

    /// Reads `count` records, two per block read, and hands each over as a reading.
    func read(_ port: RegisterPort, count: Int, firstTime: Double, period: Double,
              configuration: IMUConfiguration, health: inout SampleHealthMonitor,
              _ body: (IMUReading) -> Void) throws(I2CError) {
        var index = 0
        while index < count {
            let records = min(count - index, Self.recordsPerRead)
            let block = try port.readBlock(dataRegister, count: records * Self.recordLength)
            for record in 0..<records {
                let offset = record * Self.recordLength
                let raw = RawIMUCounts.bigEndian(block, accOffset: offset, gyrOffset: offset + 6)
                let time = firstTime + Double(index) * period
                body(IMUReading(sample: configuration.sample(from: raw, time: time), raw: raw,
                                health: health.assess(raw)))
                index += 1
            }
        }
    }
}

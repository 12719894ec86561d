/// The FIFO inside a ``SimulatedLSM6DS``: a byte queue holding, per sample, either the LSM6DS3 pattern
/// (gyr x, y, z, acc x, y, z as little-endian words) or two LSM6DSOX tagged words (tag byte, then x, y, z),
/// overwriting the oldest sample when full (continuous mode) and raising the overrun flag.
struct SimulatedSTFIFO: Sendable {
    /// Tagged words (LSM6DSOX) rather than the fixed pattern.
    let isTagged: Bool
    /// The FIFO's size, in bytes.
    let capacityBytes: Int
    private var bytes: [UInt8] = []
    private var overrun = false
    /// Pattern words read since the FIFO was emptied (LSM6DS3 family).
    private var wordsRead = 0
    private var bytesRead = 0

    init(isTagged: Bool, capacityBytes: Int) {
        self.isTagged = isTagged
        self.capacityBytes = capacityBytes
    }

    /// How many whole samples fit.
    var capacitySamples: Int { capacityBytes / (isTagged ? 14 : 12) }

    /// Empties the FIFO and clears the overrun flag (bypass mode).
    mutating func clear() {
        bytes = []
        overrun = false
        wordsRead = 0
        bytesRead = 0
    }

    /// Marks that samples were lost before they reached the FIFO.
    mutating func flagOverrun() {
        overrun = true
    }

    /// How many bytes the FIFO holds.
    var byteCount: Int { bytes.count }

    /// Queues one sample's counts.
    mutating func push(_ raw: RawIMUCounts) {
        let gyr = CountEncoding.littleEndianBytes(raw.gyr), acc = CountEncoding.littleEndianBytes(raw.acc)
        let record = isTagged ? [0x01 << 3] + gyr + [0x02 << 3] + acc : gyr + acc
        if bytes.count + record.count > capacityBytes {
            bytes.removeFirst(min(record.count, bytes.count))
            overrun = true
        }
        bytes += record
    }

    /// Pops the next byte (0 when empty), as a read of the FIFO data registers does.
    mutating func popByte() -> UInt8 {
        guard !bytes.isEmpty else { return 0 }
        bytesRead += 1
        if !isTagged && bytesRead % 2 == 0 { wordsRead += 1 }
        return bytes.removeFirst()
    }

    /// FIFO_STATUS1…4 (0x3A…0x3D): the unread word count, the overrun flag (bit 6 of status 2), and for the
    /// LSM6DS3 family the empty flag (bit 4) and the pattern position of the next word.
    func status(_ index: Int) -> UInt8 {
        let words = bytes.count / (isTagged ? 7 : 2)
        let pattern = wordsRead % 6
        switch index {
        case 0: return UInt8(words & 0xFF)
        case 1:
            let high = UInt8(words >> 8) & (isTagged ? 0x03 : 0x0F)
            return high | (overrun ? 0x40 : 0) | (!isTagged && bytes.isEmpty ? 0x10 : 0)
        case 2: return isTagged ? 0 : UInt8(pattern & 0xFF)
        default: return isTagged ? 0 : UInt8(pattern >> 8)
        }
    }
}

import Foundation

/// A run of consecutive raw samples packed into one BLOB: one row of the `sample_blocks` table.
///
/// Format 1, little-endian: one format byte (1), then per sample the time since the previous sample (the
/// first: since `start`) as an unsigned LEB128 varint in µs — 2 bytes from 61 Hz to 16 kHz — followed by
/// six `Int16` counts: gyr x, y, z, acc x, y, z. So 14 bytes per sample at 100–200 Hz. Times within a block
/// never decrease; a sample earlier than its predecessor starts a new block.
///
/// Format 2, the same with two sensors (a session with a pelvis): after each sample's counts one byte says
/// whether the pelvis gave a reading at that tick (0 no, 1 yes), and if it did, the pelvis's six `Int16`
/// counts follow (in the same order, in the pelvis's own scale). So 27 bytes per tick with both sensors,
/// 15 on a tick the pelvis missed.
public struct SampleBlock: Hashable, Sendable {
    /// The BLOB's format byte with one sensor.
    public static let format: UInt8 = 1
    /// The BLOB's format byte with two sensors (thorax and pelvis).
    public static let twoSensorFormat: UInt8 = 2
    /// Bytes of counts per sample (six `Int16`).
    static let countBytes = 12
    /// The fewest bytes a sample takes: a one-byte time step and its counts.
    static let smallestSampleBytes = 1 + countBytes
    /// The fewest bytes a two-sensor sample takes: a one-byte time step, its counts and the pelvis byte.
    static let smallestTwoSensorSampleBytes = smallestSampleBytes + 1

    /// Time of the first sample, in µs.
    public var start: Int64
    /// Time of the last sample, in µs.
    public var end: Int64
    /// Number of samples.
    public var count: Int
    /// The packed samples.
    public var data: Data

    /// A block from its stored columns (not checked until decoded).
    public init(start: Int64, end: Int64, count: Int, data: Data) {
        self.start = start
        self.end = end
        self.count = count
        self.data = data
    }

    /// Whether the block is in the two-sensor format (its samples may carry pelvis counts).
    public var hasPelvis: Bool { data.first == Self.twoSensorFormat }

    /// Packs samples whose times never decrease; in the two-sensor format when any carries a pelvis reading.
    ///
    /// - Precondition: `samples` is not empty and its times never decrease.
    public init(samples: some Collection<RawSample>) {
        var encoder = SampleBlockEncoder(capacity: samples.count, twoSensors: samples.contains { $0.pelvis != nil })
        for sample in samples {
            let fitted = encoder.append(sample)
            precondition(fitted, "SampleBlock: sample times must never decrease")
        }
        self = encoder.block()!
    }

    /// Calls `body` with each sample, in order.
    ///
    /// - Throws: ``StoreError/corruptBlock(detail:)`` when the BLOB is not a well-formed block of `count`
    ///   samples.
    public func forEachSample(_ body: (RawSample) -> Void) throws(StoreError) {
        do {
            try data.withUnsafeBytes { bytes in try Self.decode(bytes, start: start, count: count, body) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .corruptBlock(detail: String(describing: error))
        }
    }

    /// All samples, in order.
    public func samples() throws(StoreError) -> [RawSample] {
        var result: [RawSample] = []
        // The row's count is not trusted before decoding: a damaged one must not reserve terabytes.
        result.reserveCapacity(min(max(count, 0), data.count / Self.smallestSampleBytes))
        try forEachSample { result.append($0) }
        return result
    }

    /// Unpacks `count` samples from a BLOB's bytes, calling `body` with each in order.
    ///
    /// - Parameters:
    ///   - bytes: the BLOB.
    ///   - start: the block's start time, in µs.
    ///   - count: the number of samples the row says it holds.
    @inline(__always)
    static func decode(_ bytes: UnsafeRawBufferPointer, start: Int64, count: Int,
                       _ body: (RawSample) -> Void) throws(StoreError) {
        guard count >= 0 else { throw .corruptBlock(detail: "a negative sample count (\(count))") }
        guard bytes.count >= 1 else { throw .corruptBlock(detail: "empty BLOB") }
        guard bytes[0] == format || bytes[0] == twoSensorFormat else {
            throw .corruptBlock(detail: "unknown block format \(bytes[0])")
        }
        let twoSensors = bytes[0] == twoSensorFormat
        let smallest = twoSensors ? smallestTwoSensorSampleBytes : smallestSampleBytes
        guard count <= (bytes.count - 1) / smallest else {
            throw .corruptBlock(detail: "the row counts \(count) samples, but its \(bytes.count) bytes hold at most "
                                + "\((bytes.count - 1) / smallest)")
        }
        var offset = 1
        var time = start
        for _ in 0..<count {
            var delta: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                guard offset < bytes.count, shift < 64 else { throw .corruptBlock(detail: "truncated time") }
                let byte = bytes[offset]
                offset += 1
                guard shift < 63 || byte & 0x7F <= 1 else { throw .corruptBlock(detail: "a time step over 64 bits") }
                delta |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { break }
                shift += 7
            }
            guard offset + countBytes <= bytes.count else { throw .corruptBlock(detail: "truncated counts") }
            // Wrapping, as the encoder's step was taken: a step that lands before its sample is damage.
            let next = time &+ Int64(bitPattern: delta)
            guard next >= time else { throw .corruptBlock(detail: "a time step past the largest time") }
            time = next
            @inline(__always) func load(_ i: Int) -> Int16 {
                Int16(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 2 * i, as: Int16.self))
            }
            var sample = RawSample(time: time, gyr: SIMD3(load(0), load(1), load(2)), acc: SIMD3(load(3), load(4), load(5)))
            offset += countBytes
            if twoSensors {
                guard offset < bytes.count else { throw .corruptBlock(detail: "truncated pelvis flag") }
                let flag = bytes[offset]
                offset += 1
                switch flag {
                case 0: break
                case 1:
                    guard offset + countBytes <= bytes.count else { throw .corruptBlock(detail: "truncated pelvis counts") }
                    sample.pelvis = RawPelvisReading(gyr: SIMD3(load(0), load(1), load(2)), acc: SIMD3(load(3), load(4), load(5)))
                    offset += countBytes
                default: throw .corruptBlock(detail: "a pelvis flag of \(flag) (0 or 1 expected)")
                }
            }
            body(sample)
        }
        guard offset == bytes.count else { throw .corruptBlock(detail: "\(bytes.count - offset) bytes past the last sample") }
    }
}

/// Packs raw samples one by one into a ``SampleBlock`` (the recorder's writer fills one per commit).
///
/// A one-sensor encoder packs format 1 and leaves out pelvis counts; a two-sensor encoder packs format 2,
/// keeping each sample's pelvis reading or its absence.
public struct SampleBlockEncoder: Sendable {
    private var bytes: [UInt8]
    private var first: Int64 = 0
    private var last: Int64 = 0
    /// Samples packed so far.
    public private(set) var count = 0
    /// Whether the encoder packs the two-sensor format (pelvis counts kept).
    public private(set) var twoSensors: Bool

    /// An empty encoder with room for `capacity` samples before it grows.
    ///
    /// - Parameters:
    ///   - capacity: samples before the storage grows.
    ///   - twoSensors: pack the two-sensor format (format 2: each sample's pelvis counts or their absence).
    public init(capacity: Int = 128, twoSensors: Bool = false) {
        self.twoSensors = twoSensors
        bytes = []
        bytes.reserveCapacity(1 + capacity * (3 + (twoSensors ? 1 + 2 * SampleBlock.countBytes : SampleBlock.countBytes)))
        bytes.append(twoSensors ? SampleBlock.twoSensorFormat : SampleBlock.format)
    }

    /// Appends a sample; returns false (and packs nothing) if it is earlier than the previous one. A
    /// one-sensor encoder leaves out the sample's pelvis counts.
    public mutating func append(_ sample: RawSample) -> Bool {
        if count == 0 {
            first = sample.time
            last = sample.time
        }
        guard sample.time >= last else { return false }
        var delta = UInt64(bitPattern: sample.time &- last)
        while delta >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: delta) | 0x80)
            delta >>= 7
        }
        bytes.append(UInt8(delta))
        appendCounts(sample.gyr)
        appendCounts(sample.acc)
        if twoSensors {
            if let pelvis = sample.pelvis {
                bytes.append(1)
                appendCounts(pelvis.gyr)
                appendCounts(pelvis.acc)
            } else {
                bytes.append(0)
            }
        }
        last = sample.time
        count += 1
        return true
    }

    /// Appends three counts, low byte first.
    private mutating func appendCounts(_ counts: SIMD3<Int16>) {
        for axis in 0..<3 {
            let value = UInt16(bitPattern: counts[axis])
            bytes.append(UInt8(truncatingIfNeeded: value))
            bytes.append(UInt8(truncatingIfNeeded: value >> 8))
        }
    }

    /// The block packed so far (nil if empty).
    public func block() -> SampleBlock? {
        count == 0 ? nil : SampleBlock(start: first, end: last, count: count, data: Data(bytes))
    }

    /// Empties the encoder, keeping its storage.
    public mutating func reset() {
        reset(twoSensors: twoSensors)
    }

    /// Empties the encoder, keeping its storage, and sets the format of the next block.
    ///
    /// - Parameter twoSensors: pack the two-sensor format from now on.
    public mutating func reset(twoSensors: Bool) {
        self.twoSensors = twoSensors
        bytes.removeAll(keepingCapacity: true)
        bytes.append(twoSensors ? SampleBlock.twoSensorFormat : SampleBlock.format)
        count = 0
    }
}

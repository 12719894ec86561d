import StretchGuardCore

/// One sample from a driver: in SI units, as raw counts, and with its health flags.
public struct IMUReading: Hashable, Sendable {
    /// The sample in rad/s and m/s², stamped with the time the caller gave.
    public var sample: IMUSample
    /// The chip's counts the sample was converted from.
    public var raw: RawIMUCounts
    /// What looks wrong with it, if anything.
    public var health: SampleHealth

    public init(sample: IMUSample, raw: RawIMUCounts, health: SampleHealth) {
        self.sample = sample
        self.raw = raw
        self.health = health
    }
}

/// One sample as the chip reported it: signed 16-bit counts, in the sensor's axis order.
public struct RawIMUCounts: Hashable, Sendable {
    /// Angular rate counts (x, y, z).
    public var gyr: SIMD3<Int16>
    /// Specific force counts (x, y, z).
    public var acc: SIMD3<Int16>

    public init(gyr: SIMD3<Int16>, acc: SIMD3<Int16>) {
        self.gyr = gyr
        self.acc = acc
    }

    /// The counts of a big-endian block (InvenSense), given where the accelerometer's and the gyroscope's
    /// x high bytes are.
    @inline(__always)
    static func bigEndian(_ block: I2CBlock, accOffset: Int, gyrOffset: Int) -> RawIMUCounts {
        RawIMUCounts(
            gyr: SIMD3(block.int16BigEndian(at: gyrOffset), block.int16BigEndian(at: gyrOffset + 2),
                       block.int16BigEndian(at: gyrOffset + 4)),
            acc: SIMD3(block.int16BigEndian(at: accOffset), block.int16BigEndian(at: accOffset + 2),
                       block.int16BigEndian(at: accOffset + 4)))
    }

    /// The counts of a little-endian block (ST), given where the gyroscope's and the accelerometer's x low
    /// bytes are.
    @inline(__always)
    static func littleEndian(_ block: I2CBlock, gyrOffset: Int, accOffset: Int) -> RawIMUCounts {
        RawIMUCounts(
            gyr: SIMD3(block.int16LittleEndian(at: gyrOffset), block.int16LittleEndian(at: gyrOffset + 2),
                       block.int16LittleEndian(at: gyrOffset + 4)),
            acc: SIMD3(block.int16LittleEndian(at: accOffset), block.int16LittleEndian(at: accOffset + 2),
                       block.int16LittleEndian(at: accOffset + 4)))
    }
}

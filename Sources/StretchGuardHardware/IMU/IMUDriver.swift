/// A driver for one IMU chip at one address on a shared ``I2CBus``.
///
/// Drivers are values: one per chip (say thorax at 0x68, pelvis at 0x69), each holding the bus, its
/// address, its configuration and its sample-health history; nothing is global. Bus failures are thrown as
/// ``I2CError`` (check ``I2CError/isRecoverableSensorFault``), driver-level ones as ``IMUDriverError``.
public protocol IMUDriver: Sendable {
    /// Which chip this drives.
    var chip: IMUChipKind { get }
    /// The chip's 7-bit address.
    var address: UInt8 { get }
    /// The settings last passed to ``configure(_:)`` (``IMUSettings/standard`` before that).
    var settings: IMUSettings { get }
    /// What the chip was set to by the last ``configure(_:)``.
    var configuration: IMUConfiguration { get }
    /// How many whole samples the chip's FIFO holds; nil when this driver does not support the FIFO.
    var fifoCapacity: Int? { get }

    /// Resets the chip, checks its identity, and sets rate, ranges and low-pass filter; interrupts and the
    /// FIFO are left off. Waits up to ~0.1 s for the reset (continuing when the reset bit never clears, as on
    /// a register image such as the kernel's i2c-stub). Call it again to recover after the chip was gone.
    mutating func configure(_ settings: IMUSettings) throws

    /// Reads the current sample with one burst read of the data registers.
    ///
    /// - Parameter time: the sample's monotonic time, in s (the caller's timestamp for it).
    mutating func readSample(time: Double) throws -> IMUReading

    /// Whether a new sample is ready (the chip's data-ready status bit; reading it may clear it).
    func isDataReady() throws -> Bool

    /// Enables or disables the data-ready interrupt on the chip's INT pin (active high, push-pull, a short
    /// pulse per sample), for ``DataReadyEdgeSource``.
    func setDataReadyInterrupt(enabled: Bool) throws

    /// Enables (after emptying it) or disables the FIFO, queueing gyroscope and accelerometer samples.
    mutating func setFIFO(enabled: Bool) throws

    /// Empties the FIFO (after an overflow, to get back to whole samples).
    mutating func resetFIFO() throws

    /// How many whole samples the FIFO holds, and whether it overflowed (samples were lost) since the last
    /// look.
    func fifoLevel() throws -> FIFOLevel

    /// Reads `count` samples from the FIFO, oldest first, and hands each to `body`.
    ///
    /// - Parameters:
    ///   - count: how many whole samples to read (at most ``fifoLevel()``'s `samples`).
    ///   - firstTime: the oldest sample's monotonic time, in s.
    ///   - period: the time between samples, in s.
    ///   - body: receives each reading.
    mutating func readFIFO(count: Int, firstTime: Double, period: Double, _ body: (IMUReading) -> Void) throws
}

/// How full a chip's FIFO is.
public struct FIFOLevel: Hashable, Sendable {
    /// Whole samples waiting.
    public var samples: Int
    /// Whether the FIFO overflowed (or holds a partial sample): samples were lost and the FIFO must be reset.
    public var overflowed: Bool

    public init(samples: Int, overflowed: Bool) {
        self.samples = samples
        self.overflowed = overflowed
    }
}

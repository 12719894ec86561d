/// An I2C bus at the SMBus level: register reads and writes addressed to one chip per call, so several chips
/// (an IMU at 0x68 on the thorax, another at 0x69 on the pelvis) share one bus object.
///
/// Only SMBus transfers are used (byte data, word data, I2C block data up to 32 bytes): every Linux adapter
/// speaks them, the Raspberry Pi's and the kernel's `i2c-stub` included, while plain `read`/`write` and
/// `I2C_RDWR` are not available on SMBus-only adapters.
///
/// Implementations are thread-safe: each call is one whole transaction (select the target, transfer).
public protocol I2CBus: AnyObject, Sendable {
    /// The bus's name in messages: the device path (`/dev/i2c-1`) or a simulation's name.
    var name: String { get }

    /// Reads one register (SMBus read byte data).
    ///
    /// - Parameters:
    ///   - address: the chip's 7-bit address.
    ///   - register: the register (command byte).
    func readByte(address: UInt8, register: UInt8) throws(I2CError) -> UInt8

    /// Writes one register (SMBus write byte data).
    ///
    /// - Parameters:
    ///   - value: the byte to store.
    ///   - address: the chip's 7-bit address.
    ///   - register: the register (command byte).
    func writeByte(_ value: UInt8, address: UInt8, register: UInt8) throws(I2CError)

    /// Reads a 16-bit word (SMBus read word data): the byte at `register` is the low byte and the byte at
    /// `register + 1` the high byte, as SMBus defines it. IMU data registers are read with
    /// ``readBlock(address:register:count:)`` instead, whatever their byte order.
    func readWord(address: UInt8, register: UInt8) throws(I2CError) -> UInt16

    /// Writes a 16-bit word (SMBus write word data): low byte first.
    func writeWord(_ value: UInt16, address: UInt8, register: UInt8) throws(I2CError)

    /// Reads `count` consecutive bytes starting at `register` in one transfer (SMBus I2C block read).
    ///
    /// - Parameters:
    ///   - address: the chip's 7-bit address.
    ///   - register: the first register; the chip advances its register pointer itself.
    ///   - count: 1…32 bytes (``I2CBlock/capacity``).
    /// - Returns: exactly `count` bytes; a short transfer throws.
    func readBlock(address: UInt8, register: UInt8, count: Int) throws(I2CError) -> I2CBlock

    /// Writes the bytes of `block` to consecutive registers starting at `register` in one transfer
    /// (SMBus I2C block write).
    func writeBlock(_ block: I2CBlock, address: UInt8, register: UInt8) throws(I2CError)
}

/// Up to 32 bytes of one SMBus block transfer, stored inline (no heap allocation per read).
public struct I2CBlock: Hashable, Sendable, RandomAccessCollection {
    /// The most bytes one SMBus I2C block transfer carries.
    public static let capacity = 32

    /// The bytes; only the first `count` are meaningful.
    public internal(set) var storage: SIMD32<UInt8>
    /// How many bytes the block holds, 0…32.
    public internal(set) var count: Int

    /// An empty block of `count` zero bytes.
    public init(zeros count: Int = 0) {
        precondition((0...Self.capacity).contains(count), "an I2C block holds 0…32 bytes")
        storage = SIMD32()
        self.count = count
    }

    /// A block holding `bytes` (at most 32).
    public init(_ bytes: some Sequence<UInt8>) {
        self.init()
        for byte in bytes { append(byte) }
    }

    /// Adds one byte at the end.
    public mutating func append(_ byte: UInt8) {
        precondition(count < Self.capacity, "an I2C block holds at most 32 bytes")
        storage[count] = byte
        count += 1
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    /// The byte at `index` (0-based).
    public subscript(index: Int) -> UInt8 {
        get {
            precondition(index >= 0 && index < count, "I2C block index out of range")
            return storage[index]
        }
        set {
            precondition(index >= 0 && index < count, "I2C block index out of range")
            storage[index] = newValue
        }
    }

    /// The signed 16-bit value whose high byte is at `offset` and low byte at `offset + 1` (InvenSense order).
    @inline(__always)
    public func int16BigEndian(at offset: Int) -> Int16 {
        Int16(bitPattern: UInt16(self[offset]) << 8 | UInt16(self[offset + 1]))
    }

    /// The signed 16-bit value whose low byte is at `offset` and high byte at `offset + 1` (ST order).
    @inline(__always)
    public func int16LittleEndian(at offset: Int) -> Int16 {
        Int16(bitPattern: UInt16(self[offset + 1]) << 8 | UInt16(self[offset]))
    }

    /// Blocks are equal when they hold the same bytes (the unused tail does not count).
    public static func == (a: I2CBlock, b: I2CBlock) -> Bool {
        a.count == b.count && a.elementsEqual(b)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for byte in self { hasher.combine(byte) }
    }
}

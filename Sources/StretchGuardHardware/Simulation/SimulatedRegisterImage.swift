import Synchronization

/// A device whose 256 registers just store what is written and return it, like the kernel's `i2c-stub`:
/// no reset bits clear, no data registers change on their own. Preload it with a chip's register image to
/// check that a driver copes with such a chip.
public final class SimulatedRegisterImage: SimulatedI2CDevice {
    private let registers: Mutex<[UInt8]>
    private let initial: [UInt8]

    /// - Parameter image: register → value; the rest read 0.
    public init(_ image: [UInt8: UInt8] = [:]) {
        var bytes = [UInt8](repeating: 0, count: 256)
        for (register, value) in image { bytes[Int(register)] = value }
        initial = bytes
        registers = Mutex(bytes)
    }

    /// The value a register holds now.
    public subscript(register: UInt8) -> UInt8 {
        get { registers.withLock { $0[Int(register)] } }
        set { registers.withLock { $0[Int(register)] = newValue } }
    }

    /// Stores consecutive bytes from `register` on (as `i2cset ... i` would).
    public func store(_ bytes: [UInt8], at register: UInt8) {
        registers.withLock { registers in
            for (offset, byte) in bytes.enumerated() where Int(register) + offset < 256 {
                registers[Int(register) + offset] = byte
            }
        }
    }

    public func read(register: UInt8, count: Int) -> I2CBlock {
        registers.withLock { registers in
            I2CBlock((0..<count).map { registers[(Int(register) + $0) & 0xFF] })
        }
    }

    public func write(register: UInt8, bytes: I2CBlock) {
        registers.withLock { registers in
            for (offset, byte) in bytes.enumerated() { registers[(Int(register) + offset) & 0xFF] = byte }
        }
    }

    public func powerOnReset() {
        registers.withLock { $0 = initial }
    }
}

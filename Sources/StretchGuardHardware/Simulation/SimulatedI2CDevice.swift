/// A chip on a ``SimulatedI2CBus``, answering at the register level.
///
/// The bus turns SMBus transfers into these calls: byte and block reads become ``read(register:count:)``,
/// writes become ``write(register:bytes:)``; word transfers are two-byte block transfers (low byte first).
public protocol SimulatedI2CDevice: AnyObject, Sendable {
    /// Answers a burst read of `count` bytes (1…32) starting at `register`, advancing the register pointer
    /// the way the chip does (most chips step to the next register; FIFO data registers stay put).
    func read(register: UInt8, count: Int) -> I2CBlock

    /// Takes a burst write starting at `register`.
    func write(register: UInt8, bytes: I2CBlock)

    /// Returns the chip to its power-on state (after it lost power, e.g. came back from a disappearance).
    func powerOnReset()
}

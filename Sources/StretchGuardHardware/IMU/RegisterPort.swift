import StretchGuardGPIO
/// One chip's registers on a shared bus: the bus and the chip's address, with the small helpers every driver
/// needs (read-back checks, reset waits).
struct RegisterPort: Sendable {
    /// The shared bus.
    let bus: any I2CBus
    /// The chip's 7-bit address.
    let address: UInt8
    /// The chip's clock for waits (reset settling).
    let clock: any MonotonicClock

    @inline(__always)
    func read(_ register: UInt8) throws(I2CError) -> UInt8 {
        try bus.readByte(address: address, register: register)
    }

    @inline(__always)
    func write(_ register: UInt8, _ value: UInt8) throws(I2CError) {
        try bus.writeByte(value, address: address, register: register)
    }

    @inline(__always)
    func readBlock(_ register: UInt8, count: Int) throws(I2CError) -> I2CBlock {
        try bus.readBlock(address: address, register: register, count: count)
    }

    /// Writes `value`, reads it back, and throws when the chip kept something else.
    func writeVerified(_ register: UInt8, _ value: UInt8, chip: IMUChipKind) throws {
        try write(register, value)
        let stored = try read(register)
        guard stored == value else {
            throw IMUDriverError.configurationNotApplied(chip: chip, address: address, register: register,
                                                         wrote: value, read: stored)
        }
    }

    /// Throws unless the identity register holds the chip's identity byte.
    func checkIdentity(of chip: IMUChipKind) throws {
        let found = try read(chip.whoAmIRegister)
        guard found == chip.whoAmIValue else {
            throw IMUDriverError.unexpectedIdentity(chip: chip, address: address, found: found)
        }
    }

    /// Writes a self-clearing reset bit and waits for it to clear, polling every 10 ms for up to `timeout`
    /// s. A register image that just stores what was written (the kernel's i2c-stub) never clears it: the
    /// wait then ends at the timeout without an error. Recoverable faults while the chip reboots are ignored.
    ///
    /// - Parameters:
    ///   - register: the register holding the reset bit.
    ///   - value: the value to write (the reset bit set).
    ///   - bit: the reset bit's mask.
    ///   - timeout: the longest wait, in s.
    /// - Returns: whether the bit cleared before the timeout.
    @discardableResult
    func resetAndWait(register: UInt8, value: UInt8, bit: UInt8, timeout: Double = 0.1) throws -> Bool {
        try write(register, value)
        let start = clock.now()
        var deadline = start
        while deadline - start < timeout {
            deadline += 0.01
            clock.sleep(until: deadline)
            let value: UInt8
            do {
                value = try read(register)
            } catch {
                if error.isRecoverableSensorFault { continue }
                throw error
            }
            if value & bit == 0 { return true }
        }
        return false
    }

    /// Sleeps for `duration` s (start-up settling after a wake).
    func pause(_ duration: Double) {
        clock.sleep(until: clock.now() + duration)
    }
}

import SystemPackage
import StretchGuardCore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// An in-memory I2C bus holding simulated chips by address, with fault injection; the drivers run on it
/// unchanged.
///
/// Failures come back as ``I2CError`` with the errno a Raspberry Pi's adapter gives: `EREMOTEIO` when nobody
/// acknowledges (no chip, a NACKing chip, a chip that has disappeared), `EIO` (or any errno) for injected
/// transfer failures.
public final class SimulatedI2CBus: I2CBus {
    public let name: String
    private let state: Mutex<State>

    private struct State {
        var devices: [UInt8: any SimulatedI2CDevice] = [:]
        var notAcknowledging: Set<UInt8> = []
        var failures: [InjectedFailure] = []
        var outages: [UInt8: Outage] = [:]
        var transferCount = 0
        var writes: [SimulatedI2CWrite]?
    }

    /// Transfers that will fail with an errno.
    private struct InjectedFailure {
        var remaining: Int
        var errno: Int32
        var address: UInt8?
    }

    /// A chip that disappears and maybe returns.
    private struct Outage {
        /// Transfers to the address that still succeed before it disappears.
        var transfersBeforeGone: Int
        /// Transfers that fail while it is gone before it returns; nil → until ``reconnect(_:)``.
        var transfersWhileGone: Int?
    }

    /// - Parameters:
    ///   - name: the bus's name in error messages.
    ///   - recordingWrites: whether to keep every write in ``writes`` (for tests; off for long simulations).
    public init(name: String = "simulated-i2c", recordingWrites: Bool = false) {
        self.name = name
        state = Mutex(State(writes: recordingWrites ? [] : nil))
    }

    /// Puts `device` on the bus at `address` (replacing whatever was there).
    public func attach(_ device: any SimulatedI2CDevice, at address: UInt8) {
        state.withLock { $0.devices[address] = device }
    }

    /// Takes the device at `address` off the bus.
    public func detach(at address: UInt8) {
        state.withLock { _ = $0.devices.removeValue(forKey: address) }
    }

    /// How many transfers were attempted, failed ones included.
    public var transferCount: Int { state.withLock { $0.transferCount } }

    /// Every successful write so far, oldest first (empty unless recording).
    public var writes: [SimulatedI2CWrite] { state.withLock { $0.writes ?? [] } }

    /// Forgets the recorded writes.
    public func clearWrites() {
        state.withLock { if $0.writes != nil { $0.writes = [] } }
    }

    // MARK: Fault injection

    /// Makes the chip at `address` stop (or resume) acknowledging: every transfer fails with `EREMOTEIO`.
    public func setNotAcknowledging(_ address: UInt8, _ notAcknowledging: Bool = true) {
        state.withLock {
            if notAcknowledging { $0.notAcknowledging.insert(address) } else { $0.notAcknowledging.remove(address) }
        }
    }

    /// Makes the next `count` transfers (to `address`, or to any address when nil) fail with `errno`.
    public func failNextTransfers(_ count: Int, errno: Int32 = EIO, address: UInt8? = nil) {
        state.withLock { $0.failures.append(InjectedFailure(remaining: count, errno: errno, address: address)) }
    }

    /// Makes the chip at `address` disappear after `afterTransfers` more successful transfers to it; it
    /// returns, reset to its power-on state, after failing `returningAfter` transfers (nil: on
    /// ``reconnect(_:)``).
    public func disconnect(_ address: UInt8, afterTransfers: Int = 0, returningAfter: Int? = nil) {
        state.withLock {
            $0.outages[address] = Outage(transfersBeforeGone: afterTransfers, transfersWhileGone: returningAfter)
        }
    }

    /// Brings a disappeared chip back, reset to its power-on state (as after a loose wire is pushed back).
    public func reconnect(_ address: UInt8) {
        let device = state.withLock { state -> (any SimulatedI2CDevice)? in
            state.outages[address] = nil
            return state.devices[address]
        }
        device?.powerOnReset()
    }

    /// Clears every injected fault (NACKs, pending failures, outages without resetting the chips).
    public func clearFaults() {
        state.withLock {
            $0.notAcknowledging = []
            $0.failures = []
            $0.outages = [:]
        }
    }

    // MARK: I2CBus

    public func readByte(address: UInt8, register: UInt8) throws(I2CError) -> UInt8 {
        try device(for: .readByte, address: address, register: register).read(register: register, count: 1)[0]
    }

    public func writeByte(_ value: UInt8, address: UInt8, register: UInt8) throws(I2CError) {
        try write(I2CBlock([value]), operation: .writeByte, address: address, register: register)
    }

    public func readWord(address: UInt8, register: UInt8) throws(I2CError) -> UInt16 {
        let bytes = try device(for: .readWord, address: address, register: register).read(register: register, count: 2)
        return UInt16(bytes[0]) | UInt16(bytes[1]) << 8
    }

    public func writeWord(_ value: UInt16, address: UInt8, register: UInt8) throws(I2CError) {
        try write(I2CBlock([UInt8(value & 0xFF), UInt8(value >> 8)]), operation: .writeWord, address: address,
                  register: register)
    }

    public func readBlock(address: UInt8, register: UInt8, count: Int) throws(I2CError) -> I2CBlock {
        precondition((1...I2CBlock.capacity).contains(count), "an SMBus block read moves 1…32 bytes")
        return try device(for: .readBlock, address: address, register: register).read(register: register, count: count)
    }

    public func writeBlock(_ block: I2CBlock, address: UInt8, register: UInt8) throws(I2CError) {
        precondition(block.count >= 1, "an SMBus block write moves 1…32 bytes")
        try write(block, operation: .writeBlock, address: address, register: register)
    }

    private func write(_ block: I2CBlock, operation: I2COperation, address: UInt8,
                       register: UInt8) throws(I2CError) {
        try device(for: operation, address: address, register: register).write(register: register, bytes: block)
        state.withLock { $0.writes?.append(SimulatedI2CWrite(address: address, register: register, bytes: Array(block))) }
    }

    /// Counts the transfer, applies the injected faults, and returns the addressed chip.
    private func device(for operation: I2COperation, address: UInt8,
                        register: UInt8) throws(I2CError) -> any SimulatedI2CDevice {
        let outcome = state.withLock { state -> Result<any SimulatedI2CDevice, Errno> in
            state.transferCount += 1
            if var outage = state.outages[address] {
                if outage.transfersBeforeGone > 0 {
                    outage.transfersBeforeGone -= 1
                    state.outages[address] = outage
                } else if outage.transfersWhileGone == 0 {
                    state.outages[address] = nil
                    state.devices[address]?.powerOnReset()
                } else {
                    outage.transfersWhileGone = outage.transfersWhileGone.map { $0 - 1 }
                    state.outages[address] = outage
                    return .failure(Errno(rawValue: EREMOTEIO))
                }
            }
            if state.notAcknowledging.contains(address) { return .failure(Errno(rawValue: EREMOTEIO)) }
            if let index = state.failures.firstIndex(where: { $0.address == nil || $0.address == address }) {
                let errno = state.failures[index].errno
                state.failures[index].remaining -= 1
                if state.failures[index].remaining <= 0 { state.failures.remove(at: index) }
                return .failure(Errno(rawValue: errno))
            }
            guard let device = state.devices[address] else { return .failure(Errno(rawValue: EREMOTEIO)) }
            return .success(device)
        }
        switch outcome {
        case .success(let device): return device
        case .failure(let failure):
            throw I2CError(bus: name, address: address, register: register, operation: operation, errno: failure.rawValue)
        }
    }
}

/// One write a ``SimulatedI2CBus`` passed to a chip.
public struct SimulatedI2CWrite: Hashable, Sendable, CustomStringConvertible {
    /// The chip's address.
    public var address: UInt8
    /// The first register written.
    public var register: UInt8
    /// The bytes, in register order.
    public var bytes: [UInt8]

    public init(address: UInt8, register: UInt8, bytes: [UInt8]) {
        self.address = address
        self.register = register
        self.bytes = bytes
    }

    public var description: String {
        "\(hexByte(address)) \(hexByte(register)) ← " + bytes.map(hexByte).joined(separator: " ")
    }
}

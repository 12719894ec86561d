import SystemPackage
import CI2C
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A Linux I2C bus (`/dev/i2c-N`, the i2c-dev interface) driven with libi2c's SMBus calls.
///
/// Each call selects the target address (ioctl `I2C_SLAVE`, skipped when it is already the last one used) and
/// does one SMBus transfer, under a lock, so drivers for chips at different addresses can share the bus, even
/// from different threads. Interrupted calls (`EINTR`) are retried; every other failure is thrown as an
/// ``I2CError`` that keeps the errno.
public final class LinuxI2CBus: I2CBus {
    /// The device path, e.g. `/dev/i2c-1`.
    public let name: String
    private let state: Mutex<State>

    private struct State {
        /// The open file descriptor of the bus device.
        var descriptor: Int32
        /// The target address the descriptor is set to, if known.
        var target: UInt8?
    }

    /// Opens a bus by device path.
    ///
    /// - Parameter path: the i2c-dev node, e.g. `/dev/i2c-1`.
    /// - Throws: ``I2CError`` with operation `.open`: `ENOENT` (I2C not enabled → raspi-config),
    ///   `EACCES` (not in the i2c group), …
    ///
    /// The corresponding C function is `open` (with `O_RDWR | O_CLOEXEC`).
    public init(path: String) throws(I2CError) {
        let opened = SystemCalls.posix { open(path, O_RDWR | O_CLOEXEC) }
        switch opened {
        case .success(let descriptor):
            name = path
            state = Mutex(State(descriptor: descriptor, target: nil))
        case .failure(let failure):
            throw I2CError(bus: path, operation: .open, errno: failure.rawValue)
        }
    }

    /// Opens `/dev/i2c-<number>` (bus 1 is the one on the Raspberry Pi's header pins 3 and 5).
    public convenience init(number: Int) throws(I2CError) {
        try self.init(path: "/dev/i2c-\(number)")
    }

    deinit {
        state.withLock { state in
            _ = close(state.descriptor)
        }
    }

    /// What the adapter can do (ioctl `I2C_FUNCS`), for `doctor` and for a clear error before the first read.
    public func functionality() throws(I2CError) -> I2CFunctionality {
        try state.withLock { (state) throws(I2CError) -> I2CFunctionality in
            var mask: UInt = 0
            let result = SystemCalls.posix { sg_i2c_functionality(state.descriptor, &mask) }
            if case .failure(let failure) = result {
                throw I2CError(bus: name, operation: .queryFunctionality, errno: failure.rawValue)
            }
            return I2CFunctionality(rawValue: mask)
        }
    }

    public func readByte(address: UInt8, register: UInt8) throws(I2CError) -> UInt8 {
        UInt8(truncatingIfNeeded: try transfer(.readByte, address: address, register: register) { descriptor in
            i2c_smbus_read_byte_data(descriptor, register)
        })
    }

    public func writeByte(_ value: UInt8, address: UInt8, register: UInt8) throws(I2CError) {
        _ = try transfer(.writeByte, address: address, register: register) { descriptor in
            i2c_smbus_write_byte_data(descriptor, register, value)
        }
    }

    public func readWord(address: UInt8, register: UInt8) throws(I2CError) -> UInt16 {
        UInt16(truncatingIfNeeded: try transfer(.readWord, address: address, register: register) { descriptor in
            i2c_smbus_read_word_data(descriptor, register)
        })
    }

    public func writeWord(_ value: UInt16, address: UInt8, register: UInt8) throws(I2CError) {
        _ = try transfer(.writeWord, address: address, register: register) { descriptor in
            i2c_smbus_write_word_data(descriptor, register, value)
        }
    }

    public func readBlock(address: UInt8, register: UInt8, count: Int) throws(I2CError) -> I2CBlock {
        precondition((1...I2CBlock.capacity).contains(count), "an SMBus block read moves 1…32 bytes")
        var block = I2CBlock(zeros: count)
        let received = try transfer(.readBlock, address: address, register: register) { descriptor in
            withUnsafeMutableBytes(of: &block.storage) { bytes in
                i2c_smbus_read_i2c_block_data(descriptor, register, UInt8(count),
                                              bytes.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
        }
        guard received == count else {
            throw I2CError(bus: name, address: address, register: register, operation: .readBlock, errno: EIO,
                           detail: "the adapter returned \(received) of \(count) bytes")
        }
        return block
    }

    public func writeBlock(_ block: I2CBlock, address: UInt8, register: UInt8) throws(I2CError) {
        precondition(block.count >= 1, "an SMBus block write moves 1…32 bytes")
        var storage = block.storage
        _ = try transfer(.writeBlock, address: address, register: register) { descriptor in
            withUnsafeBytes(of: &storage) { bytes in
                i2c_smbus_write_i2c_block_data(descriptor, register, UInt8(block.count),
                                               bytes.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
        }
    }

    /// Selects `address` if needed, then runs one libi2c call, all under the lock.
    ///
    /// - Parameter call: the libi2c function, given the descriptor; returns its result (negative errno on
    ///   failure).
    /// - Returns: the call's non-negative result.
    private func transfer(_ operation: I2COperation, address: UInt8, register: UInt8,
                          _ call: (Int32) -> Int32) throws(I2CError) -> Int32 {
        try state.withLock { (state) throws(I2CError) -> Int32 in
            if state.target != address {
                let selected = SystemCalls.posix { sg_i2c_set_target(state.descriptor, address) }
                if case .failure(let failure) = selected {
                    state.target = nil
                    throw I2CError(bus: name, address: address, operation: .selectTarget, errno: failure.rawValue)
                }
                state.target = address
            }
            let descriptor = state.descriptor
            switch SystemCalls.smbus({ call(descriptor) }) {
            case .success(let value):
                return value
            case .failure(let failure):
                throw I2CError(bus: name, address: address, register: register, operation: operation,
                               errno: failure.rawValue)
            }
        }
    }
}

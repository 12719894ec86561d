import StretchGuardCore
#if canImport(Glibc)
import Glibc
#endif

/// A failed I2C operation, with the errno the kernel (or a simulated chip) gave and everything needed to say
/// what went wrong and how to fix it.
///
/// `kind` sorts the errno into what the caller can do about it: ``isRecoverableSensorFault`` errors (no
/// acknowledge, I/O error, bus timeout) mean the chip is absent, glitching or gone for now, and the session can
/// carry on and retry; the others (no bus, no permission, address claimed by a kernel driver) need the user.
public struct I2CError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The bus's name: its device path (`/dev/i2c-1`) or a simulation's name.
    public var bus: String
    /// The chip's 7-bit address, when the operation had one.
    public var address: UInt8?
    /// The register (command byte), when the operation had one.
    public var register: UInt8?
    /// What was being done.
    public var operation: I2COperation
    /// The POSIX error number (`EREMOTEIO`, `EIO`, `EACCES`, …).
    public var errno: Int32
    /// Extra detail for messages, e.g. "returned 6 of 14 bytes"; empty when there is none.
    public var detail: String

    public init(bus: String, address: UInt8? = nil, register: UInt8? = nil, operation: I2COperation,
                errno: Int32, detail: String = "") {
        self.bus = bus
        self.address = address
        self.register = register
        self.operation = operation
        self.errno = errno
        self.detail = detail
    }

    /// What this errno means for an operation of this kind.
    public var kind: I2CErrorKind { I2CErrorKind(errno: errno, operation: operation) }

    /// Whether the chip is merely not answering correctly right now (NACK, I/O error, bus timeout): the
    /// session can keep running, flag a sensor fault and retry until the chip is back.
    public var isRecoverableSensorFault: Bool { kind.isRecoverableSensorFault }

    /// What went wrong, in one sentence: the operation, where, and the system's text for the errno.
    public var message: String {
        var text = operation.summary
        if let address { text += " at \(hexByte(address))" }
        if let register { text += " register \(hexByte(register))" }
        text += " on \(bus) failed: \(Self.systemText(errno)) (errno \(errno))"
        if !detail.isEmpty { text += ", \(detail)" }
        return text + ". " + kind.meaning
    }

    /// What the user can do about it.
    public var fix: String { kind.fix(bus: bus) }

    public var description: String { "\(message) Fix: \(fix)" }

    /// The C library's text for an errno ("Remote I/O error").
    static func systemText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

/// The I2C operations, for error messages.
public enum I2COperation: String, Hashable, Sendable, CaseIterable {
    /// `open(2)` of the bus device.
    case open
    /// Selecting the target address (ioctl `I2C_SLAVE`).
    case selectTarget
    /// Reading the adapter's functionality mask (ioctl `I2C_FUNCS`).
    case queryFunctionality
    /// SMBus read byte data.
    case readByte
    /// SMBus write byte data.
    case writeByte
    /// SMBus read word data.
    case readWord
    /// SMBus write word data.
    case writeWord
    /// SMBus I2C block read.
    case readBlock
    /// SMBus I2C block write.
    case writeBlock

    /// A short phrase for messages ("I2C block read").
    public var summary: String {
        switch self {
        case .open: "opening the I2C bus"
        case .selectTarget: "selecting the I2C target"
        case .queryFunctionality: "querying the I2C adapter's functions"
        case .readByte: "I2C byte read"
        case .writeByte: "I2C byte write"
        case .readWord: "I2C word read"
        case .writeWord: "I2C word write"
        case .readBlock: "I2C block read"
        case .writeBlock: "I2C block write"
        }
    }
}


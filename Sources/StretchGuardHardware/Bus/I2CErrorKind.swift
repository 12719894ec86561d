#if canImport(Glibc)
import Glibc
#endif

/// What an I2C errno means, and so what can be done about it.
public enum I2CErrorKind: String, Hashable, Sendable, CaseIterable {
    /// The bus device does not exist (`ENOENT`, or `ENODEV` when opening): I2C is not enabled.
    case busMissing
    /// No permission to open the bus device (`EACCES`, `EPERM`).
    case permissionDenied
    /// A kernel driver has claimed the address (`EBUSY` when selecting the target).
    case addressBusy
    /// Nobody acknowledged the address (`EREMOTEIO`, `ENXIO`, or `ENODEV` on a transfer): the chip is absent,
    /// unpowered, miswired, or at another address. A recoverable sensor fault.
    case noAcknowledge
    /// The transfer failed on the wire (`EIO`): a glitch, a loose wire, a chip in reset. A recoverable
    /// sensor fault.
    case transferFailed
    /// The bus timed out or lost arbitration (`ETIMEDOUT`, `EAGAIN`): a chip stretching the clock or holding
    /// SDA low. A recoverable sensor fault.
    case busTimeout
    /// The adapter cannot do this kind of transfer (`EOPNOTSUPP`).
    case unsupportedTransfer
    /// Anything else.
    case other

    /// Sorts `errno` for an operation of the given kind (`ENODEV` means "no bus" when opening, "no chip"
    /// on a transfer; `EBUSY` only means "claimed by a driver" when selecting the target).
    public init(errno code: Int32, operation: I2COperation) {
        switch code {
        case ENOENT: self = .busMissing
        case ENODEV: self = operation == .open ? .busMissing : .noAcknowledge
        case EACCES, EPERM: self = .permissionDenied
        case EBUSY: self = operation == .selectTarget ? .addressBusy : .busTimeout
        case EREMOTEIO, ENXIO: self = .noAcknowledge
        case EIO, EPROTO: self = .transferFailed
        case ETIMEDOUT, EAGAIN: self = .busTimeout
        case EOPNOTSUPP: self = .unsupportedTransfer
        default: self = .other
        }
    }

    /// Whether the session can carry on, flag a sensor fault, and retry until the chip answers again.
    public var isRecoverableSensorFault: Bool {
        switch self {
        case .noAcknowledge, .transferFailed, .busTimeout: true
        case .busMissing, .permissionDenied, .addressBusy, .unsupportedTransfer, .other: false
        }
    }

    /// What the errno means here, in one sentence.
    public var meaning: String {
        switch self {
        case .busMissing: "The I2C bus device does not exist: I2C is not enabled, or this is not the bus number."
        case .permissionDenied: "You may not open the I2C bus device."
        case .addressBusy: "A kernel driver has claimed this address."
        case .noAcknowledge: "No chip acknowledged: it is absent, unpowered, miswired or at another address."
        case .transferFailed: "The transfer failed on the wire."
        case .busTimeout: "The bus timed out: a chip is stretching the clock or holding SDA low."
        case .unsupportedTransfer: "This I2C adapter cannot do this kind of transfer."
        case .other: "An unexpected error."
        }
    }

    /// What the user can do about it.
    ///
    /// - Parameter bus: the bus's device path, quoted in commands (`/dev/i2c-1` → `i2cdetect -y 1`).
    public func fix(bus: String) -> String {
        let number = bus.split(separator: "-").last.flatMap { Int($0) }.map(String.init) ?? "N"
        switch self {
        case .busMissing:
            return "enable I2C with sudo raspi-config (Interface Options → I2C) or dtparam=i2c_arm=on in "
                + "/boot/firmware/config.txt, then reboot; `ls /dev/i2c-*` (or `stretchguard doctor`) lists the buses."
        case .permissionDenied:
            return "add yourself to the i2c group: sudo usermod -aG i2c $USER, then log in again."
        case .addressBusy:
            return "`i2cdetect -y \(number)` shows UU there: remove the dtoverlay that binds the chip (for example "
                + "dtoverlay=mpu6050) from /boot/firmware/config.txt and reboot."
        case .noAcknowledge:
            return "check the wiring (3.3 V, GND, SDA, SCL) and the address pin (AD0/SA0 low → 0x68/0x6A, "
                + "high → 0x69/0x6B); `i2cdetect -y \(number)` shows which addresses answer."
        case .transferFailed:
            return "check the connector and the pull-up resistors, keep the I2C cable short; the session retries."
        case .busTimeout:
            return "power-cycle the sensor; if it recurs, lower the bus speed (dtparam=i2c_arm_baudrate=100000) "
                + "and shorten the cable."
        case .unsupportedTransfer:
            return "`i2cdetect -F \(number)` lists what the adapter can do; the drivers need SMBus byte data and "
                + "I2C block read/write."
        case .other:
            return "see the system error text; `stretchguard doctor` checks the I2C setup."
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Why a GPIO operation failed: names the chip or line concerned, and its `description` says how to fix it.
///
/// System-call failures keep their errno.
public enum GPIOError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No chip answers to the address. `available`: the chips that were found.
    case chipNotFound(GPIOChipAddress, available: [GPIOChipInfo])
    /// The device at `path` exists but is not a GPIO chip (errno ENOTTY or ENODEV).
    case notAGPIOChip(path: String)
    /// This process may not open the device at `path` (errno EACCES or EPERM).
    case permissionDenied(path: String)
    /// The chip has no line of that name, or the offset is beyond its `lineCount` lines.
    case lineNotFound(GPIOLineAddress, chip: String, lineCount: Int)
    /// Someone else holds the line (errno EBUSY). `consumer`: who, when the kernel says.
    case lineBusy(line: String, consumer: String?)
    /// The chip was closed, or the line released, before this operation.
    case closed(String)
    /// Another failure: what was being done, to what, and errno.
    case system(operation: String, target: String, errno: Int32)

    /// The errno that stands for the failure (for `.notAGPIOChip` ENOTTY, for `.permissionDenied` EACCES),
    /// nil for failures of lookup rather than of a system call.
    public var errno: Int32? {
        switch self {
        case .notAGPIOChip: return ENOTTY
        case .permissionDenied: return EACCES
        case .lineBusy: return EBUSY
        case .system(_, _, let code): return code
        case .chipNotFound, .lineNotFound, .closed: return nil
        }
    }

    /// The message for the wearer or whoever set the device up: what failed, and what to do.
    public var description: String {
        switch self {
        case .chipNotFound(let address, let available):
            let found = available.isEmpty ? "none" : available.map(\.description).joined(separator: ", ")
            return "no GPIO chip '\(address)' (found: \(found)); is this a Raspberry Pi? "
                + "check `gpio.chip` in the hardware config"
        case .notAGPIOChip(let path):
            return "'\(path)' is not a GPIO chip (expected a /dev/gpiochipN character device); "
                + "check `gpio.chip` in the hardware config"
        case .permissionDenied(let path):
            return "cannot open '\(path)': permission denied; add yourself to the gpio group: "
                + "sudo usermod -aG gpio $USER, then log in again"
        case .lineNotFound(.name(let name), let chip, _):
            return "no line named '\(name)' on \(chip); list its lines with `gpioinfo \(chip)` "
                + "and check the `gpio` lines in the hardware config"
        case .lineNotFound(.offset(let offset), let chip, let lineCount):
            return "line \(offset) is out of range on \(chip) (it has \(lineCount) lines: 0–\(lineCount - 1)); "
                + "check the `gpio` lines in the hardware config"
        case .lineBusy(let line, let consumer):
            let holder = consumer.map { "held by '\($0)'" } ?? "held by another program or kernel driver"
            return "\(line) is busy: \(holder); stop that program (or remove the device-tree overlay "
                + "that claims the line), or wire the part to another line"
        case .closed(let what):
            return "\(what) was already closed or released"
        case .system(let operation, let target, let code):
            return "\(operation) \(target) failed: \(errnoDescription(code)) (errno \(code))"
        }
    }
}

/// strerror's text for an errno value.
func errnoDescription(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text)
}

import CGPIOD
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// GPIO chips through the kernel's character devices (/dev/gpiochipN) and libgpiod, 1.6 or 2.x.
///
/// Chips are found by listing `devicesDirectory` for gpiochip* entries; a label is matched by opening
/// each. The user needs read/write access to the devices (the `gpio` group on Raspberry Pi OS).
public struct LinuxGPIOBackend: GPIOBackend {
    /// Where the gpiochip devices are. Default "/dev".
    public var devicesDirectory: String

    public init(devicesDirectory: String = "/dev") {
        self.devicesDirectory = devicesDirectory
    }

    /// The libgpiod API the shim was compiled against: 1 (Debian 12) or 2 (Debian 13).
    public static var libgpiodAPI: Int { Int(sg_gpiod_api_major()) }

    /// The version of the libgpiod library in use ("1.6.3", "2.2.1").
    public static var libgpiodVersion: String { String(cString: sg_gpiod_library_version()) }

    /// The chips present. Entries that are not GPIO chips are skipped; an unreadable chip throws
    /// `.permissionDenied` (that is what the user must fix).
    public func chips() throws(GPIOError) -> [GPIOChipInfo] {
        var found: [GPIOChipInfo] = []
        for path in LinuxSystem.gpioChipPaths(in: devicesDirectory) {
            do throws(GPIOError) {
                let chip = try LinuxGPIOChip(path: path)
                found.append(chip.info)
                chip.close()
            } catch .notAGPIOChip {
                continue
            } catch .chipNotFound {
                continue  // vanished between listing and opening
            }
        }
        return found
    }

    public func openChip(_ address: GPIOChipAddress) throws(GPIOError) -> any GPIOChip {
        switch address {
        case .path(let path):
            return try open(path: path, address: address)
        case .name(let name):
            guard !name.isEmpty, !name.contains("/") else { throw GPIOError.chipNotFound(address, available: try chips()) }
            let prefix = devicesDirectory.hasSuffix("/") ? devicesDirectory : devicesDirectory + "/"
            return try open(path: prefix + name, address: address)
        case .label:
            let available = try chips()
            guard let match = available.first(where: address.matches) else {
                throw GPIOError.chipNotFound(address, available: available)
            }
            return try open(path: match.path, address: address)
        }
    }

    /// Opens by path; a missing device becomes `.chipNotFound` listing what is there.
    private func open(path: String, address: GPIOChipAddress) throws(GPIOError) -> LinuxGPIOChip {
        do throws(GPIOError) {
            return try LinuxGPIOChip(path: path)
        } catch .chipNotFound {
            throw GPIOError.chipNotFound(address, available: (try? chips()) ?? [])
        }
    }
}

extension GPIOError {
    /// The error for a failed libgpiod call on `target`, from errno.
    static func fromErrno(_ code: Int32, operation: String, target: String) -> GPIOError {
        switch code {
        case EACCES, EPERM: return .permissionDenied(path: target)
        case ENOTTY, ENODEV: return .notAGPIOChip(path: target)
        default: return .system(operation: operation, target: target, errno: code)
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// One I2C bus present on this machine, as `doctor` shows it.
public struct I2CAdapterInfo: Hashable, Sendable {
    /// The bus number N of `/dev/i2c-N`.
    public var number: Int
    /// The device path, e.g. `/dev/i2c-1`.
    public var devicePath: String
    /// The adapter's name from `/sys/class/i2c-dev/i2c-N/name` (e.g. "bcm2835 (i2c@7e804000)",
    /// "SMBus stub driver"), or nil when sysfs does not say.
    public var adapterName: String?
    /// Whether this process may open the device for reading and writing (`access(R_OK | W_OK)`).
    public var isAccessible: Bool

    public init(number: Int, devicePath: String, adapterName: String?, isAccessible: Bool) {
        self.number = number
        self.devicePath = devicePath
        self.adapterName = adapterName
        self.isAccessible = isAccessible
    }
}

/// Lists the I2C buses present: the `i2c-N` entries of `/dev`, named from sysfs.
public enum I2CAdapterList {
    /// The buses present, sorted by number; empty when I2C is not enabled (or i2c-dev is not loaded).
    ///
    /// - Parameters:
    ///   - deviceDirectory: where the `i2c-N` nodes are (default `/dev`).
    ///   - sysfsDirectory: where `i2c-N/name` files are (default `/sys/class/i2c-dev`).
    public static func present(deviceDirectory: String = "/dev",
                               sysfsDirectory: String = "/sys/class/i2c-dev") -> [I2CAdapterInfo] {
        entryNames(in: deviceDirectory).compactMap { entry -> I2CAdapterInfo? in
            guard entry.hasPrefix("i2c-"), let number = Int(entry.dropFirst(4)), number >= 0 else { return nil }
            let path = deviceDirectory + "/" + entry
            let name = firstLine(of: sysfsDirectory + "/" + entry + "/name")
            return I2CAdapterInfo(number: number, devicePath: path, adapterName: name,
                                  isAccessible: access(path, R_OK | W_OK) == 0)
        }
        .sorted { $0.number < $1.number }
    }

    /// The names in a directory (not `.` and `..`); empty when it cannot be read.
    static func entryNames(in directory: String) -> [String] {
        guard let stream = opendir(directory) else { return [] }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The first line of a small text file, without its newline; nil when it cannot be read or is empty.
    static func firstLine(of path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        let line = buffer[..<count].prefix { $0 != UInt8(ascii: "\n") }
        return line.isEmpty ? nil : String(decoding: line, as: UTF8.self)
    }
}

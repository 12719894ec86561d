#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Small Linux helpers for the libgpiod backend: /dev listing, C string buffers (the monotonic clock is
/// `SystemMonotonicClock`).
enum LinuxSystem {
    /// The paths of the entries named "gpiochip…" in `directory`, in kernel order (gpiochip2 before
    /// gpiochip10). Empty when the directory cannot be read.
    static func gpioChipPaths(in directory: String) -> [String] {
        guard let stream = opendir(directory) else { return [] }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix("gpiochip") { names.append(name) }
        }
        let sorted = names.sorted { a, b in
            let numberA = Int(a.dropFirst("gpiochip".count)) ?? Int.max
            let numberB = Int(b.dropFirst("gpiochip".count)) ?? Int.max
            return numberA != numberB ? numberA < numberB : a < b
        }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return sorted.map { prefix + $0 }
    }

    /// The text in a fixed-size, NUL-terminated C char array (imported as a tuple); nil when empty.
    static func string<Tuple>(fromCharArray array: Tuple) -> String? {
        let text = withUnsafeBytes(of: array) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
        return text.isEmpty ? nil : text
    }

    /// Converts a timeout in s to ns for libgpiod: negative means no limit (-1), huge values saturate.
    static func timeoutNanoseconds(_ seconds: Double) -> Int64 {
        if seconds < 0 || seconds.isNaN { return -1 }
        let nanoseconds = (seconds * 1_000_000_000).rounded(.up)
        return nanoseconds >= Double(Int64.max) ? Int64.max : Int64(nanoseconds)
    }
}

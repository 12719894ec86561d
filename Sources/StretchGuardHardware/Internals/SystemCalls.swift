#if canImport(Glibc)
import SystemPackage
import Glibc
#endif

/// The one place system and libi2c calls go through: retries `EINTR`, and turns both failure conventions
/// (`-1` with `errno` set, or libi2c's negative errno) into a positive errno.
enum SystemCalls {
    /// Runs a POSIX call that returns `-1` and sets `errno` on failure, again while it is interrupted.
    ///
    /// - Returns: the call's non-negative result, or the errno it failed with.
    @inline(__always)
    static func posix(_ call: () -> Int32) -> Result<Int32, Errno> {
        while true {
            let result = call()
            if result >= 0 { return .success(result) }
            let code = Glibc.errno
            if code != EINTR { return .failure(Errno(rawValue: code)) }
        }
    }

    /// Runs a libi2c call that returns a negative errno on failure (libi2c 4.x returns `-errno`; any negative
    /// value is a failure), again while it is interrupted.
    ///
    /// - Returns: the call's non-negative result, or the errno it failed with.
    @inline(__always)
    static func smbus(_ call: () -> Int32) -> Result<Int32, Errno> {
        while true {
            let result = call()
            if result >= 0 { return .success(result) }
            let code = -result
            if code != EINTR { return .failure(Errno(rawValue: code)) }
        }
    }
}


import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A monotonic time source that can also sleep until an absolute deadline: the system's `CLOCK_MONOTONIC`
/// on the device, a ``ManualClock`` in tests and simulations.
public protocol MonotonicClock: Sendable {
    /// The current monotonic time, in s.
    func now() -> Double

    /// Sleeps until the clock reads `deadline` (in s); returns at once when it already has. Absolute
    /// deadlines keep a periodic loop's error from accumulating.
    func sleep(until deadline: Double)
}

/// The system's `CLOCK_MONOTONIC`, the clock the kernel stamps GPIO edge events with.
public struct SystemMonotonicClock: MonotonicClock {
    public init() {}

    /// The corresponding C function is `clock_gettime(CLOCK_MONOTONIC)`.
    public func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    /// Sleeps with `clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME)`, resuming after signals (the deadline
    /// is absolute, so a resumed sleep does not drift).
    public func sleep(until deadline: Double) {
        guard deadline.isFinite, deadline > 0 else { return }
        let seconds = deadline.rounded(.down)
        var target = timespec(tv_sec: Int(seconds), tv_nsec: Int(((deadline - seconds) * 1e9).rounded(.down)))
        while clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &target, nil) == EINTR {}
    }
}

/// A clock that only moves when told to (or when something sleeps on it), for deterministic tests and
/// simulations: sleeping until a deadline sets the time to that deadline at once.
public final class ManualClock: MonotonicClock {
    private let time: Mutex<Double>

    /// - Parameter start: the initial time, in s.
    public init(start: Double = 0) {
        time = Mutex(start)
    }

    public func now() -> Double {
        time.withLock { $0 }
    }

    /// Moves the time to `deadline` when that is later; returns at once.
    public func sleep(until deadline: Double) {
        time.withLock { $0 = max($0, deadline) }
    }

    /// Moves the time forward by `interval` s.
    public func advance(by interval: Double) {
        precondition(interval >= 0, "a monotonic clock does not go back")
        time.withLock { $0 += interval }
    }
}

import Synchronization

/// Asks a live session (or its baseline capture, or a calibration) to stop: any thread may call `stop()`;
/// the sample thread checks `isStopped` once per read and ends with every output off.
public final class StopToken: Sendable {
    private let stopped = Atomic<Bool>(false)

    public init() {}

    /// Asks whatever watches this token to stop. Idempotent.
    public func stop() {
        stopped.store(true, ordering: .releasing)
    }

    /// Whether a stop was asked for.
    public var isStopped: Bool {
        stopped.load(ordering: .acquiring)
    }
}

#if canImport(Glibc)
import Glibc
#endif

extension StopToken {
    /// Sleeps `seconds` (in 50 ms slices, on the system's monotonic clock), returning early (false) when a
    /// stop is asked for.
    @discardableResult
    public func sleep(_ seconds: Double) -> Bool {
        var remaining = seconds
        while remaining > 0 {
            if isStopped { return false }
            let slice = min(remaining, 0.05)
            var request = timespec(tv_sec: Int(slice), tv_nsec: Int((slice - slice.rounded(.down)) * 1e9))
            nanosleep(&request, nil)
            remaining -= slice
        }
        return !isStopped
    }
}

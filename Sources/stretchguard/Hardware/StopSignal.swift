#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The signal (SIGINT or SIGTERM) that asked the process to stop, 0 while none has.
private let stopSignalReceived = Atomic<Int32>(0)

/// SIGINT/SIGTERM as a flag that loops check, so that whatever is running turns its outputs off and
/// closes its files before exiting (the buzzer must never be left on).
///
/// The handler only stores the signal number (async-signal-safe). A second Ctrl-C does not end the process
/// at once: the kernel leaves a released output at its last level, so exiting before the outputs are
/// driven off could leave the buzzer sounding.
enum StopSignal {
    /// Installs the handlers. Call once, before any output is driven.
    static func install() {
        _ = stopSignalReceived.load(ordering: .relaxed)
        signal(SIGINT, handle)
        signal(SIGTERM, handle)
        // A parent may have started us with these signals blocked (the mask is inherited across exec):
        // unblock them here, before any thread that should see them is started.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// The signal received, or nil.
    static var received: Int32? {
        let value = stopSignalReceived.load(ordering: .acquiring)
        return value == 0 ? nil : value
    }

    /// Sleeps `seconds`, in short slices, returning early (false) when a stop was asked for.
    @discardableResult
    static func sleep(_ seconds: Double) -> Bool {
        var remaining = seconds
        while remaining > 0 {
            if received != nil { return false }
            let slice = min(remaining, 0.05)
            var request = timespec(tv_sec: Int(slice), tv_nsec: Int((slice - slice.rounded(.down)) * 1e9))
            nanosleep(&request, nil)
            remaining -= slice
        }
        return received == nil
    }

    private static let handle: @convention(c) (Int32) -> Void = { signal in
        stopSignalReceived.store(signal, ordering: .releasing)
    }
}

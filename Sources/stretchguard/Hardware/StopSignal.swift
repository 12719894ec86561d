#if canImport(Glibc)
import Glibc
#endif
import StretchGuardLive
import Synchronization

/// The signal (SIGINT or SIGTERM) that asked the process to stop, 0 while none has.
private let stopSignalReceived = Atomic<Int32>(0)
/// The token every live session, capture and hardware test of this process watches.
private let processStopToken = StopToken()

/// SIGINT/SIGTERM as a stop token that loops check, so that whatever is running turns its outputs off and
/// closes its files before exiting (the buzzer must never be left on).
///
/// The handler only stores the signal number (async-signal-safe). A second Ctrl-C does not end the process
/// at once: the kernel leaves a released output at its last level, so exiting before the outputs are
/// driven off could leave the buzzer sounding.
enum StopSignal {
    /// Installs the handlers. Call once, before any output is driven.
    static func install() {
        _ = stopSignalReceived.load(ordering: .relaxed)
        _ = processStopToken.isStopped  // made before a handler can touch it
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

    /// The token the handlers stop: pass it to whatever should end on Ctrl-C or SIGTERM.
    static var token: StopToken { processStopToken }

    private static let handle: @convention(c) (Int32) -> Void = { signal in
        stopSignalReceived.store(signal, ordering: .releasing)
        processStopToken.stop()  // an atomic store: async-signal-safe
    }
}

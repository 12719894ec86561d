#if canImport(Glibc)
import Glibc
#endif
import StretchGuardLive
import Synchronization

/// The signal that asked the process to stop, 0 while none has.
private let stopSignalReceived = Atomic<Int32>(0)
/// The token every live session, capture and hardware test of this process watches.
private let processStopToken = StopToken()

/// Every signal that would otherwise end the process — SIGINT, SIGTERM, SIGHUP (the SSH session dropped),
/// SIGQUIT, SIGUSR1/2, SIGALRM — as a stop token that loops check, so that whatever is running turns its
/// outputs off and closes its files before exiting (the buzzer must never be left on). SIGPIPE is
/// ignored: a closed standard output (`run | head`) makes writes fail quietly (`StandardStreams`) instead
/// of killing the sample loop.
///
/// The handler only stores the signal number and stops the token (atomic stores: async-signal-safe). A
/// second signal does not end the process at once: the kernel leaves a released output at its last level,
/// so exiting before the outputs are driven off could leave the buzzer sounding.
enum StopSignal {
    /// The signals that stop the process cleanly.
    static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM]

    /// Installs the handlers. Call once, before any output is driven.
    static func install() {
        _ = stopSignalReceived.load(ordering: .relaxed)
        _ = processStopToken.isStopped  // made before a handler can touch it
        for number in handled { signal(number, handle) }
        signal(SIGPIPE, SIG_IGN)
        // A parent may have started us with these signals blocked (the mask is inherited across exec):
        // unblock them here, before any thread that should see them is started.
        var set = sigset_t()
        sigemptyset(&set)
        for number in handled { sigaddset(&set, number) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// The signal received, or nil.
    static var received: Int32? {
        let value = stopSignalReceived.load(ordering: .acquiring)
        return value == 0 ? nil : value
    }

    /// The token the handlers stop: pass it to whatever should end on a signal.
    static var token: StopToken { processStopToken }

    /// The received signal's name, "SIGTERM", for the summary.
    static var receivedName: String? {
        guard let received else { return nil }
        let names: [Int32: String] = [SIGINT: "SIGINT", SIGTERM: "SIGTERM", SIGHUP: "SIGHUP", SIGQUIT: "SIGQUIT",
                                      SIGUSR1: "SIGUSR1", SIGUSR2: "SIGUSR2", SIGALRM: "SIGALRM"]
        return names[received] ?? "signal \(received)"
    }

    private static let handle: @convention(c) (Int32) -> Void = { signal in
        stopSignalReceived.store(signal, ordering: .releasing)
        processStopToken.stop()  // an atomic store: async-signal-safe
    }
}

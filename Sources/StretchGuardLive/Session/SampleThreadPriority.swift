#if canImport(Glibc)
import Glibc
#endif

/// The sample thread's place in the kernel's scheduler: real-time (`SCHED_FIFO`) when the process may ask
/// for it, so that a busy neighbour on the board (the web view's viewers, a compile, a backup) cannot delay
/// a sample; otherwise the ordinary time-sharing policy.
///
/// A process may use `SCHED_FIFO` as root, with `CAP_SYS_NICE`, or up to its `RLIMIT_RTPRIO` (the systemd
/// service sets `LimitRTPRIO=20`; in a shell, `ulimit -r` shows it). The thread sleeps between samples and
/// works about 1 % of a core, and the kernel keeps 5 % of every second for ordinary threads whatever real-time
/// threads do, so a fault in the loop cannot freeze the board.
public enum SampleThreadPriority: Sendable, Equatable, CustomStringConvertible {
    /// `SCHED_FIFO` at this priority (1…99).
    case realTime(Int32)
    /// The ordinary policy: the kernel refused real-time scheduling (no permission).
    case ordinary

    /// The real-time priority asked for: below the kernel's threaded interrupt handlers (50, they serve the
    /// I²C and GPIO the loop waits on) and above a job started with `chrt`'s default of 1.
    public static let requested: Int32 = 20

    /// Moves the calling thread to `SCHED_FIFO` at `priority` (clamped to what the kernel allows); what it got.
    public static func raiseCallingThread(to priority: Int32 = requested) -> SampleThreadPriority {
        #if os(Linux)
        let level = min(max(priority, sched_get_priority_min(SCHED_FIFO)), sched_get_priority_max(SCHED_FIFO))
        var parameters = sched_param()
        parameters.sched_priority = level
        return pthread_setschedparam(pthread_self(), SCHED_FIFO, &parameters) == 0 ? .realTime(level) : .ordinary
        #else
        return .ordinary
        #endif
    }

    /// The calling thread's policy as the kernel reports it.
    public static var callingThread: SampleThreadPriority {
        #if os(Linux)
        var policy: Int32 = 0
        var parameters = sched_param()
        guard pthread_getschedparam(pthread_self(), &policy, &parameters) == 0, policy == SCHED_FIFO else { return .ordinary }
        return .realTime(parameters.sched_priority)
        #else
        return .ordinary
        #endif
    }

    /// Whether the thread runs under `SCHED_FIFO`.
    public var isRealTime: Bool {
        if case .realTime = self { return true }
        return false
    }

    /// "real-time (SCHED_FIFO 20)" or "ordinary (no permission for real-time: see `ulimit -r`)".
    public var description: String {
        switch self {
        case .realTime(let level): "real-time (SCHED_FIFO \(level))"
        case .ordinary: "ordinary (real-time not permitted: run as the service, which sets LimitRTPRIO=20, or raise `ulimit -r`)"
        }
    }
}

import Dispatch
import Foundation
import Synchronization

/// The scheduling part of `doctor`: whether the live session's sample thread will get real-time
/// scheduling (``SampleThreadPriority``). Without it a busy board (the browser view's viewers, a compile)
/// can delay samples: a warning with how to permit it.
public struct DoctorSchedulingCheck {
    /// How a new thread asks: by default as the sample thread does.
    var raise: @Sendable () -> SampleThreadPriority = { SampleThreadPriority.raiseCallingThread() }

    public init() {}

    /// Asks on a thread of its own (the caller's stays as it is) and adds a warning when refused.
    public func run(into report: inout DoctorReport) {
        let granted = Mutex(SampleThreadPriority.ordinary)
        let done = DispatchSemaphore(value: 0)
        let raise = raise
        let thread = Thread {
            granted.withLock { $0 = raise() }
            done.signal()
        }
        thread.start()
        done.wait()
        guard !granted.withLock({ $0.isRealTime }) else { return }
        report.warning("scheduling", "the sample thread cannot have real-time scheduling here, so a busy board may delay samples",
                       fix: "run StretchGuard as the systemd service (Hardware/systemd/stretchguard.service sets LimitRTPRIO=20), "
                           + "or allow it for your login: add '\(NSUserName()) - rtprio 20' to /etc/security/limits.conf and log in again")
    }
}

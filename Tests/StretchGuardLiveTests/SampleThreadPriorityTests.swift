import Foundation
import Synchronization
import Testing
@testable import StretchGuardLive

/// The sample thread's scheduling: real-time when the process may have it, and a true report either way.
@Suite("The sample thread's priority")
struct SampleThreadPriorityTests {
    /// What `body` returns when run on a thread of its own (a new thread starts with the ordinary policy).
    static func onNewThread<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T {
        let result = Mutex<T?>(nil)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            result.withLock { $0 = body() }
            done.signal()
        }
        thread.start()
        done.wait()
        return result.withLock { $0! }
    }

    @Test("what the raise reports is what the kernel then says; when granted, SCHED_FIFO at the requested 20")
    func raiseReportsTheKernelsAnswer() {
        let (before, granted, after) = Self.onNewThread {
            (SampleThreadPriority.callingThread, SampleThreadPriority.raiseCallingThread(), SampleThreadPriority.callingThread)
        }
        #expect(before == .ordinary)
        #expect(after == granted)
        if granted.isRealTime { #expect(granted == .realTime(SampleThreadPriority.requested)) }
        // Root (this test's CI) or a raised `ulimit -r` is allowed real-time scheduling.
        var limit = rlimit()
        getrlimit(__rlimit_resource_t(__RLIMIT_RTPRIO.rawValue), &limit)
        if getuid() != 0, limit.rlim_cur < rlim_t(SampleThreadPriority.requested) { #expect(granted == .ordinary) }
    }

    @Test("a priority beyond the kernel's range is clamped, not refused")
    func clamped() {
        let granted = Self.onNewThread { SampleThreadPriority.raiseCallingThread(to: 500) }
        if granted.isRealTime { #expect(granted == .realTime(sched_get_priority_max(SCHED_FIFO))) }
    }

    @Test("the sentence names the policy, or how to permit real-time scheduling")
    func sentences() {
        #expect(SampleThreadPriority.realTime(20).description == "real-time (SCHED_FIFO 20)")
        #expect(SampleThreadPriority.ordinary.description.contains("LimitRTPRIO=20"))
        #expect(SampleThreadPriority.ordinary.description.contains("ulimit -r"))
    }
}

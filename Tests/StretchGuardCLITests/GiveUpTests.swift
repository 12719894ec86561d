import Foundation
@testable import StretchGuardSync
import Synchronization
import Testing

/// `GiveUp`: work raced against an alarm, where the work may wait on a promise nobody keeps.
@Suite("Giving up on the driver's work")
struct GiveUpTests {
    static let address = try! ServerAddress(parsing: "postgres://device@clinic.example:5432/clinic")
    static let gone = SyncError.interrupted(address, detail: "the server closed the connection")

    /// A promise that is never kept (until the test lets it go, so that nothing leaks).
    final class LostPromise: Sendable {
        let continuation = Mutex<CheckedContinuation<Int, Never>?>(nil)

        func wait() async -> Int {
            await withCheckedContinuation { continuation in self.continuation.withLock { $0 = continuation } }
        }

        func release() {
            for _ in 0..<200 where continuation.withLock({ $0 == nil }) { usleep(10_000) }
            continuation.withLock { $0.take() }?.resume(returning: -1)
        }
    }

    @Test("the work's value when it finishes first; the alarm is then called off")
    func workFirst() async throws {
        let alarmCalledOff = Atomic<Bool>(false)
        let value = try await GiveUp.when({
            do { try await Task.sleep(for: .seconds(3600)) } catch { alarmCalledOff.store(true, ordering: .relaxed); return nil }
            return Self.gone
        }) { 42 }
        #expect(value == 42)
        for _ in 0..<200 where !alarmCalledOff.load(ordering: .relaxed) { try await Task.sleep(for: .milliseconds(10)) }
        let calledOff = alarmCalledOff.load(ordering: .relaxed)
        #expect(calledOff, "the alarm's wait was not cancelled")
    }

    @Test("the work's own error passes through unchanged")
    func workFails() async {
        await #expect(throws: SyncError.noDatabase(Self.address)) {
            try await GiveUp.when(GiveUp.after(seconds: 3600, Self.gone)) { () async throws -> Int in throw SyncError.noDatabase(Self.address) }
        }
    }

    @Test("work stuck on a promise nobody keeps: the alarm's error, without waiting for the work", .timeLimit(.minutes(1)))
    func alarmFirst() async throws {
        let promise = LostPromise()
        defer { promise.release() }
        let alarm = SyncError.interrupted(Self.address, detail: "no answer within 0.2 s")
        await #expect(throws: alarm) {
            try await GiveUp.when(GiveUp.after(seconds: 0.2, alarm)) { await promise.wait() }
        }
    }

    @Test("the connection's close as the alarm: a closed connection ends the wait with its sentence", .timeLimit(.minutes(1)))
    func closeAsAlarm() async throws {
        let promise = LostPromise()
        defer { promise.release() }
        let box = ClosedSignal()
        let waiting = Task { try await GiveUp.when({ await box.wait(); return Self.gone }) { await promise.wait() } }
        box.fire()
        await #expect(throws: Self.gone) { try await waiting.value }
    }

    /// A one-shot signal standing for the connection's close future.
    final class ClosedSignal: Sendable {
        private let state = Mutex<(fired: Bool, waiter: CheckedContinuation<Void, Never>?)>((false, nil))

        func wait() async {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state -> Bool in
                    if state.fired { return true }
                    state.waiter = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        }

        func fire() {
            state.withLock { state -> CheckedContinuation<Void, Never>? in
                state.fired = true
                return state.waiter.take()
            }?.resume()
        }
    }
}

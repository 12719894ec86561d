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

    @Test("the work's value when it finishes first; the alarm is then called off", .timeLimit(.minutes(1)))
    func workFirst() async throws {
        let alarmCalledOff = Atomic<Bool>(false)
        let value = try await GiveUp.when({
            do { try await Task.sleep(for: .seconds(3600)) } catch { alarmCalledOff.store(true, ordering: .relaxed); return nil }
            return Self.gone
        }) { 42 }
        #expect(value == 42)
        for _ in 0..<3000 where !alarmCalledOff.load(ordering: .relaxed) { try await Task.sleep(for: .milliseconds(10)) }  // a loaded machine may be slow to run it
        let calledOff = alarmCalledOff.load(ordering: .relaxed)
        #expect(calledOff, "the alarm's wait was not cancelled")
    }

    @Test("the work's own error passes through unchanged")
    func workFails() async {
        await #expect(throws: SyncError.noDatabase(Self.address)) {
            try await GiveUp.when(GiveUp.silence(longerThan: 3600, watch: GiveUp.AnswerWatch(), Self.gone)) { () async throws -> Int in throw SyncError.noDatabase(Self.address) }
        }
    }

    @Test("work stuck on a promise nobody keeps: the alarm's error, without waiting for the work", .timeLimit(.minutes(1)))
    func alarmFirst() async throws {
        let promise = LostPromise()
        defer { promise.release() }
        let alarm = SyncError.interrupted(Self.address, detail: "no answer within 0.2 s")
        await #expect(throws: alarm) {
            try await GiveUp.unlessSilent(for: 0.2, alarm) { _ in await promise.wait() }
        }
    }

    /// A simulated clock, in ns, and a sleep that moves it on, answering (touching the watch) at the
    /// given offsets into each sleep while the clock is before `answersUntil`.
    final class SimulatedTime: Sendable {
        let clock = Atomic<UInt64>(0)
        let sleeps = Mutex<[Double]>([])
        let lastAnswer = Atomic<UInt64>(0)

        func now() -> UInt64 { clock.load(ordering: .relaxed) }

        func sleep(_ seconds: Double, answeringEvery interval: Double, until answersUntil: Double, watch: GiveUp.AnswerWatch) {
            let count = sleeps.withLock { sleeps in sleeps.append(seconds); return sleeps.count }
            precondition(count < 10_000, "the alarm sleeps without end")
            var left = seconds
            while left > 0 {
                let step = min(left, interval)
                clock.add(max(1, UInt64((step * 1e9).rounded())), ordering: .relaxed)
                left -= step
                if step == interval, Double(now()) / 1e9 < answersUntil {
                    watch.touch()
                    lastAnswer.store(now(), ordering: .relaxed)
                }
            }
        }
    }

    @Test("silence alarm, in simulated time: answers every 0.6 s for 10 s hold it off; it goes off 1 s after the last")
    func silenceCountsFromTheLastAnswer() async throws {
        let time = SimulatedTime()
        let watch = GiveUp.AnswerWatch(now: { time.now() })
        watch.touch()  // the work starts
        let alarm = SyncError.interrupted(Self.address, detail: "no answer within 1 s")
        let silence = GiveUp.silence(longerThan: 1, watch: watch, sleep: { seconds in
            time.sleep(seconds, answeringEvery: 0.6, until: 10, watch: watch)
        }, alarm)
        #expect(await silence() == alarm)
        let end = Double(time.now()) / 1e9, last = Double(time.lastAnswer.load(ordering: .relaxed)) / 1e9
        #expect(last > 9 && last < 10, "answers went on until 10 s: the last at \(last) s")
        #expect(abs(end - last - 1) < 1e-6, "the alarm went off \(end - last) s after the last answer, not 1 s")

        // No answers at all: one sleep of the whole length.
        let quiet = SimulatedTime()
        let unanswered = GiveUp.AnswerWatch(now: { quiet.now() })
        unanswered.touch()
        let immediate = GiveUp.silence(longerThan: 1, watch: unanswered, sleep: { seconds in
            quiet.sleep(seconds, answeringEvery: 10, until: 0, watch: unanswered)
        }, alarm)
        #expect(await immediate() == alarm)
        #expect(quiet.sleeps.withLock { $0 } == [1])
    }

    @Test("silence alarm, in simulated time: a late wake (the process frozen) waits once more before it goes off")
    func lateWakeIsNotSilence() async {
        let time = SimulatedTime()
        let watch = GiveUp.AnswerWatch(now: { time.now() })
        watch.touch()
        let alarm = SyncError.interrupted(Self.address, detail: "no answer within 1 s")
        let wakes = Atomic<Int>(0)
        let silence = GiveUp.silence(longerThan: 1, watch: watch, sleep: { seconds in
            // The first sleep overruns by 20 s, as in a frozen process; the answer then is waiting.
            let frozen = wakes.add(1, ordering: .relaxed).newValue == 1 ? 20.0 : 0
            time.sleep(seconds + frozen, answeringEvery: 100, until: 0, watch: watch)
        }, alarm)
        #expect(await silence() == alarm)
        #expect(time.sleeps.withLock { $0 } == [21, 1], "\(time.sleeps.withLock { $0 })")
    }

    @Test("silence alarm, in simulated time: silence counts from the work's start, however late it starts")
    func silenceCountsFromTheWorksStart() async {
        let time = SimulatedTime()
        let watch = GiveUp.AnswerWatch(now: { time.now() })
        let alarm = SyncError.interrupted(Self.address, detail: "no answer within 1 s")
        let wakes = Atomic<Int>(0)
        let silence = GiveUp.silence(longerThan: 1, watch: watch, sleep: { seconds in
            time.sleep(seconds, answeringEvery: 100, until: 0, watch: watch)
            // The work gets a thread only after the alarm's third wake (3 s), and asks the server then.
            if wakes.add(1, ordering: .relaxed).newValue == 3 { watch.touch() }
        }, alarm)
        #expect(await silence() == alarm)
        #expect(time.now() == 4_000_000_000, "the alarm went off at \(Double(time.now()) / 1e9) s, not 1 s after the work's start at 3 s")
    }

    @Test("a cancelled silence alarm gives nothing")
    func cancelledSilence() async {
        let alarm = GiveUp.silence(longerThan: 3600, watch: GiveUp.AnswerWatch(), SyncError.interrupted(Self.address, detail: "no answer within 3600 s"))
        let waiting = Task { await alarm() }
        waiting.cancel()
        #expect(await waiting.value == nil)
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

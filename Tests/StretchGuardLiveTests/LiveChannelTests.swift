import StretchGuardCore
import Testing
@testable import StretchGuardLive

/// The channel between the sample thread and its readers: every reader sees every event, in order; a
/// reader that falls behind is told how much it missed; snapshots are numbered.
@Suite struct LiveChannelTests {
    private func event(_ time: Double) -> LiveEvent {
        .form(FormEvent(kind: .holdStarted, time: time))
    }

    private func times(_ events: [LiveEvent]) -> [Double] {
        events.compactMap { if case let .form(event) = $0 { event.time } else { nil } }
    }

    @Test func everyReaderSeesEveryEventInOrder() {
        let channel = LiveChannel(capacity: 16)
        var first = channel.subscribe()
        var second = channel.subscribe()
        for t in 0..<5 { channel.post(event(Double(t))) }
        #expect(times(first.poll().events) == [0, 1, 2, 3, 4])
        channel.post(event(5))
        #expect(times(first.poll().events) == [5])
        #expect(times(second.poll().events) == [0, 1, 2, 3, 4, 5])
        #expect(first.poll().events.isEmpty)
    }

    @Test func aLateReaderGetsWhatTheRingStillHolds() {
        let channel = LiveChannel(capacity: 4)
        for t in 0..<3 { channel.post(event(Double(t))) }
        var late = channel.subscribe()
        #expect(times(late.poll().events) == [0, 1, 2])
    }

    @Test func aReaderThatFallsBehindIsToldWhatItMissed() {
        let channel = LiveChannel(capacity: 4)
        var slow = channel.subscribe()
        for t in 0..<10 { channel.post(event(Double(t))) }
        let update = slow.poll()
        #expect(update.missedEvents == 6)
        #expect(times(update.events) == [6, 7, 8, 9])
    }

    @Test func snapshotsAreNumberedAndTheLastOneEndsTheSession() {
        let channel = LiveChannel()
        var reader = channel.subscribe()
        #expect(reader.poll().snapshot.sequence == 0)
        var snapshot = LiveSnapshot()
        snapshot.twist = 12
        #expect(channel.publish(snapshot))
        snapshot.twist = 14
        #expect(channel.publish(snapshot))
        let update = reader.poll()
        #expect(update.snapshot.sequence == 2 && update.snapshot.twist == 14)
        #expect(!update.finished)
        snapshot.buzzerOn = false
        channel.finish(snapshot)
        let last = reader.poll()
        #expect(last.finished && last.snapshot.sequence == 3)
    }
}

import Foundation
import StretchGuardCore
@testable import StretchGuardLive
import Testing
@testable import StretchGuardWeb

/// The broadcast behind the live stream: one encoding per update for every viewer, a late viewer's
/// catch-up, a viewer too far behind dropped while the others go on, and no reading without viewers.
@Suite("The live stream's broadcast")
struct LiveBroadcastTests {
    /// A broadcast over `channel` reading every 5 ms, with a backlog of `backlog` frames.
    static func broadcast(_ channel: LiveChannel, backlog: Int = 40) -> LiveBroadcast {
        LiveBroadcast(feed: LiveFeed(channel: channel, profile: .general, session: 3), interval: .milliseconds(5), backlog: backlog)
    }

    /// Publishes `count` snapshots 10 ms apart with a "stop / it hurts" press every tenth, then ends.
    static func play(_ channel: LiveChannel, count: Int) async throws {
        var snapshot = LiveSnapshot()
        for index in 0..<count {
            snapshot.time = Double(index) * 0.01
            snapshot.elapsed = snapshot.time
            snapshot.twist = Double(index) * degree
            channel.publish(snapshot)
            if index % 10 == 5 { channel.post(.stopMarked(time: snapshot.time)) }
            try await Task.sleep(for: .milliseconds(10))
        }
        channel.finish(snapshot)
    }

    /// Every frame of `frames` as JSON objects, and whether the last one said the session finished.
    static func collect(_ frames: AsyncStream<LiveBroadcast.Frame>) async throws -> (texts: [String], objects: [[String: Any]], finished: Bool) {
        var texts: [String] = [], finished = false
        for await frame in frames {
            texts.append(frame.text)
            finished = frame.finished
        }
        let objects = try texts.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        return (texts, objects, finished)
    }

    /// The session times of the events in `objects`, in order.
    static func eventTimes(_ objects: [[String: Any]]) -> [Double] {
        objects.flatMap { ($0["events"] as? [[String: Any]] ?? []).compactMap { $0["time_s"] as? Double } }
    }

    @Test("three viewers get the same frames, each update encoded once, in order to the end")
    func sameFramesEncodedOnce() async throws {
        let channel = LiveChannel()
        let broadcast = Self.broadcast(channel)
        let viewers = (0..<3).map { _ in broadcast.join() }
        async let playing: Void = Self.play(channel, count: 60)
        async let first = Self.collect(viewers[0].frames)
        async let second = Self.collect(viewers[1].frames)
        async let third = Self.collect(viewers[2].frames)
        let received = try await [first, second, third]
        try await playing
        for viewer in viewers { broadcast.leave(viewer.id) }

        #expect(received.allSatisfy { $0.finished })
        #expect(received[1].texts == received[0].texts && received[2].texts == received[0].texts)
        #expect(received[0].texts.count >= 20)
        #expect(broadcast.encoded == received[0].texts.count, "one encoding per update, not one per viewer")
        let sequences = received[0].objects.compactMap { ($0["snapshot"] as? [String: Any])?["sequence"] as? Int }
        #expect(sequences == sequences.sorted() && Set(sequences).count == sequences.count)
        #expect(Self.eventTimes(received[0].objects).count == 6)
        #expect(!broadcast.isReading)
    }

    @Test("a viewer that joins late catches up on the events the others saw, then gets the same frames")
    func lateViewerCatchesUp() async throws {
        let channel = LiveChannel()
        let broadcast = Self.broadcast(channel)
        let early = broadcast.join()
        async let playing: Void = Self.play(channel, count: 60)
        // The early viewer reads until it has seen two presses; only then does the late one join.
        var earlyTexts: [String] = []
        var iterator = early.frames.makeAsyncIterator()
        while let frame = await iterator.next() {
            earlyTexts.append(frame.text)
            if earlyTexts.filter({ $0.contains("\"kind\":\"stop_marked\"") }).count >= 2 { break }
        }
        let late = broadcast.join()
        async let lateFrames = Self.collect(late.frames)
        while let frame = await iterator.next() { earlyTexts.append(frame.text) }
        let earlyFrames = try await Self.collect(AsyncStream { continuation in
            for text in earlyTexts { continuation.yield(LiveBroadcast.Frame(text: text, finished: text.contains("\"finished\":true"))) }
            continuation.finish()
        })
        let lateReceived = try await lateFrames
        try await playing
        #expect(Self.eventTimes(lateReceived.objects.prefix(1).map { $0 }).count >= 2, "the catch-up carries the presses so far")
        #expect(earlyFrames.finished && lateReceived.finished)
        #expect(Self.eventTimes(lateReceived.objects) == Self.eventTimes(earlyFrames.objects))
        #expect(Self.eventTimes(earlyFrames.objects).count == 6)
        #expect(lateReceived.texts.last == earlyFrames.texts.last)
        #expect(lateReceived.texts.count < earlyFrames.texts.count)
    }

    @Test("a viewer that stops taking frames is dropped after its backlog; the others see the end")
    func slowViewerDropped() async throws {
        let channel = LiveChannel()
        let broadcast = Self.broadcast(channel, backlog: 5)
        let stalled = broadcast.join()
        let reader = broadcast.join()
        async let playing: Void = Self.play(channel, count: 60)
        let read = try await Self.collect(reader.frames)
        try await playing
        let backlog = try await Self.collect(stalled.frames)  // read only now: what was queued before the drop

        #expect(read.finished)
        #expect(!backlog.finished)
        #expect(backlog.texts == Array(read.texts.prefix(5)))
    }

    @Test("nobody watching: the channel is not read; a viewer after the end gets the last frame with every event")
    func readsOnlyWhileWatched() async throws {
        let channel = LiveChannel()
        let broadcast = Self.broadcast(channel)
        #expect(!broadcast.isReading)
        let viewer = broadcast.join()
        #expect(broadcast.isReading)
        broadcast.leave(viewer.id)
        #expect(!broadcast.isReading)
        #expect(try await Self.collect(viewer.frames).texts.isEmpty)

        let watcher = broadcast.join()
        try await Self.play(channel, count: 30)
        let watched = try await Self.collect(watcher.frames)
        broadcast.leave(watcher.id)
        let after = try await Self.collect(broadcast.join().frames)
        #expect(watched.finished && after.finished)
        #expect(after.texts.count == 1)
        #expect(Self.eventTimes(after.objects) == Self.eventTimes(watched.objects))
        #expect(Self.eventTimes(after.objects).count == 3)
        #expect(!broadcast.isReading)
    }
}

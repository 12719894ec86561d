import Foundation
import StretchGuardCore
import Testing
@testable import StretchGuardStore

@Suite("Session recorder")
struct SessionRecorderTests {
    /// Events spread over a session.
    static func events(start: Double) -> [FormEvent] {
        [FormEvent(kind: .holdStarted, time: start + 0.2, value: 0.4, axis: .flexion),
         FormEvent(kind: .twistAlertStarted, time: start + 0.5, value: 0.3, axis: .twist),
         FormEvent(kind: .twistAlertEnded, time: start + 0.9, value: 0.35, duration: 0.4, axis: .twist),
         FormEvent(kind: .bounceStarted, time: start + 1.1, value: 0.2, frequency: 1.5, axis: .flexion),
         FormEvent(kind: .bounceEnded, time: start + 1.3, value: 0.25, duration: 0.2, count: 3, axis: .flexion),
         FormEvent(kind: .holdEnded, time: start + 1.8, value: 0.41, duration: 1.6, axis: .flexion)]
    }

    @Test("2 s at 200 Hz from a producer thread come back identical, with events and markers")
    func endToEnd() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try SessionStore(path: folder.file("sessions.sqlite"))
        let recorder = try SessionRecorder(store: store, info: testInfo(), settings: fastSettings())
        let samples = testSamples(count: 400)
        let events = Self.events(start: 10)
        let processed = MutexBox<[IMUSample]>([])
        onThread {
            var live: [IMUSample] = []
            for (i, sample) in samples.enumerated() {
                live.append(recorder.record(sample))
                for event in events where SampleCodec.microseconds(event.time) == SampleCodec.microseconds(sample.time) {
                    recorder.record(event)
                }
                if i == 200 { recorder.mark(SessionMarker(time: sample.time, kind: .stop, note: "it hurts")) }
                if i % 50 == 0 { Thread.sleep(forTimeInterval: 0.05) }  // spread over several commits
            }
            processed.update { $0 = live }
        }
        let counters = try recorder.finish(summary: SessionSummary(events: events))

        let session = try store.session(.id(recorder.session))
        #expect(session.status == .complete)
        #expect(session.sampleCount == 400)
        #expect(session.summary == SessionSummary(holds: 1, longestHold: 1.6, twistAlerts: 1, bounceAlerts: 1))
        #expect(session.info == testInfo())
        let stored = try store.samples(of: recorder.session)
        #expect(stored == processed.value)  // bit for bit what the live pipeline processed
        #expect(abs(session.endTime! - samples.last!.time) < 1e-6)
        #expect(try store.events(of: recorder.session) == events)
        #expect(try store.markers(of: recorder.session) == [SessionMarker(time: samples[200].time, kind: .stop, note: "it hurts")])
        #expect(try store.gaps(of: recorder.session).isEmpty)
        #expect(counters.recorded == 400 && counters.written == 400 && counters.dropped == 0)
        #expect(counters.events == events.count && counters.markers == 1 && counters.writeErrors == 0)
        #expect(counters.blocks >= 2)
    }

    @Test("a full buffer drops samples, counts them and stores each run as a gap")
    func bufferOverflow() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try SessionStore(path: folder.file("sessions.sqlite"))
        var settings = RecorderSettings()
        settings.bufferCapacity = 16
        settings.flushInterval = 600  // the writer only runs when asked
        let warnings = WarningLog()
        let recorder = try SessionRecorder(store: store, info: testInfo(), settings: settings,
                                           onWarning: warnings.append)
        let raw = testSamples(count: 100).map(recorder.codec.encode)
        onThread { for sample in raw[0..<40] { recorder.record(sample) } }   // 16 taken, 24 dropped
        recorder.flush()
        onThread { for sample in raw[40..<50] { recorder.record(sample) } }  // all taken; the first carries the run
        recorder.flush()
        onThread { for sample in raw[50..<100] { recorder.record(sample) } } // 16 taken, 34 dropped at the end
        let counters = try recorder.finish(summary: SessionSummary())

        #expect(counters.recorded == 42)
        #expect(counters.dropped == 58)
        #expect(counters.written == 42)
        let gaps = try store.gaps(of: recorder.session)
        let expected = [
            SessionGap(start: SampleCodec.seconds(raw[16].time), end: SampleCodec.seconds(raw[39].time), samples: 24,
                       reason: .bufferFull),
            SessionGap(start: SampleCodec.seconds(raw[66].time), end: SampleCodec.seconds(raw[99].time), samples: 34,
                       reason: .bufferFull),
        ]
        #expect(gaps == expected)
        let stored = try store.rawSamples(of: recorder.session)
        #expect(stored == Array(raw[0..<16]) + Array(raw[40..<66]))
        #expect(warnings.all == expected.map { .samplesDropped(gap: $0) })
    }

    @Test("a producer racing a busy writer: every sample is either stored, in order, or inside a gap")
    func producerRacesWriter() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try SessionStore(path: folder.file("sessions.sqlite"))
        var settings = RecorderSettings()
        settings.bufferCapacity = 256
        settings.flushInterval = 0.001
        let recorder = try SessionRecorder(store: store, info: testInfo(), settings: settings)
        let raw = testSamples(count: 20_000).map(recorder.codec.encode)
        onThread {
            for (i, sample) in raw.enumerated() {
                recorder.record(sample)
                if i % 2_000 == 0 { Thread.sleep(forTimeInterval: 0.002) }
            }
        }
        let counters = try recorder.finish(summary: SessionSummary())
        let stored = try store.rawSamples(of: recorder.session)
        #expect(counters.recorded + counters.dropped == raw.count)
        #expect(stored.count == counters.recorded)

        // The runs of input samples missing from the store are exactly the stored gaps.
        var missing: [SessionGap] = []
        var next = 0
        for sample in stored + [RawSample(time: .max, gyr: .zero, acc: .zero)] {
            let found = raw[next...].firstIndex(of: sample) ?? raw.count
            if found > next {
                missing.append(SessionGap(start: SampleCodec.seconds(raw[next].time),
                                          end: SampleCodec.seconds(raw[found - 1].time),
                                          samples: found - next, reason: .bufferFull))
            }
            next = found + 1
        }
        #expect(try store.gaps(of: recorder.session) == missing)
        #expect(missing.reduce(0) { $0 + $1.samples } == counters.dropped)
    }

    @Test("a failing write warns once, becomes a gap, and recording goes on")
    func writeFailure() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try SessionStore(path: folder.file("sessions.sqlite"))
        var settings = RecorderSettings()
        settings.flushInterval = 600
        let warnings = WarningLog()
        let recorder = try SessionRecorder(store: store, info: testInfo(), settings: settings,
                                           onWarning: warnings.append)
        let raw = testSamples(count: 6_000).map(recorder.codec.encode)
        let event = FormEvent(kind: .impact, time: SampleCodec.seconds(raw[1_500].time), value: 30)

        onThread { for sample in raw[0..<1_000] { recorder.record(sample) } }
        recorder.flush()
        // The disk is now "full": the file may not grow by a single page.
        let pages = try #require(try store.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") })
        try store.limitSize(pages: pages)
        onThread {
            for sample in raw[1_000..<3_000] { recorder.record(sample) }
            recorder.record(event)
        }
        recorder.flush()
        onThread { for sample in raw[3_000..<5_000] { recorder.record(sample) } }
        recorder.flush()
        #expect(warnings.all == [.writeFailed(message: "the disk is full")])
        #expect(recorder.counters.writeErrors == 2)

        try store.limitSize(pages: nil)  // space again
        onThread { for sample in raw[5_000..<6_000] { recorder.record(sample) } }
        let counters = try recorder.finish(summary: SessionSummary())

        let gap = SessionGap(start: SampleCodec.seconds(raw[1_000].time), end: SampleCodec.seconds(raw[4_999].time),
                             samples: 4_000, reason: .writeFailed("the disk is full"))
        #expect(warnings.all == [.writeFailed(message: "the disk is full"), .writesResumed(gap: gap)])
        #expect(try store.gaps(of: recorder.session) == [gap])
        #expect(try store.rawSamples(of: recorder.session) == Array(raw[0..<1_000]) + Array(raw[5_000..<6_000]))
        #expect(try store.events(of: recorder.session).map(\.kind) == [.impact])  // kept until it could be written
        #expect(counters.lostToWriteErrors == 4_000 && counters.writeErrors == 2 && counters.written == 2_000)
        #expect(try store.session(.id(recorder.session)).status == .complete)
    }

    @Test("a session cut off mid-way (database files copied while recording) reopens as incomplete, samples intact")
    func crashRecoveryFromCopiedFiles() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("live/sessions.sqlite")
        let store = try SessionStore(path: path)
        var settings = RecorderSettings()
        settings.flushInterval = 600
        let recorder = try SessionRecorder(store: store, info: testInfo(), settings: settings)
        let samples = testSamples(count: 300)
        let events = Self.events(start: 10)
        onThread {
            for sample in samples { recorder.record(sample) }
            for event in events { recorder.record(event) }
        }
        recorder.flush()
        // What a power cut leaves behind: the main file and its WAL, as they are now.
        let crashed = folder.file("crashed/sessions.sqlite")
        try FileManager.default.createDirectory(atPath: folder.file("crashed"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: path, toPath: crashed)
        try FileManager.default.copyItem(atPath: path + "-wal", toPath: crashed + "-wal")
        onThread { for sample in testSamples(count: 100, start: 12) { recorder.record(sample) } }
        try recorder.finish(summary: SessionSummary())

        let reopened = try SessionStore(path: crashed)
        let session = try reopened.session(.latest)
        #expect(session.status == .incomplete)
        #expect(session.sampleCount == 300)
        #expect(session.endTime == SampleCodec.seconds(SampleCodec.microseconds(samples.last!.time)))
        #expect(session.summary == SessionSummary(events: events))
        #expect(try reopened.samples(of: session.id) == samples.map(recorder.codec.quantized))
        try reopened.checkIntegrity()
        #expect(try reopened.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
    }

    @Test("a recorder dropped without finishing leaves its session to be closed as incomplete on the next open")
    func crashRecoveryFromDroppedRecorder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("sessions.sqlite")
        var session: Int64 = 0
        weak var abandoned: SessionRecorder?
        do {
            let store = try SessionStore(path: path)
            let recorder = try SessionRecorder(store: store, info: testInfo(), settings: fastSettings())
            session = recorder.session
            abandoned = recorder
            onThread { for sample in testSamples(count: 250) { recorder.record(sample) } }
            // No finish: the recorder and store go away as the process would at a kill.
        }
        // The producer thread's closure may hold the recorder a moment longer than the thread's work.
        for _ in 0..<500 where abandoned != nil { Thread.sleep(forTimeInterval: 0.01) }
        try #require(abandoned == nil)
        // The weak reference clears as the recorder's deinit starts, on the producer thread; its last commit and
        // the lock's release follow. Under load that takes a moment: reopen until recovery could run (≤ 5 s).
        var reopened = try SessionStore(path: path)
        for _ in 0..<500 where try reopened.session(.id(session)).status == .recording {
            Thread.sleep(forTimeInterval: 0.01)
            reopened = try SessionStore(path: path)
        }
        let stored = try reopened.session(.id(session))
        #expect(stored.status == .incomplete)
        #expect(stored.sampleCount == 250)
        #expect(try reopened.samples(of: session).count == 250)
    }

    @Test("opening the database while a session records does not close that session")
    func liveSessionIsNotRecovered() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("sessions.sqlite")
        let store = try SessionStore(path: path)
        let recorder = try SessionRecorder(store: store, info: testInfo(), settings: fastSettings())
        onThread { for sample in testSamples(count: 50) { recorder.record(sample) } }
        recorder.flush()

        let reader = try SessionStore(path: path)
        let live = try reader.session(.id(recorder.session))
        #expect(live.status == .recording)
        #expect(live.sampleCount == 50)
        #expect(live.summary == nil)
        try recorder.finish(summary: SessionSummary())
        #expect(try reader.session(.id(recorder.session)).status == .complete)
    }

    /// Commits every 50 ms (tests need not wait 0.4 s).
    func fastSettings() -> RecorderSettings {
        var settings = RecorderSettings()
        settings.flushInterval = 0.05
        return settings
    }
}

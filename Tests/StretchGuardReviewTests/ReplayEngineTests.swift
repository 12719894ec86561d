import Foundation
import StretchGuardCore
import StretchGuardReview
import StretchGuardStore
import StretchGuardTrace
import Testing

/// One replay engine (`SessionReplayer`) for a CSV trace, `review` and `replay --session`: the same
/// baseline search, the same period rule, the same re-captures, the same backward pass.
@Suite("One replay engine for traces and stored sessions")
struct ReplayEngineTests {
    /// Writes a session's stored samples as a trace file (`t,gx,gy,gz,ax,ay,az`, every digit kept).
    static func exportCSV(_ samples: [IMUSample], to path: String) throws {
        var text = "t,gx,gy,gz,ax,ay,az\n"
        for s in samples {
            text += "\(s.time),\(s.gyr.x),\(s.gyr.y),\(s.gyr.z),\(s.acc.x),\(s.acc.y),\(s.acc.z)\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// All the events of a replay, closing ones included, and its steps.
    static func replay<Source: ReplaySource>(_ replayer: SessionReplayer<Source>) throws(Source.Failure)
        -> (events: [FormEvent], steps: [ReplayStep]) {
        var events: [FormEvent] = []
        var steps: [ReplayStep] = []
        let closing = try replayer.run { step in
            events.append(contentsOf: step.events)
            steps.append(step)
        }
        events.append(contentsOf: closing)
        return (events, steps)
    }

    @Test("a session without calibration, after an unsteady start, replays as its CSV export does")
    func storedSessionAndItsCSVExportAgree() throws {
        // The wearer settles (a small bend and back) in the first 0.8-1.8 s, then stands still, then twists.
        let fixture = try ReviewFixture(scenario: "late-start-then-twist", calibration: "")
        defer { fixture.remove() }
        let analysis = try fixture.analysis()
        let recording = analysis.recording
        let found = try #require(recording.neutral.found)
        guard case let .stillStretch(start, end) = recording.baselineSource else {
            Issue.record("baseline from \(recording.baselineSource)")
            return
        }
        // The neutral is found after the settling, not in the first 2 s.
        #expect(start > 0.8 && abs(end - start - 2) < 0.05, "still from \(start) to \(end) s")
        #expect(found.first > 0 && found.lead.count == found.first + 1)

        let csv = fixture.folder + "/export.csv"
        try Self.exportCSV(try fixture.store.samples(of: fixture.session), to: csv)
        let trace = try SessionReplayer(trace: try TraceReader.read(path: csv).samples, path: csv,
                                        profile: analysis.profile)
        let fromFile = try #require(trace.baseline.found)
        #expect(fromFile.first == found.first && fromFile.last == found.last)
        #expect(fromFile.start == found.start && fromFile.end == found.end)
        #expect((fromFile.baseline.gyrBias - found.baseline.gyrBias).length < 1e-12)
        // The period rule: the session declares its rate (the nominal period); the trace declares none, so
        // its median step — the sample clock's jitter moves it a little, not the events.
        let stored = try recording.replayer(profile: analysis.profile)
        #expect(stored.samplePeriod == 1 / recording.session.info.rate)
        #expect(abs(trace.samplePeriod - stored.samplePeriod) < 1e-3 * stored.samplePeriod)

        let (events, steps) = Self.replay(trace)
        #expect(events.map(\.kind) == analysis.events.map(\.kind))
        for (a, b) in zip(events, analysis.events) {
            #expect(abs(a.time - b.time) < 1e-9, "\(a.kind) at \(a.time) s, stored path \(b.time) s")
        }
        #expect(events.contains { $0.kind == .twistAlertStarted })
        // Every sample has a row, the same angles; those before the neutral stretch are not judged.
        try #require(steps.count == analysis.track.count)
        #expect(steps.prefix(found.first).allSatisfy { !$0.judged } && steps.dropFirst(found.first).allSatisfy(\.judged))
        var worst = 0.0
        for (i, step) in steps.enumerated() {
            worst = max(worst, abs(step.frame.posture.angles.twist - analysis.track.twist[i]))
        }
        #expect(worst < 1e-6, "twist differs by \(worst) rad")
        // The settling bend before the neutral has its angles (the backward pass), not zeros.
        let settling = analysis.track.indices(from: 0.8, through: 1.8)
        let deepest = settling.map { abs(analysis.track.flexion[$0]) + abs(analysis.track.sideBend[$0]) }.max() ?? 0
        #expect(deepest > 2 * degree, "deepest settling bend \(deepest / degree)°")
    }

    @Test("the engine applies the re-captures it is given, from a store or from memory alike")
    func recapturesAreApplied() throws {
        // In the demo's 55° hold (10-40 s): a long press at 20 s makes the bent pose the neutral.
        let fixture = try ReviewFixture(recaptureAt: [20])
        defer { fixture.remove() }
        let analysis = try fixture.analysis()
        let recording = analysis.recording
        #expect(recording.recaptureStarts == [ReviewFixture.clockStart + 20])
        #expect(analysis.events == fixture.events)

        // The same samples in memory, declaring the session's rate, with the same re-captures: the same events.
        let samples = try fixture.store.samples(of: fixture.session)
        let memory = TraceSamples(samples, declaredRate: recording.session.info.rate)
        let same = SessionReplayer(source: memory, baseline: recording.neutral, profile: analysis.profile,
                                       recaptures: recording.recaptureStarts)
        #expect(Self.replay(same).events == analysis.events)

        // Without them the hold goes on past the press: the list is what moves the events.
        let without = try SessionReplayer(source: recording, baseline: recording.neutral, profile: analysis.profile)
        let plain = try Self.replay(without).events
        #expect(plain != analysis.events)
        let holdEnd = try #require(plain.first { $0.kind == .holdEnded })
        #expect(holdEnd.time - ReviewFixture.clockStart > 30)
    }

    @Test("one period rule: the declared rate's nominal period, else the median step of the first 200")
    func periodRule() {
        var samples = (0..<400).map { i in
            IMUSample(time: Double(i) * 0.01, gyr: .zero, acc: Vector3D(0, 0, standardGravity))
        }
        samples.remove(at: 50)  // a dropped sample does not move the median
        #expect(abs(SessionReplayer.samplePeriod(of: TraceSamples(samples)) - 0.01) < 1e-12)
        #expect(SessionReplayer.samplePeriod(of: TraceSamples(samples, declaredRate: 50)) == 0.02)
        #expect(SessionReplayer.samplePeriod(of: TraceSamples([])) == 0.01)
    }

    @Test("the baseline search reads a stored session only as far as it needs")
    func searchStopsEarly() throws {
        let fixture = try ReviewFixture(calibration: "")
        defer { fixture.remove() }
        var read = 0
        try fixture.store.forEachSample(of: fixture.session, while: { _ in
            read += 1
            return read < 10
        })
        #expect(read == 10)
        let recording = try SessionRecording.load(from: fixture.store, selector: .id(fixture.session))
        let found = try #require(recording.neutral.found)
        // Only the samples up to the stretch's first are kept for the backward pass.
        #expect(found.lead.count == found.first + 1)
    }
}

import StretchGuardTestSupport
import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardReview
import StretchGuardSimulation
import StretchGuardStore
import Testing

/// The demo scenario (Calibration/scenarios/demo.scenario): still 5 s, bend to 55° over 5 s, breathe 30 s,
/// bounce 3 cycles at 1.5 Hz, hold 5 s, twist to 20° over 1.5 s and back, neutral.
@Suite("Session analysis: replay, holds, alerts, timeline")
struct SessionAnalysisTests {
    /// Scenario time of the "stop / it hurts" press: during the twist (47–51.5 s).
    static let stop = 49.0

    @Test("replaying the stored samples reproduces every event the live session stored")
    func replayReproducesTheStoredEvents() throws {
        let fixture = try ReviewFixture(stopAt: [Self.stop])
        defer { fixture.remove() }
        let analysis = try fixture.analysis()
        #expect(analysis.agreement.matches, "\(analysis.agreement.firstDifference ?? "")")
        #expect(analysis.events == fixture.events)
        #expect(analysis.agreement.stored == fixture.events.count)
        #expect(analysis.track.count == fixture.samples)
        #expect(abs(analysis.track.time[0]) < 0.02)  // relative to the session's start
    }

    @Test("one hold per hold_ended event, with its length, target and smoothness")
    func holdsComeFromTheEvents() throws {
        let fixture = try ReviewFixture()
        defer { fixture.remove() }
        let analysis = try fixture.analysis()
        let ended = fixture.events.filter { $0.kind == .holdEnded }
        #expect(!ended.isEmpty)
        try #require(analysis.holds.count == ended.count)
        for (hold, event) in zip(analysis.holds, ended) {
            #expect(abs(hold.end - (event.time - ReviewFixture.clockStart)) < 1e-9)
            #expect(abs(hold.duration - event.duration) < 1e-12)
            #expect(abs(hold.start - (hold.end - hold.duration)) < 1e-9)
            #expect(hold.meanAngle == event.value)
            #expect(hold.target == 30)
            #expect(hold.reached == (hold.duration >= 30))
            // Defined for holds of a few samples or more; SPARC is at most −1 by construction.
            if hold.duration > 1 {
                let sparc = try #require(hold.sparc)
                #expect(sparc <= -1)
                #expect(hold.ldlj != nil)
            }
        }
        // The breathing hold of the demo (bend 55°, breathe 30 s): the longest, at about 55°.
        let longest = try #require(analysis.holds.max { $0.duration < $1.duration })
        #expect(longest.duration > 25)
        #expect(abs(longest.meanAngle / degree - 55) < 3)
        #expect(analysis.summary.longestHold == longest.duration)
    }

    @Test("a twist alert inside a hold shows as the hold's peak twist; bounces are counted where they start")
    func peakTwistAndBouncesBelongToTheirHold() throws {
        let fixture = try ReviewFixture()
        defer { fixture.remove() }
        let analysis = try fixture.analysis()
        // The scripted twist is 20° to the left: the largest |twist| of the track.
        let largest = analysis.track.twist.max { abs($0) < abs($1) } ?? 0
        #expect(abs(largest / degree - 20) < 1.5)
        for hold in analysis.holds {
            let overlapsTwist = analysis.alerts.contains { $0.kind == .twist && $0.start < hold.end && $0.end > hold.start }
            if overlapsTwist { #expect(abs(hold.peakTwist) >= 12 * degree) }
            let bounces = analysis.alerts.count(where: { $0.kind == .bounce && $0.start >= hold.start && $0.start <= hold.end })
            #expect(hold.bounces == bounces)
        }
        #expect(analysis.holds.reduce(0) { $0 + $1.bounces } <= analysis.summary.bounceAlerts)
    }

    @Test("alert spans run from each alert's start to its end, at the stored times")
    func alertSpans() throws {
        let fixture = try ReviewFixture()
        defer { fixture.remove() }
        let analysis = try fixture.analysis()
        let twists = analysis.alerts.filter { $0.kind == .twist }
        let bounces = analysis.alerts.filter { $0.kind == .bounce }
        #expect(twists.count == 1)
        #expect(bounces.count == 1)
        let twistStart = try #require(fixture.events.first { $0.kind == .twistAlertStarted })
        let twistEnd = try #require(fixture.events.first { $0.kind == .twistAlertEnded })
        #expect(abs(twists[0].start - (twistStart.time - ReviewFixture.clockStart)) < 1e-9)
        #expect(abs(twists[0].end - (twistEnd.time - ReviewFixture.clockStart)) < 1e-9)
        #expect(twists[0].peak >= 15 * degree && !twists[0].open)
        // The bounce (40–42 s) and the twist (47–51.5 s), in the scenario's time.
        #expect(bounces[0].start > 40 && bounces[0].start < 43)
        #expect(twists[0].start > 47 && twists[0].start < 50)
        #expect(analysis.summary.twistAlerts == 1 && analysis.summary.bounceAlerts == 1)
        #expect(abs(analysis.summary.worstTwist - twists[0].peak) < 1e-12)
    }

    @Test("the timeline merges stored events, markers and gaps in time order")
    func timeline() throws {
        let fixture = try ReviewFixture(stopAt: [Self.stop], notes: [(20, "felt a pull")], gap: 60..<60.5)
        defer { fixture.remove() }
        let analysis = try fixture.analysis()
        let timeline = analysis.timeline
        #expect(timeline.count == fixture.events.count + 2 + 1)
        #expect(zip(timeline, timeline.dropFirst()).allSatisfy { $0.time <= $1.time })
        let stop = try #require(timeline.first { $0.kind == .marker(.stop) })
        #expect(abs(stop.time - Self.stop) < 1e-9)
        #expect(stop.text == "stop / it hurts pressed")
        #expect(timeline.contains { $0.kind == .marker(.note) && $0.text == "note: felt a pull" })
        let gap = try #require(timeline.first { $0.kind == .gap })
        let stored = try #require(analysis.recording.gaps.first)
        #expect((45...50).contains(stored.samples))  // 0.5 s at 100 Hz, less the renderer's rare drops
        #expect(gap.text == "\(stored.samples) samples missing over \(ReviewFormat.decimal(stored.duration, 2)) s (buffer full)")
        #expect(abs(gap.time - 60) < 0.02)
        #expect(timeline.contains { $0.text.hasPrefix("twist alert: ") && $0.text.hasSuffix("chest turned to the left") })
        #expect(timeline.contains { $0.text.hasPrefix("bounce alert: ") && $0.text.contains("Hz in flexion") })
        #expect(analysis.summary.stops == 1)
        #expect(analysis.summary.missingSamples == stored.samples)
        // A gap in the recording does not stop the replay from reproducing the live events.
        #expect(analysis.agreement.matches)
    }

    @Test("the hold target a growing profile had live is taken from the stored hold_reached events")
    func progressionTarget() throws {
        // standing-hamstring starts at 15 s holds and adds 5 s per session; session 1 had a 15 s target.
        let fixture = try ReviewFixture(profile: "standing-hamstring", progressionSession: 1)
        defer { fixture.remove() }
        #expect(fixture.events.contains { $0.kind == .holdReached && $0.duration == 15 })
        let analysis = try fixture.analysis()
        #expect(analysis.profile.hold.target == 15)
        #expect(analysis.agreement.matches, "\(analysis.agreement.firstDifference ?? "")")
        #expect(analysis.holds.contains { $0.reached && $0.target == 15 })
    }

    @Test("another profile replays with its own thresholds, and the review says the events differ")
    func profileOverride() throws {
        let fixture = try ReviewFixture()
        defer { fixture.remove() }
        // side-stretch holds are side bends: the demo's forward bend holds nothing.
        let analysis = try fixture.analysis(profile: "side-stretch")
        #expect(analysis.profile.name == "side-stretch")
        #expect(analysis.holds.isEmpty)
        #expect(!analysis.agreement.matches)
        #expect(ReviewText(timeZone: utc).render(analysis).contains("replayed with profile side-stretch, recorded with general"))
    }

    @Test("without a stored calibration (or with --recalibrate) the baseline is the first still 2 s")
    func baselineFromTheStart() throws {
        let fixture = try ReviewFixture(calibration: "")
        defer { fixture.remove() }
        let analysis = try fixture.analysis()
        // The demo starts still: the first 2 s.
        guard case let .stillStretch(start, end) = analysis.recording.baselineSource else {
            Issue.record("baseline from \(analysis.recording.baselineSource)")
            return
        }
        #expect(start < 0.5 && abs(end - start - 2) < 0.02)
        // The importer's baseline was taken the same way: the replay agrees.
        #expect(analysis.agreement.matches, "\(analysis.agreement.firstDifference ?? "")")

        let stored = try ReviewFixture(folder: fixture.folder + "/other")
        defer { stored.remove() }
        let recalibrated = try stored.analysis(recalibrate: true)
        #expect(recalibrated.recording.baselineSource == analysis.recording.baselineSource)
        // The same still start, so the same bias and gravity; its forward axis is learned from the first
        // bend, where the stored calibration had it from the calibration's bend.
        let original = try stored.analysis().recording.baseline
        #expect(recalibrated.recording.baseline.gyrBias == original.gyrBias)
        #expect(recalibrated.recording.baseline.gravity == original.gravity)
        #expect(!recalibrated.recording.baseline.forwardAxisKnown && original.forwardAxisKnown)
    }
}

@Suite("Session profile: the hold target in force live")
struct SessionProfileTests {
    @Test("without a reached hold, the target follows the profile's progression by session number")
    func progressionBySessionNumber() throws {
        // twist-bent-forward holds 5 s at 45°: no hold reaches even standing-hamstring's first 15 s target.
        let first = try ReviewFixture(scenario: "twist-bent-forward", profile: "standing-hamstring", progressionSession: 1)
        defer { first.remove() }
        #expect(!first.events.contains { $0.kind == .holdReached })
        #expect(try first.analysis().profile.hold.target == 15)
        // Two more complete sessions of the profile in the same database: the third had a 25 s target.
        let second = try ReviewFixture(scenario: "twist-bent-forward", profile: "standing-hamstring",
                                       progressionSession: 2, folder: first.folder)
        let third = try ReviewFixture(scenario: "twist-bent-forward", profile: "standing-hamstring",
                                      progressionSession: 3, folder: first.folder)
        #expect(try second.analysis().profile.hold.target == 20)
        #expect(try third.analysis().profile.hold.target == 25)
        // A profile picked by the reviewer is taken as it is.
        #expect(try third.analysis(profile: "standing-hamstring").profile.hold.target == 30)
    }
}

@Suite("Session analysis of a session that never closed")
struct IncompleteSessionTests {
    @Test("a crash mid-hold: the replay agrees with what was stored, and the review says the session is incomplete")
    func crashMidHold() throws {
        let folder = NSTemporaryDirectory() + "stretchguard-review-crash-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/sessions.sqlite"
        let scenario = try Scenario.parse(try String(contentsOfFile: repositoryRoot
            .appendingPathComponent("Calibration/scenarios/demo.scenario").path, encoding: .utf8), name: "demo")
        // The recording stops 30 s in, in the middle of the breathing hold.
        let samples = ScenarioRenderer(seed: 1).render(scenario).samples.filter { $0.time < 30 }
        let codec = SampleCodec(scale: .wideRange)
        let baseline = try SessionImporter.startBaseline(of: samples, scale: .wideRange)
        let profile = try testLibrary.load("general")
        var pipeline = FormPipeline(baseline: baseline, profile: profile, samplePeriod: 0.01)
        var events: [FormEvent] = []
        for sample in samples {
            _ = pipeline.process(codec.quantized(sample))
            events += pipeline.events
        }
        #expect(events.last?.kind == .holdStarted)
        let record = CalibrationRecord(name: "morning", created: ReviewFixture.startDate, sensor: .simulated,
                                       method: "calibrate", baseline: baseline)
        let info = SessionInfo(startDate: ReviewFixture.startDate, startTime: 0, device: "simulated", chip: "simulated",
                               rate: 100, profile: "general",
                               calibration: String(decoding: try record.encoded(), as: UTF8.self),
                               softwareVersion: "0.1.0-test", scale: .wideRange)
        do {
            let store = try SessionStore(path: path)
            let session = try store.beginSession(info)
            try store.append(SessionBatch(blocks: [SampleBlock(samples: samples.map(codec.encode))], events: events),
                             to: session)
            try store.close()  // no finishSession: the power went
        }
        let store = try SessionStore(path: path)  // closes the abandoned session as incomplete
        defer { try? store.close() }
        let recording = try SessionRecording.load(from: store, selector: .latest)
        #expect(recording.session.status == .incomplete)
        #expect(recording.baselineSource == .stored(record))
        let analysis = try SessionAnalysis(recording: recording, profile: try SessionProfile.resolve(for: recording, library: testLibrary))
        #expect(analysis.agreement.matches, "\(analysis.agreement.firstDifference ?? "")")
        // The replay still closes the hold at the last sample, so the review shows it.
        #expect(analysis.holds.count == 1)
        #expect(analysis.holds[0].end > 29.9)
        let text = ReviewText(timeZone: utc).render(analysis)
        #expect(text.hasPrefix("StretchGuard session 1: Monday 16 June 2025, 09:30, 30 s, profile general (incomplete)"))
        #expect(text.contains("  baseline         calibration 'morning' (calibrate)"))
    }

    @Test("a long press mid-hold: the replay re-captures where the marker says, so it still agrees")
    func recaptureIsReplayed() throws {
        // In the demo's 55° hold (10-40 s): the bent pose becomes neutral 2 s after the press.
        let fixture = try ReviewFixture(recaptureAt: [20])
        defer { fixture.remove() }
        let analysis = try fixture.analysis()
        #expect(analysis.agreement.matches, "\(analysis.agreement.firstDifference ?? "")")
        let start = ReviewFixture.clockStart
        let holdEnd = try #require(fixture.events.first { $0.kind == .holdEnded })
        #expect(abs(holdEnd.time - start - (20 + SessionPipeline.recaptureDuration)) < 0.02)
        // The bend is the new neutral: flexion near zero a second after the switch.
        let index = try #require(analysis.track.time.firstIndex { $0 >= 23 })
        #expect(abs(analysis.track.flexion[index]) < 3 * degree)
        #expect(analysis.timeline.contains { $0.text.contains("re-capturing the neutral posture") })
    }
}

import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardGPIO
import StretchGuardReview
import StretchGuardSimulation
import StretchGuardStore
import StretchGuardTestSupport
import Testing
@testable import StretchGuardLive

/// A short plan walked through by a live session on the simulated sensor, in simulated time (a
/// ``ManualClock``), then reviewed: the review's steps agree with how the live runner judged each
/// repetition, and the text, JSON and HTML show them.
@Suite struct PlanReviewLiveTests {
    static let planText = ShortPlanText.fixed

    static let library = ProfileLibrary(directories: [
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Calibration/profiles").path,
    ])

    /// A recorded guided session, reviewed.
    final class Recorded {
        let folder = NSTemporaryDirectory() + "stretchguard-plan-review-\(UUID().uuidString)"
        let store: SessionStore
        let outcome: LiveSession.Outcome
        let analysis: SessionAnalysis

        /// Plays the simulated wearer following the plan; `duration` (s) cuts the session short.
        init(duration: Double? = nil) throws {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            store = try SessionStore(path: folder + "/sessions.sqlite")
            let plan = try PlanFile.parse(PlanReviewLiveTests.planText, path: "test-short.yaml",
                                          profiles: PlanReviewLiveTests.library)
            let live = LivePlan(plan: plan, definition: PlanReviewLiveTests.planText, targets: plan.startTargets)
            let scenario = try PlanScenario(plan: plan, targets: plan.startTargets).simulated(name: plan.name)
            let clock = ManualClock(start: 100)
            let sensor = try LiveSensor.open(.simulated, imu: HardwareConfig.defaults.imus[0], scenario: scenario,
                                             clock: clock)
            let feedback = try FeedbackOutputs(config: .defaults, simulation: SimulatedGPIO())
            var calibrator = BaselineCalibrator()
            for s in scenario.samples where s.time <= 2 { calibrator.add(s) }
            let baseline = try calibrator.baseline()
            let record = CalibrationRecord(name: "test", created: Date(), sensor: sensor.identity, method: "test",
                                           baseline: baseline)
            let info = SessionInfo(startDate: Date(), startTime: clock.now(), device: sensor.device, chip: sensor.chipName,
                                   rate: sensor.rate, profile: live.openingProfile.name,
                                   calibration: String(decoding: try record.encoded(), as: UTF8.self),
                                   softwareVersion: "test", scale: sensor.scale,
                                   plan: SessionPlan(name: plan.name, definition: PlanReviewLiveTests.planText))
            // Simulated time runs as fast as the samples are judged: the recorder's buffer holds the whole
            // session, so that its writer never falls behind (real time leaves it 0.4 s of samples to keep).
            var settings = RecorderSettings()
            settings.bufferCapacity = 1 << 16
            let recorder = try SessionRecorder(store: store, info: info, settings: settings)
            let session = LiveSession(.init(sensor: sensor, baseline: baseline, profile: .general, feedback: feedback,
                                            recorder: recorder, duration: duration, plan: live))
            session.start()
            outcome = session.wait()
            let counters = try outcome.recording.get()
            #expect(counters.dropped == 0, "the recorder dropped samples: the review would miss them")

            // Reviewed as `stretchguard review` does.
            let recording = try SessionRecording.load(from: store, selector: .latest)
            let replay = try #require(try SessionPlanReplay.load(for: recording, library: PlanReviewLiveTests.library))
            let profile = try SessionProfile.resolve(for: recording, library: PlanReviewLiveTests.library)
            analysis = try SessionAnalysis(recording: recording, profile: profile, profileSwitches: replay.switches,
                                           plan: replay)
        }

        deinit {
            try? store.close()
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    /// Each begun step's result, longest hold and start agree with the live runner's; the others are not
    /// reached.
    static func expectAgreement(_ review: PlanReview, _ runner: GuidedPlan, startTime: Double) {
        #expect(review.steps.count == runner.steps.count)
        for (step, outcome) in zip(review.steps, runner.outcomes) {
            guard let start = outcome.start else {
                #expect(!step.begun && step.result == nil, "step \(step.number + 1) was never begun live")
                continue
            }
            #expect(step.result == outcome.result, "step \(step.number + 1)")
            #expect(abs((step.start ?? -1) - (start - startTime)) < 0.01, "step \(step.number + 1)'s start")
            #expect(abs(step.longestHold - outcome.longestHold) < 0.05, "step \(step.number + 1)'s longest hold")
            #expect(step.alerts == outcome.twistAlerts + outcome.bounceAlerts)
            #expect(step.stopPresses == (outcome.painMarked ? 1 : 0))
        }
    }

    @Test("a whole plan: every step done as the live run judged it; text, JSON and HTML show it")
    func wholePlan() throws {
        let recorded = try Recorded()
        guard case .planDone = recorded.outcome.end else {
            Issue.record("ended by \(recorded.outcome.end)")
            return
        }
        let analysis = recorded.analysis
        #expect(analysis.agreement.matches, "\(analysis.agreement.firstDifference ?? "")")
        let review = try #require(analysis.plan)
        let runner = try #require(recorded.outcome.plan)
        #expect(review.end == .done)
        #expect(review.steps.map(\.result) == [.done, .done, .done, .done])
        Self.expectAgreement(review, runner, startTime: analysis.recording.startTime)
        #expect(review.steps.allSatisfy { $0.longestHold >= 5 })
        #expect(review.exercises.map(\.profile) == ["chair-hamstring", "mckenzie-extension"])
        #expect(review.exercises.map(\.done) == [2, 2])
        #expect(review.targets == [5, 5])

        // Text: the section after the summary, before the holds.
        let text = ReviewText(timeZone: TimeZone(identifier: "UTC")!).render(analysis)
        let plan = try #require(text.range(of: "\nPlan test-short: done, 4 of 4 reached their target\n"))
        let holds = try #require(text.range(of: "\nHolds ("))
        #expect(plan.upperBound < holds.lowerBound && text.range(of: "  replay ")!.upperBound < plan.lowerBound)
        #expect(text.contains("  step  exercise            side   rep  target  held    result  alerts\n"))
        #expect(text.contains("  chair-hamstring: 2 of 2 done; best hold "))
        #expect(text.contains("  mckenzie-extension: 2 of 2 done; best hold "))

        // JSON: the plan object and its keys.
        let object = try JSONSerialization.jsonObject(with: Data(ReviewJSON.render(analysis).utf8)) as? [String: Any]
        let json = try #require(object?["plan"] as? [String: Any])
        #expect(Set(json.keys) == ["name", "ended", "targets_s", "steps", "exercises"])
        #expect(json["name"] as? String == "test-short" && json["ended"] as? String == "done")
        #expect(json["targets_s"] as? [Double] == [5, 5])
        let steps = try #require(json["steps"] as? [[String: Any]])
        #expect(steps.count == 4)
        #expect(steps.allSatisfy {
            Set($0.keys) == ["step", "exercise", "profile", "side", "repetition", "of", "target_s", "start_s", "end_s",
                             "longest_hold_s", "result", "twist_alerts", "bounce_alerts", "stop_presses"]
        })
        #expect(steps.map { $0["step"] as? Int } == [1, 2, 3, 4])
        #expect(steps.map { $0["side"] as? String } == ["left", "right", nil, nil] && steps[2]["side"] is NSNull)
        #expect(steps.map { $0["result"] as? String } == ["done", "done", "done", "done"])
        for (step, reviewed) in zip(steps, review.steps) {
            #expect(abs((step["start_s"] as? Double ?? -1) - reviewed.start!) < 0.001)
            #expect(abs((step["longest_hold_s"] as? Double ?? -1) - reviewed.longestHold) < 0.001)
        }
        let exercises = try #require(json["exercises"] as? [[String: Any]])
        #expect(exercises.map { $0["done"] as? Int } == [2, 2] && exercises.map { $0["not_reached"] as? Int } == [0, 0])
        #expect(Set(exercises[0].keys) == ["profile", "target_s", "done", "partly", "skipped", "not_reached", "best_hold_s",
                                           "alerts", "stop_presses"])

        // HTML: the Plan section with one row per step.
        let html = HTMLReport().render(analysis)
        #expect(html.contains("<section class=\"panel\" id=\"plan\"><h2>Plan test-short</h2>"))
        #expect(html.components(separatedBy: "<tr class=\"plan-step done reached\">").count == 5)
        #expect(html.contains("<li>chair-hamstring: 2 of 2 done; best hold "))
        let planAt = try #require(html.range(of: "id=\"plan\""))
        #expect(planAt.upperBound < html.range(of: "id=\"holds\"")!.lowerBound)
    }

    @Test("a session that ends before the plan: closed, the steps after it not reached")
    func sessionEndsFirst() throws {
        let recorded = try Recorded(duration: 40)
        guard case .durationReached = recorded.outcome.end else {
            Issue.record("ended by \(recorded.outcome.end)")
            return
        }
        let review = try #require(recorded.analysis.plan)
        let runner = try #require(recorded.outcome.plan)
        #expect(review.end == .closed)
        #expect(review.begun >= 1 && review.begun < 4)
        Self.expectAgreement(review, runner, startTime: recorded.analysis.recording.startTime)
        #expect(review.exercises.reduce(0) { $0 + $1.notReached } == 4 - review.begun)
        #expect(ReviewText().render(recorded.analysis)
            .contains("\nPlan test-short: not finished: the session ended at step \(review.begun) of 4\n"))
        let object = try JSONSerialization.jsonObject(with: Data(ReviewJSON.render(recorded.analysis).utf8)) as? [String: Any]
        let json = try #require(object?["plan"] as? [String: Any])
        #expect(json["ended"] as? String == "closed")
        let last = try #require((json["steps"] as? [[String: Any]])?.last)
        #expect(last["start_s"] is NSNull && last["result"] is NSNull)
    }
}

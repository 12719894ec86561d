import StretchGuardCore
import StretchGuardSimulation
import Testing

/// Re-capturing the neutral posture mid-session (the button's long press).
@Suite struct SessionPipelineTests {
    /// Upright 3 s, then into a 30° bend twisted 20° (a hold with a twist alert), held to 14 s. The sensor's
    /// +x runs up the spine, so "+x forward" would be parallel to the spine.
    static let script = """
        rate 100
        sensor ideal
        mounting up +x forward +z
        still 3 s
        bend 30 over 2 s
        twist 20 over 1 s
        hold 8 s
        """

    static func samples(_ text: String = script) throws -> [IMUSample] {
        ScenarioRenderer(seed: 1).render(try Scenario.parse(text, name: "recapture")).samples
    }

    /// The baseline of the first still 2 s (as a replay finds it), with the mounting the scenario declares
    /// (spine +x, forward +z).
    static func startBaseline(_ samples: [IMUSample]) throws -> Baseline {
        var finder = StillStretchFinder()
        for s in samples where !finder.isDone { _ = finder.add(s) }
        return try #require(finder.baseline(spineAxis: .plusX, forwardAxis: .plusZ))
    }

    struct Run {
        var events: [FormEvent] = []
        var angles: [(time: Double, angles: PostureAngles)] = []
        var outcome: Result<Baseline, BaselineCalibrator.Failure>?
        var outcomeTime: Double?
    }

    static func run(_ samples: [IMUSample], baseline: Baseline, recaptureAt start: Double?) -> Run {
        var pipeline = SessionPipeline(baseline: baseline, samplePeriod: 0.01)
        var run = Run()
        var pending = start
        for s in samples {
            if let t = pending, t < s.time {
                pipeline.beginRecapture(at: t)
                pending = nil
            }
            let frame = pipeline.process(s)
            run.events += pipeline.events
            run.angles.append((s.time, frame.posture.angles))
            if let outcome = pipeline.recaptured { run.outcome = outcome; run.outcomeTime = s.time }
        }
        return run
    }

    @Test("a long press in a twisted hold: alert and hold end at the switch, the pose becomes neutral")
    func recaptureMakesTheCurrentPoseNeutral() throws {
        let samples = try Self.samples()
        let baseline = try Self.startBaseline(samples)
        let before = Self.run(samples, baseline: baseline, recaptureAt: nil)
        let at9 = try #require(before.angles.last { $0.time <= 9 }).angles
        #expect(abs(at9.flexion / degree - 30) < 1.5 && abs(at9.twist / degree - 20) < 1.5)
        #expect(before.events.contains { $0.kind == .twistAlertStarted })
        #expect(before.events.contains { $0.kind == .holdStarted })

        let run = Self.run(samples, baseline: baseline, recaptureAt: 9)
        let switchTime = try #require(run.outcomeTime)
        #expect(abs(switchTime - (9 + SessionPipeline.recaptureDuration)) < 0.011)
        guard case let .success(fresh)? = run.outcome else {
            Issue.record("re-capture failed: \(String(describing: run.outcome))")
            return
        }
        #expect(fresh.mounting == baseline.mounting)
        let atSwitch = run.events.filter { $0.time == switchTime }.map(\.kind)
        #expect(atSwitch.contains(.twistAlertEnded))
        #expect(atSwitch.contains(.holdEnded))
        // Events before the switch are the ones the session had without the press.
        #expect(run.events.filter { $0.time < switchTime } == before.events.filter { $0.time < switchTime })
        // After the switch the held pose is the new neutral: no angle, no new alert.
        for (time, angles) in run.angles where time > switchTime + 0.5 {
            #expect(abs(angles.flexion) < 1 * degree && abs(angles.twist) < 1 * degree, "at \(time) s")
        }
        #expect(!run.events.contains { $0.time > switchTime && $0.kind == .twistAlertStarted })
    }

    @Test("a re-capture standing upright works although the sensor's +x runs up the spine")
    func recaptureUprightWithTheSensorAlongTheSpine() throws {
        let samples = try Self.samples()
        let baseline = try Self.startBaseline(samples)
        let run = Self.run(samples, baseline: baseline, recaptureAt: 0.5)
        guard case let .success(fresh)? = run.outcome else {
            Issue.record("re-capture failed: \(String(describing: run.outcome))")
            return
        }
        #expect(fresh.mounting == baseline.mounting)
        // Still upright: the bend that follows reads as before.
        let plain = Self.run(samples, baseline: baseline, recaptureAt: nil)
        let bent = try #require(run.angles.last { $0.time <= 9 }).angles
        let bentBefore = try #require(plain.angles.last { $0.time <= 9 }).angles
        #expect(abs(bent.flexion - bentBefore.flexion) < 0.5 * degree)
    }

    @Test("a re-capture while moving fails, and the session goes on with the previous baseline")
    func recaptureWhileMovingKeepsTheBaseline() throws {
        let samples = try Self.samples()
        let baseline = try Self.startBaseline(samples)
        let run = Self.run(samples, baseline: baseline, recaptureAt: 3.5)  // during the bend
        guard case .failure(.moving)? = run.outcome else {
            Issue.record("expected a moving failure, got \(String(describing: run.outcome))")
            return
        }
        let plain = Self.run(samples, baseline: baseline, recaptureAt: nil)
        #expect(run.events == plain.events)
        #expect(run.angles.map(\.angles) == plain.angles.map(\.angles))
    }
}

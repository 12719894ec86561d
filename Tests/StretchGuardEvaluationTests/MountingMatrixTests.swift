import StretchGuardCore
import StretchGuardSimulation
import StretchGuardTrace
import Testing

/// The same exercise rendered under every axis-aligned mounting and random ones must give the same alerts
/// and the same twist: the product must not care how the chip sits on the back.
@Suite struct MountingMatrixTests {
    static let script = """
        still 3 s
        bend 45 over 3 s
        hold 4 s
        twist 20 over 1 s
        hold 2 s
        twist 0 over 1 s
        hold 2 s
        bounce 3 cycles at 1.5 Hz amplitude 3
        hold 3 s
        neutral over 3 s
        side 25 over 2 s
        twist 12 over 1 s
        hold 3 s
        twist 0 over 1 s
        neutral over 2 s
        still 2 s
        """

    /// Alert episodes (start, end) in s and the twist per sample, in rad.
    struct Run {
        var twistAlerts: [(Double, Double)] = []
        var bounceAlerts: [(Double, Double)] = []
        var twist: [Double] = []
    }

    static func run(_ mounting: SensorMounting, errors: SensorErrorSettings) throws -> Run {
        var scenario = try Scenario.parse(script, name: "matrix")
        scenario.mounting = mounting
        scenario.errors = errors
        let (samples, _) = ScenarioRenderer(seed: 3).render(scenario)
        let replayer = try SessionReplayer(trace: samples, path: "matrix")
        var result = Run()
        var twistStart: Double?, bounceStart: Double?
        replayer.run { step in
            let frame = step.frame
            let t = frame.posture.time
            result.twist.append(frame.posture.angles.twist)
            if frame.verdict.twistAlert, twistStart == nil { twistStart = t }
            if !frame.verdict.twistAlert, let s = twistStart { result.twistAlerts.append((s, t)); twistStart = nil }
            if frame.verdict.bounce, bounceStart == nil { bounceStart = t }
            if !frame.verdict.bounce, let s = bounceStart { result.bounceAlerts.append((s, t)); bounceStart = nil }
        }
        return result
    }

    static var mountings: [SensorMounting] {
        var all: [SensorMounting] = []
        for up in SensorAxis.allCases {
            for forward in SensorAxis.allCases where abs(up.vector.dot(forward.vector)) < 0.5 {
                all.append(.axes(up: up, forward: forward))
            }
        }
        for i in 0..<10 {
            let v = Vector3D(Double(i % 3) - 1, Double((i * 7) % 5) / 2 - 1, Double((i * 3) % 4) / 2 - 0.7)
            all.append(.rotation(v.normalized * (0.4 + 0.28 * Double(i))))
        }
        return all
    }

    /// With a perfect sensor the pipeline is invariant: twist within 0.5°. With a typical one each mounting
    /// puts the chip's per-axis errors (bias, scale, noise) on other body axes, which is physics, not the
    /// pipeline: the alerts still agree and the twist stays within 1°.
    @Test(arguments: [(SensorErrorSettings.ideal, 0.5), (SensorErrorSettings.typical, 1.0)])
    func everyMountingGivesTheSameAlertsAndTwist(errors: SensorErrorSettings, tolerance: Double) throws {
        #expect(Self.mountings.count == 34)
        let reference = try Self.run(.aligned, errors: errors)
        #expect(reference.twistAlerts.count == 1 && reference.bounceAlerts.count == 1)
        for mounting in Self.mountings {
            let run = try Self.run(mounting, errors: errors)
            #expect(run.twistAlerts.count == reference.twistAlerts.count, "\(mounting)")
            #expect(run.bounceAlerts.count == reference.bounceAlerts.count, "\(mounting)")
            for (a, b) in zip(run.twistAlerts + run.bounceAlerts, reference.twistAlerts + reference.bounceAlerts) {
                #expect(abs(a.0 - b.0) <= 0.1 && abs(a.1 - b.1) <= 0.1, "\(mounting): \(a) vs \(b)")
            }
            let worst = zip(run.twist, reference.twist).map { abs($0 - $1) }.max() ?? .infinity
            #expect(run.twist.count == reference.twist.count && worst < tolerance * degree,
                    "\(mounting): twist off by \(worst / degree)°")
        }
    }
}

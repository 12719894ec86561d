import StretchGuardCore
import StretchGuardSimulation
import StretchGuardTrace
import Testing

/// The heading-drift goal end to end: a 60 s hold with a ±2 °/s constant gyro bias and a further
/// ±0.25 °/s drift of it during the hold, under any mounting, keeps the twist within 1° of the truth.
@Suite struct HeadingDriftTests {
    static let script = """
        still 3 s
        bend 45 over 3 s
        breathe 60 s at 0.25 Hz amplitude 0.7
        neutral over 3 s
        still 2 s
        """

    @Test(arguments: [
        (SensorMounting.aligned, Vector3D(2, -2, 2)),
        (.axes(up: .plusX, forward: .minusZ), Vector3D(-2, 2, 2)),
        (.rotation(Vector3D(0.7, -1.9, 1.1)), Vector3D(2, 2, -2)),
    ])
    func aLongHoldDoesNotDriftIntoTwist(mounting: SensorMounting, bias: Vector3D) throws {
        var scenario = try Scenario.parse(Self.script, name: "drift")
        scenario.mounting = mounting
        scenario.errors.gyrBiasOffset = bias * degree
        // The bias moves by 0.25 °/s over the minute's hold, on every axis, the sign following the offset's.
        scenario.errors.gyrBiasSlope = Vector3D(bias.x.sign == .minus ? -1 : 1, bias.y.sign == .minus ? -1 : 1,
                                                bias.z.sign == .minus ? -1 : 1) * (0.25 * degree / 60)
        let (samples, truth) = ScenarioRenderer(seed: 5).render(scenario)
        let replayer = try SessionReplayer(trace: samples, path: "drift")
        var worst = 0.0
        var index = 0
        replayer.run { step in
            let frame = step.frame
            let t = truth[index]
            index += 1
            guard t.segment == "breathe" else { return }
            worst = max(worst, abs(frame.posture.angles.twist - t.twist))
        }
        #expect(index == truth.count)
        #expect(worst < 1 * degree, "twist drifted \(worst / degree)° during the hold")
    }
}

import StretchGuardCore
import Testing
@testable import StretchGuardTrace

@Suite struct ReplayTests {
    private func samples(seconds: Double, rate: Double = 100, gyr: (Double) -> Vector3D = { _ in .zero }) -> [IMUSample] {
        (0..<Int(seconds * rate)).map { i in
            let t = Double(i) / rate
            return IMUSample(time: t, gyr: gyr(t), acc: Vector3D(0, 0, standardGravity))
        }
    }

    private func frames(_ input: [IMUSample], options: ReplayOptions = ReplayOptions()) throws -> [FormFrame] {
        var frames: [FormFrame] = []
        try SessionReplayer(trace: input, path: "x.csv", options: options).run { frames.append($0.frame) }
        return frames
    }

    /// The neutral stretch `replay` finds in `input`, or its error.
    private func findBaseline(in input: [IMUSample], path: String, options: ReplayOptions) throws(TraceError) -> FoundBaseline {
        try FoundBaseline.search(TraceSamples(input), options: options).mapError { TraceError($0, path: path) }.get()
    }

    @Test func emitsOneFramePerSampleAndStartsAtNeutral() throws {
        let input = samples(seconds: 5)
        let frames = try frames(input)
        #expect(frames.count == input.count)
        #expect(frames.map(\.posture.time) == input.map(\.time))
        #expect(frames.allSatisfy { abs($0.posture.angles.twist) < 1e-9 && abs($0.posture.angles.flexion) < 1e-9 })
    }

    @Test func traceShorterThanTheBaselineIsRejected() {
        let e = #expect(throws: TraceError.self) {
            try findBaseline(in: samples(seconds: 1), path: "x.csv", options: ReplayOptions(baselineSeconds: 2))
        }
        #expect(e?.problem.contains("fewer than the 2 s still stretch") == true)
        #expect(e?.fix.contains("--baseline-seconds") == true)
    }

    @Test func aTraceWithNoStillStretchNamesTheStillestOne() {
        // Shaking throughout, harder in the first 3 s: the stillest stretch is later.
        let moving = samples(seconds: 6, gyr: { t in Vector3D((t < 3 ? 0.6 : 0.25) * Double.sin(3 * t), 0, 0) })
        let e = #expect(throws: TraceError.self) {
            try findBaseline(in: moving, path: "x.csv", options: ReplayOptions(baselineSeconds: 2))
        }
        #expect(e?.problem.contains("no still 2 s stretch in the first 30 s") == true)
        #expect((e?.lines?.lowerBound ?? 0) > 300)  // after the harder shaking: header is line 1
        #expect(e?.fix.contains("--baseline-search") == true)
    }

    @Test func theNeutralIsTheFirstStillStretchAndEarlierRowsAreRelativeToIt() throws {
        // Bent 10° forward (about +y) for 1 s, straightening at 20 °/s for 0.5 s, then upright and still.
        let rate = 100.0
        let input = (0..<600).map { i -> IMUSample in
            let t = Double(i) / rate
            let angle = t < 1 ? 10 * degree : (t < 1.5 ? (10 - 20 * (t - 1)) * degree : 0)
            let gyr = t >= 1 && t < 1.5 ? Vector3D(0, -20 * degree, 0) : .zero
            // The sensor rotated by `angle` about y sees gravity's reaction at −angle.
            return IMUSample(time: t, gyr: gyr,
                             acc: Vector3D(-Double.sin(angle), 0, Double.cos(angle)) * standardGravity)
        }
        let found = try findBaseline(in: input, path: "x.csv", options: ReplayOptions())
        #expect(input[found.first].time >= 1.4 && input[found.first].time < 2.7)  // after the movement
        let frames = try frames(input, options: ReplayOptions(forwardAxis: .plusX))
        #expect(frames.count == input.count)
        for frame in frames where frame.posture.time < 0.9 {
            #expect(abs(frame.posture.angles.flexion / degree - 10) < 1, "flexion at \(frame.posture.time) s")
            #expect(!frame.verdict.holding && !frame.verdict.twistAlert && !frame.verdict.bounce)
        }
        #expect(frames.last.map { abs($0.posture.angles.flexion) < 0.5 * degree } == true)
    }

    @Test func declaredSpineAxisIsUsed() throws {
        // Sensor lying with its x axis up: declaring +x as the spine must give a neutral start.
        let input = (0..<300).map { i in
            IMUSample(time: Double(i) / 100, gyr: .zero, acc: Vector3D(standardGravity, 0, 0))
        }
        let found = try findBaseline(in: input, path: "x.csv",
                                            options: ReplayOptions(spineAxis: .plusX, forwardAxis: .minusZ))
        #expect(found.baseline.forwardAxisKnown)
        #expect(isCloseVector(found.baseline.mounting.sensorToBody.rotate(.unitX), .unitZ))
        #expect(isCloseVector(found.baseline.mounting.sensorToBody.rotate(-.unitZ), .unitX))
    }

    @Test func aForwardAxisAlongTheSpineIsLearnedNotRefused() throws {
        // +x up the spine and the default auto forward axis: accepted, forward provisional.
        let input = (0..<300).map { i in
            IMUSample(time: Double(i) / 100, gyr: .zero, acc: Vector3D(standardGravity, 0, 0))
        }
        let found = try findBaseline(in: input, path: "x.csv", options: ReplayOptions())
        #expect(!found.baseline.forwardAxisKnown)
        let declared = try findBaseline(in: input, path: "x.csv", options: ReplayOptions(forwardAxis: .plusX))
        #expect(!declared.baseline.forwardAxisKnown)
    }
}

func isCloseVector(_ a: Vector3D, _ b: Vector3D) -> Bool { (a - b).length < 1e-9 }

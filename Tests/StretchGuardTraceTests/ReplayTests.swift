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

    @Test func emitsOneFramePerSampleAndStartsAtNeutral() throws {
        let input = samples(seconds: 5)
        var frames: [PostureFrame] = []
        let baseline = try Replay.baseline(of: input, path: "x.csv", options: ReplayOptions())
        Replay.run(input, baseline: baseline) { frame, _ in if let frame { frames.append(frame.posture) } }
        #expect(frames.count == input.count)
        #expect(frames.map(\.time) == input.map(\.time))
        #expect(frames.allSatisfy { abs($0.angles.twist) < 1e-9 && abs($0.angles.flexion) < 1e-9 })
    }

    @Test func traceShorterThanTheBaselineIsRejected() {
        let e = #expect(throws: TraceError.self) {
            try Replay.baseline(of: samples(seconds: 1), path: "x.csv", options: ReplayOptions(baselineSeconds: 2))
        }
        #expect(e?.problem.contains("fewer than the 2 s baseline") == true)
        #expect(e?.fix.contains("--baseline-seconds") == true)
    }

    @Test func movingBaselineNamesItsLines() {
        let moving = samples(seconds: 4, gyr: { t in Vector3D(Double.sin(20 * t), 0, 0) })
        let e = #expect(throws: TraceError.self) {
            try Replay.baseline(of: moving, path: "x.csv", options: ReplayOptions(baselineSeconds: 2))
        }
        #expect(e?.lines == 2...202)  // header is line 1; samples at t = 0 … 2.00 s
        #expect(e?.problem.contains("moves") == true)
    }

    @Test func declaredSpineAxisIsUsed() throws {
        // Sensor lying with its x axis up: declaring +x as the spine must give a neutral start.
        let input = (0..<300).map { i in
            IMUSample(time: Double(i) / 100, gyr: .zero, acc: Vector3D(standardGravity, 0, 0))
        }
        let baseline = try Replay.baseline(of: input, path: "x.csv",
                                           options: ReplayOptions(spineAxis: .plusX, forwardAxis: .minusZ))
        #expect(isCloseVector(baseline.mounting.sensorToBody.rotate(.unitX), .unitZ))
        #expect(isCloseVector(baseline.mounting.sensorToBody.rotate(-.unitZ), .unitX))
    }
}

func isCloseVector(_ a: Vector3D, _ b: Vector3D) -> Bool { (a - b).length < 1e-9 }

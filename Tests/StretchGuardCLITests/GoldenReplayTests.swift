import Foundation
import Testing

/// Replays a real recorded trace (an excerpt of BROAD trial 02, see Calibration/examples/README.md) and
/// compares with the stored output. Regenerate after an intended change with `scripts/update-golden`.
@Suite struct GoldenReplayTests {
    static let input = CommandRunner.repositoryRoot.appendingPathComponent("Calibration/examples/broad-slow-rotation.csv.gz").path
    static let golden = CommandRunner.repositoryRoot.appendingPathComponent("Tests/StretchGuardCLITests/Golden/broad-slow-rotation.replay.csv").path

    @Test func replayMatchesTheStoredOutput() throws {
        let result = try CommandRunner.run(["replay", Self.input])
        #expect(result.status == 0, "\(result.stderr)")
        let expected = try String(contentsOfFile: Self.golden, encoding: .utf8).split(separator: "\n")
        let actual = result.stdout.split(separator: "\n")
        #expect(actual.first == expected.first)
        try #require(actual.count == expected.count)
        var worstQuaternion = 0.0, worstAngle = 0.0, flagMismatches = 0
        for (a, e) in zip(actual.dropFirst(), expected.dropFirst()) {
            let av = a.split(separator: ",").map { Double($0)! }, ev = e.split(separator: ",").map { Double($0)! }
            #expect(abs(av[0] - ev[0]) < 1e-9)
            for i in 1...4 { worstQuaternion = max(worstQuaternion, abs(av[i] - ev[i])) }
            for i in 5...7 { worstAngle = max(worstAngle, angleDifference(av[i], ev[i])) }
            for i in 8...11 where av[i] != ev[i] { flagMismatches += 1 }
        }
        // Printed precision is 1e-9 (q) and 1e-3° (angles); allow a few units for other CPUs' rounding.
        #expect(worstQuaternion < 1e-7)
        #expect(worstAngle < 0.005)
        #expect(flagMismatches == 0)
    }

    /// |a − b| in degrees, across the ±180° wrap.
    private func angleDifference(_ a: Double, _ b: Double) -> Double {
        let d = abs(a - b).truncatingRemainder(dividingBy: 360)
        return min(d, 360 - d)
    }

    @Test func summaryIsReadable() throws {
        let result = try CommandRunner.run(["replay", Self.input, "--summary"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("5714 samples at 285.7 Hz"))
        #expect(result.stdout.contains("forward bend"))
        #expect(result.stdout.contains("twist"))
    }
}

/// The README's example exercise has a known script (Calibration/examples/make_demo_trace.py): a 55° forward
/// bend with ±1° breathing, a 25° twist to the left, a 20° side bend to the right. The summary must find them.
@Suite struct DemoExerciseTests {
    @Test func summaryFindsTheScriptedPosture() throws {
        let input = CommandRunner.repositoryRoot.appendingPathComponent("Calibration/examples/demo-forward-bend.csv.gz").path
        let result = try CommandRunner.run(["replay", input, "--summary"])
        #expect(result.status == 0, "\(result.stderr)")
        func number(after label: String) -> Double? {
            guard let line = result.stdout.split(separator: "\n").first(where: { $0.contains(label) }),
                  let range = line.range(of: #"-?[0-9]+\.[0-9]+°"#, options: .regularExpression) else { return nil }
            return Double(line[range].dropLast())
        }
        let bend = try #require(number(after: "forward bend"))
        let twist = try #require(number(after: "twist"))
        let side = try #require(number(after: "side bend"))
        #expect(abs(bend - 56) < 1.5)
        #expect(abs(twist - 25) < 1)
        #expect(abs(side - 20) < 1)
        #expect(result.stdout.contains("chest to the left"))
        #expect(result.stdout.contains("to the right"))
    }
}

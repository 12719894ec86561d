import Foundation
import Testing

/// `simulate` → `replay --profile --events` → `eval`: the detection issue's end-to-end path through the
/// built binary.
@Suite struct SimulatedSessionTests {
    private func scratch() throws -> String {
        let folder = NSTemporaryDirectory() + "sg-sim-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func theDemoSessionRaisesItsTwistAndBounceAlertsAtTheScriptedTimes() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let root = CommandRunner.repositoryRoot.path
        let simulate = try CommandRunner.run(["simulate", "demo", "--output", folder + "/demo.csv",
                                              "--truth", folder + "/demo.truth.csv"], in: root)
        #expect(simulate.status == 0, "\(simulate.stderr)")
        let replay = try CommandRunner.run(["replay", folder + "/demo.csv", "--profile", "standing-hamstring",
                                            "--events", folder + "/events.jsonl", "--output", folder + "/out.csv"], in: root)
        #expect(replay.status == 0, "\(replay.stderr)")
        let events = try String(contentsOfFile: folder + "/events.jsonl", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let truth = try String(contentsOfFile: folder + "/demo.truth.csv", encoding: .utf8).split(separator: "\n")
        // Where the truth says the faults are (segment column), in s.
        func firstTime(ofSegment name: String) -> Double? {
            truth.dropFirst().first { $0.split(separator: ",")[4] == name }.flatMap { Double($0.split(separator: ",")[0]) }
        }
        func time(of event: String) -> Double? {
            events.first { $0.contains("\"event\":\"\(event)\"") }
                .flatMap { $0.split(separator: ",").first?.split(separator: ":").last }.flatMap { Double($0) }
        }
        let twistStart = try #require(firstTime(ofSegment: "twist"))
        let bounceStart = try #require(firstTime(ofSegment: "bounce"))
        let twistAlert = try #require(time(of: "twist_alert_started"))
        let bounceAlert = try #require(time(of: "bounce_started"))
        #expect(twistAlert > twistStart && twistAlert < twistStart + 2)
        #expect(bounceAlert > bounceStart && bounceAlert < bounceStart + 2)
        #expect(events.contains { $0.contains("hold_started") })
        #expect(events.filter { $0.contains("twist_alert_started") }.count == 1)
        #expect(events.filter { $0.contains("bounce_started") }.count == 1)
        // The replay rows carry the same verdicts.
        let rows = try String(contentsOfFile: folder + "/out.csv", encoding: .utf8).split(separator: "\n").dropFirst()
        #expect(rows.contains { $0.split(separator: ",")[8] == "1" })
        #expect(rows.contains { $0.split(separator: ",")[9] == "1" })
        #expect(rows.contains { $0.split(separator: ",")[10] == "1" })
    }

    @Test func evalPrintsTheFiguresAsJSON() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let scenarios = CommandRunner.repositoryRoot.appendingPathComponent("Calibration/scenarios").path
        for name in ["twist-standing", "bounce-flexion-1.5hz", "breathing"] {
            try FileManager.default.copyItem(atPath: scenarios + "/\(name).scenario", toPath: folder + "/\(name).scenario")
        }
        let result = try CommandRunner.run(["eval", folder, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        // Every scenario once with one sensor and once with a pelvis sensor too (`--sensors both`).
        #expect(json["scenarios"] as? Int == 6)
        let twist = try #require(json["twist"] as? [String: Any])
        let bounce = try #require(json["bounce"] as? [String: Any])
        #expect(twist["f1"] as? Double == 1 && bounce["f1"] as? Double == 1)
        #expect(json["false_alarms_per_10_min"] as? Double == 0)
        let two = try #require(json["two_sensor"] as? [String: Any])
        #expect((two["twist"] as? [String: Any])?["f1"] as? Double == 1)
        let one = try CommandRunner.run(["eval", folder, "--json", "--sensors", "one"])
        let oneJSON = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        #expect(oneJSON["scenarios"] as? Int == 3)
    }

    @Test func badProfilesAndSuitesFailWithOneLine() throws {
        let root = CommandRunner.repositoryRoot.path
        let profile = try CommandRunner.run(["replay", "Calibration/examples/demo-forward-bend.csv.gz", "--profile", "hamstrings"], in: root)
        #expect(profile.status != 0)
        #expect(profile.stderr.contains("not a known exercise profile") && profile.stderr.contains("standing-hamstring"))
        #expect(profile.stderr.split(separator: "\n").count == 1)
        let suite = try CommandRunner.run(["eval", "/nonexistent-suite"])
        #expect(suite.status != 0 && suite.stderr.contains("holds no scenarios"))
    }
}

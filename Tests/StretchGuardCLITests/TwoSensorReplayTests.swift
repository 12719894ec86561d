import Foundation
import Testing

/// Two sensors end to end through the command line: `simulate` a scenario with a pelvis sensor (the trace
/// gains `pgx..paz`, the truth the spine's columns), then `replay` it: the spine's twist alerts once for the
/// chest twist and not for the whole-body turn, and the rows carry the hips.
@Suite struct TwoSensorReplayTests {
    static let scenario = """
        family turns
        rate 100
        pelvis on
        still 3 s
        turn 90 over 2 s
        still 2 s
        twist 25 over 1 s
        hold 2 s
        neutral over 1 s
        still 2 s
        """

    @Test func simulateWritesThePelvisAndReplayJudgesTheSpine() throws {
        let folder = NSTemporaryDirectory() + "two-sensor-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let scenario = folder + "/turn-and-twist.scenario"
        try Self.scenario.write(toFile: scenario, atomically: true, encoding: .utf8)
        let trace = folder + "/trace.csv", truth = folder + "/truth.csv"
        let simulate = try CommandRunner.run(["simulate", scenario, "--output", trace, "--truth", truth])
        #expect(simulate.status == 0, "\(simulate.stderr)")
        let traceHeader = try String(contentsOfFile: trace, encoding: .utf8).prefix { $0 != "\n" }
        #expect(traceHeader.hasSuffix("pgx,pgy,pgz,pax,pay,paz"), "\(traceHeader)")
        let truthHeader = try String(contentsOfFile: truth, encoding: .utf8).prefix { $0 != "\n" }
        #expect(truthHeader.contains("spinal_twist_deg") && truthHeader.contains("hip_flexion_deg"), "\(truthHeader)")

        let rows = folder + "/rows.csv", events = folder + "/events.csv"
        let replay = try CommandRunner.run(["replay", trace, "--output", rows, "--events", events, "--summary"])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.contains("thorax and pelvis"), "\(replay.stdout)")
        #expect(replay.stdout.contains("twist alerts     1,"), "\(replay.stdout)")
        let lines = try String(contentsOfFile: rows, encoding: .utf8).split(separator: "\n")
        #expect(lines[0].hasSuffix(",hip_flexion_deg,pelvis_twist_deg"))
        let columns = lines[0].split(separator: ",").map(String.init)
        let pelvisTwist = try #require(columns.firstIndex(of: "pelvis_twist_deg"))
        let twistAlert = try #require(columns.firstIndex(of: "twist_alert"))
        let t = try #require(columns.firstIndex(of: "t"))
        // During the turn (3-5 s) and after it before the twist (5-7 s): no alert, the hips turned 90°.
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            guard let time = Double(cells[t]), time > 3, time < 7 else { continue }
            #expect(cells[twistAlert] == "0", "a twist alert at \(time) s while the whole body turned")
        }
        let settled = try #require(lines.dropFirst().first { line in
            Double(line.split(separator: ",")[t]).map { $0 > 6.5 } ?? false
        }).split(separator: ",", omittingEmptySubsequences: false)
        #expect(abs((Double(settled[pelvisTwist]) ?? 0) - 90) < 3, "pelvis twist \(settled[pelvisTwist])")
    }
}

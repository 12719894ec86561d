import Foundation
import StretchGuardCore
import Testing
@testable import StretchGuardEvaluation

/// The repository's scenario suite.
private let suiteFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Calibration/scenarios").path

@Suite struct SuiteEvaluationTests {
    /// The randomised suite over seeds 1, 2, 3 (every mounting class, rate and condition): the detection
    /// targets, every family present, and a breakdown that adds up.
    @Test func theRandomisedSuiteMeetsTheTargetsAndItsBreakdownAddsUp() throws {
        let summary = try SuiteRunner(seeds: [1, 2, 3]).run(folder: suiteFolder)
        let overall = summary.overall
        #expect(overall.refused == 0, "\(summary.scenarios.filter { $0.refusal != nil }.map(\.name))")
        #expect(overall.twist.f1 >= 0.98 && overall.bounce.f1 >= 0.98,
                "twist F1 \(overall.twist.f1), bounce F1 \(overall.bounce.f1)")
        #expect(overall.falseAlarmsPer10Minutes <= 0.2)
        #expect(overall.twist.medianLatency <= 0.300)
        #expect(overall.twistRMSE <= 1.5 * degree, "twist RMSE \(overall.twistRMSE / degree)°")
        #expect(summary.scenarios.count >= 40)
        let families = Set(summary.byFamily.map(\.label))
        #expect(families.isSuperset(of: ["twist-standing", "twist-near-threshold", "bounce", "natural-movement",
                                         "turns", "quiet", "late-start"]), "\(families)")
        #expect(!families.contains("unassigned"))
        #expect(summary.twist.expected > 0 && summary.bounce.expected > 0)
        #expect(Set(summary.scenarios.compactMap(\.labels.seed)) == [1, 2, 3])
        // Every render was drawn: more than one mounting class and rate turn up.
        #expect(summary.byMounting.count >= 2 && summary.byRate.count >= 2)
        for groups in [summary.byFamily, summary.byMounting, summary.byRate] {
            expectSumsToOverall(groups, summary.overall)
        }
        // The JSON carries the same breakdown.
        let json = try #require(JSONSerialization.jsonObject(with: Data(summary.json.utf8)) as? [String: Any])
        let byFamily = try #require(json["by_family"] as? [String: Any])
        #expect(Set(byFamily.keys) == families)
        #expect(json["by_mounting"] is [String: Any] && json["by_rate"] is [String: Any] && json["refused"] is [Any])
        #expect((json["per_scenario"] as? [Any])?.count == summary.scenarios.count)
    }

    /// The groups' counts add up to the overall counts.
    private func expectSumsToOverall(_ groups: [EvaluationSummary.Group], _ overall: EvaluationFigures) {
        let parts = groups.map(\.figures)
        #expect(parts.reduce(0) { $0 + $1.renders } == overall.renders)
        #expect(parts.reduce(0) { $0 + $1.refused } == overall.refused)
        #expect(parts.reduce(0) { $0 + $1.twistFrames } == overall.twistFrames)
        for kind in [\EvaluationFigures.twist, \EvaluationFigures.bounce] {
            let figures = parts.map { $0[keyPath: kind] }, total = overall[keyPath: kind]
            #expect(figures.reduce(0) { $0 + $1.expected } == total.expected)
            #expect(figures.reduce(0) { $0 + $1.detected } == total.detected)
            #expect(figures.reduce(0) { $0 + $1.alerts } == total.alerts)
            #expect(figures.reduce(0) { $0 + $1.falseAlarms } == total.falseAlarms)
        }
        #expect(abs(parts.reduce(0) { $0 + $1.cleanTime } - overall.cleanTime) < 1e-6)
    }

    @Test func aRefusedReplayIsCountedAndListedNotFatal() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("refused-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A 1 s recording: shorter than the 2 s baseline, so the detectors refuse it. Its truth has a
        // twist fault, which counts as expected and missed.
        var trace = "t,gx,gy,gz,ax,ay,az\n", truth = "t,flexion_deg,side_bend_deg,twist_deg,segment,bounce_expected,bounce_hz\n"
        for i in 0...100 {
            let t = Double(i) / 100
            trace += "\(t),0,0,0,0,0,9.81\n"
            truth += "\(t),0,0,\(t > 0.3 ? 20 : 0),hold,0,0\n"
        }
        try trace.write(toFile: folder + "/short.csv", atomically: true, encoding: .utf8)
        try truth.write(toFile: folder + "/short.truth.csv", atomically: true, encoding: .utf8)
        try "family quiet\nconditions fixed\nstill 4 s\n".write(toFile: folder + "/calm.scenario", atomically: true, encoding: .utf8)

        let summary = try SuiteRunner(seeds: [1, 2]).run(folder: folder)
        #expect(summary.scenarios.count == 3)
        #expect(summary.overall.refused == 1 && summary.refused.map(\.name) == ["short"])
        #expect(summary.refused.first?.refusal?.contains("baseline") == true)
        #expect(summary.twist.expected == 1 && summary.twist.detected == 0)
        #expect(summary.byFamily.first { $0.label == "recorded" }?.figures.refused == 1)
        #expect(summary.text.contains("refused replays: 1 of 3"))
        #expect(summary.scenarios.filter { $0.name == "calm" }.allSatisfy { $0.refusal == nil })
    }

    @Test func aStillTraceReplaysWithoutAlertsAndWithTheTwistAtZero() throws {
        let run = try DetectorRun.run(Self.stillTrace(seconds: 4), profile: .general)
        #expect(run.times.count == run.twist.count && run.twistAlert.count == run.bounceAlert.count)
        #expect(!run.twistAlert.contains(true) && !run.bounceAlert.contains(true))
        #expect(run.twist.allSatisfy { abs($0) < 1 * degree })
    }

    /// A perfectly still upright trace at 100 Hz.
    static func stillTrace(seconds: Double) -> [IMUSample] {
        (0...Int(seconds * 100)).map { IMUSample(time: Double($0) / 100, gyr: .zero, acc: Vector3D(0, 0, standardGravity)) }
    }

    @Test func episodesAreTheRunsOfTrue() {
        let times = (0..<10).map(Double.init)
        let runs = Episode.runs(times: times, flags: [false, true, true, false, true, false, false, true, true, true])
        #expect(runs == [Episode(start: 1, end: 3), Episode(start: 4, end: 5), Episode(start: 7, end: 9)])
        #expect(Episode.runs(times: times, flags: Array(repeating: true, count: 10), minimumDuration: 10).isEmpty)
    }

    @Test func scoringCountsMissesLateAlertsAndFalseAlarms() {
        let faults = [Episode(start: 10, end: 12), Episode(start: 30, end: 31), Episode(start: 50, end: 52)]
        let alerts = [Episode(start: 10.25, end: 12.5), Episode(start: 31.5, end: 33), Episode(start: 70, end: 71)]
        let score = ScenarioScore.score(faults: faults, alerts: alerts, ignore: [], after: 1, cycles: { _ in 2 })
        #expect(score.expected == 3 && score.detected == 2)   // the third fault is missed
        #expect(score.alerts == 3 && score.falseAlarms == 1)  // the alert at 70 s matches nothing
        #expect(score.latencies == [0.25, 1.5])
        #expect(score.latencyCycles == [0.5, 3.0])
        let summary = EvaluationFigures.figures(score)
        #expect(abs(summary.recall - 2.0 / 3) < 1e-12 && abs(summary.precision - 2.0 / 3) < 1e-12)
    }

    @Test func aNearThresholdTwistIsNotAFalseAlarm() {
        let near = [Episode(start: 5, end: 8)]
        let score = ScenarioScore.score(faults: [], alerts: [Episode(start: 6, end: 7)], ignore: near, after: 1, cycles: nil)
        #expect(score.falseAlarms == 0)
    }

    @Test func aMissingSuiteIsExplained() {
        #expect(throws: EvaluationError.self) { try SuiteRunner().run(folder: "/nonexistent/suite") }
    }

    @Test func twistErrorIsTakenAtTheInstantsBothHave() {
        let (sum, count) = ScenarioScore.squaredError([1, 2, 3], [0.1, 0.2, 0.3], [0, 1, 3, 4], [0, 0, 0.1, 0])
        #expect(count == 2 && abs(sum - (0.01 + 0.04)) < 1e-12)
    }
}

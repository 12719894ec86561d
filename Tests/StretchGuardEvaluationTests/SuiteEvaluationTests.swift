import Foundation
import StretchGuardCore
import Testing
@testable import StretchGuardEvaluation

/// The repository's scenario suite.
private let suiteFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Calibration/scenarios").path

@Suite struct SuiteEvaluationTests {
    /// The acceptance figures on our own suite, for two noise seeds.
    @Test(arguments: [UInt64(1), 7])
    func theSuiteMeetsTheDetectionTargets(seed: UInt64) throws {
        let summary = try SuiteRunner(seed: seed).run(folder: suiteFolder)
        #expect(summary.scenarios.count >= 25)
        #expect(summary.twist.expected >= 6 && summary.bounce.expected >= 8)
        #expect(summary.twist.f1 >= 0.95)
        #expect(summary.bounce.f1 >= 0.95)
        #expect(summary.falseAlarmsPer10Minutes <= 0.5)
        #expect(summary.twist.medianLatency <= 0.300)
        #expect(summary.bounce.p90Cycles <= 1.5)
        #expect(summary.cleanTime >= 10 * 60)
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
        let summary = EvaluationSummary.figures(score)
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
}

import Foundation
import StretchGuardConfig
import Testing
@testable import StretchGuardLive

/// `eval Calibration/plans`: every shipped plan played by the simulated wearer (random mounting, rate and
/// sensor errors) through the live session: every repetition done, and no twist or bounce alert anywhere —
/// not in the repetitions, not in the rests and the moves between them (the wearer never twists or bounces).
@Suite struct PlanRehearsalTests {
    static let plansFolder = LivePlanTests.repositoryRoot.appendingPathComponent("Calibration/plans").path

    static func shippedPlans() throws -> [ExercisePlan] {
        let names = try FileManager.default.contentsOfDirectory(atPath: plansFolder).filter { $0.hasSuffix(".yaml") }.sorted()
        return try names.map { try PlanFile.parse(String(contentsOfFile: plansFolder + "/" + $0, encoding: .utf8),
                                                  path: $0, profiles: LivePlanTests.profiles) }
    }

    @Test(arguments: [UInt64(1), 2])
    func everyShippedPlanIsDoneWithoutFalseAlerts(seed: UInt64) throws {
        let plans = try Self.shippedPlans()
        #expect(plans.count >= 3)
        for plan in plans {
            let result = try PlanRehearsal(plan: plan).run(seed: seed, randomConditions: true)
            #expect(result.finished, "\(plan.name), seed \(seed): the plan did not finish")
            #expect(result.done == result.steps, "\(plan.name), seed \(seed): \(result.done) of \(result.steps) done")
            #expect(result.repetitionAlerts == 0 && result.restAlerts == 0,
                    "\(plan.name), seed \(seed): \(result.repetitionAlerts) alerts in repetitions, \(result.restAlerts) in rests")
        }
    }
}

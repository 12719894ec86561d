import Foundation
import StretchGuardCore
import Testing
@testable import StretchGuardConfig

/// The repository's `Calibration/plans` folder.
let plansFolder = URL(fileURLWithPath: profilesFolder).deletingLastPathComponent().appendingPathComponent("plans").path

/// The shipped plans and their profiles.
let shippedPlans = PlanLibrary(directories: [plansFolder], profiles: ProfileLibrary(directories: [profilesFolder]))

/// Parsing plans: the shipped ones, the flattened steps, the session's length.
@Suite struct PlanFileTests {
    @Test func everyShippedPlanParsesWithItsProfiles() throws {
        #expect(shippedPlans.names() == ["hamstring-hips", "mckenzie-extension", "starter-low-back"])
        for name in shippedPlans.names() {
            let plan = try shippedPlans.load(name)
            #expect(plan.name == name)
            #expect(!plan.summary.isEmpty)
            #expect(!plan.exercises.isEmpty)
            for exercise in plan.exercises {
                #expect(exercise.startHold <= exercise.profile.hold.target, "\(name): \(exercise.name)")
                #expect(exercise.progression.maxHold <= exercise.profile.hold.target)
                #expect((exercise.sides != .none) == exercise.profile.isOneSided)
            }
        }
    }

    @Test func profilesSayWhetherTheyWorkOneSideAtATime() throws {
        let library = ProfileLibrary(directories: [profilesFolder])
        let oneSided = try library.names().filter { try library.load($0).isOneSided }
        #expect(oneSided == ["chair-hamstring", "side-stretch", "standing-hamstring"])
        #expect(try ProfileFile.parse("one_sided: true\n", path: "x.yaml").isOneSided)
        #expect(throws: ConfigError.self) { try ProfileFile.parse("one_sided: sometimes\n", path: "x.yaml") }
    }

    @Test func theStarterPlanIsGentle() throws {
        let plan = try shippedPlans.load("starter-low-back")
        #expect(plan.sessionsPerWeek == 5)
        #expect(plan.exercises.map(\.name) == ["cat-cow", "mckenzie-extension", "chair-hamstring"])
        #expect(plan.exercises.allSatisfy { $0.startHold <= 15 && $0.rest >= 15 })
        let hamstring = plan.exercises[2]
        #expect(hamstring.sides == .both)
        #expect(hamstring.progression == PlanProgressionRule(step: 5, afterCleanSessions: 3, maxHold: 20,
                                                               backOffOnPain: true, pauseAfterMissedDays: 5))
    }

    @Test func progressionDefaultsComeFromTheRuleAndTheProfile() throws {
        let plan = try shippedPlans.load("hamstring-hips")
        let standing = plan.exercises[0]
        #expect(standing.progression.step == PlanProgressionRule.defaultStep)
        #expect(standing.progression.afterCleanSessions == PlanProgressionRule.defaultCleanSessions)
        #expect(standing.progression.pauseAfterMissedDays == PlanProgressionRule.defaultPauseDays)
        #expect(standing.progression.backOffOnPain)
        #expect(standing.progression.maxHold == standing.profile.hold.target)
        #expect(plan.exercises[2].sides == .right)
    }

    @Test func stepsWalkEachExerciseLeftThenRightThenTheNext() throws {
        let text = """
            sessions_per_week: 3
            exercises:
              - profile: side-stretch
                sides: both
                repetitions: 2
                hold_s: 10
                rest_s: 20
              - profile: mckenzie-extension
                repetitions: 3
                hold_s: 5
                rest_s: 10
              - profile: standing-hamstring
                sides: left
                repetitions: 1
                hold_s: 15
                rest_s: 30
            """
        let plan = try PlanFile.parse(text, path: "walk.yaml", profiles: ProfileLibrary(directories: [profilesFolder]))
        #expect(plan.name == "walk")
        let walked = plan.steps.map { "\($0.exerciseIndex)\($0.side?.rawValue.prefix(1) ?? "-")\($0.repetition)" }
        #expect(walked == ["0l1", "0l2", "0r1", "0r2", "1-1", "1-2", "1-3", "2l1"])
        #expect(plan.steps.filter(\.startsSide).count == 4)
        // Positioning per repetition, holds, and a rest after every repetition but the last.
        let duration = plan.duration()
        #expect(duration.positioning == 8 * ExercisePlan.positioningTime)
        #expect(duration.holding == 4 * 10 + 3 * 5 + 15)
        #expect(duration.resting == 4 * 20 + 3 * 10)
        #expect(duration.total == duration.positioning + duration.holding + duration.resting)
        // Other targets (a later session) lengthen the holds only.
        #expect(plan.duration(targets: [20, 5, 30]).holding == 4 * 20 + 3 * 5 + 30)
    }

    @Test func aRunningExerciseUsesThePlanTargetInsteadOfTheProfileProgression() throws {
        let plan = try shippedPlans.load("hamstring-hips")
        let profile = plan.exercises[0].profile
        #expect(profile.progression.startTarget != nil, "standing-hamstring has its own progression")
        let running = plan.exercises[0].profile(holdTarget: 20)
        #expect(running.hold.target == 20)
        #expect(running.forSession(1).hold.target == 20 && running.forSession(9).hold.target == 20)
        #expect(running.twist == profile.twist && running.hold.position == profile.hold.position)
    }

    @Test func plansAreFoundByNameOrPath() throws {
        let byPath = try shippedPlans.load(plansFolder + "/mckenzie-extension.yaml")
        #expect(try byPath == shippedPlans.load("mckenzie-extension"))
        #expect(byPath.sessionsPerWeek == 14)
        do {
            _ = try shippedPlans.load("starter")
            Issue.record("an unknown plan name must fail")
        } catch {
            #expect(error.problem.contains("not a known plan"))
            #expect(error.fix.contains("starter-low-back"))
        }
        #expect(throws: ConfigError.self) { try shippedPlans.load("/nonexistent/plan.yaml") }
    }
}

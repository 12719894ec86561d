import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardGPIO
import StretchGuardHardware
import StretchGuardStore

/// One session of a plan played by the simulated wearer (``PlanScenario``) through the real live session —
/// the simulated chip and driver, the core, the plan's guide, the feedback on simulated GPIO, a recorder
/// into a temporary database — as fast as the machine runs (a manual clock). What `eval` runs for plans:
/// the wearer only stretches, holds, rests and shuffles round, so every twist or bounce alert is false.
public struct PlanRehearsal: Sendable {
    /// What one rehearsal showed.
    public struct Result: Sendable {
        /// The plan's name and the render's seed.
        public var plan: String
        public var seed: UInt64
        /// Repetitions in the plan, done (the target reached), done partly, and not done.
        public var steps: Int
        public var done: Int
        public var partly: Int
        /// Twist and bounce alerts during repetitions (getting into position, holding, coming up) and
        /// during rests.
        public var repetitionAlerts: Int
        public var restAlerts: Int
        /// Whether the session ended because the plan was done.
        public var finished: Bool
        /// The session's length, in s.
        public var duration: Double
    }

    public let plan: ExercisePlan

    public init(plan: ExercisePlan) {
        self.plan = plan
    }

    /// Plays one session at the plan's starting targets, rendered with `seed` (and with `randomConditions`,
    /// a mounting, rate and sensor errors drawn from it).
    public func run(seed: UInt64, randomConditions: Bool) throws -> Result {
        let targets = plan.startTargets
        let live = LivePlan(plan: plan, definition: "", targets: targets)
        let scenario = try PlanScenario(plan: plan, targets: targets)
            .simulated(name: plan.name, seed: seed, randomConditions: randomConditions)
        let folder = NSTemporaryDirectory() + "stretchguard-rehearsal-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SessionStore(path: folder + "/sessions.sqlite")
        defer { try? store.close() }
        let clock = ManualClock(start: 1000)
        let sensor = try LiveSensor.open(.simulated, imu: HardwareConfig.defaults.thorax, scenario: scenario, clock: clock)
        // The neutral posture from the first 2 s, standing still, as `run` captures it without a calibration.
        var calibrator = BaselineCalibrator()
        for sample in scenario.samples where sample.time <= 2 { calibrator.add(sample) }
        let info = SessionInfo(startDate: Date(), startTime: clock.now(), device: sensor.device, chip: sensor.chipName,
                               rate: sensor.rate, profile: live.openingProfile.name, softwareVersion: "rehearsal",
                               scale: sensor.scale, plan: SessionPlan(name: plan.name, definition: ""))
        let session = LiveSession(.init(sensor: sensor, baseline: try calibrator.baseline(), profile: .general,
                                        feedback: try FeedbackOutputs(config: .defaults, simulation: SimulatedGPIO()),
                                        recorder: try SessionRecorder(store: store, info: info), plan: live))
        session.start()
        let outcome = session.wait()
        let runner = outcome.plan ?? GuidedPlan(steps: live.steps)
        var finished = false
        if case .planDone = outcome.end { finished = true }
        return Result(plan: plan.name, seed: seed, steps: runner.steps.count,
                      done: runner.outcomes.count { $0.result == .done },
                      partly: runner.outcomes.count { $0.result == .partly },
                      repetitionAlerts: runner.outcomes.reduce(0) { $0 + $1.twistAlerts + $1.bounceAlerts },
                      restAlerts: runner.outcomes.reduce(0) { $0 + $1.restAlerts }, finished: finished,
                      duration: outcome.lastTime - outcome.startTime)
    }
}

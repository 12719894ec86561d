import StretchGuardConfig
import StretchGuardCore
import StretchGuardSimulation

/// A simulated wearer following a plan, for `run --sensor sim --plan` without `--scenario`, the demo and
/// the tests: standing still for the neutral posture, a quick forward bend (what calibration's second pose
/// teaches: which way is forward), then each repetition as a person does it — into the
/// exercise's position over 3 s, holding (breathing) a little past the target, back up over 3 s, and resting
/// (standing, and in a rest of 15 s or more shuffling round a quarter turn and back) a little longer than
/// the rest, so that the next move begins after the rest's cue.
///
/// Written in the scenario language (`Calibration/scenarios/README.md`), so it renders like any scenario;
/// the text is kept for `simulate`-style inspection.
public struct PlanScenario: Sendable {
    /// The scenario's text.
    public let text: String

    /// How far past the stretch position's start (`enter_deg`) the simulated wearer goes, in degrees.
    static let depthBeyondEntry = 15.0
    /// Extra hold beyond the target, in s (the hold timer starts once the wearer is still).
    static let holdMargin = 3.0
    /// Extra rest, in s.
    static let restMargin = 1.5

    /// The scenario of one session of `plan` at `targets` (s, one per exercise).
    public init(plan: ExercisePlan, targets: [Double]) {
        var lines = ["# \(plan.name): one session, generated from the plan", "rate 200", "family plan", "expect never",
                     "still 5 s                     # the neutral posture, then the plan begins",
                     "# a quick forward bend, as calibration's second pose: the forward axis is known from here",
                     "bend 45 over 2 s", "neutral over 2 s"]
        for (index, step) in plan.steps.enumerated() {
            let exercise = plan.exercises[step.exerciseIndex]
            let hold = exercise.profile.hold
            let depth = hold.enterAngle / degree + Self.depthBeyondEntry
            let side = step.side.map { " \($0.rawValue)" } ?? ""
            lines.append("# step \(index + 1): \(exercise.name)\(side), \(step.repetition) of \(step.repetitionsOnSide)")
            lines.append("still 2 s")
            switch hold.position {
            case .flexion, .any: lines.append("bend \(Self.number(depth)) over 3 s")
            case .backwardBend: lines.append("bend \(Self.number(-depth)) over 3 s")
            case .sideBend: lines.append("side \(Self.number(step.side == .left ? -depth : depth)) over 3 s")
            }
            lines.append("breathe \(Self.number(targets[step.exerciseIndex] + Self.holdMargin)) s")
            lines.append("neutral over 3 s")
            guard index < plan.steps.count - 1 else { continue }
            let rest = exercise.rest + Self.restMargin
            if rest >= 15 {
                lines.append("still \(Self.number((rest - 8) / 2)) s")
                lines.append("turn 90 over 3 s gentle")
                lines.append("turn -90 over 3 s gentle")
                lines.append("still \(Self.number((rest - 8) / 2 + 2)) s")
            } else {
                lines.append("still \(Self.number(rest)) s")
            }
        }
        lines.append("still 4 s")
        text = lines.joined(separator: "\n") + "\n"
    }

    /// The scenario rendered: an aligned sensor with typical errors, or with `randomConditions` the
    /// conditions `eval` draws from the seed (a random mounting, rate, biases).
    public func simulated(name: String, seed: UInt64 = 1, randomConditions: Bool = false) throws -> SimulatedScenario {
        var scenario = try Scenario.parse(text, name: name, seed: seed)
        if randomConditions { scenario = SimulationConditions.draw(seed: seed, for: scenario).applied(to: scenario) }
        return SimulatedScenario(name: name, samples: ScenarioRenderer(seed: seed).render(scenario).samples)
    }

    private static func number(_ value: Double) -> String { FixedDecimal.string(value, decimals: 1) }
}

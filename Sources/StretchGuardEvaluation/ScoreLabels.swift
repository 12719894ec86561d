import StretchGuardSimulation

/// Where one scored render belongs in the breakdown: its scenario family and the conditions it was
/// rendered under.
public struct ScoreLabels: Sendable, Equatable {
    /// The scenario family (`family` line), or `unassigned`; `recorded` for trace files read as they are.
    public var family: String
    /// The seed it was rendered with; nil for a recorded trace.
    public var seed: UInt64?
    /// The mounting class: `aligned`, `axis-aligned`, `random`, or `unknown` for a recorded trace.
    public var mounting: String
    /// The nominal sample rate as a label, e.g. `200 Hz`.
    public var rate: String
    /// The render's conditions on one line (empty for a recorded trace).
    public var conditions: String
    /// Whether the trace has a pelvis sensor besides the thorax's (a two-sensor replay).
    public var twoSensors: Bool
    /// Whether the wearer turns or walks in it (stepping turns, walking): where a whole-body rotation
    /// could pass for a twist. False for a recorded trace.
    public var turnsOrWalks: Bool

    /// Labels as documented on the properties.
    public init(family: String, seed: UInt64?, mounting: String, rate: String, conditions: String,
                twoSensors: Bool = false, turnsOrWalks: Bool = false) {
        self.family = family
        self.seed = seed
        self.mounting = mounting
        self.rate = rate
        self.conditions = conditions
        self.twoSensors = twoSensors
        self.turnsOrWalks = turnsOrWalks
    }

    /// The labels of `scenario` rendered under `conditions` with `seed` (two sensors when the conditions
    /// render a pelvis sensor).
    public init(scenario: Scenario, conditions: SimulationConditions, seed: UInt64) {
        let moves = scenario.steps.contains { step in
            switch step.action {
            case .turn, .walk: return true
            case .hold, .move, .oscillate, .jump: return false
            }
        }
        self.init(family: scenario.family ?? "unassigned", seed: seed, mounting: conditions.mountingClass.rawValue,
                  rate: Self.rateLabel(conditions.sampleRate), conditions: conditions.description,
                  twoSensors: conditions.pelvis != nil, turnsOrWalks: moves)
    }

    /// The labels of a recorded trace sampled at about `rate` Hz, with or without a pelvis sensor.
    public static func recorded(rate: Double, twoSensors: Bool = false) -> ScoreLabels {
        ScoreLabels(family: "recorded", seed: nil, mounting: "unknown", rate: rateLabel(rate), conditions: "",
                    twoSensors: twoSensors)
    }

    /// A rate in Hz as a label: whole hertz, e.g. `100 Hz`.
    static func rateLabel(_ rate: Double) -> String {
        rate.isFinite && rate > 0 ? "\(Int(rate.rounded())) Hz" : "unknown"
    }
}

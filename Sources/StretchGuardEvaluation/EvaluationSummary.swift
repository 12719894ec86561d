/// The suite's figures: overall, and broken down per scenario family and per condition (mounting class,
/// sample rate), so a weakness shows where it lives; plus every render's own score.
public struct EvaluationSummary: Sendable {
    /// One group of the breakdown: its label and its figures.
    public struct Group: Sendable, Equatable {
        /// The group's label (a family name, a mounting class, a rate such as `200 Hz`).
        public var label: String
        /// The group's figures.
        public var figures: EvaluationFigures
    }

    /// Every scored render, in suite order (scenario name, then seed).
    public var scenarios: [ScenarioScore]
    /// The whole suite's figures.
    public var overall: EvaluationFigures
    /// Per scenario family, by name.
    public var byFamily: [Group]
    /// Per mounting class: aligned, axis-aligned, random (then any other label, e.g. unknown).
    public var byMounting: [Group]
    /// Per nominal sample rate, slowest first.
    public var byRate: [Group]

    /// The summary of `scenarios`.
    public init(_ scenarios: [ScenarioScore]) {
        self.scenarios = scenarios
        overall = EvaluationFigures(scenarios)
        byFamily = Self.groups(scenarios, by: \.family, order: { $0 < $1 })
        let mountingOrder = ["aligned", "axis-aligned", "random"]
        byMounting = Self.groups(scenarios, by: \.mounting, order: { a, b in
            (mountingOrder.firstIndex(of: a) ?? mountingOrder.count, a) < (mountingOrder.firstIndex(of: b) ?? mountingOrder.count, b)
        })
        byRate = Self.groups(scenarios, by: \.rate, order: { a, b in
            (Int(a.prefix { $0.isNumber }) ?? Int.max, a) < (Int(b.prefix { $0.isNumber }) ?? Int.max, b)
        })
    }

    /// Twist alert figures of the whole suite.
    public var twist: EvaluationFigures.Figures { overall.twist }
    /// Bounce alert figures of the whole suite.
    public var bounce: EvaluationFigures.Figures { overall.bounce }
    /// Clean exercise time of the whole suite, in s.
    public var cleanTime: Double { overall.cleanTime }
    /// False alarms per 10 minutes of clean exercise over the whole suite.
    public var falseAlarmsPer10Minutes: Double { overall.falseAlarmsPer10Minutes }
    /// The renders the detectors refused.
    public var refused: [ScenarioScore] { scenarios.filter { $0.refusal != nil } }

    private static func groups(_ scores: [ScenarioScore], by key: KeyPath<ScoreLabels, String>,
                               order: (String, String) -> Bool) -> [Group] {
        let grouped = Dictionary(grouping: scores) { $0.labels[keyPath: key] }
        return grouped.keys.sorted(by: order).map { Group(label: $0, figures: EvaluationFigures(grouped[$0] ?? [])) }
    }
}

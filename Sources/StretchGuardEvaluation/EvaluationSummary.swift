/// The suite's figures: overall, and broken down per scenario family and per condition (mounting class,
/// sample rate), so a weakness shows where it lives; one breakdown for the one-sensor renders and one for
/// the two-sensor renders (thorax and pelvis); plus every render's own score.
public struct EvaluationSummary: Sendable {
    /// One group of the breakdown: its label and its figures.
    public struct Group: Sendable, Equatable {
        /// The group's label (a family name, a mounting class, a rate such as `200 Hz`).
        public var label: String
        /// The group's figures.
        public var figures: EvaluationFigures
    }

    /// The figures of one set of renders: overall, per family, per mounting class, per rate.
    public struct Breakdown: Sendable {
        /// The set's figures.
        public var overall: EvaluationFigures
        /// Per scenario family, by name.
        public var byFamily: [Group]
        /// Per mounting class: aligned, axis-aligned, random (then any other label, e.g. unknown).
        public var byMounting: [Group]
        /// Per nominal sample rate, slowest first.
        public var byRate: [Group]

        /// The breakdown of `scores`.
        public init(_ scores: [ScenarioScore]) {
            overall = EvaluationFigures(scores)
            byFamily = EvaluationSummary.groups(scores, by: \.family, order: { $0 < $1 })
            let mountingOrder = ["aligned", "axis-aligned", "random"]
            byMounting = EvaluationSummary.groups(scores, by: \.mounting, order: { a, b in
                (mountingOrder.firstIndex(of: a) ?? mountingOrder.count, a) < (mountingOrder.firstIndex(of: b) ?? mountingOrder.count, b)
            })
            byRate = EvaluationSummary.groups(scores, by: \.rate, order: { a, b in
                (Int(a.prefix { $0.isNumber }) ?? Int.max, a) < (Int(b.prefix { $0.isNumber }) ?? Int.max, b)
            })
        }
    }

    /// Every scored render, in suite order (scenario name, then seed, then one sensor before two).
    public var scenarios: [ScenarioScore]
    /// The one-sensor renders' figures (the thorax alone; recorded traces without a pelvis).
    public var oneSensor: Breakdown
    /// The two-sensor renders' figures (spinal twist, lumbar and hip flexion); nil when none ran.
    public var twoSensor: Breakdown?

    /// The summary of `scenarios`.
    public init(_ scenarios: [ScenarioScore]) {
        self.scenarios = scenarios
        oneSensor = Breakdown(scenarios.filter { !$0.labels.twoSensors })
        let two = scenarios.filter(\.labels.twoSensors)
        twoSensor = two.isEmpty ? nil : Breakdown(two)
    }

    /// The one-sensor renders' figures.
    public var overall: EvaluationFigures { oneSensor.overall }
    /// The one-sensor renders per scenario family, by name.
    public var byFamily: [Group] { oneSensor.byFamily }
    /// The one-sensor renders per mounting class.
    public var byMounting: [Group] { oneSensor.byMounting }
    /// The one-sensor renders per nominal sample rate, slowest first.
    public var byRate: [Group] { oneSensor.byRate }
    /// Twist alert figures of the one-sensor renders.
    public var twist: EvaluationFigures.Figures { overall.twist }
    /// Bounce alert figures of the one-sensor renders.
    public var bounce: EvaluationFigures.Figures { overall.bounce }
    /// Clean exercise time of the one-sensor renders, in s.
    public var cleanTime: Double { overall.cleanTime }
    /// False alarms per 10 minutes of clean exercise over the one-sensor renders.
    public var falseAlarmsPer10Minutes: Double { overall.falseAlarmsPer10Minutes }
    /// The renders the detectors refused (either kind).
    public var refused: [ScenarioScore] { scenarios.filter { $0.refusal != nil } }

    fileprivate static func groups(_ scores: [ScenarioScore], by key: KeyPath<ScoreLabels, String>,
                                   order: (String, String) -> Bool) -> [Group] {
        let grouped = Dictionary(grouping: scores) { $0.labels[keyPath: key] }
        return grouped.keys.sorted(by: order).map { Group(label: $0, figures: EvaluationFigures(grouped[$0] ?? [])) }
    }
}

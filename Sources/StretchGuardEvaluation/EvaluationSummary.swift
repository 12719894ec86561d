/// The suite's figures per alert kind: recall, precision, F1, latency, and false alarms per 10 minutes of
/// clean exercise.
public struct EvaluationSummary: Sendable {
    /// Figures for one kind of alert.
    public struct Figures: Sendable, Equatable {
        public var expected: Int
        public var detected: Int
        public var alerts: Int
        public var falseAlarms: Int
        public var recall: Double
        public var precision: Double
        public var f1: Double
        /// Median and 90th percentile latency, in s.
        public var medianLatency: Double
        public var p90Latency: Double
        /// Median and 90th percentile latency in oscillation cycles (bounces only; 0 for twist).
        public var medianCycles: Double
        public var p90Cycles: Double
    }

    public var scenarios: [ScenarioScore]
    public var twist: Figures
    public var bounce: Figures
    /// Clean exercise time, in s, and false alarms (both kinds) per 10 minutes of it.
    public var cleanTime: Double
    public var falseAlarmsPer10Minutes: Double

    public init(_ scenarios: [ScenarioScore]) {
        self.scenarios = scenarios
        var t = KindScore(), b = KindScore()
        for s in scenarios {
            t.add(s.twist)
            b.add(s.bounce)
        }
        twist = Self.figures(t)
        bounce = Self.figures(b)
        cleanTime = scenarios.reduce(0) { $0 + $1.cleanTime }
        let falseAlarms = Double(t.falseAlarms + b.falseAlarms)
        falseAlarmsPer10Minutes = cleanTime > 0 ? falseAlarms / cleanTime * 600 : 0
    }

    static func figures(_ k: KindScore) -> Figures {
        let recall = k.expected > 0 ? Double(k.detected) / Double(k.expected) : 1
        let precision = k.alerts > 0 ? Double(k.alerts - k.falseAlarms) / Double(k.alerts) : 1
        let f1 = recall + precision > 0 ? 2 * recall * precision / (recall + precision) : 0
        return Figures(expected: k.expected, detected: k.detected, alerts: k.alerts, falseAlarms: k.falseAlarms,
                       recall: recall, precision: precision, f1: f1,
                       medianLatency: percentile(k.latencies, 0.5), p90Latency: percentile(k.latencies, 0.9),
                       medianCycles: percentile(k.latencyCycles, 0.5), p90Cycles: percentile(k.latencyCycles, 0.9))
    }

    /// The `q` quantile (nearest rank) of `values`; 0 when empty.
    static func percentile(_ values: [Double], _ q: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = Int((q * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    /// One JSON object with the totals and one entry per scenario.
    public var json: String {
        func number(_ x: Double) -> String {
            x.isFinite ? String((x * 10000).rounded() / 10000) : "null"
        }
        func figures(_ f: Figures, cycles: Bool) -> String {
            var fields = [
                "\"expected\":\(f.expected)", "\"detected\":\(f.detected)", "\"alerts\":\(f.alerts)",
                "\"false_alarms\":\(f.falseAlarms)", "\"recall\":\(number(f.recall))",
                "\"precision\":\(number(f.precision))", "\"f1\":\(number(f.f1))",
                "\"median_latency_ms\":\(number(f.medianLatency * 1000))", "\"p90_latency_ms\":\(number(f.p90Latency * 1000))",
            ]
            if cycles {
                fields += ["\"median_latency_cycles\":\(number(f.medianCycles))", "\"p90_latency_cycles\":\(number(f.p90Cycles))"]
            }
            return "{" + fields.joined(separator: ",") + "}"
        }
        let perScenario = scenarios.map { s in
            "{\"name\":\"\(s.name)\",\"duration_s\":\(number(s.duration)),\"clean_s\":\(number(s.cleanTime)),"
                + "\"twist\":{\"expected\":\(s.twist.expected),\"detected\":\(s.twist.detected),\"false_alarms\":\(s.twist.falseAlarms)},"
                + "\"bounce\":{\"expected\":\(s.bounce.expected),\"detected\":\(s.bounce.detected),\"false_alarms\":\(s.bounce.falseAlarms)}}"
        }
        return "{\"scenarios\":\(scenarios.count),\"twist\":\(figures(twist, cycles: false)),"
            + "\"bounce\":\(figures(bounce, cycles: true)),\"clean_minutes\":\(number(cleanTime / 60)),"
            + "\"false_alarms_per_10_min\":\(number(falseAlarmsPer10Minutes)),\"per_scenario\":[\(perScenario.joined(separator: ","))]}"
    }

    /// A readable table.
    public var text: String {
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        func pct(_ x: Double) -> String { String(Int((x * 100).rounded())) + "%" }
        func ms(_ x: Double) -> String { String(Int((x * 1000).rounded())) + " ms" }
        var lines = [pad("scenario", 34) + "twist (caught/expected, false)   bounce (caught/expected, false)"]
        for s in scenarios {
            lines.append(pad(s.name, 34)
                + pad("\(s.twist.detected)/\(s.twist.expected), \(s.twist.falseAlarms)", 33)
                + "\(s.bounce.detected)/\(s.bounce.expected), \(s.bounce.falseAlarms)")
        }
        lines.append("")
        lines.append("twist   recall \(pct(twist.recall))  precision \(pct(twist.precision))  F1 \(String(format2(twist.f1)))  latency median \(ms(twist.medianLatency)), p90 \(ms(twist.p90Latency))")
        lines.append("bounce  recall \(pct(bounce.recall))  precision \(pct(bounce.precision))  F1 \(String(format2(bounce.f1)))  latency median \(format2(bounce.medianCycles)) cycles (\(ms(bounce.medianLatency))), p90 \(format2(bounce.p90Cycles)) cycles")
        lines.append("false alarms: \(twist.falseAlarms + bounce.falseAlarms) in \(format2(cleanTime / 60)) min of clean exercise = \(format2(falseAlarmsPer10Minutes)) per 10 min")
        return lines.joined(separator: "\n")
    }

    private func format2(_ x: Double) -> String { String((x * 100).rounded() / 100) }
}

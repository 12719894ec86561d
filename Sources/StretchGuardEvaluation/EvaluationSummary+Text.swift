extension EvaluationSummary {
    /// A readable report: one line per render, the refused replays, the breakdown table (overall, per
    /// family, per mounting class, per rate), and the overall figures in words.
    public var text: String {
        var lines = [Self.pad("scenario", 34) + Self.pad("seed", 6) + Self.pad("family", 22) + Self.pad("mounting", 14)
            + Self.pad("rate", 8) + Self.pad("twist (caught/exp, false)", 27) + Self.pad("bounce (caught/exp, false)", 28)
            + "twist RMSE"]
        for s in scenarios {
            let rmse = s.twistErrorCount > 0 ? Self.decimals((s.twistSquaredError / Double(s.twistErrorCount)).squareRoot() / degreeInRad, 1) + "°" : "-"
            lines.append(Self.pad(s.name, 34) + Self.pad(s.labels.seed.map(String.init) ?? "-", 6)
                + Self.pad(s.labels.family, 22) + Self.pad(s.labels.mounting, 14) + Self.pad(s.labels.rate, 8)
                + Self.pad("\(s.twist.detected)/\(s.twist.expected), \(s.twist.falseAlarms)", 27)
                + Self.pad("\(s.bounce.detected)/\(s.bounce.expected), \(s.bounce.falseAlarms)", 28)
                + (s.refusal == nil ? rmse : "refused"))
        }
        let refused = self.refused
        lines.append("")
        lines.append("refused replays: \(refused.count) of \(scenarios.count)")
        for s in refused {
            lines.append("  \(s.name) seed \(s.labels.seed.map(String.init) ?? "-"): \(s.refusal ?? "")")
        }
        lines.append("")
        lines.append(Self.tableHeader)
        lines.append(Self.row("overall", overall))
        for (title, groups) in [("family", byFamily), ("mounting", byMounting), ("rate", byRate)] {
            for group in groups { lines.append(Self.row("\(title) \(group.label)", group.figures)) }
        }
        lines.append("")
        let t = overall.twist, b = overall.bounce
        lines.append("twist   recall \(Self.percent(t.recall))  precision \(Self.percent(t.precision))  F1 \(Self.decimals(t.f1, 2))  latency median \(Self.ms(t.medianLatency)), p90 \(Self.ms(t.p90Latency))  RMSE \(Self.decimals(overall.twistRMSE / degreeInRad, 2))°")
        lines.append("bounce  recall \(Self.percent(b.recall))  precision \(Self.percent(b.precision))  F1 \(Self.decimals(b.f1, 2))  latency median \(Self.decimals(b.medianCycles, 2)) cycles (\(Self.ms(b.medianLatency))), p90 \(Self.decimals(b.p90Cycles, 2)) cycles")
        lines.append("false alarms: \(t.falseAlarms + b.falseAlarms) in \(Self.decimals(overall.cleanTime / 60, 2)) min of clean exercise = \(Self.decimals(overall.falseAlarmsPer10Minutes, 2)) per 10 min")
        return lines.joined(separator: "\n")
    }

    /// The breakdown table's column heads.
    static let tableHeader = pad("group", 34) + pad("renders", 8) + pad("refused", 8)
        + pad("twist exp/det/alerts/false", 27) + pad("rec", 5) + pad("prec", 5) + pad("F1", 6) + pad("lat med/p90 ms", 15)
        + pad("bounce exp/det/alerts/false", 28) + pad("rec", 5) + pad("prec", 5) + pad("F1", 6) + pad("cyc med/p90", 12)
        + pad("FA/10min", 9) + "twist RMSE°"

    /// One row of the breakdown table.
    static func row(_ label: String, _ f: EvaluationFigures) -> String {
        let t = f.twist, b = f.bounce
        return pad(label, 34) + pad(String(f.renders), 8) + pad(String(f.refused), 8)
            + pad("\(t.expected)/\(t.detected)/\(t.alerts)/\(t.falseAlarms)", 27)
            + pad(percent(t.recall), 5) + pad(percent(t.precision), 5) + pad(decimals(t.f1, 2), 6)
            + pad("\(Int((t.medianLatency * 1000).rounded()))/\(Int((t.p90Latency * 1000).rounded()))", 15)
            + pad("\(b.expected)/\(b.detected)/\(b.alerts)/\(b.falseAlarms)", 28)
            + pad(percent(b.recall), 5) + pad(percent(b.precision), 5) + pad(decimals(b.f1, 2), 6)
            + pad("\(decimals(b.medianCycles, 2))/\(decimals(b.p90Cycles, 2))", 12)
            + pad(decimals(f.falseAlarmsPer10Minutes, 2), 9) + decimals(f.twistRMSE / degreeInRad, 2)
    }

    static func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count)
    }

    static func percent(_ x: Double) -> String { String(Int((x * 100).rounded())) + "%" }

    static func ms(_ x: Double) -> String { String(Int((x * 1000).rounded())) + " ms" }

    /// `x` rounded to `places` decimals, e.g. `0.95`.
    static func decimals(_ x: Double, _ places: Int) -> String {
        guard x.isFinite else { return "nan" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return String((x * scale).rounded() / scale)
    }
}

/// One degree, in rad.
let degreeInRad = Double.pi / 180

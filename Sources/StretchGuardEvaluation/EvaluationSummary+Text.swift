extension EvaluationSummary {
    /// A readable report: one line per render, the refused replays, the breakdown table (overall, per
    /// family, per mounting class, per rate) and the overall figures in words, for the one-sensor renders
    /// and then for the two-sensor ones with their spine figures.
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
        if oneSensor.overall.renders > 0 {
            lines += Self.section(oneSensor)
        }
        if let twoSensor {
            lines += ["", "two sensors (thorax and pelvis): twist is the spinal twist (thorax relative to pelvis)"]
            lines += Self.section(twoSensor)
            lines += Self.spinalSection(twoSensor)
        }
        return lines.joined(separator: "\n")
    }

    /// A breakdown's table (overall, per family, per mounting class, per rate) and its overall figures in
    /// words.
    static func section(_ breakdown: Breakdown) -> [String] {
        var lines: [String] = []
        lines.append("")
        lines.append(tableHeader)
        lines.append(row("overall", breakdown.overall))
        for (title, groups) in [("family", breakdown.byFamily), ("mounting", breakdown.byMounting), ("rate", breakdown.byRate)] {
            for group in groups { lines.append(row("\(title) \(group.label)", group.figures)) }
        }
        lines.append("")
        let t = breakdown.overall.twist, b = breakdown.overall.bounce
        lines.append("twist   recall \(percent(t.recall))  precision \(percent(t.precision))  F1 \(decimals(t.f1, 2))  latency median \(ms(t.medianLatency)), p90 \(ms(t.p90Latency))  RMSE \(decimals(breakdown.overall.twistRMSE / degreeInRad, 2))°")
        lines.append("bounce  recall \(percent(b.recall))  precision \(percent(b.precision))  F1 \(decimals(b.f1, 2))  latency median \(decimals(b.medianCycles, 2)) cycles (\(ms(b.medianLatency))), p90 \(decimals(b.p90Cycles, 2)) cycles")
        lines.append("false alarms: \(t.falseAlarms + b.falseAlarms) in \(decimals(breakdown.overall.cleanTime / 60, 2)) min of clean exercise = \(decimals(breakdown.overall.falseAlarmsPer10Minutes, 2)) per 10 min")
        return lines
    }

    /// The two-sensor renders' spine figures: per family, the spinal twist's F1, its false alerts where the
    /// wearer turns or walks, and the RMSE of the spinal twist, lumbar flexion and hip flexion.
    static func spinalSection(_ breakdown: Breakdown) -> [String] {
        var lines = ["", pad("group", 34) + pad("renders", 8) + pad("twist F1", 10) + pad("false twist turning/walking", 29)
            + pad("spinal twist RMSE°", 20) + pad("lumbar flexion RMSE°", 22) + "hip flexion RMSE°"]
        func row(_ label: String, _ f: EvaluationFigures) -> String {
            pad(label, 34) + pad(String(f.renders), 8) + pad(decimals(f.twist.f1, 3), 10)
                + pad(String(f.falseTwistAlertsTurningOrWalking), 29) + pad(decimals(f.twistRMSE / degreeInRad, 2), 20)
                + pad(decimals(f.lumbarFlexion.rmse / degreeInRad, 2), 22) + decimals(f.hipFlexion.rmse / degreeInRad, 2)
        }
        lines.append(row("overall", breakdown.overall))
        for group in breakdown.byFamily { lines.append(row("family \(group.label)", group.figures)) }
        let f = breakdown.overall
        lines.append("")
        lines.append("spine   twist F1 \(decimals(f.twist.f1, 3)), false twist alerts in turns and walking \(f.falseTwistAlertsTurningOrWalking), RMSE spinal twist \(decimals(f.twistRMSE / degreeInRad, 2))°, lumbar flexion \(decimals(f.lumbarFlexion.rmse / degreeInRad, 2))°, hip flexion \(decimals(f.hipFlexion.rmse / degreeInRad, 2))°")
        return lines
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

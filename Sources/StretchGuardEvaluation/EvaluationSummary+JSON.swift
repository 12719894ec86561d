extension EvaluationSummary {
    /// One JSON object: the one-sensor renders' overall figures (as before, plus renders, refused and twist
    /// RMSE), the same figures per family (`by_family`), per mounting class (`by_mounting`) and per rate
    /// (`by_rate`); the two-sensor renders' in `two_sensor` (the same fields and groups, twist being the
    /// spinal twist, plus `lumbar_flexion_rmse_deg`, `hip_flexion_rmse_deg` and
    /// `false_twist_alerts_turning_walking`; null when none ran); the refused replays with their reasons,
    /// and one entry per render (`sensors`: 1 or 2).
    public var json: String {
        func groups(_ list: [Group]) -> String {
            "{" + list.map { "\(Self.quoted($0.label)):\(Self.object($0.figures))" }.joined(separator: ",") + "}"
        }
        let refusedList = refused.map { s in
            "{\"name\":\(Self.quoted(s.name)),\"seed\":\(s.labels.seed.map(String.init) ?? "null"),\"reason\":\(Self.quoted(s.refusal ?? ""))}"
        }
        let perScenario = scenarios.map { s in
            let rmse = s.twistErrorCount > 0 ? (s.twistSquaredError / Double(s.twistErrorCount)).squareRoot() / degreeInRad : .nan
            let spine = s.isTwoSensor
                ? "\"lumbar_flexion_rmse_deg\":\(Self.number(Self.rmseDegrees(s.lumbarFlexionError))),"
                    + "\"hip_flexion_rmse_deg\":\(Self.number(Self.rmseDegrees(s.hipFlexionError))),"
                : ""
            return "{\"name\":\(Self.quoted(s.name)),\"sensors\":\(s.labels.twoSensors ? 2 : 1),\"seed\":\(s.labels.seed.map(String.init) ?? "null"),"
                + "\"family\":\(Self.quoted(s.labels.family)),\"mounting\":\(Self.quoted(s.labels.mounting)),"
                + "\"rate\":\(Self.quoted(s.labels.rate)),\"conditions\":\(Self.quoted(s.labels.conditions)),"
                + "\"refused\":\(s.refusal != nil),\"duration_s\":\(Self.number(s.duration)),\"clean_s\":\(Self.number(s.cleanTime)),"
                + "\"twist_rmse_deg\":\(Self.number(rmse)),\(spine)"
                + "\"twist\":{\"expected\":\(s.twist.expected),\"detected\":\(s.twist.detected),\"false_alarms\":\(s.twist.falseAlarms)},"
                + "\"bounce\":{\"expected\":\(s.bounce.expected),\"detected\":\(s.bounce.detected),\"false_alarms\":\(s.bounce.falseAlarms)}}"
        }
        let overallFields = Self.fields(overall)
        let twoSensorObject = twoSensor.map { two in
            "{" + Self.fields(two.overall) + "," + Self.spineFields(two.overall)
                + ",\"by_family\":{" + two.byFamily.map { "\(Self.quoted($0.label)):{" + Self.fields($0.figures) + "," + Self.spineFields($0.figures) + "}" }.joined(separator: ",")
                + "},\"by_mounting\":\(groups(two.byMounting)),\"by_rate\":\(groups(two.byRate))}"
        } ?? "null"
        return "{\"scenarios\":\(scenarios.count)," + overallFields
            + ",\"by_family\":\(groups(byFamily)),\"by_mounting\":\(groups(byMounting)),\"by_rate\":\(groups(byRate)),"
            + "\"two_sensor\":\(twoSensorObject),"
            + "\"refused\":[\(refusedList.joined(separator: ","))],\"per_scenario\":[\(perScenario.joined(separator: ","))]}"
    }

    /// The spine's figures of a two-sensor group as JSON fields (no braces): lumbar and hip flexion RMSE
    /// (°, null without frames) and false twist alerts where the wearer turns or walks.
    static func spineFields(_ f: EvaluationFigures) -> String {
        "\"lumbar_flexion_rmse_deg\":\(number(rmseDegrees(f.lumbarFlexion))),"
            + "\"hip_flexion_rmse_deg\":\(number(rmseDegrees(f.hipFlexion))),"
            + "\"false_twist_alerts_turning_walking\":\(f.falseTwistAlertsTurningOrWalking)"
    }

    /// An angle error's RMSE in degrees; NaN (null in JSON) when no frame matched.
    static func rmseDegrees(_ error: AngleError) -> Double {
        error.frames > 0 ? error.rmse / degreeInRad : .nan
    }

    /// A group's figures as one JSON object.
    static func object(_ f: EvaluationFigures) -> String { "{" + fields(f) + "}" }

    /// A group's figures as JSON fields (no braces).
    static func fields(_ f: EvaluationFigures) -> String {
        func kind(_ k: EvaluationFigures.Figures, cycles: Bool) -> String {
            var fields = [
                "\"expected\":\(k.expected)", "\"detected\":\(k.detected)", "\"alerts\":\(k.alerts)",
                "\"false_alarms\":\(k.falseAlarms)", "\"recall\":\(number(k.recall))",
                "\"precision\":\(number(k.precision))", "\"f1\":\(number(k.f1))",
                "\"median_latency_ms\":\(number(k.medianLatency * 1000))", "\"p90_latency_ms\":\(number(k.p90Latency * 1000))",
            ]
            if cycles {
                fields += ["\"median_latency_cycles\":\(number(k.medianCycles))", "\"p90_latency_cycles\":\(number(k.p90Cycles))"]
            }
            return "{" + fields.joined(separator: ",") + "}"
        }
        return "\"renders\":\(f.renders),\"refused\":\(f.refused),\"twist\":\(kind(f.twist, cycles: false)),"
            + "\"bounce\":\(kind(f.bounce, cycles: true)),\"clean_minutes\":\(number(f.cleanTime / 60)),"
            + "\"false_alarms_per_10_min\":\(number(f.falseAlarmsPer10Minutes)),"
            + "\"twist_rmse_deg\":\(number(f.twistRMSE / degreeInRad)),\"twist_frames\":\(f.twistFrames)"
    }

    /// A number rounded to 4 decimals, or `null` when not finite.
    static func number(_ x: Double) -> String {
        x.isFinite ? String((x * 10000).rounded() / 10000) : "null"
    }

    /// A JSON string literal.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if c.value < 0x20 {
                    let hex = String(c.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
    }
}

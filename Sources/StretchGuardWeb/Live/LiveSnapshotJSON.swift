import StretchGuardCore
import StretchGuardLive

/// A ``LiveSnapshot`` as the web API shows it (`GET /api/live`, and later each WebSocket frame): angles in
/// degrees, times in s, names rather than numbers for levels and colours.
///
/// Keys: `sequence`, `time_s`, `elapsed_s`, `twist_deg`, `flexion_deg`, `side_bend_deg`, `twist_level`
/// (`clear`, `warning`, `alert`), `bouncing`, `holding`, `hold_s`, `hold_target_s`, `buzzer_on`, `led`
/// (`off`, `green`, …), `capturing_baseline`, `tally` (the session's counts so far: `holds`,
/// `holds_reached`, `longest_hold_s`, `twist_alerts`, `bounce_alerts`, `impacts`, `worst_twist_deg`,
/// `hip_hinge_cues`, `hips_still_cues`, `pelvis_losses`), `sensor` (`mode`, `rate_hz` or null before two
/// samples, `dropped_samples`, `faults`), `two_sensors`, and with two sensors `pelvis_lost`,
/// `hip_flexion_deg` (null while the pelvis is lost) and `pelvis_missed_ticks`; in a guided session `plan`
/// (`step`, 1 = the first, `steps`, `phase`: `position`, `holding`, `release`, `rest`, `done`, `stopped`,
/// and `rest_left_s`).
struct LiveSnapshotJSON: Encodable {
    struct Tally: Encodable {
        var holds: Int, holds_reached: Int, longest_hold_s: Double, twist_alerts: Int, bounce_alerts: Int
        var impacts: Int, worst_twist_deg: Double, hip_hinge_cues: Int, hips_still_cues: Int, pelvis_losses: Int
    }

    struct Sensor: Encodable {
        var mode: String, rate_hz: Double?, dropped_samples: Int, faults: Int

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(mode, forKey: .mode)
            try c.encode(rate_hz, forKey: .rate_hz)
            try c.encode(dropped_samples, forKey: .dropped_samples)
            try c.encode(faults, forKey: .faults)
        }

        enum CodingKeys: String, CodingKey { case mode, rate_hz, dropped_samples, faults }
    }

    var sequence: UInt64, time_s: Double, elapsed_s: Double
    var twist_deg: Double, flexion_deg: Double, side_bend_deg: Double, twist_level: String
    var bouncing: Bool, holding: Bool, hold_s: Double, hold_target_s: Double
    var buzzer_on: Bool, led: String, capturing_baseline: Bool
    var tally: Tally, sensor: Sensor, two_sensors: Bool
    var pelvis_lost: Bool?, hip_flexion_deg: Double??, pelvis_missed_ticks: Int?
    var plan: Plan?

    struct Plan: Encodable {
        var step: Int, steps: Int, phase: String, rest_left_s: Double
    }

    init(_ s: LiveSnapshot) {
        sequence = s.sequence
        time_s = Self.round(s.time, 4)
        elapsed_s = Self.round(s.elapsed, 3)
        twist_deg = Self.round(s.twist, 2)
        flexion_deg = Self.round(s.flexion, 2)
        side_bend_deg = Self.round(s.sideBend, 2)
        twist_level = Self.name(s.twistLevel)
        bouncing = s.bouncing
        holding = s.holding
        hold_s = Self.round(s.holdSeconds, 2)
        hold_target_s = s.holdTarget
        buzzer_on = s.buzzerOn
        led = s.ledColor.rawValue
        capturing_baseline = s.capturingBaseline
        let t = s.tally
        tally = Tally(holds: t.holds, holds_reached: t.holdsReached, longest_hold_s: Self.round(t.longestHold, 2),
                      twist_alerts: t.twistAlerts, bounce_alerts: t.bounceAlerts, impacts: t.impacts,
                      worst_twist_deg: Self.round(t.worstTwist / degree, 2), hip_hinge_cues: t.hipHingeCues,
                      hips_still_cues: t.hipsStillCues, pelvis_losses: t.pelvisLosses)
        sensor = Sensor(mode: s.mode.rawValue, rate_hz: s.achievedRate.map { Self.round($0, 2) },
                        dropped_samples: s.droppedSamples, faults: s.sensorFaults)
        two_sensors = s.twoSensors
        if s.twoSensors {
            pelvis_lost = s.pelvisLost
            hip_flexion_deg = .some(s.hipFlexion.map { Self.round($0, 2) })
            pelvis_missed_ticks = s.pelvisMissedTicks
        }
        if s.planSteps > 0 {
            plan = Plan(step: s.planStep + 1, steps: s.planSteps, phase: s.planPhase?.rawValue ?? "position",
                        rest_left_s: Self.round(s.restLeft, 1))
        }
    }

    enum CodingKeys: String, CodingKey {
        case sequence, time_s, elapsed_s, twist_deg, flexion_deg, side_bend_deg, twist_level, bouncing, holding
        case hold_s, hold_target_s, buzzer_on, led, capturing_baseline, tally, sensor, two_sensors, pelvis_lost
        case hip_flexion_deg, pelvis_missed_ticks, plan
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(sequence, forKey: .sequence)
        try c.encode(time_s, forKey: .time_s)
        try c.encode(elapsed_s, forKey: .elapsed_s)
        try c.encode(twist_deg, forKey: .twist_deg)
        try c.encode(flexion_deg, forKey: .flexion_deg)
        try c.encode(side_bend_deg, forKey: .side_bend_deg)
        try c.encode(twist_level, forKey: .twist_level)
        try c.encode(bouncing, forKey: .bouncing)
        try c.encode(holding, forKey: .holding)
        try c.encode(hold_s, forKey: .hold_s)
        try c.encode(hold_target_s, forKey: .hold_target_s)
        try c.encode(buzzer_on, forKey: .buzzer_on)
        try c.encode(led, forKey: .led)
        try c.encode(capturing_baseline, forKey: .capturing_baseline)
        try c.encode(tally, forKey: .tally)
        try c.encode(sensor, forKey: .sensor)
        try c.encode(two_sensors, forKey: .two_sensors)
        try c.encodeIfPresent(pelvis_lost, forKey: .pelvis_lost)
        // Present with two sensors, null while the pelvis is lost.
        if let hip_flexion_deg { try c.encode(hip_flexion_deg, forKey: .hip_flexion_deg) }
        try c.encodeIfPresent(pelvis_missed_ticks, forKey: .pelvis_missed_ticks)
        try c.encodeIfPresent(plan, forKey: .plan)
    }

    /// `x` rounded to `decimals` places (non-finite values, which JSON cannot carry, as 0).
    static func round(_ x: Double, _ decimals: Int) -> Double {
        guard x.isFinite else { return 0 }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        return (x * scale).rounded() / scale
    }

    static func name(_ level: TwistMonitor.Level) -> String {
        switch level {
        case .clear: return "clear"
        case .warning: return "warning"
        case .alert: return "alert"
        }
    }
}

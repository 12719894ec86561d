import StretchGuardCore

/// The fields of a profile file: names, units, allowed ranges, and where each goes in `FormProfile`.
/// Angles are written in degrees, times in seconds, frequencies in Hz, impacts in g.
enum ProfileSchema {
    /// A numeric field.
    struct Number {
        let unit: String
        let range: ClosedRange<Double>
        let example: String
        let apply: @Sendable (Double, inout FormProfile) -> Void
    }

    /// Why a text field was refused.
    struct Rejection: Error {
        let problem: String
        let fix: String
    }

    static let sections: Set<String> = ["twist", "bounce", "hold", "hold.progression", "impact", "hip_hinge", "hips_still"]

    /// A name or summary as shown on the terminal: no control characters (an escape sequence in a profile
    /// would otherwise reach the wearer's screen raw).
    static func printable(_ text: String) throws(Rejection) -> String {
        guard !QuotedText.hasControlCharacters(text) else {
            throw Rejection(problem: "\(QuotedText.quoted(text)) holds control characters",
                            fix: "write plain text on one line")
        }
        return text
    }

    /// A yes/no field: `true` or `false`.
    private static func flag(_ text: String) throws(Rejection) -> Bool {
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw Rejection(problem: "'\(text)' is not true or false", fix: "write true or false")
        }
    }

    static let texts: [String: @Sendable (String, inout FormProfile) throws(Rejection) -> Void] = [
        "hip_hinge.enabled": { text, p throws(Rejection) in p.hipHinge.enabled = try flag(text) },
        "hips_still.enabled": { text, p throws(Rejection) in p.hipsStill.enabled = try flag(text) },
        "one_sided": { text, p throws(Rejection) in p.isOneSided = try flag(text) },
        "name": { text, p throws(Rejection) in p.name = try printable(text) },
        "summary": { text, p throws(Rejection) in p.summary = try printable(text) },
        "first_bend": { text, p throws(Rejection) in
            guard let bend = FirstBend(rawValue: text) else {
                throw Rejection(problem: "'\(text)' is not a first bend",
                                fix: "use one of \(FirstBend.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            p.firstBend = bend
        },
        "hold.position": { text, p throws(Rejection) in
            guard let position = HoldTimer.Position(rawValue: text) else {
                throw Rejection(problem: "'\(text)' is not a position",
                                fix: "use one of \(HoldTimer.Position.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            p.hold.position = position
        },
    ]

    static let numbers: [String: Number] = [
        "twist.alert_deg": deg(5...90, "15") { $1.twist.alertAngle = $0 },
        "twist.clear_deg": deg(0...90, "12") { $1.twist.clearAngle = $0 },
        "twist.warning_deg": deg(0...90, "10") { $1.twist.warningAngle = $0 },
        "twist.alert_delay_s": sec(0...5, "0.25") { $1.twist.alertDelay = $0 },
        "bounce.min_peak_to_peak_deg": deg(0.5...45, "3") { $1.bounce.minPeakToPeak = $0 },
        "bounce.min_frequency_hz": hz(0.05...10, "0.5") { $1.bounce.minFrequency = $0 },
        "bounce.max_frequency_hz": hz(0.1...20, "4") { $1.bounce.maxFrequency = $0 },
        "bounce.hysteresis_deg": deg(0.1...20, "1") { $1.bounce.hysteresis = $0 },
        "bounce.release_s": sec(0.1...10, "1.25") { $1.bounce.releaseTime = $0 },
        "bounce.max_half_period_ratio": Number(unit: "(ratio)", range: 1...5, example: "1.6") { $1.bounce.maxHalfPeriodRatio = $0 },
        "bounce.max_swing_to_depth": Number(unit: "(ratio)", range: 0.05...2, example: "0.6") { $1.bounce.maxSwingToDepth = $0 },
        "first_bend_deg": deg(5...90, "35") { $1.firstBendTilt = $0 },
        "hold.enter_deg": deg(1...120, "20") { $1.hold.enterAngle = $0 },
        "hold.exit_hysteresis_deg": deg(0...30, "3") { $1.hold.exitHysteresis = $0 },
        "hold.still_deg_per_s": Number(unit: "°/s", range: 0.5...90, example: "8") { $1.hold.stillRate = $0 * degree },
        "hold.rate_time_constant_s": sec(0.01...5, "0.3") { $1.hold.rateTimeConstant = $0 },
        "hold.settle_s": sec(0...10, "0.5") { $1.hold.settleTime = $0 },
        "hold.grace_s": sec(0...10, "1") { $1.hold.graceTime = $0 },
        "hold.target_s": sec(1...600, "30") { $1.hold.target = $0 },
        "hold.progression.start_target_s": sec(1...600, "15") { $1.progression.startTarget = $0 },
        "hold.progression.step_per_session_s": sec(0...120, "5") { $1.progression.stepPerSession = $0 },
        "impact.threshold_g": Number(unit: "g", range: 1.5...16, example: "3") { $1.impact.threshold = $0 * standardGravity },
        "impact.refractory_s": sec(0...10, "0.5") { $1.impact.refractoryTime = $0 },
        "hip_hinge.max_lumbar_share": Number(unit: "(share of the bend)", range: 0.1...1, example: "0.6") { $1.hipHinge.maxLumbarShare = $0 },
        "hip_hinge.clear_lumbar_share": Number(unit: "(share of the bend)", range: 0...1, example: "0.5") { $1.hipHinge.clearLumbarShare = $0 },
        "hip_hinge.min_bend_deg": deg(5...90, "30") { $1.hipHinge.minimumBend = $0 },
        "hip_hinge.delay_s": sec(0...10, "1") { $1.hipHinge.delay = $0 },
        "hips_still.alert_deg": deg(2...60, "10") { $1.hipsStill.alertAngle = $0 },
        "hips_still.clear_deg": deg(0...60, "7") { $1.hipsStill.clearAngle = $0 },
        "hips_still.delay_s": sec(0...10, "0.5") { $1.hipsStill.delay = $0 },
    ]

    /// What to check when a section's values contradict each other.
    static let consistencyHint: [String: String] = [
        "twist": "keep warning_deg ≤ clear_deg ≤ alert_deg",
        "bounce": "keep min_frequency_hz < max_frequency_hz and hysteresis_deg below half of min_peak_to_peak_deg",
        "hold": "keep exit_hysteresis_deg below enter_deg",
        "impact": "keep threshold_g above 1",
        "progression": "use a positive start_target_s",
        "hip_hinge": "keep clear_lumbar_share ≤ max_lumbar_share",
        "hips_still": "keep clear_deg ≤ alert_deg",
    ]

    private static func deg(_ r: ClosedRange<Double>, _ e: String,
                            _ set: @escaping @Sendable (Double, inout FormProfile) -> Void) -> Number {
        Number(unit: "°", range: r, example: e) { set($0 * degree, &$1) }
    }

    private static func sec(_ r: ClosedRange<Double>, _ e: String,
                            _ set: @escaping @Sendable (Double, inout FormProfile) -> Void) -> Number {
        Number(unit: "s", range: r, example: e, apply: set)
    }

    private static func hz(_ r: ClosedRange<Double>, _ e: String,
                           _ set: @escaping @Sendable (Double, inout FormProfile) -> Void) -> Number {
        Number(unit: "Hz", range: r, example: e, apply: set)
    }
}

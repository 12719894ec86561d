import Foundation
import StretchGuardCore
import StretchGuardStore

/// A reviewed session as one JSON object: `session`, `summary`, `holds`, `alerts`, `events` (what the live
/// session stored), `markers`, `gaps` and `replay` (whether the replay reproduced the stored events).
///
/// Times are in s since the session's start (`*_s`, `t`), angles in degrees (`*_deg`), the start as
/// ISO 8601 UTC. Keys are sorted; a metric that is undefined (SPARC of a hold too short) is `null`.
///
/// A two-sensor session adds `sensors` (each sensor's health: readings, rate, missing, gaps, losses),
/// `session.angles` (`spine` when the replay measured the spine, thorax relative to pelvis; else `thorax`),
/// the hips in `summary` (cue counts, pelvis losses, deepest hip flexion, largest pelvis twist) and in each
/// hold (mean hip flexion, peak pelvis twist), and each gap's `stream` (`thorax`: whole ticks, `pelvis`).
/// A one-sensor session's object is as before.
///
/// A plan session adds `plan`: its steps one by one and its exercises (see ``Plan``); other sessions have
/// no `plan` key.
public enum ReviewJSON {
    /// The object, pretty-printed, newline-terminated.
    public static func render(_ analysis: SessionAnalysis) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Document(analysis))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// `x` rounded to `decimals` decimals (so that JSON shows 31.25, not 31.250000000000004).
    static func round(_ x: Double, _ decimals: Int = 3) -> Double {
        let scale = pow(10, Double(decimals))
        return (x * scale).rounded() / scale
    }

    struct Document: Encodable {
        var session: Session, summary: Summary, holds: [Hold], alerts: [Alert], events: [Event]
        var markers: [Marker], gaps: [Gap], replay: Replay
        var sensors: [Sensor]?
        var plan: Plan?

        init(_ a: SessionAnalysis) {
            let start = a.recording.startTime
            session = Session(id: a.session.id, start: ReviewFormat.iso8601(a.session.startDate),
                              duration_s: round(a.duration), profile: a.profile.name,
                              recorded_profile: a.session.info.profile, status: a.session.status.rawValue,
                              device: a.session.info.device, chip: a.session.info.chip, rate_hz: a.session.info.rate,
                              samples: a.track.count, software_version: a.session.info.softwareVersion,
                              baseline: ReviewText.baselineText(a.recording.baselineSource),
                              angles: a.hasPelvis ? (a.isSpinal ? "spine" : "thorax") : nil)
            let twoSensors = a.hasPelvis
            let s = a.summary
            summary = Summary(holds: s.holds, holds_reached: s.holdsReached, longest_hold_s: round(s.longestHold),
                              target_s: s.target, twist_alerts: s.twistAlerts, bounce_alerts: s.bounceAlerts,
                              impacts: s.impacts, stops: s.stops, worst_twist_deg: round(s.worstTwist / degree, 2),
                              missing_samples: s.missingSamples,
                              hip_hinge_cues: twoSensors ? s.hipHingeCues : nil,
                              hips_still_cues: twoSensors ? s.hipsStillCues : nil,
                              pelvis_losses: twoSensors ? s.pelvisLosses : nil,
                              deepest_hip_flexion_deg: s.deepestHipFlexion.map { round($0 / degree, 2) },
                              worst_pelvis_twist_deg: s.worstPelvisTwist.map { round($0 / degree, 2) })
            holds = a.holds.map(Hold.init)
            alerts = a.alerts.map { span in
                // The hip-hinge cue's peak is the spine's share of the bend, not an angle.
                Alert(kind: span.kind.rawValue, start_s: round(span.start), end_s: round(span.end),
                      duration_s: round(span.duration),
                      peak_deg: span.kind == .hipHinge ? nil : round(span.peak / degree, 2),
                      peak_share: span.kind == .hipHinge ? round(span.peak) : nil,
                      axis: span.axis.rawValue, open: span.open)
            }
            events = a.recording.storedEvents.map { e in
                Event(t: round(e.time - start), event: e.kind.rawValue, axis: e.axis.rawValue,
                      angle_deg: [.impact, .holdReached, .hipHingeCueEnded, .pelvisLost, .pelvisReturned].contains(e.kind)
                          ? nil : round(e.value / degree, 2),
                      share: e.kind == .hipHingeCueEnded ? round(e.value) : nil,
                      peak_g: e.kind == .impact ? round(e.value / standardGravity, 2) : nil,
                      duration_s: round(e.duration), frequency_hz: round(e.frequency, 2), count: e.count,
                      text: TimelineEntry.describe(e, position: a.profile.hold.position))
            }
            markers = a.recording.markers.map { Marker(t: round($0.time - start), kind: $0.kind.rawValue, note: $0.note) }
            gaps = a.recording.gaps.map { Gap(start_s: round($0.start - start), end_s: round($0.end - start),
                                              samples: $0.samples, reason: $0.reason.description,
                                              stream: twoSensors ? $0.stream.rawValue : nil) }
            sensors = twoSensors ? a.sensors.map(Sensor.init) : nil
            plan = a.plan.map(Plan.init)
            replay = Replay(matches: a.agreement.matches, stored_events: a.agreement.stored,
                            replayed_events: a.agreement.replayed, difference: a.agreement.firstDifference)
        }
    }

    struct Session: Encodable {
        var id: Int64, start: String, duration_s: Double, profile: String, recorded_profile: String, status: String
        var device: String, chip: String, rate_hz: Double, samples: Int, software_version: String, baseline: String
        var angles: String?
    }

    struct Sensor: Encodable {
        var sensor: String, device: String, chip: String, readings: Int, rate_hz: Double, missing: Int, gaps: Int
        var losses: Int, share: Double

        init(_ h: SensorHealth) {
            sensor = h.sensor.rawValue
            device = h.device
            chip = h.chip
            readings = h.readings
            rate_hz = round(h.rate, 2)
            missing = h.missing
            gaps = h.gaps
            losses = h.losses
            share = round(h.share, 4)
        }
    }

    struct Summary: Encodable {
        var holds: Int, holds_reached: Int, longest_hold_s: Double, target_s: Double, twist_alerts: Int
        var bounce_alerts: Int, impacts: Int, stops: Int, worst_twist_deg: Double, missing_samples: Int
        var hip_hinge_cues: Int?, hips_still_cues: Int?, pelvis_losses: Int?, deepest_hip_flexion_deg: Double?
        var worst_pelvis_twist_deg: Double?
    }

    struct Hold: Encodable {
        var number: Int, start_s: Double, end_s: Double, duration_s: Double, target_s: Double, reached: Bool
        var mean_angle_deg: Double, peak_twist_deg: Double, bounces: Int, twist_alerts: Int
        var sparc: Double?, ldlj: Double?
        var mean_hip_flexion_deg: Double?, peak_pelvis_twist_deg: Double?

        init(_ h: HoldMetrics) {
            number = h.number
            start_s = round(h.start)
            end_s = round(h.end)
            duration_s = round(h.duration)
            target_s = h.target
            reached = h.reached
            mean_angle_deg = round(h.meanAngle / degree, 2)
            peak_twist_deg = round(h.peakTwist / degree, 2)
            bounces = h.bounces
            twist_alerts = h.twistAlerts
            sparc = h.sparc.map { round($0) }
            ldlj = h.ldlj.map { round($0) }
            mean_hip_flexion_deg = h.meanHipFlexion.map { round($0 / degree, 2) }
            peak_pelvis_twist_deg = h.peakPelvisTwist.map { round($0 / degree, 2) }
        }

        enum CodingKeys: String, CodingKey {
            case number, start_s, end_s, duration_s, target_s, reached, mean_angle_deg, peak_twist_deg, bounces
            case twist_alerts, sparc, ldlj, mean_hip_flexion_deg, peak_pelvis_twist_deg
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(number, forKey: .number)
            try c.encode(start_s, forKey: .start_s)
            try c.encode(end_s, forKey: .end_s)
            try c.encode(duration_s, forKey: .duration_s)
            try c.encode(target_s, forKey: .target_s)
            try c.encode(reached, forKey: .reached)
            try c.encode(mean_angle_deg, forKey: .mean_angle_deg)
            try c.encode(peak_twist_deg, forKey: .peak_twist_deg)
            try c.encode(bounces, forKey: .bounces)
            try c.encode(twist_alerts, forKey: .twist_alerts)
            try c.encode(sparc, forKey: .sparc)  // null when undefined
            try c.encode(ldlj, forKey: .ldlj)
            try c.encodeIfPresent(mean_hip_flexion_deg, forKey: .mean_hip_flexion_deg)  // two sensors only
            try c.encodeIfPresent(peak_pelvis_twist_deg, forKey: .peak_pelvis_twist_deg)
        }
    }

    struct Alert: Encodable {
        var kind: String, start_s: Double, end_s: Double, duration_s: Double, peak_deg: Double?, peak_share: Double?
        var axis: String, open: Bool
    }

    struct Event: Encodable {
        var t: Double, event: String, axis: String, angle_deg: Double?, share: Double?, peak_g: Double?, duration_s: Double
        var frequency_hz: Double, count: Int, text: String
    }

    struct Marker: Encodable {
        var t: Double, kind: String, note: String
    }

    struct Gap: Encodable {
        var start_s: Double, end_s: Double, samples: Int, reason: String, stream: String?
    }

    struct Replay: Encodable {
        var matches: Bool, stored_events: Int, replayed_events: Int, difference: String?
    }
}

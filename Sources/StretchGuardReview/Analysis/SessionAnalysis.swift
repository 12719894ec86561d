import StretchGuardCore
import StretchGuardStore
import StretchGuardTrace

/// A stored session, looked back at: the replay's per-sample track, its holds with their metrics, the
/// alerts, the timeline of what the live session emitted, and the totals.
///
/// Derived values are not stored: the analysis replays the raw samples through the core with the session's
/// baseline and profile, which reproduces the live verdicts (``agreement`` checks it against the stored
/// events). Holds, alert spans and the plots come from the replay; the timeline shows the stored events.
public struct SessionAnalysis: Sendable {
    /// The session and its stored extras.
    public let recording: SessionRecording
    /// The profile it was replayed with.
    public let profile: FormProfile
    /// The replayed samples.
    public let track: SessionTrack
    /// The replay's events (sample-clock times, s), closing events included.
    public let events: [FormEvent]
    /// The holds, in order.
    public let holds: [HoldMetrics]
    /// Twist and bounce alerts, in start order.
    public let alerts: [AlertSpan]
    /// Stored events, markers and gaps in time order.
    public let timeline: [TimelineEntry]
    /// Whether the replay reproduced the stored events.
    public let agreement: ReplayAgreement
    /// The session's length, in s.
    public let duration: Double
    /// Each sensor's health: the thorax, and the pelvis in a two-sensor session.
    public let sensors: [SensorHealth]
    /// A plan session's steps, exercises and end (nil for a session without a plan, or when the plan was
    /// not given).
    public let plan: PlanReview?

    /// Replays and measures a session.
    ///
    /// - Parameters:
    ///   - recording: the session (see ``SessionRecording/load(from:selector:recalibrate:)``).
    ///   - profile: its profile (see ``SessionProfile/resolve(for:library:override:)``).
    ///   - profileSwitches: a plan session's switches to its next exercises' profiles
    ///     (``SessionPlanReplay/switches``).
    ///   - plan: a plan session's plan (``SessionPlanReplay/load(for:library:)``): the analysis then has its
    ///     ``plan`` review.
    /// - Throws: ``ReviewError/store(_:)`` when the samples cannot be read.
    public init(recording: SessionRecording, profile: FormProfile, profileSwitches: [ProfileSwitch] = [],
                plan: SessionPlanReplay? = nil) throws(ReviewError) {
        var track = SessionTrack(capacity: recording.session.sampleCount)
        var events: [FormEvent] = []
        let start = recording.startTime
        let closing = try recording.replayer(profile: profile, profileSwitches: profileSwitches).run { step in
            track.append(step, startTime: start)
            events.append(contentsOf: step.events)
        }
        events.append(contentsOf: closing)
        self.recording = recording
        self.profile = profile
        self.track = track
        self.events = events
        duration = max(recording.session.duration, track.time.last ?? 0)
        holds = HoldMetrics.holds(events: events, track: track, startTime: start,
                                  sampleRate: recording.session.info.rate, target: profile.hold.target)
        alerts = AlertSpan.spans(in: events, startTime: start, endTime: duration)
        sensors = SensorHealth.sensors(of: recording, track: track, events: events, duration: duration)
        if let plan {
            self.plan = PlanReview(replay: plan, holds: holds, alerts: alerts, markers: recording.markers, startTime: start)
        } else {
            self.plan = nil
        }
        timeline = TimelineEntry.timeline(events: recording.storedEvents, markers: recording.markers,
                                          gaps: recording.gaps, startTime: start, position: profile.hold.position)
        // A session that never closed (crash, power cut, still recording) stored no closing events.
        agreement = ReplayAgreement(stored: recording.storedEvents,
                                    replayed: recording.session.isComplete ? events : events.dropLast(closing.count),
                                    startTime: start)
    }

    /// The session's row.
    public var session: StoredSession { recording.session }
    /// Whether the session recorded two sensors (thorax and pelvis).
    public var hasPelvis: Bool { recording.session.info.hasPelvis }
    /// Whether the replay measured the spine (two-sensor mode: the baseline has the pelvis's): the track's
    /// flexion and twist are then lumbar flexion and spinal twist, and it has hip angles.
    public var isSpinal: Bool { recording.baseline.pelvis != nil }

    /// The totals, in the units given on ``ReviewSummary``.
    public var summary: ReviewSummary {
        ReviewSummary(
            duration: duration, samples: track.count, holds: holds.count,
            holdsReached: holds.count(where: \.reached), longestHold: holds.map(\.duration).max() ?? 0,
            target: profile.hold.target,
            twistAlerts: alerts.count(where: { $0.kind == .twist }),
            bounceAlerts: alerts.count(where: { $0.kind == .bounce }),
            impacts: events.count(where: { $0.kind == .impact }),
            stops: recording.markers.count(where: { $0.kind == .stop }),
            worstTwist: alerts.filter { $0.kind == .twist }.map(\.peak).max() ?? 0,
            missingSamples: recording.gaps.filter { $0.stream == .thorax }.reduce(0) { $0 + $1.samples },
            hipHingeCues: alerts.count(where: { $0.kind == .hipHinge }),
            hipsStillCues: alerts.count(where: { $0.kind == .hipsStill }),
            pelvisLosses: events.count(where: { $0.kind == .pelvisLost }),
            worstPelvisTwist: track.hasHips ? track.pelvisTwist.reduce(0) { $1.isNaN ? $0 : max($0, abs($1)) } : nil,
            deepestHipFlexion: track.hasHips ? track.hipFlexion.reduce(0) { $1.isNaN ? $0 : max($0, $1) } : nil)
    }
}

/// A reviewed session's totals: what the wearer's plain summary and the report's cards show.
public struct ReviewSummary: Sendable, Equatable {
    /// Length, in s.
    public var duration: Double
    /// Samples replayed.
    public var samples: Int
    /// Holds done.
    public var holds: Int
    /// Holds that reached the target.
    public var holdsReached: Int
    /// The longest hold, in s (0 when none).
    public var longestHold: Double
    /// The hold target, in s.
    public var target: Double
    /// Twist alerts.
    public var twistAlerts: Int
    /// Bounce alerts.
    public var bounceAlerts: Int
    /// High impacts.
    public var impacts: Int
    /// "Stop / it hurts" presses.
    public var stops: Int
    /// The worst twist during an alert, in rad (0 when none).
    public var worstTwist: Double
    /// Samples missing from the recording (whole ticks; the pelvis's missing readings are in
    /// ``SessionAnalysis/sensors``).
    public var missingSamples: Int
    /// "Bend from the hips" cues (two sensors).
    public var hipHingeCues = 0
    /// "Keep the hips still" cues (two sensors).
    public var hipsStillCues = 0
    /// Times the pelvis sensor was lost mid-session.
    public var pelvisLosses = 0
    /// Two sensors: the largest |pelvis twist|, in rad (nil without hip angles).
    public var worstPelvisTwist: Double? = nil
    /// Two sensors: the deepest hip flexion, in rad (nil without hip angles).
    public var deepestHipFlexion: Double? = nil

    /// Twist and bounce alerts together.
    public var alerts: Int { twistAlerts + bounceAlerts }
}

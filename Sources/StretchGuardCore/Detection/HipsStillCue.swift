/// "Keep the hips still": in the stretch position of an exercise that has no twist in it, the pelvis
/// turns about its long axis by more than a profile's angle from where it was when the position began.
/// Needs the pelvis sensor; off by default. A whole-body turn between holds is not judged (the reference
/// is taken afresh each time the position begins).
public struct HipsStillCue: Sendable {
    /// Tuning (the exercise profile sets it).
    public struct Settings: Sendable, Equatable {
        /// Whether the cue is on for this exercise. Default false.
        public var enabled = false
        /// The pelvis's turn that raises the cue, in rad. Default 10°.
        public var alertAngle = 10 * degree
        /// The turn below which it clears, in rad. Default 7°.
        public var clearAngle = 7 * degree
        /// How long the turn must stay beyond `alertAngle` before the cue, in s. Default 0.5 s.
        public var delay = 0.5

        public init() {}

        /// Whether the values make sense together.
        public var isConsistent: Bool { alertAngle > 0 && dwell.isConsistent }

        var dwell: DwellAlert.Settings {
            DwellAlert.Settings(alertLevel: alertAngle, clearLevel: clearAngle, delay: delay)
        }
    }

    public let settings: Settings
    /// The alert; its measure is |pelvis turn since the position began|, in rad.
    public private(set) var alert: DwellAlert
    /// The pelvis's twist when the position began, in rad (NaN out of position).
    public private(set) var reference = Double.nan

    public init(settings: Settings = Settings()) {
        self.settings = settings
        alert = DwellAlert(settings: settings.dwell)
    }

    /// Feeds one sample; returns whether the cue is on.
    ///
    /// - Parameters:
    ///   - pelvisTwist: the pelvis's twist from neutral, in rad.
    ///   - inPosition: whether the wearer is in the stretch position.
    ///   - time: the sample's time, in s; `dt` its period, in s.
    ///   - events: where starts and ends are appended.
    @inline(__always)
    public mutating func update(pelvisTwist: Double, inPosition: Bool, time: Double, dt: Double,
                                events: inout FormEvents) -> Bool {
        guard settings.enabled else { return false }
        if !inPosition { reference = .nan } else if reference.isNaN { reference = pelvisTwist }
        let turned = inPosition ? AngleWrap.principal(pelvisTwist - reference) : 0
        return alert.update(measure: abs(turned), value: turned, time: time, dt: dt, allowed: inPosition,
                            started: .hipsStillCueStarted, ended: .hipsStillCueEnded, axis: .twist, events: &events)
    }

    /// Ends a cue in progress at `time` (s).
    public mutating func end(at time: Double, events: inout FormEvents) {
        alert.end(at: time, kind: .hipsStillCueEnded, axis: .twist, events: &events)
    }
}

/// "Bend from the hips": in the stretch position of a forward bend, the lumbar spine takes more than a
/// profile's share of the whole bend (the hips too little). A physio's first words about a hamstring
/// stretch are "hinge at the hips, keep the back long". Needs the pelvis sensor; off by default.
///
/// The whole bend is the thorax's flexion from neutral, spine plus hips; the lumbar share is the spine's
/// part of it. The cue dwells and clears with hysteresis like the twist alert.
public struct HipHingeCue: Sendable {
    /// Tuning (the exercise profile sets it).
    public struct Settings: Sendable, Equatable {
        /// Whether the cue is on for this exercise. Default false.
        public var enabled = false
        /// The spine's share of the whole bend that raises the cue (0…1). Default 0.6.
        public var maxLumbarShare = 0.6
        /// The share below which it clears. Default 0.5.
        public var clearLumbarShare = 0.5
        /// The smallest whole bend judged, in rad: shallower bends say little about the hinge. Default 30°.
        public var minimumBend = 30 * degree
        /// How long the share must stay too high before the cue, in s. Default 1 s.
        public var delay = 1.0

        public init() {}

        /// Whether the values make sense together.
        public var isConsistent: Bool {
            maxLumbarShare > 0 && maxLumbarShare <= 1 && dwell.isConsistent && minimumBend > 0
        }

        var dwell: DwellAlert.Settings {
            DwellAlert.Settings(alertLevel: maxLumbarShare, clearLevel: clearLumbarShare, delay: delay)
        }
    }

    public let settings: Settings
    /// The alert; its measure is the lumbar share (0…1).
    public private(set) var alert: DwellAlert

    public init(settings: Settings = Settings()) {
        self.settings = settings
        alert = DwellAlert(settings: settings.dwell)
    }

    /// Feeds one sample; returns whether the cue is on.
    ///
    /// - Parameters:
    ///   - spineFlexion: the spine's flexion (thorax relative to pelvis), in rad.
    ///   - hipFlexion: the pelvis's forward tilt, in rad.
    ///   - inPosition: whether the wearer is in the stretch position (`HoldTimer.State.inPosition`).
    ///   - time: the sample's time, in s; `dt` its period, in s.
    ///   - events: where starts and ends are appended.
    @inline(__always)
    public mutating func update(spineFlexion: Double, hipFlexion: Double, inPosition: Bool, time: Double, dt: Double,
                                events: inout FormEvents) -> Bool {
        guard settings.enabled else { return false }
        let whole = spineFlexion + hipFlexion
        let judged = inPosition && whole >= settings.minimumBend
        let share = judged ? min(max(spineFlexion / whole, 0), 1) : 0
        return alert.update(measure: share, value: spineFlexion, time: time, dt: dt, allowed: judged,
                            started: .hipHingeCueStarted, ended: .hipHingeCueEnded, axis: .flexion, events: &events)
    }

    /// Ends a cue in progress at `time` (s).
    public mutating func end(at time: Double, events: inout FormEvents) {
        alert.end(at: time, kind: .hipHingeCueEnded, axis: .flexion, events: &events)
    }
}

/// Something the form coach noticed at one sample: the start or end of an alert, a hold milestone, an
/// impact. Plain values only, so that emitting one allocates nothing.
public struct FormEvent: Sendable, Equatable {
    /// What happened.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// |twist| reached the alert threshold for long enough. `value`: twist at the start, in rad.
        case twistAlertStarted = "twist_alert_started"
        /// The twist alert cleared. `value`: peak |twist| during the alert, in rad; `duration` in s.
        case twistAlertEnded = "twist_alert_ended"
        /// Ballistic bouncing began. `value`: peak-to-peak, in rad; `frequency` in Hz; `axis` the angle.
        case bounceStarted = "bounce_started"
        /// Bouncing stopped. `value`: largest peak-to-peak, in rad; `duration` in s; `count`: qualifying swings.
        case bounceEnded = "bounce_ended"
        /// A hold began (in the stretch position and still). `value`: the angle, in rad.
        case holdStarted = "hold_started"
        /// The hold reached its target. `duration`: the target, in s.
        case holdReached = "hold_reached"
        /// The hold ended. `duration`: how long it was held, in s; `value`: the mean angle, in rad.
        case holdEnded = "hold_ended"
        /// |specific force| reached the impact threshold. `value`: the peak, in m/s².
        case impact = "impact"
        /// "Bend from the hips": the spine took too much of a forward bend. `value`: the spine's flexion, in rad.
        case hipHingeCueStarted = "hip_hinge_cue_started"
        /// The hip-hinge cue cleared. `value`: the peak lumbar share (0…1); `duration` in s.
        case hipHingeCueEnded = "hip_hinge_cue_ended"
        /// "Keep the hips still": the pelvis turned in the stretch position. `value`: the turn, in rad.
        case hipsStillCueStarted = "hips_still_cue_started"
        /// The hips-still cue cleared. `value`: the peak |turn|, in rad; `duration` in s.
        case hipsStillCueEnded = "hips_still_cue_ended"
        /// The pelvis sensor stopped reporting: the thorax alone judges (with its turn handling).
        case pelvisLost = "pelvis_lost"
        /// The pelvis sensor reports again: the spine is measured again. `duration`: how long it was gone, in s.
        case pelvisReturned = "pelvis_returned"
    }

    /// The posture angle an event refers to.
    public enum Axis: String, Sendable, Equatable, CaseIterable {
        case flexion, sideBend = "side_bend", twist, none
    }

    public var kind: Kind
    /// Time of the sample, in s.
    public var time: Double
    /// The main value; its unit depends on `kind` (rad or m/s²).
    public var value: Double
    /// A duration, in s (0 where not meaningful).
    public var duration: Double
    /// A frequency, in Hz (0 where not meaningful).
    public var frequency: Double
    /// A count (reversals for bounces; 0 where not meaningful).
    public var count: Int
    /// The posture angle concerned.
    public var axis: Axis

    public init(kind: Kind, time: Double, value: Double = 0, duration: Double = 0, frequency: Double = 0,
                count: Int = 0, axis: Axis = .none) {
        self.kind = kind
        self.time = time
        self.value = value
        self.duration = duration
        self.frequency = frequency
        self.count = count
        self.axis = axis
    }
}

/// The events of one sample: a fixed-capacity inline list (no heap), at most `capacity` events.
///
/// Cleared, not rebuilt, for each sample: `removeAll()` only resets the count.
public struct FormEvents: Sendable, RandomAccessCollection {
    /// The most events one sample can carry; more are dropped (a sample has at most one start or end per
    /// detector, and one pelvis change, so eight is never reached in practice).
    public static let capacity = 8

    private static let empty = FormEvent(kind: .impact, time: 0)
    private var storage = (empty, empty, empty, empty, empty, empty, empty, empty)
    public private(set) var count = 0

    public init() {}

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> FormEvent {
        precondition(position >= 0 && position < count, "FormEvents index out of range")
        switch position {
        case 0: return storage.0
        case 1: return storage.1
        case 2: return storage.2
        case 3: return storage.3
        case 4: return storage.4
        case 5: return storage.5
        case 6: return storage.6
        default: return storage.7
        }
    }

    /// Adds an event (ignored when full).
    public mutating func append(_ event: FormEvent) {
        switch count {
        case 0: storage.0 = event
        case 1: storage.1 = event
        case 2: storage.2 = event
        case 3: storage.3 = event
        case 4: storage.4 = event
        case 5: storage.5 = event
        case 6: storage.6 = event
        case 7: storage.7 = event
        default: return
        }
        count += 1
    }

    /// Forgets all events (keeps the storage).
    public mutating func removeAll() { count = 0 }
}

/// Times holds: the wearer in the stretch position — beyond `enterAngle` from neutral along the profile's
/// posture measure — and still. Announces when the hold reaches its target.
///
/// Breathing and small adjustments do not end a hold: the angular rate is low-passed, and a hold survives
/// up to `graceTime` of movement. Leaving the position (by more than `exitHysteresis`) ends it at once.
public struct HoldTimer: Sendable {
    /// Which posture measure defines the stretch position.
    public enum Position: String, Sendable, Equatable, CaseIterable {
        /// Forward bend: flexion.
        case flexion
        /// Backward bend: −flexion.
        case backwardBend = "extension"
        /// Side bend to either side: |side bend|.
        case sideBend = "side_bend"
        /// Any bend: the spine's tilt from neutral in any direction (needs no forward axis).
        case any

        /// The measure for a posture, in rad.
        @inlinable
        public func measure(_ a: PostureAngles) -> Double {
            switch self {
            case .flexion: return a.flexion
            case .backwardBend: return -a.flexion
            case .sideBend: return abs(a.sideBend)
            case .any: return a.tilt
            }
        }
    }

    /// Tuning (the exercise profile sets it).
    public struct Settings: Sendable, Equatable {
        /// The posture measure of the stretch position. Default `.any`.
        public var position: Position = .any
        /// Measure at which the stretch position starts, in rad. Default 20°.
        public var enterAngle: Double = 20 * degree
        /// How far below `enterAngle` the measure must fall to leave the position, in rad. Default 3°.
        public var exitHysteresis: Double = 3 * degree
        /// Largest low-passed angular speed that counts as still, in rad/s. Default 8 °/s.
        public var stillRate: Double = 8 * degree
        /// Time constant of the angular-speed low-pass, in s. Default 0.3 s.
        public var rateTimeConstant: Double = 0.3
        /// Stillness needed before a hold starts, in s. Default 0.5 s (the hold counts from its start).
        public var settleTime: Double = 0.5
        /// Movement a hold survives, in s. Default 1 s.
        public var graceTime: Double = 1.0
        /// Hold duration announced as reached, in s. Default 30 s.
        public var target: Double = 30

        public init() {}

        /// Whether the values make sense together.
        public var isConsistent: Bool {
            enterAngle > 0 && exitHysteresis >= 0 && exitHysteresis < enterAngle && stillRate > 0
                && rateTimeConstant > 0 && settleTime >= 0 && graceTime >= 0 && target > 0
        }
    }

    /// Per-sample state.
    public struct State: Sendable, Equatable {
        /// Low-passed squared angular speed, in (rad/s)².
        public var squaredRate: Double = 0
        /// Whether the measure is in the stretch position.
        public var inPosition = false
        /// How long the wearer has been still in position, and moving, in s.
        public var stillTime: Double = 0
        public var movingTime: Double = 0
        /// Whether a hold is on, since when (s), and whether its target was announced.
        public var holding = false
        public var start: Double = 0
        public var reached = false
        /// Sum of the measure × dt over the hold, in rad·s (for its mean).
        public var measureSum: Double = 0
        /// Number of completed holds.
        public var holds = 0
    }

    public var settings: Settings
    public private(set) var state = State()

    public init(settings: Settings = Settings()) {
        self.settings = settings
    }

    /// Seconds held so far (0 when not holding).
    public func heldSeconds(at time: Double) -> Double { state.holding ? time - state.start : 0 }

    /// Feeds one sample; returns whether a hold is on.
    ///
    /// - Parameters:
    ///   - angles: the posture, in rad.
    ///   - gyr: bias-corrected angular rate, in rad/s.
    ///   - time: the sample's time, in s.
    ///   - dt: its period, in s.
    ///   - events: where hold starts, targets and ends are appended.
    @inline(__always)
    public mutating func update(angles: PostureAngles, gyr: Vector3D, time: Double, dt: Double,
                                events: inout FormEvents) -> Bool {
        let alpha = min(1, dt / settings.rateTimeConstant)
        state.squaredRate += alpha * (gyr.squaredLength - state.squaredRate)
        let measure = settings.position.measure(angles)
        if state.inPosition {
            state.inPosition = measure >= settings.enterAngle - settings.exitHysteresis
        } else {
            state.inPosition = measure >= settings.enterAngle
        }
        let still = state.squaredRate <= settings.stillRate * settings.stillRate
        if state.inPosition && still {
            state.stillTime += dt
            state.movingTime = 0
        } else {
            state.stillTime = 0
            state.movingTime += dt
        }

        if state.holding {
            if !state.inPosition || state.movingTime > settings.graceTime {
                end(at: time, events: &events)
                return false
            }
            state.measureSum += measure * dt
            if !state.reached && time - state.start >= settings.target {
                state.reached = true
                events.append(FormEvent(kind: .holdReached, time: time, duration: settings.target))
            }
            return true
        }
        guard state.inPosition && state.stillTime >= settings.settleTime else { return false }
        state.holding = true
        state.start = time - state.stillTime
        state.reached = false
        state.measureSum = measure * state.stillTime
        events.append(FormEvent(kind: .holdStarted, time: time, value: measure))
        return true
    }

    /// Ends the current hold, if any (also at the end of a session).
    public mutating func end(at time: Double, events: inout FormEvents) {
        guard state.holding else { return }
        let duration = time - state.start
        state.holding = false
        state.holds += 1
        events.append(FormEvent(kind: .holdEnded, time: time, value: state.measureSum / max(duration, 1e-9),
                                duration: duration))
    }
}

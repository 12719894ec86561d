import StretchGuardCore
/// The pattern of every cue: the table the `FeedbackPlayer` plays from (data, so a config can retune it).
public struct FeedbackPatterns: Sendable, Hashable {
    public var ready: FeedbackPattern
    public var holdProgress: FeedbackPattern
    public var holdReached: FeedbackPattern
    public var twist: FeedbackPattern
    public var bounce: FeedbackPattern
    public var impact: FeedbackPattern
    public var sensorFault: FeedbackPattern
    public var stop: FeedbackPattern
    public var hipHinge: FeedbackPattern
    public var hipsStill: FeedbackPattern
    public var pelvisFault: FeedbackPattern
    public var planStart: FeedbackPattern
    public var restOver: FeedbackPattern
    public var nextExercise: FeedbackPattern
    public var planDone: FeedbackPattern

    /// The standard table. Each cue has its own rhythm (told apart by ear, without looking):
    ///
    /// | cue | buzzer | LED | priority | repeat |
    /// |---|---|---|---|---|
    /// | sensorFault | 3 slow beeps, 0.4 s on / 0.4 s off | red | 80 | 10 s |
    /// | pelvisFault | 2 slow beeps, 0.4 s on / 0.4 s off | red | 75 | 10 s |
    /// | stop | long–short: 0.5 s, 0.1 s gap, 0.1 s | red | 70 | 1 s |
    /// | impact | one long beep, 0.8 s | red | 60 | 2 s |
    /// | twist | 3 short beeps, 0.1 s on / 0.1 s off | yellow | 50 | 3 s |
    /// | hipHinge | short–long: 0.1 s, 0.1 s gap, 0.4 s | yellow | 45 | 5 s |
    /// | hipsStill | long–short–long: 0.3 s, 0.1 s, 0.3 s with 0.1 s gaps | yellow | 44 | 5 s |
    /// | bounce | 6-beep trill, 0.05 s on / 0.05 s off | yellow | 40 | 3 s |
    /// | holdReached | 2 beeps, 0.2 s on / 0.15 s off | green | 30 | 5 s |
    /// | holdProgress | one click, 0.03 s | green | 20 | 1 s |
    /// | ready | one beep, 0.15 s | green | 10 | 1 s |
    /// | planStart | rising pair: 0.1 s, 0.1 s gap, 0.3 s | green | 35 | 1 s |
    /// | restOver | 2 quick beeps, 0.08 s on / 0.08 s off | green | 34 | 1 s |
    /// | nextExercise | 3 even beeps, 0.2 s on / 0.2 s off | green | 36 | 1 s |
    /// | planDone | long–long: 0.6 s, 0.2 s gap, 0.6 s | green | 37 | 1 s |
    ///
    /// Each ends with a silent tail (0.3–0.5 s) so that its LED colour is seen.
    public static let standard = FeedbackPatterns(
        ready: .beeps(1, on: 0.15, gap: 0, tail: 0.35, led: .green, priority: 10, repeatInterval: 1),
        holdProgress: .beeps(1, on: 0.03, gap: 0, tail: 0.47, led: .green, priority: 20, repeatInterval: 1),
        holdReached: .beeps(2, on: 0.2, gap: 0.15, tail: 0.45, led: .green, priority: 30, repeatInterval: 5),
        twist: .beeps(3, on: 0.1, gap: 0.1, tail: 0.5, led: .yellow, priority: 50, repeatInterval: 3),
        bounce: .beeps(6, on: 0.05, gap: 0.05, tail: 0.5, led: .yellow, priority: 40, repeatInterval: 3),
        impact: .beeps(1, on: 0.8, gap: 0, tail: 0.4, led: .red, priority: 60, repeatInterval: 2),
        sensorFault: .beeps(3, on: 0.4, gap: 0.4, tail: 0.4, led: .red, priority: 80, repeatInterval: 10),
        stop: FeedbackPattern(steps: [.on(0.5), .off(0.1), .on(0.1), .off(0.3)], led: .red, priority: 70,
                              repeatInterval: 1),
        hipHinge: FeedbackPattern(steps: [.on(0.1), .off(0.1), .on(0.4), .off(0.4)], led: .yellow, priority: 45,
                                  repeatInterval: 5),
        hipsStill: FeedbackPattern(steps: [.on(0.3), .off(0.1), .on(0.1), .off(0.1), .on(0.3), .off(0.4)],
                                   led: .yellow, priority: 44, repeatInterval: 5),
        pelvisFault: .beeps(2, on: 0.4, gap: 0.4, tail: 0.4, led: .red, priority: 75, repeatInterval: 10),
        planStart: FeedbackPattern(steps: [.on(0.1), .off(0.1), .on(0.3), .off(0.4)], led: .green, priority: 35,
                                   repeatInterval: 1),
        restOver: .beeps(2, on: 0.08, gap: 0.08, tail: 0.4, led: .green, priority: 34, repeatInterval: 1),
        nextExercise: .beeps(3, on: 0.2, gap: 0.2, tail: 0.4, led: .green, priority: 36, repeatInterval: 1),
        planDone: FeedbackPattern(steps: [.on(0.6), .off(0.2), .on(0.6), .off(0.5)], led: .green, priority: 37,
                                  repeatInterval: 1))

    public init(ready: FeedbackPattern, holdProgress: FeedbackPattern, holdReached: FeedbackPattern,
                twist: FeedbackPattern, bounce: FeedbackPattern, impact: FeedbackPattern,
                sensorFault: FeedbackPattern, stop: FeedbackPattern, hipHinge: FeedbackPattern,
                hipsStill: FeedbackPattern, pelvisFault: FeedbackPattern, planStart: FeedbackPattern,
                restOver: FeedbackPattern, nextExercise: FeedbackPattern, planDone: FeedbackPattern) {
        self.ready = ready
        self.holdProgress = holdProgress
        self.holdReached = holdReached
        self.twist = twist
        self.bounce = bounce
        self.impact = impact
        self.sensorFault = sensorFault
        self.stop = stop
        self.hipHinge = hipHinge
        self.hipsStill = hipsStill
        self.pelvisFault = pelvisFault
        self.planStart = planStart
        self.restOver = restOver
        self.nextExercise = nextExercise
        self.planDone = planDone
    }

    /// The pattern of `cue`.
    public subscript(cue: FeedbackCue) -> FeedbackPattern {
        get {
            switch cue {
            case .ready: return ready
            case .holdProgress: return holdProgress
            case .holdReached: return holdReached
            case .twist: return twist
            case .bounce: return bounce
            case .impact: return impact
            case .sensorFault: return sensorFault
            case .stop: return stop
            case .hipHinge: return hipHinge
            case .hipsStill: return hipsStill
            case .pelvisFault: return pelvisFault
            case .planStart: return planStart
            case .restOver: return restOver
            case .nextExercise: return nextExercise
            case .planDone: return planDone
            }
        }
        set {
            switch cue {
            case .ready: ready = newValue
            case .holdProgress: holdProgress = newValue
            case .holdReached: holdReached = newValue
            case .twist: twist = newValue
            case .bounce: bounce = newValue
            case .impact: impact = newValue
            case .sensorFault: sensorFault = newValue
            case .stop: stop = newValue
            case .hipHinge: hipHinge = newValue
            case .hipsStill: hipsStill = newValue
            case .pelvisFault: pelvisFault = newValue
            case .planStart: planStart = newValue
            case .restOver: restOver = newValue
            case .nextExercise: nextExercise = newValue
            case .planDone: planDone = newValue
            }
        }
    }

    /// Whether every pattern can be played.
    public var isConsistent: Bool { FeedbackCue.allCases.allSatisfy { self[$0].isConsistent } }
}

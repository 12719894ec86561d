import RealModule
import Testing
@testable import StretchGuardCore

/// Feeds posture angles (degrees, as functions of time) straight to the detectors at 100 Hz.
private struct AngleScript {
    var coach = FormCoach()
    var time = 0.0
    let dt = 0.01
    var events: [FormEvent] = []
    var verdicts: [(time: Double, verdict: FormVerdict)] = []

    init(profile: FormProfile = .general) { coach = FormCoach(profile: profile) }

    /// Runs `seconds` of motion; `angles(t)` gives (flexion, sideBend, twist) in degrees at time t since
    /// the start of this segment; `rate` is the angular speed the hold timer sees, in °/s (default: from
    /// the angles' change).
    mutating func run(_ seconds: Double, walking: Bool = false,
                      _ angles: (Double) -> (Double, Double, Double)) {
        let n = Int((seconds / dt).rounded())
        var previous = angles(0)
        for i in 1...n {
            time += dt
            let a = angles(Double(i) * dt)
            let speed = Vector3D(a.0 - previous.0, a.1 - previous.1, a.2 - previous.2) * (degree / dt)
            previous = a
            let posture = PostureAngles(flexion: a.0 * degree, sideBend: a.1 * degree, twist: a.2 * degree)
            let v = coach.update(angles: posture, gyr: speed, acc: Vector3D(0, 0, standardGravity),
                                 time: time, dt: dt, stepping: walking)
            events.append(contentsOf: coach.events)
            verdicts.append((time, v))
        }
    }

    func first(_ kind: FormEvent.Kind) -> FormEvent? { events.first { $0.kind == kind } }
    func count(_ kind: FormEvent.Kind) -> Int { events.filter { $0.kind == kind }.count }
}

@Suite struct TwistMonitorTests {
    @Test func alertsAfterTheDelayWarnsBelowAndClearsWithHysteresis() throws {
        var s = AngleScript()
        s.run(2) { _ in (0, 0, 0) }
        s.run(2) { t in (0, 0, min(20, t * 40)) }  // reaches 15° at 0.375 s, 20° at 0.5 s
        let start = try #require(s.first(.twistAlertStarted))
        #expect(abs(start.time - (2 + 0.375 + 0.25)) <= 0.011)
        #expect(s.verdicts.contains { $0.verdict.twist == .warning })
        s.run(1) { _ in (0, 0, 13) }  // between clear and alert: stays on
        #expect(s.verdicts.last!.verdict.twist == .alert)
        s.run(1) { _ in (0, 0, 11) }
        let end = try #require(s.first(.twistAlertEnded))
        #expect(abs(end.value - 20 * degree) < 1e-9)
        #expect(s.verdicts.last!.verdict.twist == .warning)
    }

    @Test func aGlanceShorterThanTheDelayIsNoAlert() {
        var s = AngleScript()
        s.run(2) { _ in (0, 0, 0) }
        s.run(0.2) { _ in (0, 0, -25) }
        s.run(1) { _ in (0, 0, 0) }
        #expect(s.count(.twistAlertStarted) == 0)
    }

    @Test func walkingSuppressesTheAlert() {
        var s = AngleScript()
        s.run(2, walking: true) { _ in (0, 0, 40) }
        #expect(s.count(.twistAlertStarted) == 0)
    }
}

@Suite struct BounceDetectorTests {
    /// Bounces about a held 40° forward bend: `cycles` of a sinusoid with peak-to-peak `pp` at `f` Hz.
    private func bounce(pp: Double, f: Double, cycles: Double, channel: Int = 0, oneSided: Bool = false) -> AngleScript {
        var s = AngleScript()
        s.run(2) { _ in (0, 0, 0) }
        s.run(3) { t in (min(40, t * 20), 0, 0) }
        s.run(3) { _ in (40, 0, 0) }
        s.run(cycles / f) { t in
            let x = oneSided ? pp / 2 * (1 - Double.cos(2 * .pi * f * t)) : pp / 2 * Double.sin(2 * .pi * f * t)
            return channel == 0 ? (40 + x, 0, 0) : channel == 1 ? (40, x, 0) : (40, 0, x)
        }
        s.run(3) { _ in (40, 0, 0) }
        return s
    }

    /// A bounce needs one full cycle (three reversals): 1.25 cycles when it starts deeper, 1.75 when it
    /// starts shallower, plus the return by the hysteresis.
    @Test(arguments: [0.6, 1.0, 2.0, 3.5])
    func bouncingAlertsAfterOneFullCycle(f: Double) throws {
        for oneSided in [false, true] {
            let s = bounce(pp: 5, f: f, cycles: 4, oneSided: oneSided)
            guard let start = s.first(.bounceStarted) else {
                Issue.record("no bounce alert at \(f) Hz, one-sided \(oneSided)")
                continue
            }
            let cycles = (start.time - 8) * f
            #expect(cycles >= 1.2 && cycles <= 1.85, "\(f) Hz one-sided \(oneSided): \(cycles) cycles")
            #expect(abs(start.frequency - f) / f < 0.25)
            #expect(s.count(.bounceEnded) == 1)
        }
    }

    @Test func bouncingInASideStretchCountsButTwistingAndRockingDoNot() throws {
        var side = AngleScript()
        side.run(2) { _ in (0, 0, 0) }
        side.run(2) { t in (0, min(25, t * 15), 0) }
        side.run(2) { _ in (0, 25, 0) }
        side.run(2) { t in (0, 25 + 3 * Double.sin(2 * .pi * 1.5 * t), 0) }
        #expect(side.first(.bounceStarted)?.axis == .sideBend)
        // Twist oscillations (a twist beyond 15° is a twist alert) and side-to-side rocking in a forward
        // bend do not deepen the stretch: not bounces.
        for channel in [1, 2] {
            let s = bounce(pp: 6, f: 1.5, cycles: 3, channel: channel)
            #expect(s.count(.bounceStarted) == 0, "channel \(channel)")
        }
    }

    @Test func movingThroughTheRangeIsNeverABounceHoweverRhythmic() {
        // Forward–back repetitions at 0.5–1 Hz, left–right side bends, and a fast small rocking about
        // neutral: rhythmic, but through the range rather than at its end.
        for f in [0.5, 0.75, 1.0] {
            var reps = AngleScript()
            reps.run(2) { _ in (0, 0, 0) }
            reps.run(4 / f) { t in (30 * (1 - Double.cos(2 * .pi * f * t)), 0, 0) }
            #expect(reps.count(.bounceStarted) == 0, "forward–back at \(f) Hz")
            var sides = AngleScript()
            sides.run(2) { _ in (0, 0, 0) }
            sides.run(4 / f) { t in (0, 30 * Double.sin(2 * .pi * f * t), 0) }
            #expect(sides.count(.bounceStarted) == 0, "left–right at \(f) Hz")
        }
        var rocking = AngleScript()
        rocking.run(2) { _ in (0, 0, 0) }
        rocking.run(4) { t in (4 * Double.sin(2 * .pi * 1.5 * t), 0, 0) }
        #expect(rocking.count(.bounceStarted) == 0)
    }

    @Test func anOvershootAndCorrectionIsNotABounce() {
        var s = AngleScript()
        s.run(2) { _ in (0, 0, 0) }
        s.run(1.5) { t in (64 * t / 1.5, 0, 0) }                        // down fast, 4° past the target
        s.run(0.5) { t in (64 - 4 * t / 0.5, 0, 0) }                     // and back
        s.run(8) { t in (60 + 0.8 * Double.sin(2 * .pi * 0.25 * t), 0, 0) }  // hold, breathing
        #expect(s.count(.bounceStarted) == 0)
    }

    @Test(arguments: [
        (2.0, 1.5, "below the amplitude threshold"),
        (20.0, 0.15, "cat-cow speed"),
        (1.5, 0.3, "breathing"),
        (0.8, 10.0, "tremor"),
        (6.0, 5.0, "faster than the band"),
    ])
    func neverAlertsOutsideTheDefinition(pp: Double, f: Double, what: String) {
        let s = bounce(pp: pp, f: f, cycles: 8)
        #expect(s.count(.bounceStarted) == 0, "\(what)")
    }

    @Test func slowMovementsAndASinglePushAreNotBouncing() {
        var s = AngleScript()
        s.run(2) { _ in (0, 0, 0) }
        s.run(4) { t in (60 * (t / 4), 0, 0) }                         // slow bend in
        s.run(5) { _ in (60, 0, 0) }
        s.run(4) { t in (60 + 10 * Double.sin(.pi * t / 4), 0, 0) }    // one slow push deeper and back
        s.run(4) { t in (60 * (1 - t / 4), 0, 0) }                     // slow return
        s.run(2) { _ in (0, 0, 0) }
        #expect(s.count(.bounceStarted) == 0)
    }

    @Test func walkingSwayIsNotBouncing() {
        var s = AngleScript()
        s.run(2) { _ in (0, 0, 0) }
        s.run(6, walking: true) { t in (2 * Double.sin(11 * t), 3 * Double.sin(5.6 * t), 4 * Double.sin(5.6 * t)) }
        #expect(s.count(.bounceStarted) == 0)
    }
}

@Suite struct HoldTimerTests {
    @Test func aStillStretchIsTimedAndTheTargetAnnounced() throws {
        var s = AngleScript()
        s.run(2) { _ in (0, 0, 0) }
        s.run(2) { t in (35 * t / 2, 0, 0) }
        s.run(40) { t in (35 + 0.8 * Double.sin(2 * .pi * 0.25 * t), 0, 0) }  // breathing
        s.run(2) { t in (35 * (1 - t / 2), 0, 0) }
        let started = try #require(s.first(.holdStarted))
        let reached = try #require(s.first(.holdReached))
        let ended = try #require(s.first(.holdEnded))
        #expect(started.time > 4 && started.time < 5)
        #expect(abs(reached.time - started.time - 29.5) < 1)  // counted from when stillness began
        #expect(abs(ended.duration - 40) < 1.5)
        #expect(abs(ended.value / degree - 35) < 1)
        let maxHold = s.verdicts.map(\.verdict.holdSeconds).max()!
        #expect(abs(maxHold - ended.duration) < 0.5)
    }

    @Test func aShortFidgetDoesNotEndTheHoldButBouncingDoes() {
        var s = AngleScript()
        s.run(2) { _ in (0, 0, 0) }
        s.run(2) { t in (30 * t / 2, 0, 0) }
        s.run(5) { _ in (30, 0, 0) }
        s.run(0.5) { t in (30 + 2 * Double.sin(2 * .pi * t / 0.5), 0, 0) }  // fidget 0.5 s
        s.run(5) { _ in (30, 0, 0) }
        #expect(s.count(.holdStarted) == 1)
        #expect(s.count(.holdEnded) == 0)
        s.run(3) { t in (30 + 3 * Double.sin(2 * .pi * 1.5 * t), 0, 0) }  // bouncing: 28 °/s
        #expect(s.count(.holdEnded) == 1)
    }

    @Test func theProfileChoosesThePositionMeasure() {
        var profile = FormProfile.general
        profile.hold.position = .backwardBend
        profile.hold.enterAngle = 10 * degree
        var s = AngleScript(profile: profile)
        s.run(2) { _ in (0, 0, 0) }
        s.run(5) { _ in (30, 0, 0) }  // a forward bend is not an extension
        #expect(s.count(.holdStarted) == 0)
        s.run(5) { _ in (-15, 0, 0) }
        #expect(s.count(.holdStarted) == 1)
    }
}

@Suite struct ImpactAndEventsTests {
    @Test func anImpactIsReportedOncePerLanding() {
        var monitor = ImpactMonitor()
        var events = FormEvents()
        var hits = 0
        for i in 0..<100 {
            let spike = i >= 10 && i < 13 ? 3.5 * standardGravity : standardGravity
            if monitor.update(acc: Vector3D(0, 0, spike), time: Double(i) * 0.01, events: &events) { hits += 1 }
        }
        #expect(hits == 3)
        #expect(events.count == 1)
        #expect(abs(events[0].value - 3.5 * standardGravity) < 1e-9)
    }

    @Test func eventsHoldEightAndDropTheRest() {
        var events = FormEvents()
        for i in 0..<10 { events.append(FormEvent(kind: .impact, time: Double(i))) }
        #expect(events.count == FormEvents.capacity)
        #expect(events.map(\.time) == [0, 1, 2, 3, 4, 5, 6, 7])
    }
}

@Suite struct FormEventTallyTests {
    @Test func countsHoldsAlertsAndTheWorstTwist() {
        let events = [
            FormEvent(kind: .holdStarted, time: 1), FormEvent(kind: .holdReached, time: 31, duration: 30),
            FormEvent(kind: .holdEnded, time: 35, duration: 34), FormEvent(kind: .twistAlertStarted, time: 40),
            FormEvent(kind: .twistAlertEnded, time: 41, value: 0.4), FormEvent(kind: .holdEnded, time: 50, duration: 8),
            FormEvent(kind: .bounceStarted, time: 52), FormEvent(kind: .bounceEnded, time: 54),
            FormEvent(kind: .impact, time: 60, value: 35),
        ]
        let tally = FormEventTally(events: events)
        #expect(tally.holds == 2 && tally.holdsReached == 1 && tally.longestHold == 34)
        #expect(tally.twistAlerts == 1 && tally.worstTwist == 0.4 && tally.bounceAlerts == 1 && tally.impacts == 1)
    }
}

@Suite struct FeedbackPolicyTests {
    @Test func alertsAndTargetsSoundQuietEventsDoNot() {
        #expect(FeedbackPolicy.cue(for: FormEvent(kind: .twistAlertStarted, time: 0)) == .twist)
        #expect(FeedbackPolicy.cue(for: FormEvent(kind: .bounceStarted, time: 0)) == .bounce)
        #expect(FeedbackPolicy.cue(for: FormEvent(kind: .holdReached, time: 0)) == .holdReached)
        #expect(FeedbackPolicy.cue(for: FormEvent(kind: .impact, time: 0)) == .impact)
        for kind in [FormEvent.Kind.twistAlertEnded, .bounceEnded, .holdStarted, .holdEnded] {
            #expect(FeedbackPolicy.cue(for: FormEvent(kind: kind, time: 0)) == nil)
        }
    }

    @Test func theLightsBetweenCues() {
        #expect(FeedbackPolicy.idleColor(holding: true, twist: .clear) == .green)
        #expect(FeedbackPolicy.idleColor(holding: false, twist: .clear) == .off)
        #expect(FeedbackPolicy.idleColor(holding: true, twist: .warning) == .yellow)
        #expect(FeedbackPolicy.idleColor(holding: true, twist: .alert) == .red)
    }
}

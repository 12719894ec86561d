import StretchGuardCore
import StretchGuardGPIO
import Testing

@Suite("Feedback player on the simulated backend")
struct FeedbackPlayerTests {
    @Test func twistBeepsThreeTimesWithExactTimesAndShowsYellow() throws {
        let rig = try PlayerRig()
        #expect(rig.player.play(.twist, now: 0) == .started)
        try rig.run(from: 0, to: 2)
        #expect(rig.gpio.transitions(of: TestLines.buzzer) == [
            Transition(time: 0, active: true), Transition(time: 0.1, active: false),
            Transition(time: 0.2, active: true), Transition(time: 0.3, active: false),
            Transition(time: 0.4, active: true), Transition(time: 0.5, active: false),
        ])
        // Yellow for the whole pattern (0.5 s of beeps + 0.5 s tail), then the idle colour (off).
        #expect(rig.gpio.transitions(of: TestLines.yellow) == [
            Transition(time: 0, active: true), Transition(time: 1.0, active: false),
        ])
        #expect(rig.gpio.transitions(of: TestLines.green).isEmpty)
        #expect(rig.gpio.transitions(of: TestLines.red).isEmpty)
        #expect(rig.player.playing == nil)
    }

    @Test func bounceTrillAtTwoHundredHertzTicks() throws {
        let rig = try PlayerRig()
        rig.gpio.advance(to: 10)
        rig.player.play(.bounce, now: 10)
        try rig.run(from: 10, to: 12, rate: 200)
        let expected = (0..<6).flatMap { beep in
            [Transition(time: 10 + Double(beep) * 0.1, active: true),
             Transition(time: 10 + Double(beep) * 0.1 + 0.05, active: false)]
        }
        let actual = rig.gpio.transitions(of: TestLines.buzzer)
        #expect(sameTimes(actual, expected), "\(actual)")
    }

    @Test(arguments: FeedbackCue.allCases)
    func everyCueFollowsItsPatternToTheMillisecond(cue: FeedbackCue) throws {
        let rig = try PlayerRig()
        let pattern = FeedbackPatterns.standard[cue]
        rig.player.play(cue, now: 0)
        try rig.run(from: 0, to: pattern.duration + 0.5, rate: 1000)
        var expected: [Transition] = []
        var time = 0.0
        for step in pattern.rhythm {
            expected.append(Transition(time: time, active: step.buzzer))
            time += step.duration
        }
        expected.append(Transition(time: time, active: false))
        let actual = rig.gpio.transitions(of: TestLines.buzzer)
        #expect(sameTimes(actual, expected), "\(cue): \(actual) vs \(expected)")
        let led: GPIOLineAddress = switch pattern.led {
        case .green: TestLines.green
        case .yellow: TestLines.yellow
        default: TestLines.red
        }
        let ledActual = rig.gpio.transitions(of: led)
        #expect(sameTimes(ledActual, [Transition(time: 0, active: true),
                                      Transition(time: pattern.duration, active: false)]), "\(cue): \(ledActual)")
    }

    @Test func ledsReturnToTheIdleColourAfterACue() throws {
        let rig = try PlayerRig()
        rig.player.idleColor = .green
        try rig.run(from: 0, to: 0.1)
        rig.player.play(.impact, now: 0.2)
        try rig.run(from: 0.2, to: 2)
        #expect(rig.gpio.transitions(of: TestLines.green) == [
            Transition(time: 0, active: true), Transition(time: 0.2, active: false),
            Transition(time: 1.4, active: true),
        ])
        #expect(rig.gpio.transitions(of: TestLines.red) == [
            Transition(time: 0.2, active: true), Transition(time: 1.4, active: false),
        ])
    }

    @Test func theSameCueIsNotResoundedWithinItsRepeatInterval() throws {
        let rig = try PlayerRig()
        #expect(rig.player.play(.twist, now: 0) == .started)
        try rig.run(from: 0, to: 1.5)
        #expect(rig.player.play(.twist, now: 2.0) == .rateLimited)
        try rig.run(from: 1.51, to: 2.9)
        #expect(rig.player.play(.twist, now: 3.0) == .started)
        try rig.run(from: 3.0, to: 3.05)
        let onTimes = rig.gpio.transitions(of: TestLines.buzzer).filter(\.active).map(\.time)
        #expect(onTimes == [0, 0.2, 0.4, 3.0])
        // Other cues are not held back by the twist's limit.
        #expect(rig.player.play(.holdReached, now: 3.1) == .outranked(by: .twist))
        try rig.run(from: 3.06, to: 4.5)
        #expect(rig.player.play(.holdReached, now: 4.5) == .started)
    }

    @Test func theRepeatIntervalIsConfigurable() throws {
        var patterns = FeedbackPatterns.standard
        patterns.twist.repeatInterval = 1.2
        let rig = try PlayerRig(patterns: patterns)
        rig.player.play(.twist, now: 0)
        try rig.run(from: 0, to: 1.1)
        #expect(rig.player.play(.twist, now: 1.1) == .rateLimited)
        #expect(rig.player.play(.twist, now: 1.2) == .started)
    }

    @Test func mutingSilencesTheBuzzerButKeepsTheLEDs() throws {
        let rig = try PlayerRig()
        rig.player.isMuted = true
        rig.player.play(.impact, now: 0)
        try rig.run(from: 0, to: 2)
        #expect(rig.gpio.transitions(of: TestLines.buzzer).isEmpty)
        #expect(rig.gpio.transitions(of: TestLines.red) == [
            Transition(time: 0, active: true), Transition(time: 1.2, active: false),
        ])
    }

    @Test func mutingMidPatternSilencesAtTheNextTick() throws {
        let rig = try PlayerRig()
        rig.player.play(.impact, now: 0)
        try rig.run(from: 0, to: 0.3)
        rig.player.isMuted = true
        try rig.run(from: 0.31, to: 1)
        #expect(rig.gpio.transitions(of: TestLines.buzzer) == [
            Transition(time: 0, active: true), Transition(time: 0.31, active: false),
        ])
    }

    @Test func aHigherPriorityCueCutsInAndALowerOneIsDropped() throws {
        let rig = try PlayerRig()
        #expect(rig.player.play(.bounce, now: 0) == .started)
        try rig.run(from: 0, to: 0.11)
        #expect(rig.player.play(.impact, now: 0.12) == .replaced(.bounce))
        try rig.run(from: 0.12, to: 0.3)
        #expect(rig.player.play(.twist, now: 0.3) == .outranked(by: .impact))
        #expect(rig.player.play(.impact, now: 0.3) == .alreadyPlaying)
        try rig.run(from: 0.31, to: 2)
        // Bounce's first two beeps (0–0.05, 0.1–0.15 cut at 0.12 by the impact's 0.8 s beep from 0.12).
        #expect(sameTimes(rig.gpio.transitions(of: TestLines.buzzer), [
            Transition(time: 0, active: true), Transition(time: 0.05, active: false),
            Transition(time: 0.1, active: true), Transition(time: 0.92, active: false),
        ]))
        #expect(rig.gpio.transitions(of: TestLines.yellow) == [
            Transition(time: 0, active: true), Transition(time: 0.12, active: false),
        ])
        // The dropped twist did not count against its rate limit.
        #expect(rig.player.play(.twist, now: 2.0) == .started)
    }

    @Test func standardPrioritiesPutSafetyFirst() {
        // A plan's guidance (done, next exercise, start, rest over) yields to every warning.
        let order: [FeedbackCue] = [.sensorFault, .pelvisFault, .stop, .impact, .twist, .hipHinge, .hipsStill, .bounce,
                                    .planDone, .nextExercise, .planStart, .restOver, .holdReached, .holdProgress, .ready]
        let priorities = order.map { FeedbackPatterns.standard[$0].priority }
        #expect(priorities == priorities.sorted(by: >))
        #expect(Set(priorities).count == order.count)
        #expect(Set(order) == Set(FeedbackCue.allCases))
    }

    @Test func everyCueHasItsOwnRhythm() {
        // Told apart by ear, without looking at the LEDs: no two cues sound the same (the silent tail aside).
        let rhythms = FeedbackCue.allCases.map { cue in
            FeedbackPatterns.standard[cue].steps.dropLast().map { "\($0)" }.joined(separator: ",")
        }
        #expect(Set(rhythms).count == FeedbackCue.allCases.count, "\(zip(FeedbackCue.allCases, rhythms).map { "\($0): \($1)" })")
    }
}

import StretchGuardCore
import Testing

/// The guided plan's runner, fed hold states and events sample by sample (10 Hz, simulated time).
@Suite struct GuidedPlanTests {
    /// Two exercises: A twice (5 s holds, 10 s rests), then B once (8 s hold).
    static let steps = [GuidedPlan.Step(exercise: 0, target: 5, rest: 10), GuidedPlan.Step(exercise: 0, target: 5, rest: 10),
                        GuidedPlan.Step(exercise: 1, target: 8, rest: 10)]

    /// Drives `plan` from `from` for `seconds` with the hold `holding` (its length counted from when it
    /// began), collecting the cues with their times.
    struct Driver {
        var plan = GuidedPlan(steps: GuidedPlanTests.steps)
        var time = 0.0
        var holdStart: Double?
        var cues: [(Double, GuidedPlan.Cue)] = []

        mutating func run(_ seconds: Double, holding: Bool, events: [FormEvent.Kind] = []) {
            let end = time + seconds
            var pending = events
            while time < end - 1e-9 {
                time += 0.1
                if holding, holdStart == nil { holdStart = time }
                if !holding { holdStart = nil }
                var emitted = FormEvents()
                for kind in pending { emitted.append(FormEvent(kind: kind, time: time)) }
                pending = []
                if let cue = plan.update(holding: holding, holdSeconds: holdStart.map { time - $0 } ?? 0,
                                         events: emitted, time: time) {
                    cues.append((time, cue))
                }
            }
        }
    }

    @Test func aWholePlanWithItsCuesInOrder() {
        var d = Driver()
        #expect(d.plan.begin(at: 0) == .start)
        d.run(3, holding: false)                    // getting into position
        #expect(d.plan.phase == .position)
        d.run(6, holding: true)                     // reaches 5 s
        #expect(d.plan.phase == .release && d.plan.outcomes[0].reached)
        d.run(1, holding: false)                    // comes up: the rest begins
        #expect(d.plan.phase == .rest && abs(d.plan.restRemaining(at: d.time) - 9.1) < 0.11)
        d.run(10.5, holding: false)                 // rest over: same exercise
        #expect(d.plan.index == 1 && d.plan.phase == .position)
        d.run(6, holding: true)
        d.run(11, holding: false)                   // rest over: next exercise
        #expect(d.plan.index == 2)
        d.run(9, holding: true)
        d.run(0.5, holding: false)
        #expect(d.plan.phase == .done && d.plan.isOver)
        #expect(d.cues.map(\.1) == [.restOver, .nextExercise, .done])
        #expect(d.plan.outcomes.allSatisfy { $0.result == .done && $0.start != nil && $0.end != nil })
        // Nothing more after the end.
        d.run(5, holding: true)
        #expect(d.cues.count == 3)
    }

    @Test func aShortHoldIsAFalseStartAndAHalfHoldCountsPartly() {
        var d = Driver()
        _ = d.plan.begin(at: 0)
        d.run(2, holding: true)                     // 2 s of a 5 s target: under half, go again
        d.run(1, holding: false)
        #expect(d.plan.phase == .position && d.plan.index == 0)
        d.run(3, holding: true)                     // 3 s: over half, counts partly; the rest begins
        d.run(0.2, holding: false)
        #expect(d.plan.phase == .rest)
        #expect(d.plan.outcomes[0].result == .partly && abs(d.plan.outcomes[0].longestHold - 2.9) < 0.11)
    }

    @Test func alertsCountPerRepetitionAndRestsApart() {
        var d = Driver()
        _ = d.plan.begin(at: 0)
        d.run(6, holding: true, events: [.twistAlertStarted])
        d.run(1, holding: false, events: [.bounceStarted])    // coming up: still the repetition
        d.run(2, holding: false, events: [.twistAlertStarted])  // in the rest
        #expect(d.plan.outcomes[0].twistAlerts == 1 && d.plan.outcomes[0].bounceAlerts == 1)
        #expect(d.plan.outcomes[0].restAlerts == 1)
    }

    @Test func stopForPainEndsThePlanForTheDay() {
        var d = Driver()
        _ = d.plan.begin(at: 0)
        d.run(3, holding: true)
        d.plan.stopForPain(at: d.time)
        #expect(d.plan.phase == .stopped && d.plan.isOver && d.plan.outcomes[0].painMarked)
        #expect(d.plan.outcomes[0].end == d.time)
        d.run(20, holding: true)
        #expect(d.cues.isEmpty && d.plan.index == 0)
        #expect(d.plan.outcomes[1].start == nil && d.plan.outcomes[1].result == .skipped)
    }

    @Test func closingMidRepetitionEndsItThere() {
        var d = Driver()
        _ = d.plan.begin(at: 0)
        d.run(2, holding: true)
        d.plan.close(at: 2.5)
        #expect(d.plan.outcomes[0].end == 2.5 && !d.plan.isOver)
    }

    @Test func aHoldAlreadyUnderWayWhenTheRestEndsCounts() {
        var d = Driver()
        _ = d.plan.begin(at: 0)
        d.run(6, holding: true)
        d.run(1, holding: false)
        d.run(5, holding: false)
        d.run(6, holding: true)                     // back in position during the rest
        #expect(d.plan.index == 1 && d.plan.phase != .position)
    }
}

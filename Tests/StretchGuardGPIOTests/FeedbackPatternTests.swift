import StretchGuardCore
import StretchGuardGPIO
import Testing

@Suite("Feedback patterns as data")
struct FeedbackPatternTests {
    @Test func theStandardTableIsPlayable() {
        #expect(FeedbackPatterns.standard.isConsistent)
    }

    @Test func everyCueSoundsDifferent() {
        let rhythms = FeedbackCue.allCases.map { FeedbackPatterns.standard[$0].rhythm }
        #expect(Set(rhythms).count == FeedbackCue.allCases.count)
    }

    @Test func warningsAndStopsShowTheirColours() {
        let table = FeedbackPatterns.standard
        #expect(table.twist.led == .yellow && table.bounce.led == .yellow)
        #expect(table.impact.led == .red && table.sensorFault.led == .red && table.stop.led == .red)
        #expect(table.ready.led == .green && table.holdReached.led == .green)
    }

    @Test func rhythmMergesStepsAndDropsTheSilentTail() {
        let pattern = FeedbackPattern(steps: [.on(0.1), .on(0.1), .off(0.2), .off(0), .on(0.05), .off(1)],
                                      led: nil, priority: 0, repeatInterval: 0)
        #expect(pattern.rhythm == [.on(0.2), .off(0.2), .on(0.05)])
        #expect(abs(pattern.duration - 1.45) < 1e-12)
    }

    @Test func beepsBuildsOnGapOnAndATail() {
        let pattern = FeedbackPattern.beeps(2, on: 0.2, gap: 0.15, tail: 0.45, led: .green, priority: 1,
                                            repeatInterval: 5)
        #expect(pattern.steps == [.on(0.2), .off(0.15), .on(0.2), .off(0.45)])
    }

    @Test func inconsistentPatternsAreCaught() {
        var table = FeedbackPatterns.standard
        table[.twist] = FeedbackPattern(steps: [], led: .yellow, priority: 50, repeatInterval: 3)
        #expect(!table.isConsistent)
        table[.twist] = FeedbackPattern(steps: [.on(-0.1)], led: .yellow, priority: 50, repeatInterval: 3)
        #expect(!table.isConsistent)
        table[.twist] = FeedbackPatterns.standard.twist
        #expect(table == FeedbackPatterns.standard)
    }
}

import Foundation
import StretchGuardCore
import StretchGuardHardware
import Testing
@testable import StretchGuardLive

/// Samples from a list, delivered one per call as fast as asked; after the list, the last sample held with
/// advancing time (as the simulated sensor does when its scenario ends).
struct ListedSamples: CalibrationSampleSource {
    let samples: [IMUSample]
    var flags: (IMUSample) -> SampleHealth = { _ in [] }
    private var index = 0

    init(_ samples: [IMUSample]) {
        self.samples = samples
    }

    var end: Double? { samples.last?.time }

    mutating func next(_ deliver: (IMUSample, SampleHealth) -> Void) throws -> Int {
        var sample = samples[min(index, samples.count - 1)]
        if index >= samples.count { sample.time += Double(index - samples.count + 1) * 0.01 }
        index += 1
        deliver(sample, flags(sample))
        return 1
    }
}

/// The guided procedure driven by synthetic samples: prompts in order, a retry after a rejected pose, the
/// give-up, Ctrl-C, and a scenario that ends too early. No clock: phases follow the samples' time stamps.
@Suite struct CalibrateProcedureTests {
    /// What the console wrote.
    final class Transcript {
        var text = ""
    }

    private func procedure(_ transcript: Transcript, tries: Int = 3, stop: @escaping () -> Bool = { false }) -> CalibrationProcedure {
        CalibrationProcedure(timeline: CalibrationTimeline(tries: tries),
                             console: TextCalibrationConsole(isTerminal: false) { transcript.text += $0 },
                             stopRequested: stop)
    }

    /// The wearer following the default timeline, like `Calibration/procedures/calibrate.scenario`.
    private func followsThePrompts(_ wearer: inout SyntheticWearer, wobbleWhileUpright: Double = 0) {
        wearer.still(5)
        wearer.still(3, gyrWobble: wobbleWhileUpright)
        wearer.still(0.5)
        wearer.rotate(about: .unitY, by: 30 * degree, over: 3)
        wearer.still(5)
        wearer.rotate(about: .unitY, by: -30 * degree, over: 3)
        wearer.still(1)
    }

    @Test func followingThePromptsCalibratesOnTheFirstTry() throws {
        let mounting = QuaternionD(axis: Vector3D(-2, 1, 0.5), angle: 2.5)
        var wearer = SyntheticWearer(mounting: mounting)
        followsThePrompts(&wearer)
        var source = ListedSamples(wearer.take())
        let transcript = Transcript()
        let result = try procedure(transcript).run(&source)
        #expect(result.attempt == 1)
        #expect((result.baseline.mounting.sensorToBody * mounting.conjugate).canonical.angle < 0.5 * degree)
        #expect(abs(result.bend.angle / degree - 30) < 1)
        #expect((result.baseline.gyrBias - wearer.gyrBias).length < 1e-9)
        #expect(abs(result.baseline.duration - 3) < 0.02)
        let text = transcript.text
        let order = ["Step 1 of 2: stand upright", "  Hold still… 5 4 3 2 1\n", "  Measuring, keep still… done\n",
                     "Upright pose recorded.", "Step 2 of 2: bend forward", "  Bend now… 4 3 2 1\n",
                     "  Hold it there, keep still… done\n", "Forward bend recorded: 30°"]
        let positions = order.map { text.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "\(text)")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(!text.contains("\u{1B}") && !text.contains("\r"))
    }

    @Test func aMovingUprightPoseIsRejectedWithTheReasonAndTriedAgain() throws {
        var wearer = SyntheticWearer()
        wearer.still(5)
        wearer.still(3, gyrWobble: 10 * degree)  // rejected at the end of the upright window…
        followsThePrompts(&wearer)  // …and the next try starts at once
        var source = ListedSamples(wearer.take())
        let transcript = Transcript()
        let result = try procedure(transcript).run(&source)
        #expect(result.attempt == 2)
        #expect(transcript.text.contains("Not accepted: you were moving: the rotation rate varied by"))
        #expect(transcript.text.contains("Let's start again from standing upright (try 2 of 3)."))
    }

    @Test func afterTheLastTryItGivesUpWithTheLastReason() throws {
        var wearer = SyntheticWearer()
        followsThePrompts(&wearer, wobbleWhileUpright: 10 * degree)
        var source = ListedSamples(wearer.take())
        let transcript = Transcript()
        do {
            _ = try procedure(transcript, tries: 1).run(&source)
            Issue.record("expected a rejection")
        } catch {
            guard case let .rejected(problem, tries)? = error as? CalibrationProcedure.Failure,
                  case .moving = problem else { Issue.record("\(error)"); return }
            #expect(tries == 1)
            #expect(transcript.text.hasSuffix("Not accepted: \(problem).\n"))
            #expect(!transcript.text.contains("Step 2"))
        }
    }

    @Test func ctrlCStopsAtOnce() {
        var wearer = SyntheticWearer()
        followsThePrompts(&wearer)
        var source = ListedSamples(wearer.take())
        let transcript = Transcript()
        var calls = 0
        let run = procedure(transcript) {
            calls += 1
            return calls > 250
        }
        #expect(throws: CalibrationProcedure.Failure.stopped) { try run.run(&source) }
        #expect(!transcript.text.contains("Step 2"))
    }

    @Test func aScenarioThatEndsEarlyIsNotMistakenForAStillWearer() {
        var wearer = SyntheticWearer()
        wearer.still(9)
        var source = ListedSamples(wearer.take())
        #expect(throws: CalibrationProcedure.Failure.sourceEnded) { try procedure(Transcript()).run(&source) }
    }

    @Test func stuckSamplesAreASensorFault() {
        var wearer = SyntheticWearer()
        followsThePrompts(&wearer)
        var source = ListedSamples(wearer.take())
        source.flags = { $0.time > 6 && $0.time < 6.1 ? .stuck : [] }
        let transcript = Transcript()
        #expect(throws: CalibrationProcedure.Failure.rejected(.sensorFault("stuck"), tries: 1)) {
            try procedure(transcript, tries: 1).run(&source)
        }
    }
}

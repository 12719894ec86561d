import ArgumentParser
import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardEvaluation
import StretchGuardTrace

extension StretchGuard {
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score the detectors on a suite of scenarios with known truth.",
            discussion: """
                SUITE_DIR holds *.scenario files (rendered by the simulator with --seed) and/or pairs \
                NAME.csv[.gz] + NAME.truth.csv (truth columns t,flexion_deg,side_bend_deg,twist_deg,segment,\
                bounce_expected,bounce_hz). Reports per alert kind recall, precision, F1 and latency (median, p90), \
                and false alarms per 10 minutes of clean exercise.
                """)

        @Argument(help: "The suite folder, e.g. Calibration/scenarios.")
        var suite: String

        @Option(help: "Exercise profile (name or file) whose thresholds the detectors use.")
        var profile = "general"

        @Option(help: "Noise seed for rendering *.scenario files.")
        var seed: UInt64 = 1

        @Flag(help: "Print one JSON object instead of the table.")
        var json = false

        func run() throws {
            let exercise: FormProfile
            do {
                exercise = try ProfileLibrary.standard().load(profile)
            } catch {
                throw fail(error)
            }
            do {
                let summary = try SuiteRunner(profile: exercise, seed: seed).run(folder: suite)
                print(json ? summary.json : summary.text)
            } catch let error as CustomStringConvertible & Error {
                throw fail(error)
            }
        }
    }
}

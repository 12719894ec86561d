import ArgumentParser
import StretchGuardConfig

extension StretchGuard {
    /// `stretchguard plan`: a physio's plan, checked and printed in plain words.
    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a physio's plan and print it in plain words (--check).",
            discussion: """
                A plan (Calibration/plans/*.yaml, described in Calibration/plans/README.md) lists exercises in \
                order, each a profile with sides, repetitions, hold and rest, and how its hold target grows. \
                --check reads it and prints each exercise, its progression and how long one session takes; a \
                mistake is one line naming the file, the line and the field, with the allowed range (exit 1).
                """)

        @Option(name: .long, help: ArgumentHelp("Validate a plan and print it in plain words.", valueName: "FILE|NAME"))
        var check: String?

        func validate() throws {
            guard check != nil else {
                throw ValidationError("say what to do with a plan: --check FILE (or a plan name, e.g. --check starter-low-back)")
            }
        }

        func run() throws {
            guard let check else { return }
            let library = PlanLibrary.standard()
            do throws(ConfigError) {
                let path = try library.path(for: check)
                let plan = try library.loadFile(path)
                print(PlanDescription.text(plan, path: path), terminator: "")
            } catch {
                throw fail(error)
            }
        }
    }
}

import Foundation
import Testing
@testable import StretchGuardConfig

/// A plan that cannot be used, and what its error must say.
struct BadPlan: Sendable, CustomStringConvertible {
    let text: String
    let field: String?
    let line: Int?
    let problem: String
    let fix: String

    init(_ text: String, _ field: String?, line: Int?, _ problem: String, fix: String) {
        self.text = text
        self.field = field
        self.line = line
        self.problem = problem
        self.fix = fix
    }

    var description: String { "\(field ?? "(file)"): \(problem)" }
}

/// One valid exercise under `exercises:`, lines 3–7 of a plan, with `extra` lines appended to it.
private func plan(_ exercise: String = "cat-cow", sides: String? = nil, repetitions: String = "3", hold: String = "5",
                  rest: String = "10", extra: String = "", top: String = "sessions_per_week: 5\n") -> String {
    top + "exercises:\n  - profile: \(exercise)\n" + (sides.map { "    sides: \($0)\n" } ?? "")
        + "    repetitions: \(repetitions)\n    hold_s: \(hold)\n    rest_s: \(rest)\n" + extra
}

/// Every mistake a plan can hold names the file, the line and the field, with the fix (the allowed range).
@Suite struct PlanFileErrorTests {
    static let bad: [BadPlan] = [
        // Wrong types.
        .init(plan(top: "sessions_per_week: often\n"), "sessions_per_week", line: 1, "'often' is not a number", fix: "1 to 14"),
        .init(plan(repetitions: "2.5"), "exercises[1].repetitions", line: 4, "2.5 is not a whole number", fix: "1 to 10"),
        .init(plan(hold: "long"), "exercises[1].hold_s", line: 5, "'long' is not a number", fix: "in s"),
        .init(plan(rest: "[10, 20]"), "exercises[1].rest_s", line: 6, "must be a single value", fix: "one line"),
        .init(plan(extra: "    progression:\n      back_off_on_pain: maybe\n"), "exercises[1].progression.back_off_on_pain",
              line: 8, "'maybe' is not true or false", fix: "true or false"),
        .init(plan(top: "name: \"x\\e[2Jy\"\nsessions_per_week: 5\n"), "name", line: 1, "control characters", fix: "plain text"),
        // Out of range, with the range.
        .init(plan(top: "sessions_per_week: 20\n"), "sessions_per_week", line: 1, "20 sessions a week is out of range",
              fix: "from 1 to 14 sessions a week"),
        .init(plan(repetitions: "11"), "exercises[1].repetitions", line: 4, "11 repetitions is out of range", fix: "from 1 to 10"),
        .init(plan(hold: "3"), "exercises[1].hold_s", line: 5, "3 s is out of range", fix: "from 5 to 120 s"),
        .init(plan(rest: "400"), "exercises[1].rest_s", line: 6, "400 s is out of range", fix: "from 5 to 300 s"),
        .init(plan(extra: "    progression:\n      step_s: 20\n"), "exercises[1].progression.step_s", line: 8,
              "20 s is out of range", fix: "from 0 to 15 s"),
        .init(plan(extra: "    progression:\n      after_clean_sessions: 0\n"), "exercises[1].progression.after_clean_sessions",
              line: 8, "0 sessions is out of range", fix: "from 1 to 10 sessions"),
        .init(plan(extra: "    progression:\n      pause_after_missed_days: 90\n"),
              "exercises[1].progression.pause_after_missed_days", line: 8, "90 days is out of range", fix: "from 1 to 60 days"),
        // Unknown keys, with the known ones.
        .init(plan(top: "sesions_per_week: 5\n"), "sesions_per_week", line: 1, "is not a plan field",
              fix: "did you mean 'sessions_per_week'?"),
        .init(plan(extra: "    hold: 10\n"), "exercises[1].hold", line: 7, "is not a plan field", fix: "did you mean 'hold_s'?"),
        .init(plan(extra: "    progression:\n      steps: 5\n"), "exercises[1].progression.steps", line: 8, "is not a plan field",
              fix: "did you mean 'step_s'?"),
        .init(plan(extra: "    step_s: 5\n"), "exercises[1].step_s", line: 7, "is not a plan field",
              fix: "belongs under 'exercises[…].progression'"),
        .init(plan(top: "sessions_per_week: 5\nhold_s: 10\n"), "hold_s", line: 2, "is not a plan field", fix: "belongs under 'exercises[…]'"),
        // Profiles and sides.
        .init(plan("hamstrings"), "exercises[1].profile", line: 3, "'hamstrings' is not a known exercise profile",
              fix: "standing-hamstring"),
        .init(plan("cat-cow", sides: "left"), "exercises[1].sides", line: 4, "cat-cow has no left or right", fix: "none"),
        .init(plan("mckenzie-extension", sides: "both"), "exercises[1].sides", line: 4, "has no left or right", fix: "delete the line"),
        .init(plan("side-stretch", sides: "none"), "exercises[1].sides", line: 4, "one side at a time", fix: "both (left then right)"),
        .init(plan("side-stretch", sides: "up"), "exercises[1].sides", line: 4, "'up' is not a choice of sides",
              fix: "none, both, left, right"),
        // Holds beyond the profile's own longest hold.
        .init(plan("chair-hamstring", hold: "40"), "exercises[1].hold_s", line: 5,
              "40 s is beyond the longest hold chair-hamstring allows (its hold.target_s, 30 s)", fix: "from 5 to 30 s"),
        .init(plan("cat-cow", hold: "10"), "exercises[1].hold_s", line: 5, "beyond the longest hold cat-cow allows", fix: "use 5 s"),
        .init(plan("chair-hamstring", hold: "15", extra: "    progression:\n      max_hold_s: 45\n"),
              "exercises[1].progression.max_hold_s", line: 8, "45 s is beyond the longest hold chair-hamstring allows",
              fix: "from 5 to 30 s"),
        .init(plan("chair-hamstring", hold: "15", extra: "    progression:\n      max_hold_s: 10\n"),
              "exercises[1].progression.max_hold_s", line: 8, "10 s is below the starting hold_s of 15 s", fix: "from 15 to 30 s"),
        // Missing and empty parts.
        .init("sessions_per_week: 5\nexercises: []\n", "exercises", line: 2, "lists no exercises", fix: "add at least one"),
        .init("sessions_per_week: 5\nexercises: cat-cow\n", "exercises", line: 2, "must be a list of exercises", fix: "- profile: NAME"),
        .init("sessions_per_week: 5\n", "exercises", line: 1, "is missing", fix: "exercises:"),
        .init("exercises:\n  - profile: cat-cow\n    repetitions: 3\n    hold_s: 5\n    rest_s: 10\n", "sessions_per_week",
              line: 1, "is missing", fix: "sessions_per_week: 5"),
        .init("sessions_per_week: 5\nexercises:\n  - profile: cat-cow\n    repetitions: 3\n    rest_s: 10\n",
              "exercises[1].hold_s", line: 3, "is missing", fix: "hold_s: 15"),
        .init("sessions_per_week: 5\nexercises:\n  - cat-cow\n", "exercises[1]", line: 3, "must be a mapping", fix: "profile"),
        .init(plan(extra: "    progression: 5\n"), "exercises[1].progression", line: 7, "must be a mapping", fix: "step_s"),
        .init("", nil, line: nil, "is empty", fix: "starter-low-back.yaml"),
        // Broken YAML, at its line.
        .init(plan(repetitions: "[3"), nil, line: 5, "is not valid YAML here", fix: "indentation"),
        .init(plan(top: "sessions_per_week: 5\nsessions_per_week: 4\n"), "sessions_per_week", line: 2, "appears twice",
              fix: "keep one"),
        .init(plan(extra: "    hold_s: 6\n"), "hold_s", line: 7, "appears twice", fix: "keep one"),
        .init("- cat-cow\n", nil, line: 1, "must be a mapping", fix: "'sessions_per_week:'"),
    ]

    @Test(arguments: bad)
    func eachMistakeNamesTheFileLineAndField(_ bad: BadPlan) {
        do {
            _ = try PlanFile.parse(bad.text, path: "bad.yaml", profiles: ProfileLibrary(directories: [profilesFolder]))
            Issue.record("\(bad) must fail")
        } catch {
            #expect(error.field == bad.field, "\(error)")
            #expect(error.line == bad.line, "\(error)")
            #expect(error.problem.contains(bad.problem), "\(error)")
            #expect(error.fix.contains(bad.fix), "\(error)")
            let place = bad.line.map { "bad.yaml:\($0): " } ?? "bad.yaml: "
            #expect(error.description.hasPrefix(place + (bad.field.map { "field '\($0)': " } ?? "")), "\(error)")
        }
    }

    @Test func theBaseOfTheseMistakesIsAValidPlan() throws {
        let parsed = try PlanFile.parse(plan(extra: "    progression:\n      step_s: 0\n"), path: "good.yaml",
                                        profiles: ProfileLibrary(directories: [profilesFolder]))
        #expect(parsed.exercises.count == 1 && parsed.exercises[0].progression.step == 0)
    }

    @Test func aBrokenProfileIsReportedInItsOwnFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plan-profiles-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "hold:\n  target_s: forever\n".write(toFile: folder + "/wobbly.yaml", atomically: true, encoding: .utf8)
        do {
            _ = try PlanFile.parse(plan("wobbly"), path: "bad.yaml", profiles: ProfileLibrary(directories: [folder]))
            Issue.record("a broken profile must fail")
        } catch {
            #expect(error.path == folder + "/wobbly.yaml" && error.line == 2 && error.field == "hold.target_s", "\(error)")
        }
    }
}

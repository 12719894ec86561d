import Foundation
import Testing

/// `stretchguard plan --check`: a shipped plan in plain words, a broken one as one sentence and exit 1.
@Suite struct PlanCommandTests {
    @Test func checkPrintsAShippedPlanInPlainWords() throws {
        let result = try CommandRunner.run(["plan", "--check", "starter-low-back"], in: CommandRunner.repositoryRoot.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let text = result.stdout
        #expect(text.hasPrefix("Plan starter-low-back: "))
        #expect(text.contains("5 sessions a week"))
        for (number, exercise) in ["cat-cow", "mckenzie-extension", "chair-hamstring, left then right"].enumerated() {
            #expect(text.contains("\n\(number + 1). \(exercise)"), "\(exercise)")
        }
        #expect(text.contains("2 repetitions per side, hold 10 s, rest 30 s after each"))
        #expect(text.contains("+5 s after every 3 clean sessions in a row"))
        #expect(text.contains("up to 20 s"))
        #expect(text.contains("none — the hold stays at 5 s (the longest hold cat-cow allows)"))
        // 6 + 5 + 4 repetitions: 15 × 5 s in position, 6 × 5 + 5 × 5 + 4 × 10 s holding, 14 rests.
        let resting = 6 * 15 + 5 * 20 + 3 * 30
        #expect(text.contains("15 repetitions in all"))
        #expect(text.contains("holding \(clock(6 * 5 + 5 * 5 + 4 * 10)), resting \(clock(resting)), getting into position \(clock(15 * 5))"))
    }

    @Test func checkTakesAPathAndEveryShippedPlan() throws {
        for name in ["starter-low-back", "hamstring-hips", "mckenzie-extension"] {
            let path = CommandRunner.repositoryRoot.appendingPathComponent("Calibration/plans/\(name).yaml").path
            let result = try CommandRunner.run(["plan", "--check", path], in: NSTemporaryDirectory())
            #expect(result.status == 0, "\(name): \(result.stderr)")
            #expect(result.stdout.contains("from \(path)"))
        }
    }

    @Test func aBrokenPlanIsOneSentenceWithFileAndLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plan-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("broken.yaml").path
        try "sessions_per_week: 5\nexercises:\n  - profile: chair-hamstring\n    repetitions: 2\n    hold_s: 45\n    rest_s: 20\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["plan", "--check", path], in: CommandRunner.repositoryRoot.path)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("stretchguard: error: \(path):5: field 'exercises[1].hold_s': 45 s is beyond"))
        #expect(result.stderr.contains("use a value from 5 to 30 s"))
    }

    @Test func anUnknownPlanNameListsTheKnownOnes() throws {
        let result = try CommandRunner.run(["plan", "--check", "starter"], in: CommandRunner.repositoryRoot.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("'starter'") || result.stderr.contains("starter: is not a known plan"), "\(result.stderr)")
        #expect(result.stderr.contains("starter-low-back"))
    }

    @Test func planWithoutAnActionSaysWhatToGive() throws {
        let result = try CommandRunner.run(["plan"], in: CommandRunner.repositoryRoot.path)
        #expect(result.status != 0)
        #expect(result.stderr.contains("--check FILE"))
    }

    /// "3:20": minutes and seconds.
    private func clock(_ seconds: Int) -> String {
        "\(seconds / 60):" + (seconds % 60 < 10 ? "0" : "") + "\(seconds % 60)"
    }
}

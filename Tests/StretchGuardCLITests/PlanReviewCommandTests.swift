import Foundation
import StretchGuardTestSupport
import Testing

/// A guided session end to end: `run --plan FILE` on the simulated sensor (20 times real time, about 5 s),
/// then `review` (text and `--json`) and `sessions --stats` (text and `--json`) show the plan.
@Suite struct PlanReviewCommandTests {
    static let planText = ShortPlanText.fixed

    /// Runs `stretchguard` from the repository's folder, in UTC, with its data and config homes in `home`.
    static func run(_ arguments: [String], home: String) throws -> CommandRunner.Result {
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = arguments
        process.currentDirectoryURL = CommandRunner.repositoryRoot
        var environment = ProcessInfo.processInfo.environment
        environment["TZ"] = "UTC"
        environment["XDG_DATA_HOME"] = home + "/data"
        environment["XDG_CONFIG_HOME"] = home + "/config"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandRunner.Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                    stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("run --plan, then review and sessions --stats show the plan step by step and its targets")
    func guidedRunReviewedAndCounted() throws {
        let home = NSTemporaryDirectory() + "stretchguard-plan-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let planFile = home + "/test-short.yaml"
        try Self.planText.write(toFile: planFile, atomically: true, encoding: .utf8)
        let db = ["--db", home + "/sessions.sqlite"]

        let run = try Self.run(["run", "--sensor", "sim", "--plan", planFile, "--speed", "20"] + db, home: home)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("plan           test-short, done: every repetition"), "\(run.stdout)")

        let text = try Self.run(["review", "latest"] + db, home: home)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("\n\nPlan test-short: done, 4 of 4 reached their target\n"
            + "  step  exercise            side   rep  target  held    result  alerts\n"
            + "  1     chair-hamstring     left   1/1  5 s     "), "\(text.stdout)")
        #expect(text.stdout.contains("  mckenzie-extension: 2 of 2 done; best hold "))

        let review = try Self.object(try Self.run(["review", "latest", "--json"] + db, home: home).stdout)
        let plan = try #require(review["plan"] as? [String: Any])
        #expect(plan["ended"] as? String == "done")
        let steps = try #require(plan["steps"] as? [[String: Any]])
        #expect(steps.map { $0["profile"] as? String }
            == ["chair-hamstring", "chair-hamstring", "mckenzie-extension", "mckenzie-extension"])
        #expect(steps.map { $0["result"] as? String } == ["done", "done", "done", "done"])
        #expect(steps.allSatisfy { ($0["longest_hold_s"] as? Double ?? 0) >= 5 && ($0["start_s"] as? Double) != nil })

        // replay --session judges each step by its own exercise's profile too (the stored plan's switches):
        // a hold reached in each of the four repetitions, as the review's plan table says (4 of 4).
        let eventsFile = home + "/events.jsonl"
        let replay = try Self.run(["replay", "--session", "latest", "--events", eventsFile] + db, home: home)
        #expect(replay.status == 0, "\(replay.stderr)")
        let replayed = try String(contentsOfFile: eventsFile, encoding: .utf8).split(separator: "\n").filter { $0.contains("\"hold_reached\"") }
        #expect(replayed.count == 4, "\(replayed)")

        let stats = try Self.object(try Self.run(["sessions", "--stats", "--json"] + db, home: home).stdout)
        let planStats = try #require((stats["plans"] as? [[String: Any]])?.first)
        #expect(planStats["name"] as? String == "test-short" && planStats["sessions"] as? Int == 1)
        #expect(planStats["sessions_per_week"] as? Int == 3)
        let weeks = try #require(planStats["weeks"] as? [[String: Any]])
        #expect(weeks.count == 1 && weeks[0]["sessions"] as? Int == 1 && weeks[0]["over"] as? Bool == false)
        let targets = try #require((planStats["exercises"] as? [[String: Any]])?.first?["targets"] as? [[String: Any]])
        #expect(targets.map { $0["change"] as? String } == ["start", "held"])
        #expect(targets.map { $0["target_s"] as? Double } == [5, 5])
        #expect(targets[0]["session"] as? Int == 1 && targets[1]["session"] is NSNull)
        #expect((planStats["pain_markers"] as? [Any])?.isEmpty == true)

        let statsText = try Self.run(["sessions", "--stats"] + db, home: home).stdout
        #expect(statsText.contains("\nPlan test-short (3 sessions a week)\n  sessions         1\n"), "\(statsText)")
        #expect(statsText.contains("  Pain markers (stop / it hurts): none\n"))
    }
}

import Foundation
import StretchGuardStore
import Testing

/// `stretchguard run --plan` for real, on the simulated sensor at 20× real time: a whole short plan walked
/// through and reviewed, the targets progressing over sessions by the rules, and the refusals.
@Suite(.serialized) struct RunPlanTests {
    private typealias Running = RunSessionTests.RunningSession

    /// A short plan: a standing hamstring stretch on the left (8 s), a side stretch on both sides (6 s);
    /// the hamstring's hold rises 5 s after 2 clean sessions.
    static let plan = """
        name: short-test
        summary: "a short plan for the tests"
        sessions_per_week: 3
        exercises:
          - profile: standing-hamstring
            sides: left
            repetitions: 1
            hold_s: 8
            rest_s: 6
          - profile: side-stretch
            sides: both
            repetitions: 1
            hold_s: 6
            rest_s: 6
            progression:
              step_s: 0
        """

    private func home() throws -> URL {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("run-plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        return home
    }

    private func planFile(in home: URL) throws -> String {
        let path = home.appendingPathComponent("short-test.yaml").path
        try Self.plan.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func guided(_ home: URL, db: String) throws -> Running {
        let run = try Running(["run", "--sensor", "sim", "--plan", try planFile(in: home), "--speed", "20", "--db", db],
                              home: home)
        #expect(run.finish() == 0, "\(run.text)")
        return run
    }

    @Test("a whole plan: each step announced, the plan done, a summary per exercise; the review replays it exactly")
    func wholePlan() throws {
        let home = try home()
        let db = home.appendingPathComponent("s.sqlite").path
        let run = try guided(home, db: db)
        let text = run.text
        #expect(text.contains("plan: short-test — a short plan for the tests (3 repetitions"), "\(text)")
        #expect(text.contains("standing-hamstring: hold 8 s — "), "\(text)")
        for step in ["step 1 of 3: standing-hamstring, left side, 1 of 1", "step 2 of 3: side-stretch, left side, 1 of 1",
                     "step 3 of 3: side-stretch, right side, 1 of 1", "plan done for today"] {
            #expect(text.contains(step), "missing \(step): \(text)")
        }
        #expect(text.contains("(plan done)") && text.contains("plan           short-test, done: every repetition"), "\(text)")
        #expect(text.contains("standing-hamstring: 1 of 1 done") && text.contains("side-stretch: 2 of 2 done"), "\(text)")
        let store = try SessionStore(path: db)
        let session = try store.session(.latest)
        #expect(session.isComplete && session.info.plan?.name == "short-test" && session.info.plan?.definition == Self.plan)
        let review = try CommandRunner.run(["review", "latest", "--db", db])
        #expect(review.status == 0, "\(review.stderr)")
        #expect(review.stdout.contains("replay           reproduces the"), "\(review.stdout)")
        #expect(review.stdout.contains(", plan short-test") && review.stdout.contains("3 reached their targets"), "\(review.stdout)")
        #expect(review.stdout.contains("plan step 3: side-stretch, right side, 1 of 1 (hold 6 s)"), "\(review.stdout)")
    }

    @Test("three clean sessions: the hamstring's target rises after two, the side stretch's (no step) stays")
    func progression() throws {
        let home = try home()
        let db = home.appendingPathComponent("s.sqlite").path
        let first = try guided(home, db: db)
        #expect(first.text.contains("standing-hamstring: hold 8 s — "), "\(first.text)")
        let second = try guided(home, db: db)
        #expect(second.text.contains("standing-hamstring: hold 8 s — held"), "\(second.text)")
        let third = try guided(home, db: db)
        #expect(third.text.contains("standing-hamstring: hold 13 s — raised 5 s after 2 clean sessions"), "\(third.text)")
        #expect(third.text.contains("side-stretch: hold 6 s"), "\(third.text)")
        #expect(third.text.contains("step 1 of 3: standing-hamstring, left side, 1 of 1 — ") && third.text.contains("hold 13 s"))
    }

    @Test("refusals: --plan with --profile, --speed without the simulated sensor, an unknown plan")
    func refusals() throws {
        let home = try home()
        let db = home.appendingPathComponent("s.sqlite").path
        let both = try Running(["run", "--sensor", "sim", "--plan", "starter-low-back", "--profile", "general", "--db", db], home: home)
        #expect(both.finish() == 1)
        #expect(both.text.contains("--plan and --profile: choose one"), "\(both.text)")
        let speed = try Running(["run", "--plan", "starter-low-back", "--speed", "5", "--db", db], home: home)
        #expect(speed.finish() == 1)
        #expect(speed.text.contains("--speed plays the simulated sensor faster: use it with --sensor sim"), "\(speed.text)")
        let unknown = try Running(["run", "--sensor", "sim", "--plan", "no-such-plan", "--db", db], home: home)
        #expect(unknown.finish() == 1)
        #expect(unknown.text.contains("no-such-plan") && !unknown.text.contains("recording session"), "\(unknown.text)")
    }
}

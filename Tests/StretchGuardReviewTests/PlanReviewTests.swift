import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardStore
import StretchGuardTestSupport
import Testing
@testable import StretchGuardReview

/// A small plan for the tests: a one-sided hamstring stretch (left, then right, once each; its target
/// grows 5 s after 2 clean sessions, backs off after pain) and two backward bends; 5 s holds, 5 s rests.
enum TestPlan {
    static let text = ShortPlanText.progressing

    static func plan() throws -> ExercisePlan {
        try PlanFile.parse(text, path: "test-short.yaml", profiles: testLibrary)
    }

    /// Monday 2 June 2025 09:00 UTC, plus `days`.
    static func day(_ days: Int) -> Date {
        Date(timeIntervalSince1970: 1_748_854_800 + Double(days) * 86_400)
    }
}

/// The plan step by step from the replay's holds and alerts and the recorded markers, and the plan's
/// adherence and progression over several sessions.
@Suite struct PlanReviewTests {
    /// Session start on the sample clock, in s.
    static let start = 1000.0

    static func hold(at start: Double, lasting duration: Double) -> HoldMetrics {
        HoldMetrics(number: 1, start: start, end: start + duration, duration: duration, target: 5, reached: duration >= 5,
                    meanAngle: 0.5, peakTwist: 0, bounces: 0, twistAlerts: 0, sparc: nil, ldlj: nil)
    }

    static func alert(_ kind: AlertSpan.Kind, at start: Double) -> AlertSpan {
        AlertSpan(kind: kind, start: start, end: start + 1, peak: 0.3, axis: kind == .twist ? .twist : .flexion, open: false)
    }

    static func marker(_ t: Double, _ kind: SessionMarker.Kind, _ note: PlanStepMarker? = nil) -> SessionMarker {
        SessionMarker(time: start + t, kind: kind, note: note?.note ?? "stop / it hurts")
    }

    static func step(_ number: Int, exercise: Int, profile: String, side: String?, repetition: Int, of count: Int) -> PlanStepMarker {
        .step(PlanStepStart(step: number, exercise: exercise, profile: profile, side: side, repetition: repetition,
                            repetitions: count, target: 5, rest: 5))
    }

    /// Steps at 0, 20 and 40 s; "stop / it hurts" at 48 s in the third: the fourth never begins.
    static func painReview() throws -> PlanReview {
        let plan = try TestPlan.plan()
        let markers = [
            marker(0, .planStep, .targets([5, 5])),
            marker(0, .planStep, step(0, exercise: 0, profile: "chair-hamstring", side: "left", repetition: 1, of: 1)),
            marker(20, .planStep, step(1, exercise: 0, profile: "chair-hamstring", side: "right", repetition: 1, of: 1)),
            marker(40, .planStep, step(2, exercise: 1, profile: "mckenzie-extension", side: nil, repetition: 1, of: 2)),
            marker(48, .stop),
            marker(48, .planStep, .end(.stopped)),
        ]
        let steps = PlanSessionSteps(markers: markers, sessionEnd: start + 50)
        let replay = SessionPlanReplay(plan: plan, steps: steps, targets: [5, 5],
                                       opening: plan.openingProfile(targets: [5, 5]), switches: [])
        // Step 1: a false start (2 s), then 6 s; step 2: 3 s and a twist alert; step 3: no hold, a bounce.
        let holds = [hold(at: 2, lasting: 2), hold(at: 6, lasting: 6), hold(at: 23, lasting: 3)]
        let alerts = [alert(.twist, at: 24), alert(.bounce, at: 45)]
        return PlanReview(replay: replay, holds: holds, alerts: alerts, markers: markers, startTime: start)
    }

    @Test("stopped for pain: done, partly, skipped, not reached; alerts and the press in their steps")
    func painStop() throws {
        let review = try Self.painReview()
        #expect(review.end == .stopped)
        #expect(review.steps.count == 4)
        #expect(review.steps.map(\.result) == [.done, .partly, .skipped, nil])
        #expect(review.steps.map(\.longestHold) == [6, 3, 0, 0])
        #expect(review.steps.map(\.twistAlerts) == [0, 1, 0, 0])
        #expect(review.steps.map(\.bounceAlerts) == [0, 0, 1, 0])
        #expect(review.steps.map(\.stopPresses) == [0, 0, 1, 0])
        #expect(review.steps.map(\.start) == [0, 20, 40, nil])
        #expect(review.steps.map(\.end) == [20, 40, 48, nil])
        #expect(review.steps.map(\.side) == ["left", "right", nil, nil])
        #expect(review.steps[3].profile == "mckenzie-extension" && review.steps[3].repetition == 2)

        let hamstring = review.exercises[0], extensions = review.exercises[1]
        #expect((hamstring.done, hamstring.partly, hamstring.skipped, hamstring.notReached) == (1, 1, 0, 0))
        #expect(hamstring.bestHold == 6 && hamstring.alerts == 1 && hamstring.stopPresses == 0)
        #expect((extensions.done, extensions.partly, extensions.skipped, extensions.notReached) == (0, 0, 1, 1))
        #expect(extensions.alerts == 1 && extensions.stopPresses == 1)

        let text = PlanReviewText.lines(review)
        #expect(text[0] == "Plan test-short: stopped at step 3 of 4 (stop / it hurts)")
        #expect(text.contains { $0.hasPrefix("  2 ") && $0.contains("right") && $0.contains("3.0 s") && $0.contains("partly")
            && $0.hasSuffix("1 twist") })
        #expect(text.contains { $0.hasPrefix("  3 ") && $0.contains("skipped") && $0.hasSuffix("1 bounce, stop / it hurts") })
        #expect(text.contains { $0.hasPrefix("  4 ") && $0.contains("not reached") })
        #expect(text.contains("  mckenzie-extension: 0 of 2 done, 1 skipped, 1 not reached; best hold 0.0 s of 5 s; "
            + "1 twist or bounce alert; stop / it hurts pressed"))
    }

    @Test("a hold that began in the previous step's rest is not this step's")
    func holdsBelongToTheStepTheyStartIn() throws {
        let plan = try TestPlan.plan()
        let markers = [
            Self.marker(0, .planStep, Self.step(0, exercise: 0, profile: "chair-hamstring", side: "left", repetition: 1, of: 1)),
            Self.marker(20, .planStep, Self.step(1, exercise: 0, profile: "chair-hamstring", side: "right", repetition: 1, of: 1)),
        ]
        let replay = SessionPlanReplay(plan: plan, steps: PlanSessionSteps(markers: markers, sessionEnd: Self.start + 40),
                                       targets: [5, 5], opening: plan.openingProfile(targets: [5, 5]), switches: [])
        let review = PlanReview(replay: replay, holds: [Self.hold(at: 18, lasting: 8)], alerts: [], markers: markers,
                                startTime: Self.start)
        #expect(review.steps.map(\.result) == [.done, .skipped, nil, nil])
        #expect(review.end == nil)
        #expect(PlanReviewText.ending(review) == "cut off at step 2 of 4 (the recording has no end: a crash or power cut)")
    }

    /// Four sessions: clean (Mon 2 June), clean (Wed 4), a pain stop in the right-side hamstring (Fri 6),
    /// clean (Tue 10); the report on Tue 17 June.
    static func writeHistory(into store: SessionStore) throws -> [Int64] {
        let plan = try TestPlan.plan()
        func write(_ day: Int, _ targets: [Double], _ steps: [SyntheticPlanSession.Step]) throws -> Int64 {
            try SyntheticPlanSession.write(into: store, plan: plan, definition: TestPlan.text, date: TestPlan.day(day),
                                           targets: targets, steps: steps)
        }
        return [
            try write(0, [5, 5], [.clean, .clean, .clean, .clean]),
            try write(2, [5, 5], [.clean, .clean, .clean, .clean]),
            try write(4, [10, 5], [.clean, .pain]),
            try write(8, [5, 5], [.clean, .clean, .clean, .twist]),
        ]
    }

    @Test("adherence per ISO week against the prescription, targets over time with reasons, pain markers")
    func adherenceAndProgression() throws {
        let folder = NSTemporaryDirectory() + "stretchguard-plan-stats-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SessionStore(path: folder + "/sessions.sqlite")
        defer { try? store.close() }
        let ids = try Self.writeHistory(into: store)
        let now = TestPlan.day(15)  // Tuesday 17 June, week 25
        let (plans, problems) = try PlanAdherence.all(in: store, library: testLibrary, now: now, timeZone: utc)
        #expect(problems.isEmpty)
        let plan = try #require(plans.first)
        #expect(plans.count == 1 && plan.name == "test-short" && plan.sessions == 4 && plan.sessionsPerWeek == 3)
        #expect(plan.weeks.map(\.week) == [23, 24, 25])
        #expect(plan.weeks.map(\.sessions) == [3, 1, 0])
        #expect(plan.weeks.map(\.prescribed) == [3, 3, 3])
        #expect(plan.weeks.map(\.isOver) == [true, true, false])
        // Weeks 23 and 24 count (3 of 3, 1 of 3); week 25 has only begun.
        #expect(abs((plan.adherence ?? 0) - 4.0 / 6.0) < 1e-9)

        let hamstring = plan.exercises[0]
        #expect(hamstring.profile == "chair-hamstring")
        #expect(hamstring.targets.map(\.target) == [5, 5, 10, 5, 5])
        #expect(hamstring.targets.map(\.change) == [.start, .held, .raised, .backedOff, .held])
        #expect(hamstring.targets.map(\.session) == ids.map { Optional($0) } + [nil])
        #expect(hamstring.targets[3].reason == "back one step after a pain marker on 6 June")
        #expect(hamstring.targets[4].date == now)
        #expect(plan.exercises[1].targets.map(\.target) == [5, 5, 5, 5, 5])
        #expect(plan.painMarkers == [PlanAdherence.PainMarker(session: ids[2], date: TestPlan.day(4), exercise: "chair-hamstring")])

        // The report: the plan's section after the general one, and its JSON.
        let report = AdherenceReport(stats: AdherenceStats(sessions: try store.sessions(), now: now, timeZone: utc),
                                     timeZone: utc, plans: plans)
        let text = report.text()
        #expect(text.contains("Plan test-short (3 sessions a week)\n  sessions         4\n  adherence        67 % of the prescribed sessions"))
        #expect(text.contains("  2025-W23     3  of 3       ###\n  2025-W24     1  of 3       #\n  2025-W25     0  of 3         this week, so far"))
        #expect(text.contains("      2025-06-06 09:00   10 s  raised 5 s after 2 clean sessions"))
        #expect(text.contains("  Pain markers (stop / it hurts)\n      2025-06-06 09:00  chair-hamstring (session \(ids[2]))"))
        let json = try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any]
        let object = try #require((json?["plans"] as? [[String: Any]])?.first)
        #expect(object["name"] as? String == "test-short")
        #expect(object["adherence_pct"] as? Double == 66.7)
        let weeks = try #require(object["weeks"] as? [[String: Any]])
        #expect(weeks.map { $0["prescribed"] as? Int } == [3, 3, 3] && weeks.map { $0["over"] as? Bool } == [true, true, false])
        let targets = try #require((object["exercises"] as? [[String: Any]])?.first?["targets"] as? [[String: Any]])
        #expect(targets.map { $0["target_s"] as? Double } == [5, 5, 10, 5, 5])
        #expect(targets.map { $0["change"] as? String } == ["start", "held", "raised", "backed off", "held"])
        #expect(targets.last?["session"] is NSNull)
        let pain = try #require(object["pain_markers"] as? [[String: Any]])
        #expect(pain.count == 1 && pain[0]["exercise"] as? String == "chair-hamstring"
            && pain[0]["date"] as? String == "2025-06-06T09:00:00Z")
    }

    @Test("a plan begun mid-week is asked for that week's share of its sessions")
    func firstWeekProRata() throws {
        let folder = NSTemporaryDirectory() + "stretchguard-plan-week-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SessionStore(path: folder + "/sessions.sqlite")
        defer { try? store.close() }
        // Saturday 7 June: 2 days of week 23 are left, 3 × 2/7 rounds up to 1.
        _ = try SyntheticPlanSession.write(into: store, plan: try TestPlan.plan(), definition: TestPlan.text,
                                           date: TestPlan.day(5), targets: [5, 5], steps: [.clean, .clean, .clean, .clean])
        let (plans, _) = try PlanAdherence.all(in: store, library: testLibrary, now: TestPlan.day(6), timeZone: utc)
        let plan = try #require(plans.first)
        #expect(plan.weeks.map(\.prescribed) == [1])
        #expect(plan.weeks.map(\.isOver) == [false])
        // Its one session meets the week's prescription: the week counts already.
        #expect(plan.adherence == 1)
    }

    @Test("without plan sessions the stats are as before: no plans key, no plan section")
    func noPlansNoChange() throws {
        let stats = AdherenceStats(sessions: [], now: TestPlan.day(0), timeZone: utc)
        let report = AdherenceReport(stats: stats, timeZone: utc)
        #expect(!report.json().contains("plans"))
        #expect(!report.text().contains("Plan "))
    }
}

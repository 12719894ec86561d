import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardReview
import StretchGuardStore
import StretchGuardTestSupport
import Testing

/// A week of a plan's sessions in the store, read back as the progression rules read them
/// (``PlanHistory``), and the targets they give: raised after two clean sessions, back one step after a
/// pain press, and each exercise on its own.
@Suite struct PlanHistoryTests {
    /// A standing hamstring stretch on the left (8 s, +5 s after 2 clean sessions) and a side stretch on both
    /// sides (6 s, no step).
    static let yaml = """
        name: week-test
        summary: "a week of sessions"
        sessions_per_week: 5
        exercises:
          - profile: standing-hamstring
            sides: left
            repetitions: 1
            hold_s: 8
            rest_s: 10
          - profile: side-stretch
            sides: both
            repetitions: 1
            hold_s: 6
            rest_s: 10
            progression:
              step_s: 0
        """

    /// One session of the plan on `date` at the hamstring's `target`: its three steps as `steps` says.
    static func write(on date: Date, target: Double, steps: [SyntheticPlanSession.Step], plan: ExercisePlan,
                      into store: SessionStore) throws {
        _ = try SyntheticPlanSession.write(into: store, plan: plan, definition: yaml, date: date, targets: [target, 6],
                                           steps: steps)
    }

    @Test("a week: clean, clean, raised, pain, back one step, clean, clean with a side-stretch alert, raised again")
    func week() throws {
        let folder = NSTemporaryDirectory() + "stretchguard-plan-history-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SessionStore(path: folder + "/sessions.sqlite")
        defer { try? store.close() }
        let plan = try PlanFile.parse(Self.yaml, path: "week-test.yaml", profiles: testLibrary)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let monday = Date(timeIntervalSince1970: 1_750_060_800)  // Monday 16 June 2025, 08:00 UTC
        func day(_ n: Int) -> Date { monday.addingTimeInterval(Double(n) * 86_400) }
        let progression = PlanProgression(plan: plan, calendar: calendar)

        // Each session runs at the targets the rules gave from the sessions before it, as `run --plan` does.
        // The steps: the hamstring (left), then the side stretch left and right.
        let week: [[SyntheticPlanSession.Step]] = [[.clean, .clean, .clean], [.clean, .clean, .clean], [.pain],
                                                   [.clean, .clean, .clean], [.clean, .twist, .clean]]
        var targets: [Double] = []
        for (offset, steps) in week.enumerated() {
            let history = try PlanHistory.records(of: plan, in: store)
            let next = progression.nextTargets(history: history, on: day(offset))
            targets.append(next[0].target)
            try Self.write(on: day(offset), target: next[0].target, steps: steps, plan: plan, into: store)
        }
        #expect(targets == [8, 8, 13, 8, 8])
        let history = try PlanHistory.records(of: plan, in: store)
        #expect(history.count == 5)
        #expect(history.map { $0.exercises[0].isClean } == [true, true, false, true, true])
        #expect(history[2].exercises[0].painMarker && !history[2].exercises[1].done)
        #expect(history[4].exercises[1].formAlert && !history[4].exercises[0].formAlert)
        let saturday = progression.nextTargets(history: history, on: day(5))
        #expect(saturday[0].target == 13 && saturday[0].change == .raised, "\(saturday[0])")
        #expect(saturday[1].target == 6)
    }

    @Test("a hold that breaks off short of its target makes the session not clean")
    func shortHold() throws {
        let folder = NSTemporaryDirectory() + "stretchguard-plan-history-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SessionStore(path: folder + "/sessions.sqlite")
        defer { try? store.close() }
        let plan = try PlanFile.parse(Self.yaml, path: "week-test.yaml", profiles: testLibrary)
        try Self.write(on: Date(timeIntervalSince1970: 1_750_060_800), target: 8, steps: [.short(4), .clean, .clean],
                       plan: plan, into: store)
        let record = try #require(try PlanHistory.records(of: plan, in: store).first)
        #expect(record.exercises[0].done && !record.exercises[0].everyHoldReachedTarget && !record.exercises[0].isClean)
        #expect(record.exercises[1].isClean)
    }
}

import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardReview
import StretchGuardStore
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

    /// What goes wrong in one session's repetitions.
    struct Day {
        var date: Date
        var hamstringTarget: Double
        var pain = false           // "stop / it hurts" in the hamstring stretch (the plan ends there)
        var sideAlert = false      // a twist alert in the first side stretch
        var shortHold = false      // the hamstring hold breaks off before its target
    }

    /// Writes one plan session as the live session records it: the targets, each step's marker, the holds'
    /// events, the end.
    static func write(_ day: Day, plan: ExercisePlan, into store: SessionStore) throws {
        let start = 1000.0
        var info = SessionInfo(startDate: day.date, startTime: start, device: "simulated", chip: "MPU-6050", rate: 200,
                               profile: "standing-hamstring", softwareVersion: "test", scale: .wideRange)
        info.plan = SessionPlan(name: plan.name, definition: yaml)
        let id = try store.beginSession(info)
        let targets = [day.hamstringTarget, 6.0]
        var markers = [SessionMarker(time: start, kind: .planStep, note: PlanStepMarker.targets(targets).note)]
        var events: [FormEvent] = []
        var time = start
        for (index, step) in plan.steps.enumerated() {
            let target = targets[step.exerciseIndex]
            markers.append(SessionMarker(time: time, kind: .planStep, note: PlanStepMarker.step(PlanStepStart(
                step: index, exercise: step.exerciseIndex, profile: plan.exercises[step.exerciseIndex].name,
                side: step.side?.rawValue, repetition: step.repetition, repetitions: step.repetitionsOnSide,
                target: target, rest: 10)).note))
            events.append(FormEvent(kind: .holdStarted, time: time + 5))
            if step.exerciseIndex == 0 && day.pain {
                markers.append(SessionMarker(time: time + 8, kind: .stop, note: "stop / it hurts"))
                markers.append(SessionMarker(time: time + 8, kind: .planStep, note: PlanStepMarker.end(.stopped).note))
                break
            }
            if step.exerciseIndex == 1 && step.side == .left && day.sideAlert {
                events.append(FormEvent(kind: .twistAlertStarted, time: time + 7, value: 16 * degree))
            }
            let held = step.exerciseIndex == 0 && day.shortHold ? target * 0.6 : target + 1
            if held >= target { events.append(FormEvent(kind: .holdReached, time: time + 5 + target, duration: target)) }
            events.append(FormEvent(kind: .holdEnded, time: time + 5 + held, duration: held))
            time += 5 + held + 10
            if index == plan.steps.count - 1 {
                markers.append(SessionMarker(time: time, kind: .planStep, note: PlanStepMarker.end(.done).note))
            }
        }
        try store.append(SessionBatch(events: events, markers: markers), to: id)
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
        let week: [(Int, (inout Day) -> Void)] = [(0, { _ in }), (1, { _ in }), (2, { $0.pain = true }), (3, { _ in }),
                                                  (4, { $0.sideAlert = true })]
        var targets: [Double] = []
        for (offset, change) in week {
            let history = try PlanHistory.records(of: plan, in: store)
            let next = progression.nextTargets(history: history, on: day(offset))
            targets.append(next[0].target)
            var today = Day(date: day(offset), hamstringTarget: next[0].target)
            change(&today)
            try Self.write(today, plan: plan, into: store)
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
        try Self.write(Day(date: Date(timeIntervalSince1970: 1_750_060_800), hamstringTarget: 8, shortHold: true),
                       plan: plan, into: store)
        let record = try #require(try PlanHistory.records(of: plan, in: store).first)
        #expect(record.exercises[0].done && !record.exercises[0].everyHoldReachedTarget && !record.exercises[0].isClean)
        #expect(record.exercises[1].isClean)
    }
}

import Foundation
import StretchGuardCore
import Testing
@testable import StretchGuardConfig

/// What happened to the exercise in one past session (the day counted from `PlanHistory.firstDay`).
enum Outcome: Sendable {
    /// Done, every hold reached `target`, no alert, no pain.
    case clean(Double)
    /// Done, a twist or bounce alert.
    case alert(Double)
    /// Done, a hold fell short of `target`.
    case shortHold(Double)
    /// A "stop / it hurts" marker.
    case pain(Double)
    /// Not done.
    case skipped
    /// A record for another profile at this place (the plan was edited since).
    case otherProfile(Double)
}

/// One row of the table: sessions on days → the target of a session on `nextDay`.
struct ProgressionCase: Sendable, CustomStringConvertible {
    let name: String
    let sessions: [(day: Int, outcome: Outcome)]
    let nextDay: Int
    let target: Double
    let change: PlanTarget.Change
    let reason: String
    var rule = PlanProgressionRule(step: 5, afterCleanSessions: 2, maxHold: 30, backOffOnPain: true, pauseAfterMissedDays: 7)

    var description: String { name }
}

/// A plan of one exercise (a one-sided hamstring stretch: 15 s at first, the profile allows 30 s).
enum PlanHistory {
    /// Monday 2 June 2025, 08:00 UTC.
    static let firstDay = Date(timeIntervalSince1970: 1_748_851_200)
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    static func plan(_ rule: PlanProgressionRule, start: Double = 15) -> ExercisePlan {
        var profile = FormProfile(name: "chair-hamstring", summary: "")
        profile.hold.target = 30
        profile.isOneSided = true
        let exercise = PlanExercise(profile: profile, sides: .both, repetitions: 2, startHold: start, rest: 20, progression: rule)
        return ExercisePlan(name: "table", summary: "", sessionsPerWeek: 5, exercises: [exercise])
    }

    static func date(_ day: Int, hour: Double = 0) -> Date {
        firstDay.addingTimeInterval(Double(day) * 86_400 + hour * 3600)
    }

    static func record(_ day: Int, _ outcome: Outcome) -> PlanSessionRecord {
        let exercise: PlanExerciseRecord
        switch outcome {
        case .clean(let t): exercise = .init(profile: "chair-hamstring", target: t, done: true, everyHoldReachedTarget: true, formAlert: false, painMarker: false)
        case .alert(let t): exercise = .init(profile: "chair-hamstring", target: t, done: true, everyHoldReachedTarget: true, formAlert: true, painMarker: false)
        case .shortHold(let t): exercise = .init(profile: "chair-hamstring", target: t, done: true, everyHoldReachedTarget: false, formAlert: false, painMarker: false)
        case .pain(let t): exercise = .init(profile: "chair-hamstring", target: t, done: true, everyHoldReachedTarget: false, formAlert: false, painMarker: true)
        case .skipped: exercise = .init(profile: "chair-hamstring", target: 15, done: false, everyHoldReachedTarget: false, formAlert: false, painMarker: false)
        case .otherProfile(let t): exercise = .init(profile: "side-stretch", target: t, done: true, everyHoldReachedTarget: true, formAlert: false, painMarker: false)
        }
        return PlanSessionRecord(date: date(day), exercises: [exercise])
    }
}

/// The progression rules as a table: session histories → the next session's target and why.
@Suite struct PlanProgressionTests {
    static let table: [ProgressionCase] = [
        .init(name: "no session yet", sessions: [], nextDay: 0, target: 15, change: .start, reason: "the starting hold"),
        .init(name: "one clean session is not enough", sessions: [(0, .clean(15))], nextDay: 1, target: 15, change: .held,
              reason: "held: 1 of 2 clean sessions so far"),
        .init(name: "2 clean sessions raise", sessions: [(0, .clean(15)), (1, .clean(15))], nextDay: 2, target: 20,
              change: .raised, reason: "raised 5 s after 2 clean sessions"),
        .init(name: "clean, alert, clean: no raise", sessions: [(0, .clean(15)), (1, .alert(15)), (2, .clean(15))], nextDay: 3,
              target: 15, change: .held, reason: "held: 1 of 2 clean sessions so far"),
        .init(name: "an alert in the last session", sessions: [(0, .clean(15)), (1, .alert(15))], nextDay: 2, target: 15,
              change: .held, reason: "held: the last session had a twist or bounce alert"),
        .init(name: "a hold short of its target", sessions: [(0, .clean(15)), (1, .shortHold(15))], nextDay: 2, target: 15,
              change: .held, reason: "held: the last session had a hold that fell short of its target"),
        .init(name: "pain: back one step", sessions: [(0, .clean(20)), (1, .pain(20))], nextDay: 2, target: 15,
              change: .backedOff, reason: "back one step after a pain marker on 3 June"),
        .init(name: "pain at the starting target: stays", sessions: [(0, .pain(15))], nextDay: 1, target: 15,
              change: .backedOff, reason: "stays at the starting hold after a pain marker on 2 June"),
        .init(name: "pain never goes below the start", sessions: [(0, .pain(18))], nextDay: 1, target: 15,
              change: .backedOff, reason: "back one step after a pain marker on 2 June"),
        .init(name: "pain without back-off holds", sessions: [(0, .clean(20)), (1, .pain(20))], nextDay: 2, target: 20,
              change: .held, reason: "held after a pain marker on 3 June",
              rule: PlanProgressionRule(step: 5, afterCleanSessions: 2, maxHold: 30, backOffOnPain: false, pauseAfterMissedDays: 7)),
        .init(name: "pain resets the streak", sessions: [(0, .clean(15)), (1, .pain(15)), (2, .clean(15))], nextDay: 3,
              target: 15, change: .held, reason: "held: 1 of 2 clean sessions so far"),
        .init(name: "a raise is capped at the maximum", sessions: [(0, .clean(27)), (1, .clean(27))], nextDay: 2, target: 30,
              change: .raised, reason: "raised 3 s after 2 clean sessions"),
        .init(name: "at the maximum: held", sessions: [(0, .clean(30)), (1, .clean(30))], nextDay: 2, target: 30,
              change: .held, reason: "held at the maximum of 30 s"),
        .init(name: "a 10-day gap holds the raise", sessions: [(0, .clean(15)), (1, .clean(15))], nextDay: 11, target: 15,
              change: .held, reason: "held: 10 days since the last session"),
        .init(name: "a 7-day gap (the limit) still raises", sessions: [(0, .clean(15)), (1, .clean(15))], nextDay: 8,
              target: 20, change: .raised, reason: "raised 5 s after 2 clean sessions"),
        .init(name: "a gap does not drop the target", sessions: [(0, .clean(25)), (1, .alert(25))], nextDay: 30, target: 25,
              change: .held, reason: "held: 29 days since the last session"),
        .init(name: "after a gap clean sessions count again", sessions: [(0, .clean(15)), (10, .clean(15))], nextDay: 11,
              target: 15, change: .held, reason: "held: 1 of 2 clean sessions so far"),
        .init(name: "raise, then the streak restarts", sessions: [(0, .clean(15)), (1, .clean(15)), (2, .clean(20))],
              nextDay: 3, target: 20, change: .held, reason: "held: 1 of 2 clean sessions so far"),
        .init(name: "raise, 2 more clean: raise again",
              sessions: [(0, .clean(15)), (1, .clean(15)), (2, .clean(20)), (3, .clean(20))], nextDay: 4, target: 25,
              change: .raised, reason: "raised 5 s after 2 clean sessions"),
        .init(name: "a skipped exercise is not clean", sessions: [(0, .clean(15)), (1, .skipped), (2, .clean(15))], nextDay: 3,
              target: 15, change: .held, reason: "held: 1 of 2 clean sessions so far"),
        .init(name: "skipped in the last session", sessions: [(0, .clean(15)), (1, .skipped)], nextDay: 2, target: 15,
              change: .held, reason: "held: the last session skipped it"),
        .init(name: "another profile at this place counts as skipped", sessions: [(0, .clean(15)), (1, .otherProfile(15))],
              nextDay: 2, target: 15, change: .held, reason: "held: the last session skipped it"),
        .init(name: "3 clean sessions needed", sessions: [(0, .clean(15)), (1, .clean(15))], nextDay: 2, target: 15,
              change: .held, reason: "held: 2 of 3 clean sessions so far",
              rule: PlanProgressionRule(step: 5, afterCleanSessions: 3, maxHold: 30, backOffOnPain: true, pauseAfterMissedDays: 7)),
        .init(name: "step 0 never raises", sessions: [(0, .clean(15)), (1, .clean(15))], nextDay: 2, target: 15,
              change: .held, reason: "held: this exercise keeps its hold (step 0 s)",
              rule: PlanProgressionRule(step: 0, afterCleanSessions: 2, maxHold: 30, backOffOnPain: true, pauseAfterMissedDays: 7)),
        .init(name: "a plan maximum below the profile's", sessions: [(0, .clean(20)), (1, .clean(20))], nextDay: 2, target: 20,
              change: .held, reason: "held at the maximum of 20 s",
              rule: PlanProgressionRule(step: 5, afterCleanSessions: 2, maxHold: 20, backOffOnPain: true, pauseAfterMissedDays: 7)),
        .init(name: "a recorded target above the maximum is kept within it", sessions: [(0, .clean(40)), (1, .clean(40))],
              nextDay: 2, target: 30, change: .held, reason: "held at the maximum of 30 s"),
    ]

    @Test(arguments: table)
    func historiesGiveTheNextTarget(_ row: ProgressionCase) {
        let plan = PlanHistory.plan(row.rule)
        let history = row.sessions.map { PlanHistory.record($0.day, $0.outcome) }
        let progression = PlanProgression(plan: plan, calendar: PlanHistory.calendar)
        let next = progression.nextTargets(history: history, on: PlanHistory.date(row.nextDay))
        #expect(next.count == 1)
        #expect(next[0].target == row.target)
        #expect(next[0].change == row.change)
        #expect(next[0].reason == row.reason)
    }

    @Test func theOrderOfTheHistoryDoesNotMatter() {
        let plan = PlanHistory.plan(PlanProgressionRule(maxHold: 30))
        let history = [(0, Outcome.clean(15)), (1, .clean(15)), (2, .clean(20)), (3, .pain(20))].map { PlanHistory.record($0.0, $0.1) }
        let progression = PlanProgression(plan: plan, calendar: PlanHistory.calendar)
        let inOrder = progression.nextTargets(history: history, on: PlanHistory.date(4))
        #expect(progression.nextTargets(history: history.reversed(), on: PlanHistory.date(4)) == inOrder)
        #expect(inOrder[0].target == 15)
    }

    @Test func theTimelineGivesEachSessionsTargetThenTheNext() {
        let plan = PlanHistory.plan(PlanProgressionRule(maxHold: 30))
        let days: [(Int, Outcome)] = [(0, .clean(15)), (1, .clean(15)), (2, .clean(20)), (3, .clean(20)), (4, .pain(25)), (5, .clean(20))]
        let history = days.map { PlanHistory.record($0.0, $0.1) }
        let timeline = PlanProgression(plan: plan, calendar: PlanHistory.calendar)
            .timeline(exerciseIndex: 0, history: history, next: PlanHistory.date(6))
        #expect(timeline.map(\.target) == [15, 15, 20, 20, 25, 20, 20])
        #expect(timeline.map(\.change) == [.start, .held, .raised, .held, .raised, .backedOff, .held])
    }

    @Test func daysAreCountedInTheCalendarsTimeZone() {
        // The last session at 23:30 UTC on 2 June, the next at 00:30 UTC on 10 June: 8 calendar days in UTC
        // (more than 7: held), but 7 in UTC−10 (13:30 on 2 June to 14:30 on 9 June: raised).
        let plan = PlanHistory.plan(PlanProgressionRule(maxHold: 30))
        let clean = PlanHistory.record(0, .clean(15)).exercises
        let history = [PlanSessionRecord(date: PlanHistory.date(-1), exercises: clean),
                       PlanSessionRecord(date: PlanHistory.date(0, hour: 15.5), exercises: clean)]
        let next = PlanHistory.date(8, hour: -7.5)
        let utc = PlanProgression(plan: plan, calendar: PlanHistory.calendar).nextTargets(history: history, on: next)
        #expect(utc[0].change == .held && utc[0].reason == "held: 8 days since the last session", "\(utc[0].reason)")
        var hawaii = PlanHistory.calendar
        hawaii.timeZone = TimeZone(secondsFromGMT: -10 * 3600)!
        let local = PlanProgression(plan: plan, calendar: hawaii).nextTargets(history: history, on: next)
        #expect(local[0].change == .raised, "\(local[0].reason)")
    }

    @Test func eachExerciseProgressesOnItsOwn() throws {
        let plan = try shippedPlans.load("hamstring-hips")
        let names = plan.exercises.map(\.name)
        func session(_ day: Int, alertIn index: Int?) -> PlanSessionRecord {
            PlanSessionRecord(date: PlanHistory.date(day), exercises: plan.exercises.enumerated().map { i, exercise in
                PlanExerciseRecord(profile: names[i], target: exercise.startHold, done: true, everyHoldReachedTarget: true,
                                   formAlert: i == index, painMarker: false)
            })
        }
        let next = PlanProgression(plan: plan, calendar: PlanHistory.calendar)
            .nextTargets(history: [session(0, alertIn: nil), session(2, alertIn: 1)], on: PlanHistory.date(4))
        #expect(next.map(\.change) == [.raised, .held, .raised])
        #expect(next.map(\.target) == plan.exercises.enumerated().map { $0.element.startHold + ($0.offset == 1 ? 0 : 5) })
    }
}

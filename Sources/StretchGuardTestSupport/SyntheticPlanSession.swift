import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardStore

/// A plan session written into a store as the live session records its plan — the `plan_step` markers
/// (targets, each step begun, the end), the hold events of each step, its alerts and "stop / it hurts"
/// presses — without samples: what the plan's history and `sessions --stats` read.
///
/// Each step lasts ``stepLength`` s from ``clockStart``: a hold starts 1 s in and lasts `target + 1` s
/// (reaching the target) unless the step says otherwise.
public enum SyntheticPlanSession {
    /// How one step went.
    public enum Step: Sendable, Equatable {
        /// Held past the target, no alert.
        case clean
        /// Held past the target, a twist alert 2 s in.
        case twist
        /// Held `seconds` s, short of the target.
        case short(Double)
        /// "Stop / it hurts" pressed 2 s in: the plan ends there (the steps after it are not begun).
        case pain
    }

    /// The sample clock's reading at the session's start, in s.
    public static let clockStart = 2000.0
    /// Each step's length (position, hold, rest), in s.
    public static let stepLength = 20.0

    /// Writes one session of `plan` started on `date` at `targets` (s, one per exercise).
    ///
    /// - Parameters:
    ///   - steps: how each step went, in the plan's order; fewer than the plan's steps: the session closed
    ///     after them (unless one is `.pain`).
    ///   - definition: the plan's text, stored with the session.
    /// - Returns: the session's id.
    public static func write(into store: SessionStore, plan: ExercisePlan, definition: String, date: Date,
                             targets: [Double], steps: [Step]) throws -> Int64 {
        let info = SessionInfo(startDate: date, startTime: clockStart, device: "simulated", chip: "simulated",
                               rate: 200, profile: plan.exercises[plan.steps[0].exerciseIndex].name,
                               softwareVersion: "test", scale: .wideRange,
                               plan: SessionPlan(name: plan.name, definition: definition))
        var markers = [SessionMarker(time: clockStart, kind: .planStep, note: PlanStepMarker.targets(targets).note)]
        var events: [FormEvent] = []
        var end = PlanEnd.closed
        var time = clockStart
        for (index, outcome) in steps.enumerated() where index < plan.steps.count {
            let planned = plan.steps[index]
            let exercise = plan.exercises[planned.exerciseIndex]
            let target = targets[planned.exerciseIndex]
            markers.append(SessionMarker(time: time, kind: .planStep, note: PlanStepMarker.step(PlanStepStart(
                step: index, exercise: planned.exerciseIndex, profile: exercise.name, side: planned.side?.rawValue,
                repetition: planned.repetition, repetitions: planned.repetitionsOnSide, target: target,
                rest: exercise.rest)).note))
            let held: Double
            switch outcome {
            case .clean, .twist: held = target + 1
            case let .short(seconds): held = seconds
            case .pain: held = 1
            }
            events.append(FormEvent(kind: .holdStarted, time: time + 1))
            if held >= target { events.append(FormEvent(kind: .holdReached, time: time + 1 + target, duration: target)) }
            if outcome == .twist {
                events.append(FormEvent(kind: .twistAlertStarted, time: time + 2, value: 20 * degree))
                events.append(FormEvent(kind: .twistAlertEnded, time: time + 3, value: 20 * degree))
            }
            if outcome == .pain {
                events.append(FormEvent(kind: .holdEnded, time: time + 1 + held, duration: held))
                markers.append(SessionMarker(time: time + 2, kind: .stop, note: "stop / it hurts"))
                time += 2
                end = .stopped
                break
            }
            events.append(FormEvent(kind: .holdEnded, time: time + 1 + held, duration: held))
            time += stepLength
            if index == plan.steps.count - 1 { end = .done }
        }
        markers.append(SessionMarker(time: time, kind: .planStep, note: PlanStepMarker.end(end).note))
        let session = try store.beginSession(info)
        try store.append(SessionBatch(events: events.sorted { $0.time < $1.time }, markers: markers), to: session)
        try store.finishSession(session, summary: SessionSummary(events: events))
        return session
    }
}

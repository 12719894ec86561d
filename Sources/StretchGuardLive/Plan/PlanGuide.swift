import StretchGuardCore
import StretchGuardGPIO
import StretchGuardStore

/// A plan walked through on a live session's sample thread: the runner, the profile switches, the cues, the
/// `plan_step` markers and the channel's plan events. ``LiveSession`` calls it after each sample.
struct PlanGuide {
    /// How long the session goes on after the plan ends, so that its last cue is heard, in s.
    static let closingTime = 2.5

    let plan: LivePlan
    private(set) var runner: GuidedPlan
    /// When the session should end (the plan over, its cue played), in s on the sample clock.
    private(set) var endTime: Double?
    /// Why it ends then.
    private(set) var end: LiveSessionEnd?

    init(_ plan: LivePlan) {
        self.plan = plan
        runner = GuidedPlan(steps: plan.steps)
    }

    /// The first repetition begins at `time` (s).
    mutating func begin(at time: Double, recorder: SessionRecorder, feedback: FeedbackOutputs, channel: LiveChannel) {
        _ = runner.begin(at: time)
        recorder.mark(SessionMarker(time: time, kind: .planStep, note: PlanStepMarker.targets(plan.targets).note))
        feedback.player.play(.planStart, now: time)
        announce(step: 0, at: time, recorder: recorder, channel: channel)
    }

    /// Follows one judged sample. When the next repetition is another exercise, `pipeline` switches to its
    /// profile; the events that switch closed are returned (to record and report like the sample's own).
    mutating func follow(_ verdict: FormVerdict, events: FormEvents, at time: Double, pipeline: inout SessionPipeline,
                         recorder: SessionRecorder, feedback: FeedbackOutputs, channel: LiveChannel) -> FormEvents? {
        let phase = runner.phase
        let cue = runner.update(holding: verdict.holding, holdSeconds: verdict.holdSeconds, events: events, time: time)
        if runner.phase == .rest, phase != .rest {
            channel.post(.planRest(time: time, seconds: runner.current.rest))
        }
        guard let cue else { return nil }
        switch cue {
        case .start:
            return nil
        case .restOver, .nextExercise:
            var closing: FormEvents?
            if cue == .nextExercise {
                let before = pipeline.events.count
                pipeline.switchProfile(to: plan.profile(forStep: runner.index), at: time)
                var closed = FormEvents()
                for event in pipeline.events.dropFirst(before) { closed.append(event) }
                closing = closed
            }
            feedback.player.play(cue == .nextExercise ? .nextExercise : .restOver, now: time)
            announce(step: runner.index, at: time, recorder: recorder, channel: channel)
            return closing
        case .done:
            feedback.player.play(.planDone, now: time)
            finish(.done, at: time, recorder: recorder, channel: channel)
            end = .planDone
            return nil
        }
    }

    /// "Stop / it hurts" at `time` (s): the plan ends for the day (the stop cue plays, then the outputs go off).
    mutating func stopForPain(at time: Double, recorder: SessionRecorder, channel: LiveChannel) {
        guard !runner.isOver else { return }
        runner.stopForPain(at: time)
        finish(.stopped, at: time, recorder: recorder, channel: channel)
        end = .planStopped
    }

    /// The session ends at `time` (s) before the plan: the repetition under way ends there.
    mutating func close(at time: Double, recorder: SessionRecorder) {
        guard !runner.isOver else { return }
        runner.close(at: time)
        recorder.mark(SessionMarker(time: time, kind: .planStep, note: PlanStepMarker.end(.closed).note))
    }

    private func announce(step index: Int, at time: Double, recorder: SessionRecorder, channel: LiveChannel) {
        recorder.mark(SessionMarker(time: time, kind: .planStep, note: plan.marker(forStep: index).note))
        channel.post(.planStep(time: time, step: index, instruction: plan.instruction(forStep: index)))
    }

    private mutating func finish(_ reason: PlanEnd, at time: Double, recorder: SessionRecorder, channel: LiveChannel) {
        recorder.mark(SessionMarker(time: time, kind: .planStep, note: PlanStepMarker.end(reason).note))
        channel.post(.planEnded(time: time, reason))
        endTime = time + Self.closingTime
    }
}

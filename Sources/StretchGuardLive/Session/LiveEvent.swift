import StretchGuardCore
import StretchGuardStore

/// Something that happened in a live session, as published to its consumers (typed: consumers choose the
/// words). Times are on the sample clock, in s.
public enum LiveEvent: Sendable {
    /// What the coach reported: a twist or bounce alert starting or ending, a hold, an impact.
    case form(FormEvent)
    /// The wearer pressed the button briefly: "stop / it hurts" (marked in the recording).
    case stopMarked(time: Double)
    /// A long press started re-capturing the neutral posture, for `duration` s.
    case recaptureStarted(time: Double, duration: Double)
    /// The neutral posture was re-captured.
    case recaptured(time: Double)
    /// The re-capture failed; the previous neutral posture stays.
    case recaptureFailed(time: Double, BaselineCalibrator.Failure)
    /// Reading the sensor failed (the first failure of a run of them; the feedback shows a sensor fault).
    case sensorFault(time: Double, any Error)
    /// The recorder reported a problem (the disk, the database).
    case recorderWarning(RecorderWarning)
    /// A plan's repetition began (`step`: its number in the plan's order, 0 = the first), with what the
    /// wearer is told.
    case planStep(time: Double, step: Int, instruction: String)
    /// A plan's rest began, for `seconds`.
    case planRest(time: Double, seconds: Double)
    /// The plan ended: done, or stopped by "stop / it hurts".
    case planEnded(time: Double, PlanEnd)
}

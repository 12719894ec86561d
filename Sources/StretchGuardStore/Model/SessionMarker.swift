/// Something the wearer signalled during a session.
public struct SessionMarker: Hashable, Sendable, Codable {
    /// What kind of signal.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// The "stop / it hurts" button was pressed.
        case stop
        /// A free note (added at the terminal or in review).
        case note
        /// A long press started re-capturing the neutral posture: the samples of the next
        /// `SessionPipeline.recaptureDuration` s became the new baseline (replay starts it here too).
        case recapture
        /// A plan's repetition began, or the plan ended (``PlanStepMarker`` in the note).
        case planStep = "plan_step"
    }

    /// Sample-clock time of the signal, in s.
    public var time: Double
    /// What kind of signal.
    public var kind: Kind
    /// Free text (empty when none).
    public var note: String

    /// A marker.
    ///
    /// - Parameters:
    ///   - time: sample-clock time, in s.
    ///   - kind: what kind of signal.
    ///   - note: free text.
    public init(time: Double, kind: Kind, note: String = "") {
        self.time = time
        self.kind = kind
        self.note = note
    }
}

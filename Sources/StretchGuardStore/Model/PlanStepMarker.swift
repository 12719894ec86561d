/// What a `plan_step` marker says: where one of a plan's repetitions began (every sample from it to the
/// next such marker belongs to that step), or where the plan ended and why.
///
/// Stored in the marker's note as `key=value` words, readable by a person and parsed back exactly:
/// `step=3 exercise=1 profile=chair-hamstring side=left repetition=1/2 target_s=15 rest_s=20`, or
/// `end=done` / `end=stopped` (a "stop / it hurts" press) / `end=closed` (the session ended first); and at
/// the start, every exercise's target for the session: `targets_s=10,10,15`.
public enum PlanStepMarker: Sendable, Equatable {
    /// Every exercise's hold target this session, in s, in the plan's order (at the plan's start).
    case targets([Double])
    /// A repetition began: the step's number in the plan's order (0 = the first), its exercise (index in
    /// the plan), the exercise's profile, the side (nil for none), the repetition on that side and how many
    /// there are, the hold target in s and the rest after it in s.
    case step(PlanStepStart)
    /// The plan ended.
    case end(PlanEnd)

    /// The marker's note.
    public var note: String {
        switch self {
        case let .step(s):
            return "step=\(s.step) exercise=\(s.exercise) profile=\(s.profile) side=\(s.side ?? "none") "
                + "repetition=\(s.repetition)/\(s.repetitions) target_s=\(Self.number(s.target)) rest_s=\(Self.number(s.rest))"
        case let .end(end):
            return "end=\(end.rawValue)"
        case let .targets(targets):
            return "targets_s=" + targets.map(Self.number).joined(separator: ",")
        }
    }

    /// The marker a note says, or nil for a note that is not one (another version's, or damaged).
    public init?(note: String) {
        var fields: [Substring: Substring] = [:]
        for word in note.split(separator: " ") {
            guard let equals = word.firstIndex(of: "=") else { return nil }
            fields[word[..<equals]] = word[word.index(after: equals)...]
        }
        if let targets = fields["targets_s"] {
            let values = targets.split(separator: ",").compactMap { Double($0) }
            guard fields.count == 1, !values.isEmpty, values.count == targets.split(separator: ",").count,
                  values.allSatisfy({ $0.isFinite && $0 > 0 }) else { return nil }
            self = .targets(values)
            return
        }
        if let end = fields["end"] {
            guard fields.count == 1, let reason = PlanEnd(rawValue: String(end)) else { return nil }
            self = .end(reason)
            return
        }
        guard fields.count == 7, let step = fields["step"].flatMap({ Int($0) }), step >= 0,
              let exercise = fields["exercise"].flatMap({ Int($0) }), exercise >= 0,
              let profile = fields["profile"], !profile.isEmpty, let side = fields["side"],
              let repetition = fields["repetition"]?.split(separator: "/"), repetition.count == 2,
              let number = Int(repetition[0]), let count = Int(repetition[1]), number >= 1, number <= count,
              let target = fields["target_s"].flatMap({ Double($0) }), target.isFinite, target > 0,
              let rest = fields["rest_s"].flatMap({ Double($0) }), rest.isFinite, rest >= 0
        else { return nil }
        self = .step(PlanStepStart(step: step, exercise: exercise, profile: String(profile),
                                   side: side == "none" ? nil : String(side), repetition: number, repetitions: count,
                                   target: target, rest: rest))
    }

    /// A number as the note writes it: whole numbers without a decimal point.
    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(value)
    }
}

/// Where one of a plan's repetitions began (``PlanStepMarker/step(_:)``).
public struct PlanStepStart: Sendable, Equatable {
    /// The step's number in the plan's order, 0 = the first.
    public var step: Int
    /// The exercise, as an index into the plan's exercises.
    public var exercise: Int
    /// The exercise's profile name (no spaces).
    public var profile: String
    /// `left` or `right`, nil for an exercise without sides.
    public var side: String?
    /// The repetition on this side (1 = the first) and how many there are.
    public var repetition: Int
    public var repetitions: Int
    /// The hold target, in s.
    public var target: Double
    /// The rest after the repetition, in s.
    public var rest: Double

    public init(step: Int, exercise: Int, profile: String, side: String?, repetition: Int, repetitions: Int,
                target: Double, rest: Double) {
        self.step = step
        self.exercise = exercise
        self.profile = profile
        self.side = side
        self.repetition = repetition
        self.repetitions = repetitions
        self.target = target
        self.rest = rest
    }
}

/// How a plan's session ended.
public enum PlanEnd: String, Sendable, Equatable, CaseIterable {
    /// Every repetition was done.
    case done
    /// The wearer pressed "stop / it hurts": the plan ended for the day.
    case stopped
    /// The session ended before the plan did (Ctrl-C, the duration, the sensor).
    case closed
}

/// Which sides a plan's exercise is done on.
public enum PlanSides: String, Sendable, CaseIterable {
    /// No side: the exercise works both sides at once (an extension, cat-cow).
    case none
    /// Left, then right: every repetition on the left, then every repetition on the right.
    case both
    /// The left side only.
    case left
    /// The right side only.
    case right

    /// The sides worked, in order: `[nil]` for `none`.
    public var order: [ExerciseSide?] {
        switch self {
        case .none: [nil]
        case .both: [.left, .right]
        case .left: [.left]
        case .right: [.right]
        }
    }

    /// In plain words: "left then right", "left side only"; empty for `none`.
    public var wording: String {
        switch self {
        case .none: ""
        case .both: "left then right"
        case .left: "left side only"
        case .right: "right side only"
        }
    }
}

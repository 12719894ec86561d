/// The tests' short plan, as a physio writes it: a one-sided hamstring stretch (left, then right, once each)
/// and two backward bends; 5 s holds, 5 s rests, three sessions a week. Its name is `test-short`.
public enum ShortPlanText {
    /// The plan with fixed targets.
    public static let fixed = text(progression: [])

    /// The plan whose hamstring target grows by 5 s after 2 clean sessions (up to 20 s), backs off after
    /// pain, and pauses growing after 7 missed days.
    public static let progressing = text(progression: [
        "    progression:",
        "      step_s: 5",
        "      after_clean_sessions: 2",
        "      max_hold_s: 20",
        "      back_off_on_pain: true",
        "      pause_after_missed_days: 7",
    ])

    private static func text(progression: [String]) -> String {
        let head = [
            "name: test-short",
            "summary: \"Two exercises with short holds, for the tests\"",
            "sessions_per_week: 3",
            "exercises:",
            "  - profile: chair-hamstring",
            "    sides: both",
            "    repetitions: 1",
            "    hold_s: 5",
            "    rest_s: 5",
        ]
        let tail = [
            "  - profile: mckenzie-extension",
            "    repetitions: 2",
            "    hold_s: 5",
            "    rest_s: 5",
        ]
        return (head + progression + tail).joined(separator: "\n") + "\n"
    }
}

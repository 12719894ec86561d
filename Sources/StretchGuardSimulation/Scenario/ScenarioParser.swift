import StretchGuardCore

/// Reads the scenario format (`Calibration/scenarios/README.md`): settings first, then one step per line;
/// `#` starts a comment; words are case-insensitive.
struct ScenarioParser {
    /// The name errors are reported under.
    let file: String
    var scenario: Scenario
    /// The posture the steps read so far end in, in rad (to check the limits).
    var posture = PostureAngles.neutral
    /// The source of the values of ranges written `A..B`.
    var random: SeededRandom
    /// Whether any range was drawn.
    private(set) var drewRanges = false

    /// Posture limits, in rad: (flexion, side bend, twist).
    static let flexionLimit = -30 * degree...110 * degree
    static let sideBendLimit = -45 * degree...45 * degree
    static let twistLimit = -60 * degree...60 * degree

    static let settingKeywords = ["rate", "seed", "lever", "mounting", "sensor", "gyr", "acc", "jitter", "drop",
                                  "expect", "family", "conditions", "start", "pelvis"]
    static let stepKeywords = ["still", "hold", "bend", "flexion", "side", "twist", "neutral", "bounce",
                               "oscillate", "catcow", "breathe", "tremor", "turn", "walk", "jump"]

    /// A parser for the scenario called `name`, drawing ranges from `drawSeed` and the name; errors name
    /// `file` (default: the name).
    init(name: String, drawSeed: UInt64, file: String? = nil) {
        self.file = file ?? name
        scenario = Scenario(name: name)
        random = SeededRandom(stream: .ranges, seed: drawSeed, name: name)
    }

    mutating func parse(_ text: String) throws(ScenarioError) -> Scenario {
        var lineNumber = 0
        for text in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = ScenarioLine(file: file, number: lineNumber, text: text, random: random)
            defer {
                random = line.random
                drewRanges = drewRanges || line.drewRange
            }
            guard let keyword = line.next() else { continue }
            if Self.settingKeywords.contains(keyword) {
                guard scenario.steps.isEmpty else {
                    throw line.error("the setting '\(keyword)' comes after the first step",
                                     fix: "move every setting line above the first step")
                }
                try parseSetting(keyword, &line)
            } else if Self.stepKeywords.contains(keyword) {
                let steps = try parseStep(keyword, &line)
                try checkFirstStep(steps[0], line: line)
                scenario.steps += steps
            } else {
                throw line.error("unknown word '\(keyword)' at the start of the line",
                                 fix: Self.suggestion(for: keyword))
            }
        }
        guard !scenario.steps.isEmpty else {
            throw ScenarioError(file: file, line: max(lineNumber, 1), problem: "the scenario has no steps",
                                fix: "add steps, starting with `still 3 s` (the calibration baseline)")
        }
        return scenario
    }

    /// The baseline: the replay tool calibrates on the first 2 s, so they must be upright and still (unless
    /// the scenario says `start moving`).
    private func checkFirstStep(_ step: ScenarioStep, line: ScenarioLine) throws(ScenarioError) {
        guard scenario.steps.isEmpty, !scenario.startsMoving else { return }
        guard step.action == .hold, step.duration >= Scenario.minimumBaseline - 1e-9 else {
            throw line.error("the scenario must start with at least 2 s of standing upright and still (the calibration baseline)",
                             fix: "put `still 3 s` before this step")
        }
    }

    /// The fix for an unknown first word: the closest keyword, and the list.
    static func suggestion(for word: String) -> String {
        let all = settingKeywords + stepKeywords
        let closest = all.min { editDistance($0, word) < editDistance($1, word) }
        let hint = closest.flatMap { editDistance($0, word) <= 2 ? "did you mean '\($0)'? " : nil } ?? ""
        return "\(hint)a line starts with a setting (\(settingKeywords.joined(separator: ", "))) or a step (\(stepKeywords.joined(separator: ", ")))"
    }

    /// Levenshtein distance between two words.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let saved = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = saved
            }
        }
        return row[b.count]
    }
}

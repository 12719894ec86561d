import StretchGuardCore
import Yams

/// Reads a plan: a YAML file of exercises, each a profile with sides, repetitions, hold and rest in
/// seconds, and its progression (see `Calibration/plans/README.md`). An unknown key, a wrong type, a value
/// out of range, a profile that does not exist or does not fit (a side on an exercise without sides, a
/// hold longer than the profile allows) is an error naming the file, line and field, with the allowed range.
public enum PlanFile {
    /// The keys each part of a plan may hold.
    enum Keys {
        static let root = ["name", "summary", "sessions_per_week", "exercises"]
        static let exercise = ["profile", "sides", "repetitions", "hold_s", "rest_s", "progression"]
        static let progression = ["step_s", "after_clean_sessions", "max_hold_s", "back_off_on_pain", "pause_after_missed_days"]
        static let homes: [(name: String, keys: [String])] = [
            ("exercises[…]", exercise), ("exercises[…].progression", progression),
        ]
    }

    /// Parses a plan's text.
    ///
    /// - Parameters:
    ///   - text: the YAML.
    ///   - path: the file, for messages; its name (without `.yaml`) is the plan's name unless `name:` is given.
    ///   - profiles: where the exercises' profiles are found by name.
    public static func parse(_ text: String, path: String, profiles: ProfileLibrary) throws(ConfigError) -> ExercisePlan {
        guard let root = try ConfigYAML.compose(text, path: path) else {
            throw ConfigError(path: path, problem: "is empty", fix: "start from Calibration/plans/starter-low-back.yaml")
        }
        return try PlanReader(file: path, profiles: profiles).read(root)
    }
}

/// Walks a plan's YAML tree: the top level, each exercise, each progression.
struct PlanReader {
    let file: String
    let profiles: ProfileLibrary
    private var values: ConfigValues { ConfigValues(file: file) }

    init(file: String, profiles: ProfileLibrary) {
        self.file = file
        self.profiles = profiles
    }

    func read(_ root: Node) throws(ConfigError) -> ExercisePlan {
        guard case .mapping = root else {
            throw ConfigError(path: file, line: root.mark?.line, problem: "must be a mapping of 'key: value' lines",
                              fix: "write 'name:', 'summary:', 'sessions_per_week:' and 'exercises:' at the left margin")
        }
        let top = try checkedSection(root, field: "", allowed: PlanFile.Keys.root)
        var name = file.split(separator: "/").last.map { String($0.split(separator: ".").first ?? $0) } ?? "plan"
        if let node = top["name"] { name = try values.plainText(node, "name", example: "starter-low-back") }
        let summary = try top["summary"].map { node throws(ConfigError) in
            try values.plainText(node, "summary", example: "Gentle start for low-back pain")
        } ?? ""
        let perWeek = try values.count(top.required("sessions_per_week", example: "5"), "sessions_per_week",
                                       unit: "sessions a week", limits: ExercisePlan.sessionsPerWeekLimits, example: "5")
        guard let list = top["exercises"] else {
            throw ConfigError(path: file, line: top.line, field: "exercises", problem: "is missing",
                              fix: "add 'exercises:' and below it one '- profile: NAME' per exercise, with its repetitions, hold_s and rest_s")
        }
        guard case let .sequence(items) = list else {
            throw values.fail(list, "exercises", "must be a list of exercises",
                              "start each exercise with '- profile: NAME' on its own line, indented under 'exercises:'")
        }
        guard !items.isEmpty else {
            throw values.fail(list, "exercises", "lists no exercises",
                              "add at least one, e.g. '- profile: cat-cow' with its repetitions, hold_s and rest_s")
        }
        var exercises: [PlanExercise] = []
        for (index, item) in items.enumerated() {
            exercises.append(try readExercise(item, field: "exercises[\(index + 1)]"))
        }
        return ExercisePlan(name: name, summary: summary, sessionsPerWeek: perWeek, exercises: exercises)
    }

    private func readExercise(_ node: Node, field: String) throws(ConfigError) -> PlanExercise {
        let section = try checkedSection(node, field: field, allowed: PlanFile.Keys.exercise)
        let profile = try readProfile(section.required("profile", example: "cat-cow"), field: section.name("profile"))
        let sides = try readSides(section["sides"], field: section.name("sides"), profile: profile)
        let repetitions = try values.count(section.required("repetitions", example: "3"), section.name("repetitions"),
                                           unit: "repetitions", limits: PlanExercise.repetitionLimits, example: "3")
        let holdNode = try section.required("hold_s", example: "15")
        let hold = try values.number(holdNode, section.name("hold_s"), unit: "s", limits: PlanExercise.holdLimits, example: "15")
        try requireWithinProfile(hold, holdNode, section.name("hold_s"), profile: profile)
        let rest = try values.number(section.required("rest_s", example: "30"), section.name("rest_s"), unit: "s",
                                     limits: PlanExercise.restLimits, example: "30")
        var rule = PlanProgressionRule(maxHold: profile.hold.target)
        if let node = section["progression"] {
            rule = try readProgression(node, field: section.name("progression"), profile: profile, startHold: hold)
        }
        return PlanExercise(profile: profile, sides: sides, repetitions: repetitions, startHold: hold, rest: rest,
                            progression: rule)
    }

    private func readProfile(_ node: Node, field: String) throws(ConfigError) -> FormProfile {
        let name = try values.text(node, field, example: "cat-cow")
        let known = profiles.names()
        guard known.contains(name) else {
            let near = ConfigSection.closest(to: name, in: known).map { "did you mean '\($0)'? " } ?? ""
            throw values.fail(node, field, "'\(name)' is not a known exercise profile",
                              "\(near)use one of \(known.joined(separator: ", ")) (the files in Calibration/profiles)")
        }
        return try profiles.load(name)
    }

    private func readSides(_ node: Node?, field: String, profile: FormProfile) throws(ConfigError) -> PlanSides {
        guard let node else { return profile.isOneSided ? .both : .none }
        let sides: PlanSides = try values.option(node, field, noun: "a choice of sides")
        if profile.isOneSided && sides == .none {
            throw values.fail(node, field, "\(profile.name) is done one side at a time, so it needs a side",
                              "write both (left then right), left or right")
        }
        if !profile.isOneSided && sides != .none {
            throw values.fail(node, field, "\(profile.name) has no left or right (it works both sides at once)",
                              "write none, or delete the line")
        }
        return sides
    }

    private func readProgression(_ node: Node, field: String, profile: FormProfile,
                                 startHold: Double) throws(ConfigError) -> PlanProgressionRule {
        let section = try checkedSection(node, field: field, allowed: PlanFile.Keys.progression)
        var rule = PlanProgressionRule(maxHold: profile.hold.target)
        typealias Rule = PlanProgressionRule
        if let value = section["step_s"] {
            rule.step = try values.number(value, section.name("step_s"), unit: "s", limits: Rule.stepLimits, example: "5")
        }
        if let value = section["after_clean_sessions"] {
            rule.afterCleanSessions = try values.count(value, section.name("after_clean_sessions"), unit: "sessions",
                                                       limits: Rule.cleanSessionLimits, example: "2")
        }
        if let value = section["max_hold_s"] {
            let name = section.name("max_hold_s")
            rule.maxHold = try values.number(value, name, unit: "s", limits: PlanExercise.holdLimits, example: "30")
            try requireWithinProfile(rule.maxHold, value, name, profile: profile)
            guard rule.maxHold >= startHold else {
                throw values.fail(value, name, "\(formatted(rule.maxHold)) s is below the starting hold_s of \(formatted(startHold)) s",
                                  "use a value from \(formatted(startHold)) to \(formatted(profile.hold.target)) s, or lower hold_s")
            }
        }
        if let value = section["back_off_on_pain"] {
            rule.backOffOnPain = try values.toggle(value, section.name("back_off_on_pain"), words: "true or false")
        }
        if let value = section["pause_after_missed_days"] {
            rule.pauseAfterMissedDays = try values.count(value, section.name("pause_after_missed_days"), unit: "days",
                                                         limits: Rule.pauseDayLimits, example: "7")
        }
        return rule
    }

    /// A hold (in s) no longer than the profile's own `hold.target`: the plan can ask for less, never more.
    private func requireWithinProfile(_ hold: Double, _ node: Node, _ field: String, profile: FormProfile) throws(ConfigError) {
        let longest = profile.hold.target
        guard hold > longest else { return }
        let lowest = PlanExercise.holdLimits.lowerBound
        let range = longest > lowest ? "a value from \(formatted(lowest)) to \(formatted(longest)) s" : "\(formatted(longest)) s"
        throw values.fail(node, field,
                          "\(formatted(hold)) s is beyond the longest hold \(profile.name) allows (its hold.target_s, \(formatted(longest)) s)",
                          "use \(range), or raise hold.target_s in the profile")
    }

    private func checkedSection(_ node: Node, field: String, allowed: [String]) throws(ConfigError) -> ConfigSection {
        try ConfigSection(node, field: field, allowed: allowed, file: file, noun: "a plan field", homes: PlanFile.Keys.homes)
    }
}

import StretchGuardCore

/// An exercise scenario: sensor settings and a timeline of body-motion steps, as read from a
/// `.scenario` file (grammar: `Calibration/scenarios/README.md`).
///
/// Every scenario starts with at least `Scenario.minimumBaseline` (2 s) of standing upright and still, the
/// baseline the replay tool calibrates on, unless it says `start moving` (the late-start family, where a
/// replay must find the still stretch itself). Angles are in rad, durations in s, frequencies in Hz.
public struct Scenario: Sendable {
    /// The scenario's name (the file name without `.scenario`, or any label the caller chose).
    public var name: String
    /// Nominal sample rate, in Hz. Default 100.
    public var sampleRate: Double = 100
    /// The seed a caller should render with when it has none of its own (`seed` line; default 1).
    public var seed: UInt64 = 1
    /// Distance from the hip pivot to the sensor along the trunk's long axis, in m. Default 0.45.
    public var leverArm: Double = 0.45
    /// How the sensor sits on the back. Default: axes along the body's.
    public var mounting: SensorMounting = .aligned
    /// Sensor imperfections added to the ideal signals. Default: `SensorErrorSettings.typical`.
    public var errors: SensorErrorSettings = .typical
    /// The alerts the scenario is meant to trigger (`expect` line): empty for a never-alert case, nil
    /// when the file does not say.
    public var expectedAlerts: Set<ExpectedAlert>?
    /// The motion, in order.
    public var steps: [ScenarioStep] = []
    /// The scenario family the evaluation groups it under (`family` line), nil when not given.
    public var family: String?
    /// Whether the scenario may begin with movement instead of a still baseline (`start moving`).
    public var startsMoving = false
    /// Whether the file's own mounting, rate, lever and sensor lines are kept when a caller randomises the
    /// conditions (`conditions fixed`).
    public var conditionsPinned = false
    /// Breathing and tremor added to every `still`/`hold` step; nil for none (the default; randomised
    /// conditions set it).
    public var holdMotion: HoldMotion?
    /// A second sensor on the pelvis (`pelvis on`); nil for the one thorax sensor (the default).
    public var pelvis: PelvisSettings?

    /// Shortest still start, in s: the replay tool's calibration baseline.
    public static let minimumBaseline = 2.0

    /// An empty scenario with the default settings (add steps before rendering).
    public init(name: String) {
        self.name = name
    }

    /// Total length, in s.
    public var duration: Double { steps.reduce(0) { $0 + $1.duration } }

    /// Reads a scenario from its text.
    ///
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - name: the scenario's name; also the place named in errors (`name:line: …`).
    /// - Throws: `ScenarioError` naming the 1-based line, the problem and the fix.
    ///   - seed: the render seed that numeric ranges (`18..20`) are drawn from, together with `name`;
    ///     nil draws them from the file's own `seed` line (default 1).
    ///   - file: the place errors name instead of `name` (e.g. the file's path).
    public static func parse(_ text: String, name: String, seed: UInt64? = nil,
                             file: String? = nil) throws(ScenarioError) -> Scenario {
        var parser = ScenarioParser(name: name, drawSeed: seed ?? 1, file: file)
        let scenario = try parser.parse(text)
        guard seed == nil, parser.drewRanges, scenario.seed != 1 else { return scenario }
        var again = ScenarioParser(name: name, drawSeed: scenario.seed, file: file)
        return try again.parse(text)
    }
}

/// An alert a scenario is written to trigger.
public enum ExpectedAlert: String, Sendable, CaseIterable {
    /// Torso twist of 15° or more held for 0.25 s or more.
    case twist
    /// Ballistic bouncing: 3° or more peak-to-peak at 0.5–4 Hz with at least two reversals.
    case bounce
}

/// One line of a scenario's timeline.
public struct ScenarioStep: Sendable, Equatable {
    /// The step's keyword (`still`, `bend`, `bounce`, `walk`, …): the truth's segment label.
    public var keyword: String
    /// The 1-based line it came from.
    public var line: Int
    /// Length, in s.
    public var duration: Double
    /// What the body does.
    public var action: Action
    /// For a move: when it is fastest, as a fraction of its duration (0.5, the default, is the symmetric
    /// minimum-jerk profile; less is a quick start and slow finish; 0.38–0.62).
    public var velocityPeak = 0.5

    /// What the body does during a step.
    public enum Action: Sendable, Equatable {
        /// Keeps the posture and stands still.
        case hold
        /// Moves smoothly (minimum jerk) to a new posture; nil angles stay as they are.
        case move(PostureTarget)
        /// Swings about the current posture and comes back to it.
        case oscillate(Oscillation)
        /// Turns the whole body on the spot with small steps: the stance heading changes by `angle` rad
        /// (+ = to the wearer's left, counter-clockwise seen from above); the posture does not.
        case turn(angle: Double, stepping: SteppingPattern)
        /// Walks straight ahead along the stance heading.
        case walk(speed: Double, stepping: SteppingPattern)
        /// Jumps on the spot.
        case jump(JumpProfile)
    }

    /// A step from line `line` lasting `duration` s.
    public init(keyword: String, line: Int, duration: Double, action: Action) {
        self.keyword = keyword
        self.line = line
        self.duration = duration
        self.action = action
    }
}

/// A posture to move to, in rad; nil keeps that angle.
public struct PostureTarget: Sendable, Equatable {
    /// Forward bend, in rad (+ forward).
    public var flexion: Double?
    /// Side bend, in rad (+ head toward the wearer's right).
    public var sideBend: Double?
    /// Twist, in rad (+ chest toward the wearer's left).
    public var twist: Double?

    /// A target with the given angles, in rad; nil keeps that angle.
    public init(flexion: Double? = nil, sideBend: Double? = nil, twist: Double? = nil) {
        self.flexion = flexion
        self.sideBend = sideBend
        self.twist = twist
    }

    /// All three angles zero: upright, facing the stance heading.
    public static let neutral = PostureTarget(flexion: 0, sideBend: 0, twist: 0)
}

/// One of the three posture angles.
public enum PostureAxis: String, Sendable, CaseIterable {
    /// Forward/backward bend about body y.
    case flexion
    /// Side bend about body x.
    case sideBend
    /// Axial rotation about the trunk's long axis.
    case twist
}

/// A smooth swing about the current posture in one angle: `± amplitude` at `frequency`, faded in and
/// out over a quarter period so the motion starts and ends at rest.
public struct Oscillation: Sendable, Equatable {
    /// The angle that swings.
    public var axis: PostureAxis
    /// Half the peak-to-peak swing, in rad (the posture goes `amplitude` either side of where it was).
    public var amplitude: Double
    /// Frequency, in Hz.
    public var frequency: Double

    /// A swing of ± `amplitude` rad at `frequency` Hz in `axis`.
    public init(axis: PostureAxis, amplitude: Double, frequency: Double) {
        self.axis = axis
        self.amplitude = amplitude
        self.frequency = frequency
    }

    /// Peak-to-peak swing, in rad.
    public var peakToPeak: Double { 2 * amplitude }
}

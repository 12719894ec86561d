import StretchGuardCore

/// A kind of number a scenario line takes, with the unit spellings it accepts (units are optional; a
/// bare number is in the first unit listed) and the factor to the internal unit.
enum ScenarioQuantity {
    /// An angle in degrees (internally rad).
    case angle
    /// A duration in s.
    case seconds
    /// A duration in ms (internally s).
    case milliseconds
    /// A frequency in Hz.
    case hertz
    /// A length in m.
    case meters
    /// A speed in m/s.
    case speed
    /// A fraction written in % (internally 0–1).
    case percent
    /// An acceleration in g (internally m/s²).
    case gravities
    /// An angular rate in °/s (internally rad/s).
    case angularRate
    /// An angular-rate random walk in °/s/√s (internally rad/s/√s).
    case angularRateWalk
    /// An acceleration in m/s².
    case acceleration
    /// An acceleration random walk in m/s²/√s.
    case accelerationWalk
    /// A plain number.
    case number

    /// Accepted unit spellings (lower case); the first is the one shown in messages.
    var spellings: [String] {
        switch self {
        case .angle: return ["°", "deg", "degrees", "degree"]
        case .seconds: return ["s", "sec", "seconds", "second"]
        case .milliseconds: return ["ms"]
        case .hertz: return ["hz"]
        case .meters: return ["m"]
        case .speed: return ["m/s"]
        case .percent: return ["%"]
        case .gravities: return ["g"]
        case .angularRate: return ["°/s", "deg/s"]
        case .angularRateWalk: return ["°/s/√s", "deg/s/√s", "deg/s/sqrt(s)"]
        case .acceleration: return ["m/s²", "m/s2", "m/s^2"]
        case .accelerationWalk: return ["m/s²/√s", "m/s2/√s", "m/s^2/sqrt(s)", "m/s2/sqrt(s)"]
        case .number: return []
        }
    }

    /// The factor from the written unit to the internal one.
    var factor: Double {
        switch self {
        case .angle, .angularRate, .angularRateWalk: return degree
        case .milliseconds: return 0.001
        case .percent: return 0.01
        case .gravities: return standardGravity
        case .seconds, .hertz, .meters, .speed, .acceleration, .accelerationWalk, .number: return 1
        }
    }

    /// How the unit reads in a message, e.g. "°" or "s".
    var unitName: String { spellings.first ?? "" }

    /// Words that count a step's repetitions instead of a unit.
    static let countWords: Set<String> = ["cycles", "cycle", "times", "time"]

    /// Every unit spelling of every quantity, plus the count words.
    static let allSpellings: Set<String> = {
        let all: [ScenarioQuantity] = [.angle, .seconds, .milliseconds, .hertz, .meters, .speed, .percent,
                                       .gravities, .angularRate, .angularRateWalk, .acceleration,
                                       .accelerationWalk]
        return Set(all.flatMap(\.spellings)).union(countWords)
    }()
}

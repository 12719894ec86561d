import ArgumentParser
import StretchGuardCore

extension SensorAxis: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// `--forward-axis`: `auto` (learned from the first deep bend) or a sensor axis.
enum ForwardAxisArgument: ExpressibleByArgument, Equatable {
    case auto
    case axis(SensorAxis)

    init?(argument: String) {
        if argument.lowercased() == "auto" {
            self = .auto
        } else if let axis = SensorAxis(argument: argument) {
            self = .axis(axis)
        } else {
            return nil
        }
    }

    static var allValueStrings: [String] { ["auto"] + SensorAxis.allValueStrings }

    var defaultValueDescription: String {
        switch self {
        case .auto: return "auto"
        case .axis(let axis): return axis.rawValue
        }
    }

    /// The declared axis, or nil for `auto`.
    var declared: SensorAxis? {
        if case .axis(let axis) = self { return axis }
        return nil
    }
}

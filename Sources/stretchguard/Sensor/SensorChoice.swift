import ArgumentParser
import StretchGuardHardware

/// `--sensor auto|sim|CHIP`: which sensor a live command reads.
enum SensorChoice: Equatable, ExpressibleByArgument {
    /// The configured IMU if one answers, else the simulated sensor (saying so).
    case auto
    /// The simulated MPU-6050, register for register, playing a scenario.
    case simulated
    /// A real IMU of this kind (fail when it is not found).
    case chip(IMUChipKind)

    init?(argument: String) {
        switch argument.lowercased() {
        case "auto": self = .auto
        case "sim", "simulated": self = .simulated
        default:
            guard let chip = IMUChipKind(rawValue: argument.lowercased()) else { return nil }
            self = .chip(chip)
        }
    }

    static var allValueStrings: [String] { ["auto", "sim"] + IMUChipKind.allCases.map(\.rawValue) }
}

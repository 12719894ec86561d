import StretchGuardHardware

/// Which sensor a live command reads (`--sensor auto|sim|CHIP`).
public enum SensorChoice: Equatable, Sendable {
    /// The configured IMU if one answers, else the simulated sensor (saying so).
    case auto
    /// The simulated MPU-6050, register for register, playing a scenario.
    case simulated
    /// A real IMU of this kind (fail when it is not found).
    case chip(IMUChipKind)

    /// Parses "auto", "sim" (or "simulated") or a chip kind's name ("mpu6050"), in any case; nil otherwise.
    public init?(argument: String) {
        switch argument.lowercased() {
        case "auto": self = .auto
        case "sim", "simulated": self = .simulated
        default:
            guard let chip = IMUChipKind(rawValue: argument.lowercased()) else { return nil }
            self = .chip(chip)
        }
    }

    /// Every spelling `init(argument:)` takes, for help texts.
    public static var allValueStrings: [String] { ["auto", "sim"] + IMUChipKind.allCases.map(\.rawValue) }
}

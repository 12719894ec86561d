import StretchGuardConfig
import StretchGuardCore

/// Which sensor is which, in the wearer's words, and what an address's strap pin must be: shared by the
/// live setup's errors and `doctor`.
public enum SensorPlacement {
    /// "thorax (upper back)" or "pelvis (belt)".
    public static func name(_ role: HardwareConfig.IMU.Role) -> String {
        switch role {
        case .thorax: "thorax (upper back)"
        case .pelvis: "pelvis (belt)"
        }
    }

    /// What sets the address a chip answers at, as a question to check: "is AD0 tied high (to 3.3 V)?" for
    /// 0x69; nil for an address no supported chip answers at.
    public static func strapQuestion(for address: UInt8) -> String? {
        switch address {
        case 0x68: "is AD0 tied low (to GND, or left open on most breakouts)?"
        case 0x69: "is AD0 tied high (to 3.3 V)?"
        case 0x6A: "is SDO/SA0 tied low (to GND)?"
        case 0x6B: "is SDO/SA0 tied high (to 3.3 V)?"
        default: nil
        }
    }

    /// The sentence for an IMU that gave no answer: "no answer at 0x69 on /dev/i2c-1 — is AD0 tied high (to
    /// 3.3 V)?" (addresses: the ones tried).
    public static func noAnswer(at addresses: [UInt8], on bus: String) -> String {
        let tried = addresses.map(hexByte).joined(separator: ", ")
        let question = addresses.count == 1 ? strapQuestion(for: addresses[0]).map { " — \($0)" } ?? "" : ""
        return "no answer at \(tried) on \(bus)\(question)"
    }

    /// The fix for an IMU that gave no answer.
    public static func noAnswerFix(role: HardwareConfig.IMU.Role, bus: String) -> String {
        let pins = bus == "/dev/i2c-1" ? " (SDA to pin 3, SCL to pin 5)" : ""
        let number = HardwareConfig.I2CBus(path: bus).number.map(String.init) ?? "N"
        let common = "check its 3.3 V, GND, SDA and SCL wires\(pins), and that `i2cdetect -y \(number)` shows it"
        switch role {
        case .thorax:
            return common
        case .pelvis:
            return common + "; on a shared bus the pelvis IMU's AD0 goes to 3.3 V (0x69) and the thorax's to GND "
                + "(0x68) — see Hardware/README.md (two sensors); to run with one sensor, remove the pelvis IMU from the hardware config"
        }
    }
}

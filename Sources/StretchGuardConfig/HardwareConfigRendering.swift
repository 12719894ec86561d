import StretchGuardCore
import Foundation

extension HardwareConfigFile {
    /// The config in the file format with every field written out (what `stretchguard doctor` can show as
    /// "in effect"); `parse` reads it back to an equal config.
    public static func render(_ config: HardwareConfig) -> String {
        var out = ["imu:"]
        if config.imus.count == 1 {
            out += imuLines(config.imus[0], withRole: config.imus[0].role != .thorax).map { "  " + $0 }
        } else {
            for imu in config.imus {
                let lines = imuLines(imu, withRole: true)
                out.append("  - " + lines[0])
                out += lines.dropFirst().map { "    " + $0 }
            }
        }
        let gpio = config.gpio
        out += ["gpio:", "  chip: \(scalar(gpio.chip.description))", "  buzzer: \(output(gpio.buzzer))"]
        switch gpio.leds {
        case nil:
            out.append("  leds: none")
        case let .traffic(green, yellow, red)?:
            out += ["  leds:", "    green: \(output(green))", "    yellow: \(output(yellow))", "    red: \(output(red))"]
        case let .rgb(red, green, blue)?:
            out += ["  leds:", "    rgb:", "      red: \(output(red))", "      green: \(output(green))", "      blue: \(output(blue))"]
        }
        if let button = gpio.button {
            let fields = ["line: \(line(button.line))", "active_low: \(button.activeLow)", "bias: \(button.bias.rawValue)",
                          "debounce_ms: \(formatted((button.debounceTime * 1e6).rounded() / 1e3))",
                          "long_press_s: \(formatted(button.longPressTime))"]
            out.append("  button: {\(fields.joined(separator: ", "))}")
        } else {
            out.append("  button: none")
        }
        out += ["feedback:", "  buzzer: \(config.feedback.buzzer ? "on" : "off")",
                "  repeat_interval_s: \(formatted(config.feedback.repeatInterval))"]
        return out.joined(separator: "\n") + "\n"
    }

    private static func imuLines(_ imu: HardwareConfig.IMU, withRole: Bool) -> [String] {
        var lines = withRole ? ["role: \(imu.role.rawValue)"] : []
        lines += [
            "bus: \(imu.bus.number.map(String.init) ?? scalar(imu.bus.path))",
            "address: \(imu.address.map(hexByte) ?? "auto")",
            "chip: \(imu.chip?.rawValue ?? "auto")",
            "rate_hz: \(formatted(imu.rate))",
            "gyro_range_dps: \(imu.gyroRange)",
            "accel_range_g: \(imu.accelRange)",
            "lowpass_hz: \(imu.lowpass.map(formatted) ?? "auto")",
            "data_ready_line: \(imu.dataReadyLine.map(line) ?? "none")",
        ]
        return lines
    }

    private static func output(_ output: HardwareConfig.Output?) -> String {
        guard let output else { return "none" }
        return "{line: \(line(output.line)), active_low: \(output.activeLow)}"
    }

    private static func line(_ line: HardwareConfig.Line) -> String {
        scalar(line.description)
    }

    /// Plain when safe, else double-quoted.
    private static func scalar(_ text: String) -> String {
        let plain = !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || "-_./".contains($0) }
            && !["none", "auto", "null", "true", "false", "on", "off", "yes", "no"].contains(text.lowercased())
        if plain { return text }
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\""
    }
}

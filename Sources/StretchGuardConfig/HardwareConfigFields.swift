import StretchGuardCore
import Foundation
import Yams

/// The keys each part of `hardware.yaml` may hold (for unknown-key errors and "did you mean").
enum HardwareKeys {
    static let root = ["imu", "gpio", "feedback"]
    static let imu = ["role", "bus", "address", "chip", "rate_hz", "gyro_range_dps", "accel_range_g", "lowpass_hz",
                      "data_ready_line"]
    static let gpio = ["chip", "buzzer", "leds", "button"]
    static let output = ["line", "active_low"]
    static let leds = ["green", "yellow", "red", "rgb"]
    static let rgb = ["red", "green", "blue"]
    static let button = ["line", "active_low", "bias", "debounce_ms", "long_press_s"]
    static let feedback = ["buzzer", "repeat_interval_s"]

    /// Sections where a misplaced key belongs, for "belongs under" hints.
    static let sections: [(name: String, keys: [String])] = [
        ("imu", imu), ("gpio", gpio), ("gpio.button", button), ("feedback", feedback),
    ]
}

/// The hardware file's own values: GPIO lines, I2C addresses and buses.
extension ConfigValues {
    /// A GPIO line: `GPIO17` (any case), another line name, or an offset `17`.
    func line(_ node: Node, _ field: String) throws(ConfigError) -> HardwareConfig.Line {
        let raw = try text(node, field, example: "GPIO17")
        if let offset = Int(raw) {
            guard (0...1023).contains(offset) else {
                throw fail(node, field, "\(offset) is not a line offset",
                           "use the line's name (e.g. GPIO17) or its offset on the chip (0 to 1023)")
            }
            return .offset(offset)
        }
        let lower = raw.lowercased()
        if lower.hasPrefix("gpio"), let number = Int(raw.dropFirst(4)), number >= 0 {
            return .name("GPIO\(number)")
        }
        let pinDigits = lower.hasPrefix("pin") ? lower.dropFirst(3) : lower.hasPrefix("p1-") ? lower.dropFirst(3) : nil
        if let pinDigits, let pin = Int(pinDigits.trimmingCharacters(in: .whitespaces).drop { $0 == "-" || $0 == "_" }) {
            let fix: String
            if let gpio = RaspberryPiHeader.gpio(onPin: pin) {
                fix = "write the GPIO on that pin: GPIO\(gpio) (pin \(pin))"
            } else if let power = RaspberryPiHeader.function(ofPin: pin) {
                fix = "pin \(pin) is \(power), not a GPIO; pick a GPIO pin (see the header diagram in Hardware/README.md)"
            } else {
                fix = "the header has pins 1 to 40; write the GPIO name, e.g. GPIO17 (pin 11)"
            }
            throw fail(node, field, "'\(raw)' is a physical pin number, not a GPIO line", fix)
        }
        return .name(raw)
    }

    /// An I2C address (`0x68`, or decimal), or `nil` for `auto`.
    func address(_ node: Node, _ field: String) throws(ConfigError) -> UInt8? {
        let raw = try text(node, field, example: "0x68")
        if raw.lowercased() == "auto" { return nil }
        let lower = raw.lowercased()
        let value = lower.hasPrefix("0x") ? Int(lower.dropFirst(2), radix: 16) : Int(lower)
        let allowed = "use auto, " + HardwareConfig.IMU.supportedAddresses.map(hexByte).joined(separator: ", ")
            .replacingLastComma(with: " or")
        guard let value else { throw fail(node, field, "'\(raw)' is not an I2C address", allowed) }
        guard let address = UInt8(exactly: value), HardwareConfig.IMU.supportedAddresses.contains(address) else {
            let shown = lower.hasPrefix("0x") && (0...0xFF).contains(value) ? hexByte(UInt8(value)) : raw
            let hint = !lower.hasPrefix("0x") && [68, 69].contains(value) ? " (addresses are hex: write 0x\(value))" : ""
            throw fail(node, field, "\(shown) is not an IMU address", allowed + hint)
        }
        return address
    }

    /// An I2C bus: a number (`1` → `/dev/i2c-1`), `i2c-1`, or a device path.
    func bus(_ node: Node, _ field: String) throws(ConfigError) -> HardwareConfig.I2CBus {
        let raw = try text(node, field, example: "1")
        if let number = Int(raw), (0...1023).contains(number) { return HardwareConfig.I2CBus(number: number) }
        if raw.hasPrefix("i2c-"), let number = Int(raw.dropFirst(4)), number >= 0 { return HardwareConfig.I2CBus(number: number) }
        if raw.hasPrefix("/") { return HardwareConfig.I2CBus(path: raw) }
        throw fail(node, field, "'\(raw)' is not an I2C bus",
                   "write the bus number (1 for the Pi header's pins 3 and 5) or its device path, e.g. /dev/i2c-1")
    }
}


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

/// One mapping of the file: its field prefix (`gpio.buzzer`), its keys, checked against the allowed ones.
struct HardwareSection {
    let file: String
    let field: String
    private let entries: [String: Node]

    /// Fails when `node` is not a mapping or holds a key not in `allowed`.
    init(_ node: Node, field: String, allowed: [String], file: String) throws(ConfigError) {
        self.file = file
        self.field = field
        guard case let .mapping(mapping) = node else {
            throw ConfigError(path: file, line: node.mark?.line, field: field.isEmpty ? nil : field,
                              problem: "must be a mapping of 'key: value' lines",
                              fix: "indent its settings under it: \(allowed.prefix(4).joined(separator: ", "))…")
        }
        var entries: [String: Node] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? "?"
            guard allowed.contains(key) else {
                throw HardwareSection.unknown(key, in: field, allowed: allowed, at: keyNode.mark?.line, file: file)
            }
            entries[key] = value
        }
        self.entries = entries
    }

    /// The value under `key`, if present.
    subscript(key: String) -> Node? { entries[key] }

    /// The dotted field name of `key`.
    func name(_ key: String) -> String { field.isEmpty ? key : field + "." + key }

    static func unknown(_ key: String, in field: String, allowed: [String], at line: Int?, file: String) -> ConfigError {
        let name = field.isEmpty ? key : field + "." + key
        let place = field.isEmpty ? "at the top level" : "in '\(field)'"
        var fix = "known \(place): \(allowed.joined(separator: ", "))"
        if let near = closest(to: key, in: allowed) {
            fix = "did you mean '\(near)'? (\(fix))"
        } else if let home = HardwareKeys.sections.first(where: { $0.keys.contains(key) && $0.name != field }) {
            fix = "'\(key)' belongs under '\(home.name)'; move it there (\(fix))"
        }
        return ConfigError(path: file, line: line, field: name, problem: "is not a hardware setting", fix: fix)
    }

    /// The allowed key within a small edit distance of `key` (a typo), if exactly one is nearest.
    /// A key written without its unit suffix (`rate` for `rate_hz`) also counts.
    static func closest(to key: String, in allowed: [String]) -> String? {
        let withSuffix = allowed.filter { $0.hasPrefix(key.lowercased() + "_") }
        if withSuffix.count == 1 { return withSuffix[0] }
        let scored = allowed.map { ($0, editDistance(key.lowercased(), $0)) }.sorted { $0.1 < $1.1 }
        guard let best = scored.first, best.1 <= max(1, min(3, key.count / 3)) else { return nil }
        if scored.count > 1, scored[1].1 == best.1 { return nil }
        return best.0
    }

    /// Levenshtein distance (insertions, deletions, substitutions).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// Reads single values of the file, each failure a `ConfigError` naming the field and the fix.
struct HardwareValues {
    let file: String

    func fail(_ node: Node, _ field: String, _ problem: String, _ fix: String) -> ConfigError {
        ConfigError(path: file, line: node.mark?.line, field: field, problem: problem, fix: fix)
    }

    /// The scalar's text, trimmed; a mapping or list is an error.
    func text(_ node: Node, _ field: String, example: String) throws(ConfigError) -> String {
        guard case let .scalar(scalar) = node else {
            throw fail(node, field, "must be a single value, not a list or mapping", "write it on one line, e.g. '\(example)'")
        }
        let text = scalar.string.trimmingCharacters(in: .whitespaces)
        let isNull = scalar.style == .plain && (text.isEmpty || text == "~" || text.lowercased() == "null")
        guard !isNull else {
            throw fail(node, field, "has no value", "write a value, e.g. '\(example)', or delete the line to keep the default")
        }
        return text
    }

    /// `true` when the value is `none` (the part is not wired).
    func isNone(_ node: Node) -> Bool {
        node.scalar.map { $0.string.lowercased() == "none" } ?? false
    }

    /// A number in `unit`, within `limits`.
    func number(_ node: Node, _ field: String, unit: String, limits: ClosedRange<Double>,
                example: String) throws(ConfigError) -> Double {
        let raw = try text(node, field, example: example)
        guard let value = Double(raw), value.isFinite else {
            throw fail(node, field, "'\(raw)' is not a number", "write a number in \(unit), e.g. \(example)")
        }
        guard limits.contains(value) else {
            throw fail(node, field, "\(formatted(value)) \(unit) is out of range",
                       "use a value from \(formatted(limits.lowerBound)) to \(formatted(limits.upperBound)) \(unit)")
        }
        return value
    }

    /// A whole number from `allowed`, in `unit`.
    func choice(_ node: Node, _ field: String, unit: String, allowed: [Int]) throws(ConfigError) -> Int {
        let list = allowed.map(String.init).joined(separator: ", ")
        let raw = try text(node, field, example: String(allowed[1]))
        guard let value = Int(raw), allowed.contains(value) else {
            let shown = Double(raw) != nil ? "\(raw) \(unit)" : "'\(raw)'"
            throw fail(node, field, "\(shown) is not a supported range", "use one of \(list) (\(unit))")
        }
        return value
    }

    /// `on`/`off` (also `true`/`false`, `yes`/`no`).
    func toggle(_ node: Node, _ field: String) throws(ConfigError) -> Bool {
        let raw = try text(node, field, example: "on")
        switch raw.lowercased() {
        case "on", "true", "yes": return true
        case "off", "false", "no": return false
        default: throw fail(node, field, "'\(raw)' is not on or off", "write on or off")
        }
    }

    /// One of an enumeration's raw values.
    func option<E: RawRepresentable & CaseIterable>(_ node: Node, _ field: String, noun: String,
                                                    extra: [String] = []) throws(ConfigError) -> E where E.RawValue == String {
        let names = extra + E.allCases.map(\.rawValue)
        let raw = try text(node, field, example: names[0])
        guard let value = E(rawValue: raw.lowercased()) else {
            let near = HardwareSection.closest(to: raw, in: names).map { "did you mean '\($0)'? " } ?? ""
            throw fail(node, field, "'\(raw)' is not \(noun)", "\(near)use one of \(names.joined(separator: ", "))")
        }
        return value
    }

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

/// A number without a trailing `.0`: `200`, `2.5`.
func formatted(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}

extension String {
    /// "a, b, c" → "a, b or c".
    func replacingLastComma(with word: String) -> String {
        guard let range = range(of: ",", options: .backwards) else { return self }
        return replacingCharacters(in: range, with: word)
    }
}

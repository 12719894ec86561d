import Yams

/// Reads `hardware.yaml`: how the IMU, buzzer, LEDs and button are wired (see
/// `Hardware/stretchguard.example.yaml`). Every setting is optional (the built-in Raspberry Pi wiring fills
/// in); an unknown key, a wrong value or parts that clash (one line used twice, an address the chip cannot
/// have) is an error naming the file, line, field and the fix.
public enum HardwareConfigFile {
    /// Parses and checks a hardware config's text. An empty file (or only comments) gives the defaults.
    ///
    /// - Parameters:
    ///   - text: the YAML.
    ///   - path: the file, for messages.
    public static func parse(_ text: String, path: String) throws(ConfigError) -> HardwareConfig {
        let root = try ConfigYAML.compose(text, path: path)
        guard let root, !HardwareReader.isNull(root) else { return .defaults }
        var reader = HardwareReader(file: path)
        let config = try reader.read(root)
        try config.validate(path: path, places: reader.places)
        return config
    }
}

/// Where each field was written: its line, and whether `imu:` was a list.
struct HardwareFieldPlaces {
    var lines: [String: Int] = [:]
    var imuIsList = false

    /// The dotted name of IMU `index`: `imu`, or `imu[0]`, `imu[1]` in the list form.
    func imuField(_ index: Int, count: Int) -> String {
        imuIsList || count > 1 ? "imu[\(index)]" : "imu"
    }
}

/// Walks the YAML tree section by section, starting from the defaults.
struct HardwareReader {
    let file: String
    private(set) var places = HardwareFieldPlaces()
    private var values: ConfigValues { ConfigValues(file: file) }

    init(file: String) { self.file = file }

    /// A plain `~`, `null` or empty value.
    static func isNull(_ node: Node) -> Bool {
        guard case let .scalar(scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null"].contains(scalar.string.lowercased())
    }

    mutating func read(_ root: Node) throws(ConfigError) -> HardwareConfig {
        guard case .mapping = root else {
            throw ConfigError(path: file, line: root.mark?.line, problem: "must be a mapping of sections",
                              fix: "write 'imu:', 'gpio:' and 'feedback:' at the left margin")
        }
        let top = try checkedSection(root, field: "", allowed: HardwareKeys.root)
        var config = HardwareConfig.defaults
        if let node = top["imu"], !Self.isNull(node) { config.imus = try readIMUs(node) }
        if let node = top["gpio"], !Self.isNull(node) { config.gpio = try readGPIO(node) }
        if let node = top["feedback"], !Self.isNull(node) { config.feedback = try readFeedback(node) }
        return config
    }

    /// One mapping of the file, its keys checked against `allowed`.
    private func checkedSection(_ node: Node, field: String, allowed: [String]) throws(ConfigError) -> ConfigSection {
        try ConfigSection(node, field: field, allowed: allowed, file: file, noun: "a hardware setting", homes: HardwareKeys.sections)
    }

    private mutating func note(_ field: String, _ node: Node) {
        places.lines[field] = node.mark?.line
    }

    private mutating func readIMUs(_ node: Node) throws(ConfigError) -> [HardwareConfig.IMU] {
        guard case let .sequence(list) = node else {
            return [try readIMU(node, field: "imu", role: .thorax, dataReady: true)]
        }
        places.imuIsList = true
        guard (1...2).contains(list.count) else {
            throw ConfigError(path: file, line: node.mark?.line, field: "imu", problem: "lists \(list.count) IMUs",
                              fix: "list one (role: thorax) or two (role: thorax and role: pelvis)")
        }
        var imus: [HardwareConfig.IMU] = []
        for (index, item) in list.enumerated() {
            imus.append(try readIMU(item, field: "imu[\(index)]", role: index == 0 ? .thorax : .pelvis, dataReady: index == 0))
        }
        return imus
    }

    /// One IMU; `dataReady: false` (the second in a list) defaults its `data_ready_line` to none, not GPIO17.
    private mutating func readIMU(_ node: Node, field: String, role: HardwareConfig.IMU.Role,
                                  dataReady: Bool) throws(ConfigError) -> HardwareConfig.IMU {
        let section = try checkedSection(node, field: field, allowed: HardwareKeys.imu)
        note(field, node)
        var imu = HardwareConfig.IMU(role: role)
        if !dataReady { imu.dataReadyLine = nil }
        typealias IMU = HardwareConfig.IMU
        for key in HardwareKeys.imu {
            guard let value = section[key] else { continue }
            let name = section.name(key)
            note(name, value)
            switch key {
            case "role": imu.role = try values.option(value, name, noun: "a sensor position")
            case "bus": imu.bus = try values.bus(value, name)
            case "address": imu.address = try values.address(value, name)
            case "chip":
                let auto = try values.text(value, name, example: "auto").lowercased() == "auto"
                imu.chip = auto ? nil : try values.option(value, name, noun: "a supported IMU chip", extra: ["auto"]) as IMU.Chip
            case "rate_hz": imu.rate = try values.number(value, name, unit: "Hz", limits: IMU.rateLimits, example: "200")
            case "gyro_range_dps": imu.gyroRange = try values.choice(value, name, unit: "°/s", allowed: IMU.gyroRanges)
            case "accel_range_g": imu.accelRange = try values.choice(value, name, unit: "g", allowed: IMU.accelRanges)
            case "lowpass_hz":
                let auto = try values.text(value, name, example: "42").lowercased() == "auto"
                imu.lowpass = auto ? nil : try values.number(value, name, unit: "Hz", limits: IMU.lowpassLimits, example: "42")
            case "data_ready_line": imu.dataReadyLine = values.isNone(value) ? nil : try values.line(value, name)
            default: break
            }
        }
        return imu
    }

    private mutating func readGPIO(_ node: Node) throws(ConfigError) -> HardwareConfig.GPIO {
        let section = try checkedSection(node, field: "gpio", allowed: HardwareKeys.gpio)
        var gpio = HardwareConfig.GPIO()
        if let value = section["chip"] {
            gpio.chip = HardwareConfig.Chip(parsing: try values.text(value, "gpio.chip", example: "gpiochip0"))
        }
        if let value = section["buzzer"] {
            gpio.buzzer = try readOutput(value, field: "gpio.buzzer", default: gpio.buzzer!, noneAllowed: true)
        }
        if let value = section["leds"] { gpio.leds = try readLEDs(value) }
        if let value = section["button"] { gpio.button = try readButton(value) }
        return gpio
    }

    /// `none`, a bare line (`GPIO18`), or `{line: GPIO18, active_low: false}`.
    private mutating func readOutput(_ node: Node, field: String, default output: HardwareConfig.Output,
                                     noneAllowed: Bool) throws(ConfigError) -> HardwareConfig.Output? {
        try requireValue(node, field, example: output.line)
        if values.isNone(node) {
            guard noneAllowed else {
                throw values.fail(node, field, "cannot be none on its own",
                                  "give its line, or write 'leds: none' when no LEDs are wired")
            }
            return nil
        }
        var output = output
        if case .scalar = node {
            note(field + ".line", node)
            output.line = try values.line(node, field)
            return output
        }
        let section = try checkedSection(node, field: field, allowed: HardwareKeys.output)
        if let value = section["line"] {
            note(section.name("line"), value)
            output.line = try values.line(value, section.name("line"))
        }
        if let value = section["active_low"] { output.activeLow = try values.toggle(value, section.name("active_low")) }
        return output
    }

    private mutating func readLEDs(_ node: Node) throws(ConfigError) -> HardwareConfig.LEDs? {
        try requireValue(node, "gpio.leds", example: .name("GPIO23"))
        if values.isNone(node) { return nil }
        let section = try checkedSection(node, field: "gpio.leds", allowed: HardwareKeys.leds)
        func output(_ name: String) -> HardwareConfig.Output { HardwareConfig.Output(line: .name(name)) }
        if let rgbNode = section["rgb"] {
            if ["green", "yellow", "red"].contains(where: { section[$0] != nil }) {
                throw values.fail(node, "gpio.leds", "mixes green/yellow/red with rgb",
                                  "use either three LEDs (green, yellow, red) or one RGB LED (rgb: {red, green, blue})")
            }
            let rgb = try checkedSection(rgbNode, field: "gpio.leds.rgb", allowed: HardwareKeys.rgb)
            var colours = [output("GPIO25"), output("GPIO23"), output("GPIO24")]
            for (index, key) in HardwareKeys.rgb.enumerated() {
                guard let value = rgb[key] else { continue }
                colours[index] = try readOutput(value, field: rgb.name(key), default: colours[index], noneAllowed: false)!
            }
            return .rgb(red: colours[0], green: colours[1], blue: colours[2])
        }
        var colours = [output("GPIO23"), output("GPIO24"), output("GPIO25")]
        for (index, key) in ["green", "yellow", "red"].enumerated() {
            guard let value = section[key] else { continue }
            colours[index] = try readOutput(value, field: section.name(key), default: colours[index], noneAllowed: false)!
        }
        return .traffic(green: colours[0], yellow: colours[1], red: colours[2])
    }

    private mutating func readButton(_ node: Node) throws(ConfigError) -> HardwareConfig.Button? {
        var button = HardwareConfig.Button()
        try requireValue(node, "gpio.button", example: button.line)
        if values.isNone(node) { return nil }
        typealias Button = HardwareConfig.Button
        if case .scalar = node {
            note("gpio.button.line", node)
            button.line = try values.line(node, "gpio.button")
            return button
        }
        let section = try checkedSection(node, field: "gpio.button", allowed: HardwareKeys.button)
        note("gpio.button", node)
        for key in HardwareKeys.button {
            guard let value = section[key] else { continue }
            let name = section.name(key)
            note(name, value)
            switch key {
            case "line": button.line = try values.line(value, name)
            case "active_low": button.activeLow = try values.toggle(value, name)
            case "bias": button.bias = try values.option(value, name, noun: "a bias setting")
            case "debounce_ms":
                let limits = (Button.debounceLimits.lowerBound * 1000)...(Button.debounceLimits.upperBound * 1000)
                button.debounceTime = try values.number(value, name, unit: "ms", limits: limits, example: "30") / 1000
            case "long_press_s":
                button.longPressTime = try values.number(value, name, unit: "s", limits: Button.longPressLimits, example: "2.0")
            default: break
            }
        }
        return button
    }

    /// An empty wired part is an error: only `none` says "not wired".
    private func requireValue(_ node: Node, _ field: String, example: HardwareConfig.Line) throws(ConfigError) {
        guard Self.isNull(node) else { return }
        throw values.fail(node, field, "has no value", "write its line (e.g. \(example)), or none if it is not wired")
    }

    private mutating func readFeedback(_ node: Node) throws(ConfigError) -> HardwareConfig.Feedback {
        let section = try checkedSection(node, field: "feedback", allowed: HardwareKeys.feedback)
        var feedback = HardwareConfig.Feedback()
        if let value = section["buzzer"] { feedback.buzzer = try values.toggle(value, "feedback.buzzer") }
        if let value = section["repeat_interval_s"] {
            feedback.repeatInterval = try values.number(value, "feedback.repeat_interval_s", unit: "s",
                                                        limits: HardwareConfig.Feedback.repeatIntervalLimits, example: "3.0")
        }
        return feedback
    }
}

import StretchGuardCore
extension HardwareConfig {
    /// Checks that the parts fit together: one thorax IMU (at most two IMUs), addresses the chips can have,
    /// two IMUs on one bus at distinct fixed addresses, a low-pass below half the sample rate, no GPIO line
    /// used twice or taken from the I2C pins, and a button bias that matches `active_low`.
    ///
    /// Each value's own range is checked by `HardwareConfigFile.parse`; call this after changing a config in code.
    ///
    /// - Parameter path: the file (or other origin) named in the error.
    public func validate(path: String) throws(ConfigError) {
        try validate(path: path, places: HardwareFieldPlaces())
    }

    func validate(path: String, places: HardwareFieldPlaces) throws(ConfigError) {
        let check = HardwareChecks(config: self, path: path, places: places)
        try check.imuCount()
        try check.roles()
        for index in imus.indices { try check.imu(index) }
        try check.sharedBuses()
        try check.lines()
        try check.button()
    }
}

/// The cross-field checks, each throwing the first problem found.
struct HardwareChecks {
    let config: HardwareConfig
    let path: String
    let places: HardwareFieldPlaces

    private func fail(_ field: String, _ problem: String, _ fix: String) -> ConfigError {
        let line = places.lines[field] ?? places.lines[field.split(separator: ".").dropLast().joined(separator: ".")]
        return ConfigError(path: path, line: line, field: field, problem: problem, fix: fix)
    }

    private func field(_ index: Int, _ key: String) -> String {
        places.imuField(index, count: config.imus.count) + "." + key
    }

    func imuCount() throws(ConfigError) {
        guard (1...2).contains(config.imus.count) else {
            throw fail("imu", "lists \(config.imus.count) IMUs", "list one (role: thorax) or two (role: thorax and role: pelvis)")
        }
    }

    func roles() throws(ConfigError) {
        for (index, imu) in config.imus.enumerated() {
            if let earlier = config.imus[..<index].firstIndex(where: { $0.role == imu.role }) {
                let other = places.imuField(earlier, count: config.imus.count)
                throw fail(field(index, "role"), "'\(imu.role.rawValue)' is also the role of \(other)",
                           "give the upper-back sensor 'role: thorax' and the lower-back one 'role: pelvis'")
            }
        }
        guard config.imus.contains(where: { $0.role == .thorax }) else {
            throw fail(field(0, "role"), "no IMU has the role 'thorax'",
                       "give the upper-back sensor 'role: thorax' (every session needs it)")
        }
    }

    func imu(_ index: Int) throws(ConfigError) {
        let imu = config.imus[index]
        if let address = imu.address, let chip = imu.chip, !chip.addresses.contains(address) {
            let pins = chip.addresses.map(hexByte).joined(separator: " or ")
            let pin = chip.addresses[0] == 0x68 ? "AD0" : "SDO/SA0"
            throw fail(field(index, "address"),
                       "\(hexByte(address)) is not an address of the \(chip.rawValue) (it answers at \(pins))",
                       "use \(pins) (\(pin) to GND or to 3.3 V), or set chip: auto")
        }
        let nyquist = imu.rate / 2
        if let lowpass = imu.lowpass, lowpass > nyquist {
            let rate = "\(formatted(nyquist)) Hz at rate_hz \(formatted(imu.rate))"
            throw fail(field(index, "lowpass_hz"), "\(formatted(lowpass)) Hz is above half the sample rate (\(rate))",
                       "use at most \(formatted(nyquist)) Hz or auto, or raise rate_hz")
        }
    }

    func sharedBuses() throws(ConfigError) {
        let imus = config.imus
        for second in imus.indices {
            for first in imus.indices where first < second && imus[first].bus == imus[second].bus {
                let bus = imus[second].bus
                let names = (places.imuField(first, count: imus.count), places.imuField(second, count: imus.count))
                guard let a = imus[first].address, let b = imus[second].address else {
                    let auto = imus[first].address == nil ? first : second
                    throw fail(field(auto, "address"), "is auto, but \(names.0) and \(names.1) share \(bus)",
                               "give each IMU its own address: 0x68 (AD0 to GND) and 0x69 (AD0 to 3.3 V)")
                }
                if a == b {
                    let pair: [UInt8] = b < 0x6A ? [0x68, 0x69] : [0x6A, 0x6B]
                    let other = pair.first { $0 != b } ?? pair[1]
                    let pin = other < 0x6A ? "AD0" : "SDO/SA0"
                    let level = other == pair[0] ? "GND" : "3.3 V"
                    throw fail(field(second, "address"), "\(hexByte(b)) is also the address of \(names.0) on \(bus)",
                               "give one of them the other address: wire its \(pin) to \(level) and write "
                                   + "address: \(hexByte(other)) (or use another bus)")
                }
            }
        }
    }

    /// Every configured line with its field, data-ready lines first.
    private var allLines: [(field: String, line: HardwareConfig.Line)] {
        var lines: [(String, HardwareConfig.Line)] = []
        for (index, imu) in config.imus.enumerated() {
            if let line = imu.dataReadyLine { lines.append((field(index, "data_ready_line"), line)) }
        }
        return lines + config.gpio.namedLines
    }

    /// `GPIO17` and offset 17 are the same line on a Raspberry Pi's header chip.
    private func identity(_ line: HardwareConfig.Line) -> String {
        line.gpioNumber.map { "GPIO\($0)" } ?? line.description
    }

    private func spelled(_ line: HardwareConfig.Line) -> String {
        line.headerPin.map { "\(line) (pin \($0))" } ?? line.description
    }

    func lines() throws(ConfigError) {
        let lines = allLines
        var firstUse: [String: (field: String, line: HardwareConfig.Line)] = [:]
        for (field, line) in lines {
            let key = identity(line)
            if let earlier = firstUse[key] {
                let used = Set(lines.compactMap(\.line.gpioNumber))
                let free = [5, 6, 12, 13, 16, 22, 26, 4].filter { !used.contains($0) }.prefix(4).map { "GPIO\($0)" }
                // Point at a use written in the file (the later one when both are), not at a default.
                let blamed = places.lines[field] == nil && places.lines[earlier.field] != nil ? earlier : (field: field, line: line)
                throw fail(blamed.field, "\(spelled(blamed.line)) is used twice: by \(earlier.field) and by \(field)",
                           "give each part its own line (free on the Pi header: \(free.joined(separator: ", ")))")
            }
            firstUse[key] = (field, line)
        }
        guard onRaspberryPiHeader else { return }
        let busNumbers = Set(config.imus.compactMap(\.bus.number))
        for (field, line) in lines {
            guard let gpio = line.gpioNumber, let job = RaspberryPiHeader.specialGPIOs[gpio],
                  busNumbers.contains(gpio / 2) else { continue }
            throw fail(field, "\(spelled(line)) is \(job) while /dev/i2c-\(gpio / 2) is in use",
                       "pick another line; claiming it as a GPIO would cut the I2C bus off")
        }
    }

    /// Whether lines are on the Pi's header chip (where GPIO0…3 carry the I2C buses): its label, or
    /// gpiochip0 (gpiochip4 on an early Pi 5 kernel).
    private var onRaspberryPiHeader: Bool {
        switch config.gpio.chip {
        case let .label(label): HardwareConfig.Chip.raspberryPiHeaderLabels.contains(label)
        case let .name(name): ["gpiochip0", "gpiochip4"].contains(name)
        case let .path(path): ["/dev/gpiochip0", "/dev/gpiochip4"].contains(path)
        }
    }

    func button() throws(ConfigError) {
        guard let button = config.gpio.button else { return }
        switch (button.bias, button.activeLow) {
        case (.pullUp, false):
            throw fail("gpio.button.active_low", "false with bias pull-up reads the idle button as pressed",
                       "for a button to GND write active_low: true; for a button to 3.3 V write bias: pull-down")
        case (.pullDown, true):
            throw fail("gpio.button.active_low", "true with bias pull-down reads the idle button as pressed",
                       "for a button to 3.3 V write active_low: false; for a button to GND write bias: pull-up")
        default: return
        }
    }
}

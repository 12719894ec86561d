import Testing
@testable import StretchGuardConfig

/// A bad hardware file and what its error must say.
struct BadHardware: Sendable, CustomTestStringConvertible {
    let text: String
    let field: String?
    let line: Int?
    let problem: String
    let fix: String

    init(_ text: String, _ field: String?, line: Int?, _ problem: String, fix: String) {
        self.text = text
        self.field = field
        self.line = line
        self.problem = problem
        self.fix = fix
    }

    var testDescription: String { "\(field ?? "file"): \(problem)" }
}

@Suite struct HardwareConfigValidationTests {
    static let valueErrors: [BadHardware] = [
        .init("imu:\n  address: 0x70\n", "imu.address", line: 2, "0x70 is not an IMU address", fix: "use auto, 0x68, 0x69, 0x6A or 0x6B"),
        .init("imu:\n  address: 68\n", "imu.address", line: 2, "68 is not an IMU address", fix: "write 0x68"),
        .init("imu:\n  address: 0x1FF\n", "imu.address", line: 2, "0x1FF is not an IMU address", fix: "0x6B"),
        .init("imu:\n  address: sixty\n", "imu.address", line: 2, "not an I2C address", fix: "use auto, 0x68"),
        .init("imu:\n  chip: mpu6051\n", "imu.chip", line: 2, "not a supported IMU chip", fix: "did you mean 'mpu6050'?"),
        .init("imu:\n  rate_hz: 2000\n", "imu.rate_hz", line: 2, "2000 Hz is out of range", fix: "from 50 to 1000 Hz"),
        .init("imu:\n  rate_hz: fast\n", "imu.rate_hz", line: 2, "'fast' is not a number", fix: "in Hz, e.g. 200"),
        .init("imu:\n  rate_hz: nan\n", "imu.rate_hz", line: 2, "is not a number", fix: "in Hz"),
        .init("imu:\n  gyro_range_dps: 300\n", "imu.gyro_range_dps", line: 2, "300 °/s is not a supported range", fix: "250, 500, 1000, 2000 (°/s)"),
        .init("imu:\n  accel_range_g: three\n", "imu.accel_range_g", line: 2, "'three' is not a supported range", fix: "2, 4, 8, 16 (g)"),
        .init("imu:\n  lowpass_hz: 2\n", "imu.lowpass_hz", line: 2, "2 Hz is out of range", fix: "from 5 to 500 Hz"),
        .init("imu:\n  bus: spi0\n", "imu.bus", line: 2, "'spi0' is not an I2C bus", fix: "/dev/i2c-1"),
        .init("imu:\n  role: head\n", "imu.role", line: 2, "not a sensor position", fix: "thorax, pelvis"),
        .init("imu:\n  data_ready_line: pin 11\n", "imu.data_ready_line", line: 2, "physical pin number", fix: "GPIO17 (pin 11)"),
        .init("imu:\n  data_ready_line: PIN1\n", "imu.data_ready_line", line: 2, "physical pin number", fix: "pin 1 is 3.3 V"),
        .init("imu:\n  data_ready_line: -3\n", "imu.data_ready_line", line: 2, "-3 is not a line offset", fix: "0 to 1023"),
        .init("imu:\n  rate_hz:\n", "imu.rate_hz", line: 2, "has no value", fix: "delete the line to keep the default"),
        .init("imu:\n  rate_hz: [1, 2]\n", "imu.rate_hz", line: 2, "single value", fix: "on one line"),
        .init("gpio:\n  buzzer:\n", "gpio.buzzer", line: 2, "has no value", fix: "e.g. GPIO18), or none if it is not wired"),
        .init("gpio:\n  leds: ~\n", "gpio.leds", line: 2, "has no value", fix: "or none if it is not wired"),
        .init("gpio:\n  button: {bias: pullup}\n", "gpio.button.bias", line: 2, "not a bias setting", fix: "did you mean 'pull-up'?"),
        .init("gpio:\n  button:\n    debounce_ms: 500\n", "gpio.button.debounce_ms", line: 3, "500 ms is out of range", fix: "from 0 to 200 ms"),
        .init("gpio:\n  button:\n    long_press_s: 0.1\n", "gpio.button.long_press_s", line: 3, "0.1 s is out of range", fix: "0.5 to 10 s"),
        .init("gpio:\n  button:\n    active_low: maybe\n", "gpio.button.active_low", line: 3, "not on or off", fix: "on or off"),
        .init("gpio:\n  leds:\n    red: none\n", "gpio.leds.red", line: 3, "cannot be none", fix: "leds: none"),
        .init("gpio:\n  leds:\n    green: GPIO5\n    rgb: {red: 6}\n", "gpio.leds", line: 3, "mixes green/yellow/red with rgb", fix: "either"),
        .init("gpio:\n  leds:\n    rgb: {white: 6}\n", "gpio.leds.rgb.white", line: 3, "not a hardware setting", fix: "red, green, blue"),
        .init("feedback:\n  buzzer: loud\n", "feedback.buzzer", line: 2, "'loud' is not on or off", fix: "on or off"),
        .init("feedback:\n  repeat_interval_s: 100\n", "feedback.repeat_interval_s", line: 2, "out of range", fix: "0 to 60 s"),
        .init("imus:\n  bus: 1\n", "imus", line: 1, "not a hardware setting", fix: "did you mean 'imu'?"),
        .init("imu:\n  rate: 100\n", "imu.rate", line: 2, "not a hardware setting", fix: "did you mean 'rate_hz'?"),
        .init("gpio:\n  rate_hz: 100\n", "gpio.rate_hz", line: 2, "not a hardware setting", fix: "belongs under 'imu'"),
        .init("gpio:\n  buzzer: {line: GPIO18, pin: 12}\n", "gpio.buzzer.pin", line: 2, "not a hardware setting", fix: "line, active_low"),
        .init("gpio: 5\n", "gpio", line: 1, "must be a mapping", fix: "chip, buzzer"),
        .init("imu:\n  bus: 1\n  bus: 2\n", "bus", line: 3, "appears twice", fix: "keep one"),
        .init("imu: [1, 2\n", nil, line: 2, "is not valid YAML", fix: "indentation"),
        .init("- imu\n", nil, line: 1, "must be a mapping of sections", fix: "'imu:'"),
        .init("imu:\n  - {}\n  - {}\n  - {}\n", "imu", line: 2, "lists 3 IMUs", fix: "list one"),
    ]

    static let clashes: [BadHardware] = [
        .init("gpio:\n  button: {line: GPIO18}\n", "gpio.button.line", line: 2,
              "GPIO18 (pin 12) is used twice: by gpio.buzzer.line and by gpio.button.line", fix: "GPIO5, GPIO6"),
        .init("imu:\n  data_ready_line: 23\n", "imu.data_ready_line", line: 2,
              "23 (pin 16) is used twice: by imu.data_ready_line and by gpio.leds.green.line", fix: "own line"),
        .init("gpio:\n  buzzer: GPIO23\n", "gpio.buzzer.line", line: 2,
              "GPIO23 (pin 16) is used twice: by gpio.buzzer.line and by gpio.leds.green.line", fix: "GPIO5, GPIO6, GPIO12"),
        .init("imu:\n  data_ready_line: GPIO2\n", "imu.data_ready_line", line: 2, "GPIO2 (pin 3) is I2C1 SDA", fix: "pick another line"),
        .init("gpio:\n  chip: pinctrl-bcm2835\n  buzzer: 3\n", "gpio.buzzer.line", line: 3, "is I2C1 SCL", fix: "cut the I2C bus off"),
        .init("imu:\n  chip: lsm6dsox\n  address: 0x68\n", "imu.address", line: 3,
              "0x68 is not an address of the lsm6dsox (it answers at 0x6A or 0x6B)", fix: "SDO/SA0"),
        .init("imu:\n  chip: mpu6050\n  address: 0x6B\n", "imu.address", line: 3, "not an address of the mpu6050", fix: "use 0x68 or 0x69 (AD0"),
        .init("imu:\n  lowpass_hz: 200\n", "imu.lowpass_hz", line: 2,
              "200 Hz is above half the sample rate (100 Hz at rate_hz 200)", fix: "at most 100 Hz"),
        .init("imu:\n  rate_hz: 50\n", "imu.lowpass_hz", line: 2, "42 Hz is above half the sample rate (25 Hz", fix: "raise rate_hz"),
        .init("imu:\n  - {address: 0x68}\n  - {data_ready_line: none}\n", "imu[1].address", line: 3,
              "is auto, but imu[0] and imu[1] share /dev/i2c-1", fix: "0x68 (AD0 to GND) and 0x69"),
        .init("imu:\n  - {address: 0x69}\n  - {address: 0x69, data_ready_line: GPIO22}\n", "imu[1].address", line: 3,
              "0x69 is also the address of imu[0] on /dev/i2c-1", fix: "wire its AD0 to GND and write address: 0x68"),
        .init("imu:\n  - {address: 0x6A}\n  - {address: 0x6A}\n", "imu[1].address", line: 3,
              "0x6A is also the address of imu[0]", fix: "wire its SDO/SA0 to 3.3 V and write address: 0x6B"),
        .init("imu:\n  - {bus: 1}\n  - {bus: 0, role: thorax}\n", "imu[1].role", line: 3, "'thorax' is also the role of imu[0]", fix: "'role: pelvis'"),
        .init("imu:\n  role: pelvis\n", "imu.role", line: 2, "no IMU has the role 'thorax'", fix: "role: thorax"),
        .init("gpio:\n  button: {active_low: false}\n", "gpio.button.active_low", line: 2,
              "false with bias pull-up reads the idle button as pressed", fix: "bias: pull-down"),
        .init("gpio:\n  button: {bias: pull-down}\n", "gpio.button.active_low", line: 2,
              "true with bias pull-down reads the idle button as pressed", fix: "active_low: false"),
    ]

    @Test(arguments: valueErrors + clashes)
    func badFilesNameTheFieldLineAndFix(_ bad: BadHardware) {
        do {
            let config = try HardwareConfigFile.parse(bad.text, path: "bad.yaml")
            Issue.record("accepted: \(config)")
        } catch {
            #expect(error.field == bad.field)
            #expect(error.line == bad.line)
            #expect(error.problem.contains(bad.problem), "problem: \(error.problem)")
            #expect(error.fix.contains(bad.fix), "fix: \(error.fix)")
            #expect(error.description.hasPrefix(bad.line.map { "bad.yaml:\($0): " } ?? "bad.yaml: "))
        }
    }

    @Test func theAddressMessageReadsAsDocumented() throws {
        do {
            _ = try HardwareConfigFile.parse("imu:\n  address: 0x70\n", path: "hardware.yaml")
            Issue.record("0x70 was accepted")
        } catch {
            #expect(error.description
                == "hardware.yaml:2: field 'imu.address': 0x70 is not an IMU address — use auto, 0x68, 0x69, 0x6A or 0x6B")
        }
    }

    @Test func nearMissesThatAreFineAreAccepted() throws {
        // The same physical line under two spellings only clashes when both are used; distinct lines pass.
        let text = "imu:\n  data_ready_line: 22\ngpio:\n  chip: gpiochip1\n  buzzer: 2\n"  // not the header chip: its offset 2 is free
        let config = try HardwareConfigFile.parse(text, path: "ok.yaml")
        #expect(config.gpio.buzzer?.line == .offset(2))
        // Two IMUs on different buses may both probe.
        let twoBuses = try HardwareConfigFile.parse("imu:\n  - {bus: 1}\n  - {bus: 3, data_ready_line: none}\n", path: "ok.yaml")
        #expect(twoBuses.imus.allSatisfy { $0.address == nil })
        // Debounce 0 ms, repeat 0 s, button with an external resistor.
        let edges = try HardwareConfigFile.parse("gpio:\n  button: {debounce_ms: 0, bias: disabled, active_low: false}\n", path: "ok.yaml")
        #expect(edges.gpio.button?.debounceTime == 0)
    }

    @Test func validateChecksConfigsBuiltInCode() throws {
        try HardwareConfig.defaults.validate(path: "built-in")
        var config = HardwareConfig.defaults
        config.gpio.buzzer = HardwareConfig.Output(line: .offset(17))
        do {
            try config.validate(path: "--buzzer-line")
            Issue.record("a clash was accepted")
        } catch {
            #expect(error.field == "gpio.buzzer.line" && error.line == nil)
            #expect(error.problem == "17 (pin 11) is used twice: by imu.data_ready_line and by gpio.buzzer.line")
        }
        config = .defaults
        config.imus = []
        #expect(throws: ConfigError.self) { try config.validate(path: "empty") }
    }

    @Test func didYouMeanOnlySuggestsCloseUnambiguousKeys() {
        #expect(ConfigSection.closest(to: "adress", in: HardwareKeys.imu) == "address")
        #expect(ConfigSection.closest(to: "Rate_Hz", in: HardwareKeys.imu) == "rate_hz")
        #expect(ConfigSection.closest(to: "colour", in: HardwareKeys.imu) == nil)
        #expect(ConfigSection.closest(to: "x", in: ["a", "b"]) == nil)  // a tie is no suggestion
        #expect(ConfigSection.editDistance("kitten", "sitting") == 3 && ConfigSection.editDistance("", "abc") == 3)
    }
}

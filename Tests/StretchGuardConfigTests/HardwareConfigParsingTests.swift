import Foundation
import Testing
@testable import StretchGuardConfig

/// The repository's `Hardware` folder.
let hardwareFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Hardware").path

@Suite struct HardwareConfigParsingTests {
    typealias Line = HardwareConfig.Line

    @Test func theDefaultsAreThePiWiringInTheReadme() {
        let config = HardwareConfig.defaults
        #expect(config.imus.count == 1)
        let imu = config.thorax
        #expect(imu.bus.path == "/dev/i2c-1" && imu.bus.number == 1)
        #expect(imu.address == nil && imu.chip == nil)
        #expect(imu.candidateAddresses == [0x68, 0x69, 0x6A, 0x6B])
        #expect(imu.rate == 200 && imu.gyroRange == 500 && imu.accelRange == 4 && imu.lowpass == 42)
        #expect(imu.dataReadyLine == .name("GPIO17") && imu.dataReadyLine?.headerPin == 11)
        #expect(config.gpio.chip == .name("gpiochip0"))
        #expect(config.gpio.buzzer == HardwareConfig.Output(line: .name("GPIO18")))
        #expect(config.gpio.namedLines.map(\.line.headerPin) == [12, 16, 18, 22, 13])
        let button = config.gpio.button
        #expect(button?.activeLow == true && button?.bias == .pullUp)
        #expect(button?.debounceTime == 0.030 && button?.longPressTime == 2.0)
        #expect(config.feedback == HardwareConfig.Feedback(buzzer: true, repeatInterval: 3.0))
        #expect(config.pelvis == nil)
    }

    @Test(arguments: ["", "# nothing set\n", "imu:\ngpio:\nfeedback:\n", "---\n"])
    func anEmptyFileGivesTheDefaults(text: String) throws {
        #expect(try HardwareConfigFile.parse(text, path: "empty.yaml") == .defaults)
    }

    @Test func everyFieldIsRead() throws {
        let text = """
        imu:
          bus: /dev/i2c-3
          address: 0x6b
          chip: LSM6DSOX
          rate_hz: 416
          gyro_range_dps: 2000
          accel_range_g: 16
          lowpass_hz: auto
          data_ready_line: 5
        gpio:
          chip: pinctrl-rp1
          buzzer: {line: gpio12, active_low: true}
          leds:
            green: {line: GPIO6}
            red: GPIO13
          button: {line: GPIO26, active_low: false, bias: pull-down, debounce_ms: 12.5, long_press_s: 1.5}
        feedback:
          buzzer: off
          repeat_interval_s: 0
        """
        let config = try HardwareConfigFile.parse(text, path: "full.yaml")
        let imu = config.thorax
        #expect(imu.bus == HardwareConfig.I2CBus(path: "/dev/i2c-3") && imu.bus.number == 3)
        #expect(imu.address == 0x6B && imu.chip == .lsm6dsox && imu.candidateAddresses == [0x6B])
        #expect(imu.rate == 416 && imu.gyroRange == 2000 && imu.accelRange == 16 && imu.lowpass == nil)
        #expect(imu.dataReadyLine == .offset(5))
        #expect(config.gpio.chip == .label("pinctrl-rp1"))
        #expect(config.gpio.buzzer == HardwareConfig.Output(line: .name("GPIO12"), activeLow: true))
        #expect(config.gpio.leds == .traffic(green: .init(line: .name("GPIO6")), yellow: .init(line: .name("GPIO24")),
                                             red: .init(line: .name("GPIO13"))))
        #expect(config.gpio.button == HardwareConfig.Button(line: .name("GPIO26"), activeLow: false, bias: .pullDown,
                                                            debounceTime: 0.0125, longPressTime: 1.5))
        #expect(config.feedback == HardwareConfig.Feedback(buzzer: false, repeatInterval: 0))
    }

    @Test func rgbLedsNoneAndShorthands() throws {
        let text = """
        imu: {data_ready_line: none, address: 104}
        gpio:
          buzzer: none
          leds:
            rgb: {red: 16, blue: {line: GPIO20, active_low: yes}}
          button: GPIO21
        """
        let config = try HardwareConfigFile.parse(text, path: "rgb.yaml")
        #expect(config.thorax.dataReadyLine == nil && config.thorax.address == 0x68)
        #expect(config.gpio.buzzer == nil)
        #expect(config.gpio.leds == .rgb(red: .init(line: .offset(16)), green: .init(line: .name("GPIO23")),
                                         blue: .init(line: .name("GPIO20"), activeLow: true)))
        #expect(config.gpio.button == HardwareConfig.Button(line: .name("GPIO21")))
        #expect(config.gpio.namedLines.map(\.field) == ["gpio.leds.rgb.red.line", "gpio.leds.rgb.green.line",
                                                        "gpio.leds.rgb.blue.line", "gpio.button.line"])
        let bare = try HardwareConfigFile.parse("gpio: {leds: none, button: none}\n", path: "bare.yaml")
        #expect(bare.gpio.leds == nil && bare.gpio.button == nil && bare.gpio.buzzer != nil)
    }

    @Test func twoIMUsAsAList() throws {
        let text = """
        imu:
          - address: 0x68
          - address: 0x69
            data_ready_line: GPIO22
        """
        let config = try HardwareConfigFile.parse(text, path: "two.yaml")
        #expect(config.imus.map(\.role) == [.thorax, .pelvis])
        #expect(config.thorax.address == 0x68 && config.thorax.dataReadyLine == .name("GPIO17"))
        #expect(config.pelvis?.address == 0x69 && config.pelvis?.dataReadyLine == .name("GPIO22"))
        let plain = try HardwareConfigFile.parse("imu:\n  - {address: 0x68}\n  - {address: 0x69}\n", path: "plain.yaml")
        #expect(plain.thorax.dataReadyLine == .name("GPIO17") && plain.pelvis?.dataReadyLine == nil)  // one INT line each
        let swapped = try HardwareConfigFile.parse("imu:\n  - {role: pelvis, bus: 0, data_ready_line: none}\n  - {role: thorax}\n",
                                                   path: "swapped.yaml")
        #expect(swapped.thorax.bus.number == 1 && swapped.pelvis?.bus.number == 0)
        let one = try HardwareConfigFile.parse("imu:\n  - chip: icm20948\n", path: "one.yaml")
        #expect(one.imus.count == 1 && one.thorax.chip == .icm20948 && one.thorax.role == .thorax)
    }

    @Test(arguments: [("1", "/dev/i2c-1"), ("i2c-20", "/dev/i2c-20"), ("\"/dev/i2c-1\"", "/dev/i2c-1"),
                      ("/dev/i2c/by-name/imu", "/dev/i2c/by-name/imu")])
    func busesAreNumbersOrPaths(written: String, path: String) throws {
        #expect(try HardwareConfigFile.parse("imu:\n  bus: \(written)\n", path: "b.yaml").thorax.bus.path == path)
    }

    @Test(arguments: [("gpiochip4", HardwareConfig.Chip.name("gpiochip4")), ("0", .name("gpiochip0")),
                      ("/dev/gpiochip0", .path("/dev/gpiochip0")), ("pinctrl-bcm2711", .label("pinctrl-bcm2711"))])
    func gpioChipsAreNamesLabelsOrPaths(written: String, chip: HardwareConfig.Chip) throws {
        #expect(try HardwareConfigFile.parse("gpio:\n  chip: \(written)\n", path: "c.yaml").gpio.chip == chip)
        #expect(chip.description == (written == "0" ? "gpiochip0" : written))
    }

    @Test(arguments: [("GPIO17", Line.name("GPIO17")), ("gpio17", .name("GPIO17")), ("17", .offset(17)),
                      ("\"17\"", .offset(17)), ("PIN_A3", .name("PIN_A3"))])
    func linesAreNamesOrOffsets(written: String, line: Line) throws {
        #expect(try HardwareConfigFile.parse("imu:\n  data_ready_line: \(written)\n", path: "l.yaml").thorax.dataReadyLine == line)
    }

    @Test func thePinoutMatchesTheHeader() {
        #expect(RaspberryPiHeader.pin(ofGPIO: 2) == 3 && RaspberryPiHeader.pin(ofGPIO: 3) == 5)
        #expect(RaspberryPiHeader.gpio(onPin: 13) == 27 && RaspberryPiHeader.gpio(onPin: 9) == nil)
        #expect(RaspberryPiHeader.function(ofPin: 1) == "3.3 V" && RaspberryPiHeader.function(ofPin: 14) == "GND")
        #expect(RaspberryPiHeader.function(ofPin: 41) == nil && Line.name("LED").headerPin == nil)
        // 28 GPIOs, 4 supply pins and 8 grounds make the 40 pins, each listed once.
        let pins = Set(RaspberryPiHeader.pinOfGPIO.values).union(RaspberryPiHeader.powerPins.keys)
        #expect(pins == Set(1...40) && RaspberryPiHeader.pinOfGPIO.count == 28)
    }

    @Test func theShippedExampleParsesToTheDefaults() throws {
        let path = hardwareFolder + "/stretchguard.example.yaml"
        #expect(try HardwareConfigFile.loadFile(path) == .defaults)
    }

    @Test func theShippedExampleDocumentsEveryKey() throws {
        let text = try String(contentsOfFile: hardwareFolder + "/stretchguard.example.yaml", encoding: .utf8)
        let keys = HardwareKeys.root + HardwareKeys.imu + HardwareKeys.gpio + HardwareKeys.output + HardwareKeys.leds
            + HardwareKeys.rgb + HardwareKeys.button + HardwareKeys.feedback
        for key in Set(keys) {
            #expect(text.contains(key + ":"), "the example does not mention '\(key)'")
        }
        // Its commented-out alternatives parse too.
        let twoIMUs = text.components(separatedBy: "\n").filter { $0.hasPrefix("# imu:") || $0.hasPrefix("#   ") }
            .map { String($0.dropFirst(2)) }.joined(separator: "\n")
        let pair = try HardwareConfigFile.parse(twoIMUs, path: "two.yaml")
        #expect(pair.pelvis?.address == 0x69 && pair.pelvis?.dataReadyLine == nil)  // read on the thorax's tick
        #expect(pair.thorax.dataReadyLine == .name("GPIO17"))
        let rgb = text.components(separatedBy: "\n").filter { $0.hasPrefix("  # leds:") || $0.hasPrefix("  #   rgb") }
            .map { $0.replacingOccurrences(of: "  # ", with: "  ") }.joined(separator: "\n")
        #expect(try HardwareConfigFile.parse("gpio:\n" + rgb, path: "rgb.yaml").gpio.leds
            == .rgb(red: .init(line: .name("GPIO25")), green: .init(line: .name("GPIO23")), blue: .init(line: .name("GPIO24"))))
    }

    @Test func renderingReadsBackEqual() throws {
        var custom = HardwareConfig.defaults
        custom.imus = [HardwareConfig.IMU(role: .thorax, bus: .init(path: "/dev/i2c-x y"), address: 0x6A, chip: .lsm6ds3, rate: 104,
                                          gyroRange: 250, accelRange: 2, lowpass: 50.5, dataReadyLine: nil),
                       HardwareConfig.IMU(role: .pelvis, address: 0x69, dataReadyLine: .offset(22))]
        custom.imus[1].lowpass = nil
        custom.gpio = HardwareConfig.GPIO(chip: .label("my chip: \"x\""), buzzer: nil,
                                          leds: .rgb(red: .init(line: .name("LED #1")), green: .init(line: .offset(5)),
                                                     blue: .init(line: .name("on"), activeLow: true)),
                                          button: nil)
        custom.feedback = HardwareConfig.Feedback(buzzer: false, repeatInterval: 0.25)
        var pelvisOnly = HardwareConfig.defaults
        pelvisOnly.imus = [HardwareConfig.IMU(role: .pelvis)]
        for config in [HardwareConfig.defaults, custom] {
            let text = HardwareConfigFile.render(config)
            #expect(try HardwareConfigFile.parse(text, path: "rendered.yaml") == config, "\(text)")
        }
        #expect(HardwareConfigFile.render(.defaults).contains("  data_ready_line: GPIO17\n"))
        #expect(HardwareConfigFile.render(.defaults).contains("  chip: gpiochip0\n"))
        #expect(HardwareConfigFile.render(pelvisOnly).contains("  role: pelvis\n"))
    }
}

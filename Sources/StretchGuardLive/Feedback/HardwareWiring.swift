import StretchGuardConfig
import StretchGuardGPIO
import StretchGuardHardware

/// Turns the hardware config (plain values from the YAML file) into what the GPIO and IMU layers take.
extension GPIOWiring {
    /// The wiring of the config's `gpio` section; `feedback.buzzer: off` leaves the buzzer out.
    public init(_ config: HardwareConfig) {
        let gpio = config.gpio
        self.init(chip: GPIOChipAddress(gpio.chip.description),
                  buzzer: config.feedback.buzzer ? gpio.buzzer.map(OutputLine.init) : nil,
                  leds: gpio.leds.map(LEDWiring.init))
        if let button = gpio.button {
            self.button = GPIOLineAddress(button.line)
            buttonActiveLow = button.activeLow
            buttonBias = GPIOBias(button.bias)
            buttonTiming.debounceInterval = button.debounceTime
            buttonTiming.longPressDuration = button.longPressTime
        }
    }
}

extension GPIOLineAddress {
    public init(_ line: HardwareConfig.Line) {
        switch line {
        case .name(let name): self = .name(name)
        case .offset(let offset): self = .offset(offset)
        }
    }
}

extension OutputLine {
    public init(_ output: HardwareConfig.Output) {
        self.init(GPIOLineAddress(output.line), activeLow: output.activeLow)
    }
}

extension LEDWiring {
    public init(_ leds: HardwareConfig.LEDs) {
        switch leds {
        case let .traffic(green, yellow, red):
            self = .separate(green: OutputLine(green), yellow: OutputLine(yellow), red: OutputLine(red))
        case let .rgb(red, green, blue):
            self = .rgb(red: OutputLine(red), green: OutputLine(green), blue: OutputLine(blue))
        }
    }
}

extension GPIOBias {
    public init(_ bias: HardwareConfig.Button.Bias) {
        switch bias {
        case .pullUp: self = .pullUp
        case .pullDown: self = .pullDown
        case .disabled: self = .disabled
        case .asIs: self = .asIs
        }
    }
}

extension IMUSettings {
    /// The chip settings of one configured IMU.
    public init(_ imu: HardwareConfig.IMU) {
        self.init(outputDataRate: imu.rate, gyrRange: GyrRange(rawValue: imu.gyroRange) ?? .dps500,
                  accRange: AccRange(rawValue: imu.accelRange) ?? .g4, lowPassBandwidth: imu.lowpass)
    }
}

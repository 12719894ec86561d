extension HardwareConfig {
    /// The GPIO chip and the lines wired to the buzzer, LEDs and button.
    public struct GPIO: Sendable, Equatable {
        /// Which chip the lines belong to; default `gpiochip0` (the 40-pin header's chip on a Raspberry Pi 3, 4,
        /// Zero 2 W, and a Pi 5 on a kernel from late 2024 on).
        public var chip: Chip
        /// The buzzer's transistor (active high through an NPN), or `nil` when no buzzer is wired. Default GPIO18.
        public var buzzer: Output?
        /// The status LEDs, or `nil` when none are wired. Default green GPIO23, yellow GPIO24, red GPIO25.
        public var leds: LEDs?
        /// The push button, or `nil` when none is wired. Default GPIO27 to ground, pull-up, active low.
        public var button: Button?

        public init(chip: Chip = .name("gpiochip0"), buzzer: Output? = Output(line: .name("GPIO18")),
                    leds: LEDs? = .traffic(green: Output(line: .name("GPIO23")), yellow: Output(line: .name("GPIO24")),
                                           red: Output(line: .name("GPIO25"))),
                    button: Button? = Button()) {
            self.chip = chip
            self.buzzer = buzzer
            self.leds = leds
            self.button = button
        }

        /// Every configured line with its field name (`gpio.leds.red.line`), in file order.
        public var namedLines: [(field: String, line: Line)] {
            var lines: [(String, Line)] = []
            if let buzzer { lines.append(("gpio.buzzer.line", buzzer.line)) }
            switch leds {
            case let .traffic(green, yellow, red)?:
                lines += [("gpio.leds.green.line", green.line), ("gpio.leds.yellow.line", yellow.line),
                          ("gpio.leds.red.line", red.line)]
            case let .rgb(red, green, blue)?:
                lines += [("gpio.leds.rgb.red.line", red.line), ("gpio.leds.rgb.green.line", green.line),
                          ("gpio.leds.rgb.blue.line", blue.line)]
            case nil: break
            }
            if let button { lines.append(("gpio.button.line", button.line)) }
            return lines
        }
    }

    /// How to find the GPIO chip.
    public enum Chip: Sendable, Hashable, CustomStringConvertible {
        /// A device path, e.g. `/dev/gpiochip0`.
        case path(String)
        /// A kernel name, e.g. `gpiochip0` (a Pi 5's header was `gpiochip4` on kernels before late 2024).
        case name(String)
        /// A driver label, e.g. `pinctrl-bcm2711`.
        case label(String)

        /// The labels of the 40-pin header's chip: Pi 5 (RP1), Pi 4/400, Pi 3 and Zero 2 W. A label names the
        /// same chip whatever number the kernel gives it.
        public static let raspberryPiHeaderLabels = ["pinctrl-rp1", "pinctrl-bcm2711", "pinctrl-bcm2835"]

        /// Reads a path (contains `/`), a name (`gpiochipN`, or just N) or else a label, as libgpiod's tools do.
        public init(parsing text: String) {
            if text.contains("/") {
                self = .path(text)
            } else if let number = Int(text), number >= 0 {
                self = .name("gpiochip\(number)")
            } else if text.hasPrefix("gpiochip"), Int(text.dropFirst("gpiochip".count)) != nil {
                self = .name(text)
            } else {
                self = .label(text)
            }
        }

        /// As written in the file.
        public var description: String {
            switch self {
            case let .path(text), let .name(text), let .label(text): text
            }
        }
    }

    /// A GPIO line: a name from the chip's line names (`GPIO17`) or an offset on the chip (17).
    public enum Line: Sendable, Hashable, CustomStringConvertible {
        case name(String)
        case offset(Int)

        /// N for `GPIO<N>` or offset N: on a Raspberry Pi the header chip's offset N is line `GPIO<N>`.
        public var gpioNumber: Int? {
            switch self {
            case let .offset(offset): return offset
            case let .name(name):
                guard name.hasPrefix("GPIO") else { return nil }
                return Int(name.dropFirst(4))
            }
        }

        /// The physical pin on the Raspberry Pi 40-pin header, when the line is one of its GPIOs.
        public var headerPin: Int? {
            gpioNumber.flatMap { RaspberryPiHeader.pin(ofGPIO: $0) }
        }

        public var description: String {
            switch self {
            case let .name(name): name
            case let .offset(offset): String(offset)
            }
        }
    }

    /// A line driving an output (buzzer transistor, LED).
    public struct Output: Sendable, Equatable {
        public var line: Line
        /// `true` when the output is on at low level (e.g. a common-anode LED to 3.3 V). Default `false`.
        public var activeLow: Bool

        public init(line: Line, activeLow: Bool = false) {
            self.line = line
            self.activeLow = activeLow
        }
    }

    /// The status LEDs: three separate ones, or one RGB LED.
    public enum LEDs: Sendable, Equatable {
        /// Green (ready/holding), yellow (warning), red (alert).
        case traffic(green: Output, yellow: Output, red: Output)
        /// One RGB LED (common cathode: active high; common anode: `active_low: true` on each colour).
        case rgb(red: Output, green: Output, blue: Output)
    }

    /// The push button (markers, start/stop, long press for calibration).
    public struct Button: Sendable, Equatable {
        /// The line's internal bias resistor.
        public enum Bias: String, Sendable, CaseIterable {
            case pullUp = "pull-up"
            case pullDown = "pull-down"
            /// No internal resistor (an external one is fitted).
            case disabled
            /// Leave the bias as the board set it.
            case asIs = "as-is"
        }

        public var line: Line
        /// `true` when pressed reads low (a button to ground with a pull-up). Default `true`.
        public var activeLow: Bool
        /// Default `pullUp`.
        public var bias: Bias
        /// Changes shorter than this are contact bounce, in seconds (0…0.2, default 0.030 = 30 ms).
        public var debounceTime: Double
        /// A press held this long is a long press, in seconds (0.5…10, default 2).
        public var longPressTime: Double

        /// The allowed debounce times, in seconds.
        public static let debounceLimits: ClosedRange<Double> = 0...0.2
        /// The allowed long-press times, in seconds.
        public static let longPressLimits: ClosedRange<Double> = 0.5...10

        public init(line: Line = .name("GPIO27"), activeLow: Bool = true, bias: Bias = .pullUp,
                    debounceTime: Double = 0.030, longPressTime: Double = 2.0) {
            self.line = line
            self.activeLow = activeLow
            self.bias = bias
            self.debounceTime = debounceTime
            self.longPressTime = longPressTime
        }
    }
}

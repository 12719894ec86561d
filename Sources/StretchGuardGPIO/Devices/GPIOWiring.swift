/// Where the buzzer, status LEDs and button are wired: the hardware config's `gpio` section, parsed.
public struct GPIOWiring: Sendable, Hashable {
    /// The chip the parts hang off (`gpio.chip`). Default "gpiochip0".
    public var chip = GPIOChipAddress.name("gpiochip0")
    /// The buzzer's line, if there is a buzzer.
    public var buzzer: OutputLine?
    /// The LEDs, if any.
    public var leds: LEDWiring?
    /// The button's line, if there is a button; pressed is low by default (a button to ground, pulled up).
    public var button: GPIOLineAddress?
    public var buttonActiveLow = true
    public var buttonBias = GPIOBias.pullUp
    /// Debounce and long-press timing.
    public var buttonTiming = ButtonDebouncer.Settings()

    public init(chip: GPIOChipAddress = .name("gpiochip0"), buzzer: OutputLine? = nil,
                leds: LEDWiring? = nil, button: GPIOLineAddress? = nil) {
        self.chip = chip
        self.buzzer = buzzer
        self.leds = leds
        self.button = button
    }
}

/// The feedback parts of a session, opened from a `GPIOWiring`: a player on the buzzer and LEDs, and
/// the button. Not Sendable: owned by the live loop.
public struct FeedbackDevices {
    /// The chip the parts are on.
    public let chip: GPIOChipInfo
    /// Plays cues on the buzzer and LEDs (both may be absent: it then plays on nothing).
    public let player: FeedbackPlayer
    /// The button, if wired.
    public let button: Button?

    /// Opens the chip, requests every wired line (outputs off at once), and closes the chip handle (the
    /// lines stay requested). On failure, lines already requested are driven off and released.
    public static func open(_ wiring: GPIOWiring, backend: any GPIOBackend) throws(GPIOError) -> FeedbackDevices {
        let chip = try backend.openChip(wiring.chip)
        defer { chip.close() }
        let buzzer = try wiring.buzzer.map { wired throws(GPIOError) in
            try Buzzer(chip: chip, line: wired.line, activeLow: wired.activeLow)
        }
        let leds = try wiring.leds.map { leds throws(GPIOError) in try StatusLEDs(chip: chip, wiring: leds) }
        let button = try wiring.button.map { line throws(GPIOError) in
            try Button(chip: chip, line: line, activeLow: wiring.buttonActiveLow, bias: wiring.buttonBias,
                       settings: wiring.buttonTiming)
        }
        return FeedbackDevices(chip: chip.info, player: FeedbackPlayer(buzzer: buzzer, leds: leds), button: button)
    }

    /// Drives every output off, then releases every line (the exit path). Idempotent.
    public func close() {
        player.close()  // all off first, then the releases
        button?.close()
    }
}

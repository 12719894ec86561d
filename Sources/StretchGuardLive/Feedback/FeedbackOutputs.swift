import StretchGuardConfig
import StretchGuardCore
import StretchGuardGPIO

/// The buzzer, LEDs and button of a live session: the configured GPIO chip when there is one, else a
/// simulated chip whose lines the terminal shows. Maps the coach's events to cues.
///
/// Driven from the live session's sample thread only; `close()` may also be called once that thread has
/// ended (hence `@unchecked Sendable`: the hand-over is the thread's start and end).
public final class FeedbackOutputs: @unchecked Sendable {
    public let player: FeedbackPlayer
    public let button: Button?
    /// The simulated chip when no real one was found (the status line shows its buzzer and LEDs).
    public let simulated: SimulatedGPIO?
    /// What was opened, for the start banner: "gpiochip0 [pinctrl-bcm2711]" or "shown in the terminal".
    public let description: String
    private let wiring: GPIOWiring
    private let devices: FeedbackDevices

    /// Opens the configured chip; with `simulatedOnly`, or when it is missing, a simulated one.
    public convenience init(config: HardwareConfig, simulatedOnly: Bool) throws(GPIOError) {
        var wiring = GPIOWiring(config)
        let backend: any GPIOBackend
        var simulated: SimulatedGPIO?
        var devices: FeedbackDevices
        let description: String
        if !simulatedOnly, let opened = try? FeedbackDevices.open(wiring, backend: LinuxGPIOBackend()) {
            devices = opened
            description = "\(opened.chip.name) [\(opened.chip.label)]"
        } else {
            let simulation = SimulatedGPIO()
            simulated = simulation
            backend = simulation
            wiring.chip = .name("gpiochip0")
            wiring.button = nil  // no one presses a simulated button
            devices = try FeedbackDevices.open(wiring, backend: backend)
            description = "simulated, shown in the terminal"
        }
        self.init(devices: devices, simulated: simulated, wiring: wiring, description: description)
        player.isMuted = !config.feedback.buzzer
    }

    /// The configured wiring on a simulated chip whose button a test presses (`SimulatedGPIO.setLevel`).
    public convenience init(config: HardwareConfig, simulation: SimulatedGPIO) throws(GPIOError) {
        var wiring = GPIOWiring(config)
        wiring.chip = .name("gpiochip0")
        let devices = try FeedbackDevices.open(wiring, backend: simulation)
        self.init(devices: devices, simulated: simulation, wiring: wiring, description: "simulated with a button")
        player.isMuted = !config.feedback.buzzer
    }

    private init(devices: FeedbackDevices, simulated: SimulatedGPIO?, wiring: GPIOWiring, description: String) {
        self.simulated = simulated
        self.wiring = wiring
        self.devices = devices
        self.description = description
        player = devices.player
        button = devices.button
    }

    /// Starts the cue `FeedbackPolicy` gives for what the coach reported at this sample.
    public func handle(_ events: FormEvents, now: Double) {
        for event in events {
            if let cue = FeedbackPolicy.cue(for: event) { player.play(cue, now: now) }
        }
    }

    /// The idle LED colour `FeedbackPolicy` gives for the posture.
    public func setIdle(holding: Bool, twist: TwistMonitor.Level) {
        player.idleColor = FeedbackPolicy.idleColor(holding: holding, twist: twist)
    }

    /// Whether the buzzer line is driven now (simulated outputs only; real ones report the player's state).
    public var buzzerOn: Bool {
        guard let simulated, let line = wiring.buzzer?.line else { return player.playing != nil && !player.isMuted }
        return simulated.isHigh(line) != (wiring.buzzer?.activeLow ?? false)
    }

    /// The LED colour showing now (simulated outputs: as driven; real ones: the player's idle colour).
    public var ledColor: LEDColor {
        guard let simulated, case let .separate(green, yellow, red)? = wiring.leds else { return player.idleColor }
        if let red, simulated.isHigh(red.line) != red.activeLow { return .red }
        if let yellow, simulated.isHigh(yellow.line) != yellow.activeLow { return .yellow }
        if let green, simulated.isHigh(green.line) != green.activeLow { return .green }
        return .off
    }

    /// Every output off, then every line released: the first thing done on any exit. Idempotent.
    public func close() {
        devices.close()
    }
}

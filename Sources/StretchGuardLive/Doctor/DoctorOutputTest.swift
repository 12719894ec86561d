import StretchGuardCore
import Foundation
import StretchGuardConfig
import StretchGuardGPIO

/// `doctor --outputs`: sounds the buzzer, lights each LED in turn, then waits for a button press, saying
/// what should happen at each step, so the maker can check the wiring by eye and ear. Every output is
/// driven off and released at the end, on a failure, and on Ctrl-C or SIGTERM.
public struct DoctorOutputTest {
    public var config: HardwareConfig
    /// How long each output stays on, in s.
    public var stepSeconds: Double
    /// How long to wait for the button, in s.
    public var buttonTimeout: Double
    public var say: (String) -> Void
    /// Ends the test early (every output off).
    public var stop: StopToken

    /// - Parameters:
    ///   - config: the wiring.
    ///   - stepSeconds: how long each output stays on, in s.
    ///   - buttonTimeout: how long to wait for the button, in s.
    ///   - stop: ends the test early.
    ///   - say: told each step, as a line for the maker.
    public init(config: HardwareConfig, stepSeconds: Double, buttonTimeout: Double, stop: StopToken,
                say: @escaping (String) -> Void) {
        self.config = config
        self.stepSeconds = stepSeconds
        self.buttonTimeout = buttonTimeout
        self.stop = stop
        self.say = say
    }

    /// Runs the steps on `chip`, adding what went wrong to `report`.
    public func run(on chip: any GPIOChip, into report: inout DoctorReport) {
        let wiring = GPIOWiring(config)
        var buzzer: Buzzer?
        var leds: StatusLEDs?
        var button: Button?
        defer {
            buzzer?.close()
            leds?.close()
            button?.close()
        }
        do throws(GPIOError) {
            buzzer = try wiring.buzzer.map { wired throws(GPIOError) in
                try Buzzer(chip: chip, line: wired.line, activeLow: wired.activeLow)
            }
            leds = try wiring.leds.map { wired throws(GPIOError) in try StatusLEDs(chip: chip, wiring: wired) }
            button = try wiring.button.map { line throws(GPIOError) in
                try Button(chip: chip, line: line, activeLow: wiring.buttonActiveLow, bias: wiring.buttonBias,
                           settings: wiring.buttonTiming)
            }
            if let buzzer {
                try buzzer.set(on: true)
                say("buzzer: on (a steady tone for \(seconds(stepSeconds)))")
                guard stop.sleep(stepSeconds) else { return }
                try buzzer.set(on: false)
                say("buzzer: off")
            }
            if let leds {
                for (color, name) in [(LEDColor.green, "green"), (.yellow, "yellow"), (.red, "red")] {
                    try leds.show(color)
                    say("\(name) LED: on (for \(seconds(stepSeconds)))")
                    guard stop.sleep(stepSeconds) else { return }
                }
                try leds.show(.off)
                say("LEDs: off")
            }
            if let button {
                say("press the button within \(seconds(buttonTimeout)) (Ctrl-C to skip)")
                if let press = try waitForPress(button) {
                    say("button: pressed (kernel time \(String(format: "%.3f", press.time)) s)")
                } else if !stop.isStopped {
                    say("button: no press within \(seconds(buttonTimeout))")
                    let line = config.gpio.button.map { "\($0.line)" } ?? "the button line"
                    report.problem("gpio", "no button press seen on \(line) within \(seconds(buttonTimeout))",
                                   fix: "wire the button between \(line) and GND; with active_low: true and "
                                       + "bias: pull-up the line reads 1 until pressed (`gpioget \(chip.info.name) "
                                       + "\(line)` shows it)")
                }
            }
        } catch {
            report.add(error, part: "gpio")
        }
    }

    /// Waits for a press from the kernel's edge events, in short waits so a stop signal is seen.
    private func waitForPress(_ button: Button) throws(GPIOError) -> ButtonEvent? {
        let deadline = Date().addingTimeInterval(buttonTimeout)
        var press: ButtonEvent?
        while press == nil, !stop.isStopped, Date() < deadline {
            try button.waitForEvents(timeout: 0.1) { event in
                if event.kind == .pressed && press == nil { press = event }
            }
        }
        return press
    }

    private func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }
}

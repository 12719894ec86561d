import StretchGuardGPIO
import Testing

/// The lines the tests wire the parts to on the simulated Raspberry Pi chip.
enum TestLines {
    static let buzzer = GPIOLineAddress.name("GPIO18")
    static let green = GPIOLineAddress.name("GPIO5")
    static let yellow = GPIOLineAddress.name("GPIO6")
    static let red = GPIOLineAddress.name("GPIO13")
    static let button = GPIOLineAddress.name("GPIO17")
}

/// A level change seen on a line: when (s) and the logical value driven.
struct Transition: Equatable, CustomStringConvertible {
    var time: Double
    var active: Bool
    var description: String { "\(active ? "on" : "off")@\(time)" }
}

extension SimulatedGPIO {
    /// The changes of logical value driven onto `line` (repeated writes of the same value collapsed),
    /// starting from `initial`.
    func transitions(of line: GPIOLineAddress, from initial: Bool = false) -> [Transition] {
        var last = initial
        var result: [Transition] = []
        for write in writes(to: line) where write.active != last {
            result.append(Transition(time: write.time, active: write.active))
            last = write.active
        }
        return result
    }
}

/// A simulated Pi with a buzzer and separate green/yellow/red LEDs, and a player on them.
struct PlayerRig {
    let gpio = SimulatedGPIO()
    let player: FeedbackPlayer

    init(patterns: FeedbackPatterns = .standard) throws {
        let chip = try gpio.openChip(.name("gpiochip0"))
        let buzzer = try Buzzer(chip: chip, line: TestLines.buzzer)
        let leds = try StatusLEDs(chip: chip, wiring: .separate(green: OutputLine(TestLines.green),
                                                                yellow: OutputLine(TestLines.yellow),
                                                                red: OutputLine(TestLines.red)))
        player = FeedbackPlayer(buzzer: buzzer, leds: leds, patterns: patterns)
        gpio.clearWrites()
    }

    /// Ticks the player at `rate` Hz from `start` to `end` s inclusive (times as i / rate, exact).
    func run(from start: Double, to end: Double, rate: Double = 100) throws {
        var index = (start * rate).rounded()
        while index / rate <= end + 1e-12 {
            let now = index / rate
            gpio.advance(to: now)
            try player.tick(now: now)
            index += 1
        }
    }
}

/// Whether two time lists agree within 1 ns per entry.
func sameTimes(_ a: [Transition], _ b: [Transition]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { abs($0.time - $1.time) < 1e-9 && $0.active == $1.active }
}

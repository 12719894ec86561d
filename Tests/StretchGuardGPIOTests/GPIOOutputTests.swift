import StretchGuardCore
import StretchGuardGPIO
import Testing

@Suite("Outputs, buzzer and LEDs on the simulated backend")
struct GPIOOutputTests {
    @Test func activeLowOutputsDriveLowForOn() throws {
        let gpio = SimulatedGPIO()
        let chip = try gpio.openChip(.name("gpiochip0"))
        let output = try chip.requestOutput(.offset(18), settings: GPIOOutputSettings(activeLow: true))
        #expect(gpio.isHigh(.offset(18)), "requested off, so high")
        try output.setActive(true)
        #expect(!gpio.isHigh(.offset(18)))
        let last = try #require(gpio.writes.last)
        #expect(last.active && !last.high && last.lineName == "GPIO18" && last.chip == "gpiochip0")
        output.release()
        #expect(gpio.isHigh(.offset(18)), "released off")
    }

    @Test func anOutputIsDrivenToItsInitialValueAtOnce() throws {
        let gpio = SimulatedGPIO(startTime: 7)
        let chip = try gpio.openChip(.name("gpiochip0"))
        let output = try chip.requestOutput(.offset(5), settings: GPIOOutputSettings(initiallyActive: true))
        #expect(gpio.writes(to: .offset(5)).map(\.time) == [7])
        #expect(gpio.isHigh(.offset(5)))
        withExtendedLifetime(output) {}
    }

    @Test func aReleasedOutputIsOffAndRefusesWrites() throws {
        let gpio = SimulatedGPIO()
        let chip = try gpio.openChip(.name("gpiochip0"))
        let output = try chip.requestOutput(.offset(18), settings: .init())
        try output.setActive(true)
        output.release()
        output.release()
        #expect(!gpio.isHigh(.offset(18)))
        #expect(gpio.holder(of: .offset(18)) == nil)
        #expect(throws: GPIOError.closed("GPIO18 (line 18 of gpiochip0)")) { try output.setActive(true) }
    }

    @Test func theBuzzerWritesOnlyWhenItsStateChanges() throws {
        let gpio = SimulatedGPIO()
        let buzzer = try Buzzer(chip: try gpio.openChip(.name("gpiochip0")), line: TestLines.buzzer)
        gpio.clearWrites()
        try buzzer.set(on: true)
        try buzzer.set(on: true)
        #expect(buzzer.isOn)
        try buzzer.set(on: false)
        try buzzer.set(on: false)
        #expect(gpio.writes.map(\.active) == [true, false])
        buzzer.close()
        #expect(!buzzer.isOn)
        #expect(throws: GPIOError.closed("the buzzer")) { try buzzer.set(on: true) }
    }

    @Test(arguments: [(LEDColor.off, [false, false, false]), (.green, [false, true, false]),
                      (.yellow, [true, true, false]), (.red, [true, false, false])])
    func anRGBLEDMixesTheColours(color: LEDColor, channels: [Bool]) throws {
        let gpio = SimulatedGPIO()
        let leds = try StatusLEDs(chip: try gpio.openChip(.name("gpiochip0")),
                                  wiring: .rgb(red: OutputLine(.offset(22)), green: OutputLine(.offset(23)),
                                               blue: OutputLine(.offset(24))))
        try leds.show(.yellow)
        try leds.show(color)
        #expect([22, 23, 24].map { gpio.isHigh(.offset($0)) } == channels)
        #expect(leds.color == color)
    }

    @Test func aCommonAnodeRGBLEDIsActiveLow() throws {
        let gpio = SimulatedGPIO()
        let leds = try StatusLEDs(chip: try gpio.openChip(.name("gpiochip0")),
                                  wiring: .rgb(red: OutputLine(.offset(22), activeLow: true),
                                               green: OutputLine(.offset(23), activeLow: true), blue: nil))
        #expect(gpio.isHigh(.offset(22)) && gpio.isHigh(.offset(23)), "dark: both high")
        try leds.show(.red)
        #expect(!gpio.isHigh(.offset(22)) && gpio.isHigh(.offset(23)))
    }

    @Test func separateLEDsLightOneAtATimeAndWriteOnlyChanges() throws {
        let gpio = SimulatedGPIO()
        let leds = try StatusLEDs(chip: try gpio.openChip(.name("gpiochip0")),
                                  wiring: .separate(green: OutputLine(TestLines.green), yellow: OutputLine(TestLines.yellow),
                                                    red: OutputLine(TestLines.red)))
        gpio.clearWrites()
        try leds.show(.green)
        try leds.show(.green)
        try leds.show(.red)
        #expect(gpio.writes.map { "\($0.lineName!)=\($0.active)" } == ["GPIO5=true", "GPIO5=false", "GPIO13=true"])
        leds.close()
        #expect(!gpio.isHigh(TestLines.red))
        #expect(throws: GPIOError.closed("the status LEDs")) { try leds.show(.green) }
    }

    @Test func writesCanBeWatchedForATerminalDisplay() throws {
        let gpio = SimulatedGPIO()
        let seen = Seen()
        gpio.observeWrites { write in seen.add("\(write.lineName ?? "?")=\(write.active ? "on" : "off")") }
        let buzzer = try Buzzer(chip: try gpio.openChip(.name("gpiochip0")), line: TestLines.buzzer)
        try buzzer.set(on: true)
        buzzer.close()
        #expect(seen.lines == ["GPIO18=off", "GPIO18=on", "GPIO18=off"])
    }
}

/// Collects observer output across the observer's Sendable boundary.
final class Seen: Sendable {
    private let storage = Mutex<[String]>([])
    func add(_ line: String) { storage.withLock { $0.append(line) } }
    var lines: [String] { storage.withLock { $0 } }
}

import Synchronization

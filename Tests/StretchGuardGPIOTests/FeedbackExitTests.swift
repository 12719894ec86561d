import StretchGuardGPIO
import Testing

@Suite("Every output off and every line released on exit")
struct FeedbackExitTests {
    @Test func closeDrivesEverythingOffAndReleasesTheLinesOnce() throws {
        let rig = try PlayerRig()
        rig.player.idleColor = .green
        rig.player.play(.impact, now: 0)
        try rig.run(from: 0, to: 0.1)
        #expect(rig.gpio.isHigh(TestLines.buzzer))
        #expect(rig.gpio.isHigh(TestLines.red))
        rig.player.close()
        for line in [TestLines.buzzer, TestLines.green, TestLines.yellow, TestLines.red] {
            #expect(!rig.gpio.isHigh(line), "\(line) left on")
            #expect(rig.gpio.holder(of: line) == nil, "\(line) not released")
        }
        let writesAfterClose = rig.gpio.writes.count
        rig.player.close()
        #expect(rig.player.play(.twist, now: 0.2) == .closed)
        try rig.player.tick(now: 0.3)
        #expect(rig.gpio.writes.count == writesAfterClose)
    }

    @Test func deinitDrivesEverythingOffAndReleasesTheLines() throws {
        let gpio = SimulatedGPIO()
        do {
            let chip = try gpio.openChip(.label("pinctrl-bcm2711"))
            let player = FeedbackPlayer(buzzer: try Buzzer(chip: chip, line: TestLines.buzzer),
                                        leds: try StatusLEDs(chip: chip, wiring: .rgb(red: OutputLine(.offset(22)),
                                                                                       green: OutputLine(.offset(23)),
                                                                                       blue: OutputLine(.offset(24)))))
            player.play(.sensorFault, now: 0)
            try player.tick(now: 0)
            #expect(gpio.isHigh(TestLines.buzzer))
            #expect(gpio.isHigh(.offset(22)))
        }
        for line in [TestLines.buzzer, .offset(22), .offset(23), .offset(24)] {
            #expect(!gpio.isHigh(line), "\(line) left on")
            #expect(gpio.holder(of: line) == nil, "\(line) not released")
        }
    }

    @Test func allOffSilencesAtOnceAndKeepsThingsOffUntilTheNextCue() throws {
        let rig = try PlayerRig()
        rig.player.idleColor = .green
        rig.player.play(.twist, now: 0)
        try rig.run(from: 0, to: 0.05)
        #expect(rig.player.allOff() == nil)
        #expect(!rig.gpio.isHigh(TestLines.buzzer))
        #expect(!rig.gpio.isHigh(TestLines.yellow))
        try rig.run(from: 0.06, to: 0.5)
        #expect(!rig.gpio.isHigh(TestLines.buzzer))
        #expect(!rig.gpio.isHigh(TestLines.green))
        // Idempotent, and it forces the write even when the lines are believed off.
        let before = rig.gpio.writes.count
        rig.player.allOff()
        #expect(rig.gpio.writes.count == before + 4)
        #expect(rig.gpio.writes.suffix(4).allSatisfy { !$0.active })
    }

    @Test func feedbackDevicesOpenFromWiringAndCloseEverything() throws {
        let gpio = SimulatedGPIO()
        var wiring = GPIOWiring(chip: GPIOChipAddress("pinctrl-bcm2711"), buzzer: OutputLine(TestLines.buzzer),
                                leds: .separate(green: OutputLine(TestLines.green), yellow: nil,
                                                red: OutputLine(TestLines.red, activeLow: true)),
                                button: TestLines.button)
        wiring.buttonTiming.longPressDuration = 1
        let devices = try FeedbackDevices.open(wiring, backend: gpio)
        #expect(devices.chip.name == "gpiochip0")
        for line in [TestLines.buzzer, TestLines.green, TestLines.red, TestLines.button] {
            #expect(gpio.holder(of: line) == "stretchguard")
        }
        #expect(gpio.isHigh(TestLines.red), "the active-low red LED is dark at high level")
        #expect(gpio.holder(of: TestLines.yellow) == nil)
        devices.player.play(.stop, now: 0)
        try devices.player.tick(now: 0)
        devices.close()
        #expect(gpio.writes(to: TestLines.red).map(\.active) == [false, true, false, false])
        for line in [TestLines.buzzer, TestLines.green, TestLines.red, TestLines.button] {
            #expect(gpio.holder(of: line) == nil)
        }
        #expect(!gpio.isHigh(TestLines.buzzer) && !gpio.isHigh(TestLines.green) && gpio.isHigh(TestLines.red))
    }

    @Test func aFailedOpenReleasesWhatItHadAlreadyRequested() throws {
        let gpio = SimulatedGPIO()
        gpio.claim(TestLines.button, consumer: "gpio-keys")
        let wiring = GPIOWiring(buzzer: OutputLine(TestLines.buzzer),
                                leds: .separate(green: OutputLine(TestLines.green), yellow: nil, red: nil),
                                button: TestLines.button)
        #expect(throws: GPIOError.lineBusy(line: "GPIO17 (line 17 of gpiochip0)", consumer: "gpio-keys")) {
            try FeedbackDevices.open(wiring, backend: gpio)
        }
        #expect(gpio.holder(of: TestLines.buzzer) == nil)
        #expect(gpio.holder(of: TestLines.green) == nil)
        #expect(gpio.holder(of: TestLines.button) == "gpio-keys")
    }
}

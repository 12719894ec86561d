import StretchGuardGPIO
import Testing

/// The data-ready line over a simulated chip: rising edges with their times, the newest when several
/// are queued, timeouts, and the line given back.
@Suite struct DataReadyLineTests {
    static let line = GPIOLineAddress.name("GPIO17")

    /// A simulated Pi with the data-ready line requested, and pulses (50 µs high) at `times` s.
    static func rig(pulsesAt times: [Double]) throws -> (SimulatedGPIO, DataReadyLine) {
        let gpio = SimulatedGPIO()
        let chip = try gpio.openChip(.name("gpiochip0"))
        defer { chip.close() }
        let ready = try DataReadyLine(chip: chip, line: line)
        for time in times {
            gpio.setLevel(true, of: line, at: time)
            gpio.setLevel(false, of: line, at: time + 50e-6)
        }
        return (gpio, ready)
    }

    @Test func eachRisingEdgeIsOneSampleTime() throws {
        let times = (1...5).map { Double($0) * 0.005 }
        let (gpio, ready) = try Self.rig(pulsesAt: times)
        var seen: [UInt64] = []
        while let edge = try ready.waitForEdge(timeout: 0.05) { seen.append(edge) }
        #expect(seen == times.map { UInt64(($0 * 1e9).rounded()) })  // falling edges are not reported
        #expect(ready.skippedEdges == 0)
        #expect(abs(gpio.now - (0.025 + 0.05)) < 1e-9)  // the last wait ran its whole timeout
        #expect(gpio.holder(of: Self.line) == stretchGuardConsumer)
    }

    @Test func aReaderThatFellBehindGetsTheNewestEdge() throws {
        let (gpio, ready) = try Self.rig(pulsesAt: [0.005, 0.010, 0.015, 0.020])
        gpio.advance(to: 0.016)  // three edges queued, the chip's registers hold the third sample
        #expect(try ready.waitForEdge(timeout: 0.05) == 15_000_000)
        #expect(ready.skippedEdges == 2)
        #expect(try ready.waitForEdge(timeout: 0.05) == 20_000_000)
    }

    @Test func queuedEdgesCanBeDiscarded() throws {
        let (gpio, ready) = try Self.rig(pulsesAt: [0.005, 0.010, 0.030])
        gpio.advance(to: 0.012)
        try ready.discardQueuedEdges()
        #expect(ready.skippedEdges == 2)
        #expect(try ready.waitForEdge(timeout: 0.05) == 30_000_000)
    }

    @Test func noEdgeWithinTheTimeoutIsNil() throws {
        let (gpio, ready) = try Self.rig(pulsesAt: [])
        #expect(try ready.waitForEdge(timeout: 0.05) == nil)
        #expect(abs(gpio.now - 0.05) < 1e-9)
    }

    @Test func releaseGivesTheLineBack() throws {
        let (gpio, ready) = try Self.rig(pulsesAt: [])
        ready.release()
        ready.release()
        #expect(gpio.holder(of: Self.line) == nil)
        #expect(throws: GPIOError.self) { _ = try ready.waitForEdge(timeout: 0) }
    }

    @Test func aBusyLineNamesItsHolder() throws {
        let gpio = SimulatedGPIO()
        gpio.claim(Self.line, consumer: "gpio-keys")
        let chip = try gpio.openChip(.name("gpiochip0"))
        #expect(throws: GPIOError.lineBusy(line: "GPIO17 (line 17 of gpiochip0)", consumer: "gpio-keys")) {
            _ = try DataReadyLine(chip: chip, line: Self.line)
        }
    }
}

import StretchGuardConfig
import StretchGuardCore
import StretchGuardGPIO
import StretchGuardHardware
import Testing
@testable import StretchGuardLive

/// How a live sensor's sample clock is chosen from the hardware config: the configured data-ready line
/// requested from the GPIO chip and tried, with the reason kept when it is passed over. A simulated MPU-6050
/// and a simulated GPIO chip on one clock; no hardware.
@Suite struct LiveSensorClockTests {
    /// A simulated MPU-6050 on the GPIO simulation's clock, configured, and the simulation (a Pi's chip,
    /// after `extraChips`).
    static func rig(extraChips: [SimulatedGPIO.ChipSpec] = []) throws -> (SimulatedGPIO, MPUDriver) {
        let gpio = SimulatedGPIO(chips: extraChips + [.raspberryPi(name: "gpiochip\(extraChips.count)")], startTime: 50)
        let bus = SimulatedI2CBus(name: "test-bus")
        bus.attach(SimulatedMPU6050(clock: gpio.clock, source: ConstantSampleSource()), at: 0x68)
        var driver = MPUDriver(bus: bus, clock: gpio.clock)
        try driver.configure(.standard)
        return (gpio, driver)
    }

    @Test func edgesOnTheConfiguredLineChooseTheEdgeMode() throws {
        let (gpio, driver) = try Self.rig()
        let imu = HardwareConfig.IMU()  // data_ready_line: GPIO17
        let clock = try LiveSensor.probeClock(driver: driver, imu: imu, gpioChip: .label("pinctrl-bcm2711"),
                                              gpio: PulsingBackend(gpio), clock: gpio.clock)
        #expect(clock.mode == .dataReadyEdge)
        #expect(clock.choice.fallbackReason == nil)
        #expect(gpio.holder(of: .name("GPIO17")) == stretchGuardConsumer)
    }

    @Test func aLineWithoutEdgesFallsBackWithTheReason() throws {
        let (gpio, driver) = try Self.rig()
        let clock = try LiveSensor.probeClock(driver: driver, imu: HardwareConfig.IMU(), gpioChip: nil, gpio: gpio,
                                              clock: gpio.clock)
        #expect(clock.mode == .fifo)
        #expect(clock.choice.fallbackReason == "data-ready line GPIO17 gave no edges within 50 ms")
        #expect(gpio.holder(of: .name("GPIO17")) == nil)  // released: the FIFO won
    }

    @Test func aBusyLineIsNamedWithItsHolder() throws {
        let (gpio, driver) = try Self.rig()
        gpio.claim(.name("GPIO17"), consumer: "gpio-keys")
        let clock = try LiveSensor.probeClock(driver: driver, imu: HardwareConfig.IMU(), gpioChip: .name("gpiochip0"),
                                              gpio: gpio, clock: gpio.clock)
        #expect(clock.mode == .fifo)
        #expect(clock.choice.fallbackReason?.hasPrefix("data-ready line GPIO17 could not be requested (GPIO17 (line 17 of gpiochip0) is busy: held by 'gpio-keys'") == true)
    }

    @Test func noConfiguredLineSaysSo() throws {
        let (gpio, driver) = try Self.rig()
        var imu = HardwareConfig.IMU()
        imu.dataReadyLine = nil
        let clock = try LiveSensor.probeClock(driver: driver, imu: imu, gpioChip: nil, gpio: gpio, clock: gpio.clock)
        #expect(clock.mode == .fifo)
        #expect(clock.choice.fallbackReason == "no data-ready line is configured (imu.data_ready_line: none)")
    }

    @Test func aNamedLineIsFoundOnTheChipThatHasIt() throws {
        let (gpio, driver) = try Self.rig(extraChips: [SimulatedGPIO.ChipSpec(name: "gpiochip0", label: "other", lineCount: 8)])
        let found = try LiveSensor.probeClock(driver: driver, imu: HardwareConfig.IMU(), gpioChip: nil, gpio: gpio,
                                              clock: gpio.clock)
        #expect(found.choice.fallbackReason == "data-ready line GPIO17 gave no edges within 50 ms")  // requested, tried
        let missing = try LiveSensor.probeClock(driver: driver, imu: HardwareConfig.IMU(dataReadyLine: .name("GPIO99")),
                                                gpioChip: nil, gpio: gpio, clock: gpio.clock)
        #expect(missing.choice.fallbacks.first == "no GPIO chip has a line named GPIO99 (the data-ready line)")
    }
}

/// A simulated GPIO backend whose lines, once requested for edges, pulse at 200 Hz for 0.5 s (as an IMU's
/// INT pin would): the simulation queues edges only on requested lines.
final class PulsingBackend: GPIOBackend {
    let simulation: SimulatedGPIO

    init(_ simulation: SimulatedGPIO) { self.simulation = simulation }

    func chips() throws(GPIOError) -> [GPIOChipInfo] { try simulation.chips() }

    func openChip(_ address: GPIOChipAddress) throws(GPIOError) -> any GPIOChip {
        PulsingChip(wrapped: try simulation.openChip(address), simulation: simulation)
    }
}

final class PulsingChip: GPIOChip {
    let wrapped: any GPIOChip
    let simulation: SimulatedGPIO

    init(wrapped: any GPIOChip, simulation: SimulatedGPIO) {
        self.wrapped = wrapped
        self.simulation = simulation
    }

    var info: GPIOChipInfo { wrapped.info }
    func offset(of line: GPIOLineAddress) throws(GPIOError) -> Int { try wrapped.offset(of: line) }
    func lineInfo(offset: Int) throws(GPIOError) -> GPIOLineInfo { try wrapped.lineInfo(offset: offset) }
    func close() { wrapped.close() }

    func requestOutput(_ line: GPIOLineAddress, settings: GPIOOutputSettings) throws(GPIOError) -> any GPIOOutput {
        try wrapped.requestOutput(line, settings: settings)
    }

    func requestEdges(_ line: GPIOLineAddress, settings: GPIOInputSettings) throws(GPIOError) -> any GPIOEdgeInput {
        let input = try wrapped.requestEdges(line, settings: settings)
        let start = simulation.now
        for index in 1...100 {
            let time = start + Double(index) * 0.005
            simulation.setLevel(true, of: line, chip: info.name, at: time)
            simulation.setLevel(false, of: line, chip: info.name, at: time + 50e-6)
        }
        return input
    }
}

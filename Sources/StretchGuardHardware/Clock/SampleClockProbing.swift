import StretchGuardGPIO

extension SampleClock {
    /// A clock in the best mode that works on this chip and wiring, found by trying each, best first.
    ///
    /// 1. The data-ready edge: the interrupt is armed and at least ``SampleClockProbe/edgesNeeded`` rising
    ///    edges must arrive within ``SampleClockProbe/periods`` sample periods (a line that opens but is not
    ///    wired to the INT pin, or a chip whose INT pin does nothing, gives none).
    /// 2. The FIFO, when the driver has one: switched on, it must hold samples after the same time (a register
    ///    image without a working FIFO, such as the kernel's i2c-stub, holds none).
    /// 3. Polling, which works with any chip.
    ///
    /// Whatever was tried is switched off again; ``start()`` arms the chosen mode. The reasons are kept in
    /// ``choice``. Takes up to two probe windows (100 ms at 200 Hz) when both better modes fail.
    ///
    /// - Parameters:
    ///   - driver: a configured driver (interrupt and FIFO off).
    ///   - clock: the monotonic clock to sleep on and stamp with (the system's by default).
    ///   - dataReady: the data-ready line, or why there is none.
    ///   - probe: how long each mode is given.
    ///   - settings: the clock's tunables.
    ///   - allowFIFO: whether the FIFO may be chosen (false when a second chip is read on each tick:
    ///     ``TickPairedIMU`` pairs single samples, not FIFO batches).
    /// - Throws: the driver's errors while arming or disarming (``I2CError`` for the bus), the line's.
    public static func probing(driver: any IMUDriver, clock: any MonotonicClock = SystemMonotonicClock(),
                               dataReady: DataReadyCandidate, probe: SampleClockProbe = .standard,
                               settings: SampleClockSettings = .standard, allowFIFO: Bool = true) throws -> SampleClock {
        var driver = driver
        let window = probe.periods * driver.configuration.samplePeriod
        var fallbacks: [String] = []
        switch dataReady {
        case let .unavailable(reason):
            fallbacks.append(reason)
        case let .line(source, name):
            let edges = try countEdges(source, driver: driver, clock: clock, needed: probe.edgesNeeded, window: window)
            if edges.count >= probe.edgesNeeded {
                let spacing = edges.count > 1 ? " \(milliseconds(edges.spacing, decimals: 2)) ms apart" : ""
                let choice = SampleClockChoice(mode: .dataReadyEdge, evidence: "\(name) gave \(edges.count) edges,\(spacing)")
                return try SampleClock(driver: driver, clock: clock, edgeSource: source, choice: choice, settings: settings)
            }
            fallbacks.append("data-ready line \(name) gave "
                + (edges.count == 0 ? "no edges" : "only \(edges.count) of \(probe.edgesNeeded) edges")
                + " within \(milliseconds(window)) ms")
        }
        if !allowFIFO {
            fallbacks.append("the FIFO is not used with a second sensor read on each sample")
        } else if driver.fifoCapacity != nil {
            let level = try fillFIFO(&driver, clock: clock, window: window)
            if level.samples > 0 && !level.overflowed {
                let choice = SampleClockChoice(mode: .fifo, evidence: "\(level.samples) samples queued in \(milliseconds(window)) ms",
                                               fallbacks: fallbacks)
                return try SampleClock(driver: driver, clock: clock, edgeSource: nil, choice: choice, settings: settings)
            }
            fallbacks.append("the \(driver.chip.description) FIFO "
                + (level.overflowed ? "reported an overflow or a partial sample" : "held no samples")
                + " after \(milliseconds(window)) ms")
        } else {
            fallbacks.append("the \(driver.chip.description) driver has no FIFO support")
        }
        let choice = SampleClockChoice(mode: .polling, evidence: "works with any chip", fallbacks: fallbacks)
        return try SampleClock(driver: driver, clock: clock, edgeSource: nil, choice: choice, settings: settings)
    }

    /// Arms the data-ready interrupt and counts the rising edges that arrive within `window` s (stopping at
    /// `needed`), then disarms it: how many, and their mean spacing in s.
    private static func countEdges(_ source: any DataReadyEdgeSource, driver: any IMUDriver, clock: any MonotonicClock,
                                   needed: Int, window: Double) throws -> (count: Int, spacing: Double) {
        try source.discardQueuedEdges()
        try driver.setDataReadyInterrupt(enabled: true)
        defer { try? driver.setDataReadyInterrupt(enabled: false) }
        let deadline = clock.now() + window
        var count = 0
        var first: UInt64 = 0
        var last: UInt64 = 0
        while count < needed {
            let remaining = deadline - clock.now()
            // A wait that ends without an edge used up the window (or a signal came): stop either way.
            guard remaining > 0, let edge = try source.waitForEdge(timeout: remaining) else { break }
            if count == 0 { first = edge }
            last = edge
            count += 1
        }
        let spacing = count > 1 ? Double(last &- first) * 1e-9 / Double(count - 1) : 0
        return (count, spacing)
    }

    /// Switches the FIFO on, waits `window` s, reads its level and switches it off again.
    private static func fillFIFO(_ driver: inout any IMUDriver, clock: any MonotonicClock,
                                 window: Double) throws -> FIFOLevel {
        try driver.setFIFO(enabled: true)
        clock.sleep(until: clock.now() + window)
        let level = try driver.fifoLevel()
        try driver.setFIFO(enabled: false)
        return level
    }

    /// `seconds` in ms, rounded to `decimals` (0 or 2) places: "50", "5.00".
    private static func milliseconds(_ seconds: Double, decimals: Int = 0) -> String {
        guard decimals > 0 else { return String(Int((seconds * 1000).rounded())) }
        let hundredths = Int((max(0, seconds) * 100_000).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

import StretchGuardGPIO
/// Delivers one IMU's samples at its configured rate, timestamped, and measures how regularly they came.
///
/// Three modes, best first (``SampleClockMode/best(hasEdgeSource:hasFIFO:)``): the chip's data-ready pin
/// through a GPIO edge (the kernel's timestamp is the sample's time), draining the chip's FIFO every few
/// periods (times reconstructed from the period and kept close to the host clock), or polling at absolute
/// deadlines (`clock_nanosleep(TIMER_ABSTIME)` on `CLOCK_MONOTONIC`; late deadlines are skipped, not
/// bunched). A second IMU is read by ``TickPairedIMU`` right after each delivery (edge or polling: a pair
/// is never timed by the FIFO).
public struct SampleClock {
    /// How samples are timed.
    public var mode: SampleClockMode { choice.mode }
    /// The mode and why it was chosen (``SampleClock/probing(driver:clock:dataReady:probe:settings:)`` tries
    /// the modes on the chip; otherwise the best wired or the one asked for).
    public let choice: SampleClockChoice
    /// The tunables.
    public let settings: SampleClockSettings
    /// The driver of the chip being sampled (configured before the clock starts).
    public private(set) var driver: any IMUDriver
    /// How regularly samples arrived since ``start()``.
    public private(set) var statistics: SampleTimingStatistics
    private let clock: any MonotonicClock
    private let edgeSource: (any DataReadyEdgeSource)?
    private var nextDeadline: Double = 0
    private var lastDrainTime: Double?
    private var lastFIFOSampleTime: Double?

    /// - Parameters:
    ///   - driver: a configured driver.
    ///   - clock: the monotonic clock to sleep on and stamp with (the system's by default).
    ///   - edgeSource: the data-ready line, when the chip's INT pin is wired to a GPIO input.
    ///   - mode: a mode to insist on; nil picks the best available.
    ///   - settings: the tunables.
    /// - Throws: ``SampleClockError/modeUnavailable(_:reason:)`` when the mode asked for cannot work.
    public init(driver: any IMUDriver, clock: any MonotonicClock = SystemMonotonicClock(),
                edgeSource: (any DataReadyEdgeSource)? = nil, mode: SampleClockMode? = nil,
                settings: SampleClockSettings = .standard) throws(SampleClockError) {
        let chosen = mode ?? .best(hasEdgeSource: edgeSource != nil, hasFIFO: driver.fifoCapacity != nil)
        let choice = SampleClockChoice(mode: chosen, evidence: mode == nil ? "the best one wired" : "as asked")
        try self.init(driver: driver, clock: clock, edgeSource: edgeSource, choice: choice, settings: settings)
    }

    /// A clock in the mode `choice` names, with its reasons (checked as ``init(driver:clock:edgeSource:mode:settings:)``
    /// checks).
    public init(driver: any IMUDriver, clock: any MonotonicClock = SystemMonotonicClock(),
                edgeSource: (any DataReadyEdgeSource)? = nil, choice: SampleClockChoice,
                settings: SampleClockSettings = .standard) throws(SampleClockError) {
        let chosen = choice.mode
        if chosen == .dataReadyEdge && edgeSource == nil {
            throw .modeUnavailable(chosen, reason: "no data-ready line is wired (set the INT pin's GPIO line)")
        }
        if chosen == .fifo && driver.fifoCapacity == nil {
            throw .modeUnavailable(chosen, reason: "the \(driver.chip) driver has no FIFO support")
        }
        self.choice = choice
        self.settings = settings
        self.driver = driver
        self.clock = clock
        self.edgeSource = edgeSource
        statistics = SampleTimingStatistics(nominalRate: driver.configuration.outputDataRate)
    }

    /// The nominal sample period, in s.
    public var period: Double { driver.configuration.samplePeriod }

    /// Arms the chip for the mode (data-ready interrupt on, or FIFO emptied and on) and starts timing afresh.
    public mutating func start() throws {
        let now = clock.now()
        statistics = SampleTimingStatistics(nominalRate: driver.configuration.outputDataRate)
        switch mode {
        case .dataReadyEdge:
            try edgeSource?.discardQueuedEdges()
            try driver.setDataReadyInterrupt(enabled: true)
        case .fifo:
            try driver.setFIFO(enabled: true)
            lastDrainTime = now
            lastFIFOSampleTime = nil
            nextDeadline = now + settings.fifoDrainInterval
        case .polling:
            nextDeadline = now + period
        }
    }

    /// Disarms what ``start()`` armed.
    public mutating func stop() throws {
        switch mode {
        case .dataReadyEdge: try driver.setDataReadyInterrupt(enabled: false)
        case .fifo: try driver.setFIFO(enabled: false)
        case .polling: break
        }
    }

    /// Waits until samples are due, reads them, and hands each to `deliver`, oldest first.
    ///
    /// - Returns: how many samples were delivered: 1 per edge or deadline; 0…n per FIFO drain; 0 after an
    ///   edge timeout or a FIFO overflow (both counted in ``statistics``).
    /// - Throws: the driver's errors (``I2CError`` for the bus: see ``I2CError/isRecoverableSensorFault``).
    public mutating func next(_ deliver: (IMUReading) -> Void) throws -> Int {
        switch mode {
        case .dataReadyEdge:
            guard let edge = try edgeSource?.waitForEdge(timeout: settings.edgeTimeoutPeriods * period) else {
                statistics.recordEdgeTimeout()
                return 0
            }
            return try deliverOne(at: Double(edge) * 1e-9, deliver)
        case .polling:
            clock.sleep(until: nextDeadline)
            let now = clock.now()
            nextDeadline = Self.deadline(after: nextDeadline, now: now, interval: period)
            return try deliverOne(at: now, deliver)
        case .fifo:
            clock.sleep(until: nextDeadline)
            let now = clock.now()
            nextDeadline = Self.deadline(after: nextDeadline, now: now, interval: settings.fifoDrainInterval)
            return try drainFIFO(at: now, deliver)
        }
    }

    private mutating func deliverOne(at time: Double, _ deliver: (IMUReading) -> Void) throws -> Int {
        let reading = try driver.readSample(time: time)
        statistics.record(time)
        deliver(reading)
        return 1
    }

    /// Reads what the FIFO holds; after an overflow, empties it and counts the samples lost since the last
    /// drain.
    private mutating func drainFIFO(at now: Double, _ deliver: (IMUReading) -> Void) throws -> Int {
        let level = try driver.fifoLevel()
        let sinceLastDrain = now - (lastDrainTime ?? now)
        lastDrainTime = now
        if level.overflowed {
            try driver.resetFIFO()
            lastFIFOSampleTime = nil
            statistics.recordOverflow(lostSamples: Int((sinceLastDrain / period).rounded()))
            return 0
        }
        guard level.samples > 0 else { return 0 }
        let latest = fifoSampleTime(newestOf: level.samples, drainedAt: now)
        let first = latest - Double(level.samples - 1) * period
        try Self.read(level.samples, from: &driver, into: &statistics, firstTime: first, period: period, deliver)
        lastFIFOSampleTime = latest
        return level.samples
    }

    /// The time given to the newest of `count` FIFO samples drained at `now`: it was taken some time in the
    /// last period, so about half a period ago. Successive batches continue the previous batch's grid and
    /// are nudged toward that estimate (``SampleClockSettings/fifoTimeCorrectionGain``), so the spacing stays
    /// even; more than two periods off (the first drain, after an overflow) restarts the grid.
    private func fifoSampleTime(newestOf count: Int, drainedAt now: Double) -> Double {
        let estimate = now - period / 2
        guard let previous = lastFIFOSampleTime else { return estimate }
        let continued = previous + Double(count) * period
        let error = estimate - continued
        return abs(error) > 2 * period ? estimate : continued + settings.fifoTimeCorrectionGain * error
    }

    /// Reads FIFO samples into the statistics and the caller (a static function so that the driver and the
    /// statistics, two stored properties, are accessed side by side).
    private static func read(_ count: Int, from driver: inout any IMUDriver, into statistics: inout SampleTimingStatistics,
                             firstTime: Double, period: Double, _ deliver: (IMUReading) -> Void) throws {
        try driver.readFIFO(count: count, firstTime: firstTime, period: period) { reading in
            statistics.record(reading.sample.time)
            deliver(reading)
        }
    }

    /// The next deadline on the grid `previous + k × interval` that is after `now` (deadlines missed while
    /// late are skipped rather than run back to back).
    static func deadline(after previous: Double, now: Double, interval: Double) -> Double {
        let next = previous + interval
        guard now >= next else { return next }
        return next + ((now - next) / interval).rounded(.down) * interval + interval
    }
}

/// Why a ``SampleClock`` cannot run as asked.
public enum SampleClockError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The mode asked for needs something that is missing.
    case modeUnavailable(SampleClockMode, reason: String)

    public var description: String {
        switch self {
        case let .modeUnavailable(mode, reason): "the \(mode) sample clock cannot run: \(reason)."
        }
    }
}

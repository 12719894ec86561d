import StretchGuardCore
import StretchGuardGPIO

/// A second IMU (the pelvis sensor) read on the first one's sample tick, so both arrive as one
/// ``IMUSample``: the second chip has no clock of its own in the session.
///
/// How the two are aligned: the second chip runs free at ``pairedSettings(_:tickRate:)``'s rate, at least
/// four times the tick rate (capped at 1 kHz), with the same low-pass filter as the first chip (so both
/// have the same group delay). Right after the tick's sample is read (data-ready edge or polling deadline),
/// one burst read takes the second chip's latest sample and stamps it with the tick's time. That sample
/// is at most one of its own periods old plus one transfer (14 bytes: ≈ 0.4 ms at 400 kHz, ≈ 1.6 ms at
/// 100 kHz): at a 200 Hz tick on a shared 400 kHz bus, ≤ 1.4 ms against a 5 ms sample period, with the
/// data-ready edge (whose time is the thorax sample's instant; `TickPairedIMUTests` measures ≤ 1 ms on the
/// simulated chips, whatever the phase between their sample grids). Polling stamps the read, and the
/// thorax's own sample is then up to one of its periods older than that (as with one sensor), so the pair
/// can be up to that far apart (4.3 ms measured at 200 Hz with grids 4.2 ms apart): wire the thorax's INT
/// pin for two sensors. (A FIFO batch cannot be paired this way, so a pair is timed by the edge or by
/// polling.)
///
/// Its first reading is taken ``Settings/settleTime`` s after it was configured (the gyro starting up, and
/// no sample yet in its registers). A failed read, or a sample flagged stuck (the same bytes read after
/// read), gives nil for that tick: the caller passes the tick on without a pelvis reading. After
/// ``Settings/goneAfter`` s of failures the chip counts as gone; it is then re-configured every
/// ``Settings/retryInterval`` s (a chip that lost power comes back asleep), and read again
/// ``Settings/settleTime`` s after that succeeds (a re-configure blocks the tick for the chip's reset,
/// a few ms on a real chip, once, when it returns).
public struct TickPairedIMU {
    /// The tunables.
    public struct Settings: Sendable, Equatable {
        /// How long reads may fail before the chip counts as gone and is re-configured, in s. Default 0.1.
        public var goneAfter = 0.1
        /// How often a gone chip is re-configured, in s. Default 0.5.
        public var retryInterval = 0.5
        /// How long after a re-configure its samples are skipped (the gyro starting up), in s. Default 0.05.
        public var settleTime = 0.05

        public init() {}
    }

    /// What the chip is doing, for status lines and the run summary.
    public enum State: Equatable, Sendable {
        /// Reads succeed.
        case answering
        /// Reads have failed since the time given (s); not yet counted as gone.
        case failing(since: Double)
        /// Gone; re-configured at the time given (s) at the earliest.
        case gone(retryAt: Double)
        /// Configured (`returning`: again, after it was gone); read from the time given (s).
        case settling(until: Double, returning: Bool)
    }

    /// The second chip's driver (configured by ``init(driver:settings:tickRate:retry:)``).
    public private(set) var driver: any IMUDriver
    /// The settings the chip is (re-)configured with: ``pairedSettings(_:tickRate:)``.
    public let settings: IMUSettings
    public let retry: Settings
    public private(set) var state: State
    /// Ticks that came without the second chip's reading.
    public private(set) var missedTicks = 0
    /// How many times the chip was counted as gone, and how many times it came back.
    public private(set) var losses = 0, returns = 0
    /// The last read or configure failure, for messages.
    public private(set) var lastError: (any Error)?

    /// Configures the chip for pairing with a tick of `tickRate` Hz.
    ///
    /// - Parameters:
    ///   - driver: the second chip's driver (not yet configured).
    ///   - settings: what the config asks of it (rate, ranges, filter); the rate is raised for pairing.
    ///   - tickRate: the first chip's achieved output data rate, in Hz.
    ///   - now: the monotonic time now, in s (its first reading is taken ``Settings/settleTime`` later).
    ///   - retry: how a failing chip is handled.
    /// - Throws: the driver's errors (the chip does not answer, or is another chip).
    public init(driver: any IMUDriver, settings: IMUSettings, tickRate: Double, now: Double,
                retry: Settings = Settings()) throws {
        self.driver = driver
        self.settings = Self.pairedSettings(settings, tickRate: tickRate)
        self.retry = retry
        state = .settling(until: now + retry.settleTime, returning: false)
        try self.driver.configure(self.settings)
    }

    /// `settings` for the chip read on a tick of `tickRate` Hz: at least 4 × the tick rate (at most
    /// 1000 Hz), and a low-pass bandwidth fixed to the one the first chip gets (given, or 0.45 × `tickRate`)
    /// so that the faster rate does not widen it.
    public static func pairedSettings(_ settings: IMUSettings, tickRate: Double) -> IMUSettings {
        var paired = settings
        paired.outputDataRate = max(settings.outputDataRate, min(4 * tickRate, 1000))
        paired.lowPassBandwidth = settings.lowPassBandwidth ?? 0.45 * tickRate
        return paired
    }

    /// Whether reads succeed now (false while it settles after being configured).
    public var isAnswering: Bool { state == .answering }

    /// The chip's latest sample, stamped `time` (the tick's), or nil when it failed or is away.
    ///
    /// - Parameters:
    ///   - time: the tick's time stamp, in s.
    ///   - now: the monotonic time now, in s (for the retry timers).
    public mutating func read(stampedAt time: Double, now: Double) -> IMUReading? {
        switch state {
        case let .gone(retryAt):
            if now >= retryAt { reconfigure(now: now) }
            missedTicks += 1
            return nil
        case let .settling(until, _):
            guard now >= until else {
                missedTicks += 1
                return nil
            }
        case .answering, .failing:
            break
        }
        do {
            let reading = try driver.readSample(time: time)
            if case .settling(_, returning: true) = state { returns += 1 }
            state = .answering
            // A chip whose data has hung answers, but its samples mean nothing: the tick goes without.
            guard !reading.health.contains(.stuck) else {
                missedTicks += 1
                return nil
            }
            return reading
        } catch {
            lastError = error
            missedTicks += 1
            switch state {
            case let .failing(since) where now - since >= retry.goneAfter:
                losses += 1
                state = .gone(retryAt: now + retry.retryInterval)
            case .failing:
                break
            case .settling:
                state = .gone(retryAt: now + retry.retryInterval)
            default:
                state = .failing(since: now)
            }
            return nil
        }
    }

    private mutating func reconfigure(now: Double) {
        do {
            try driver.configure(settings)
            state = .settling(until: now + retry.settleTime, returning: true)
        } catch {
            lastError = error
            state = .gone(retryAt: now + retry.retryInterval)
        }
    }
}

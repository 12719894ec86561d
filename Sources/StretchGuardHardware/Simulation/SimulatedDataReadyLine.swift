import StretchGuardGPIO
/// A data-ready line driven by a simulated chip's INT pin, on a ``ManualClock``: waiting moves the clock to
/// the next pulse (or by the timeout when the chip sends none, e.g. because its interrupt is off).
public struct SimulatedDataReadyLine: DataReadyEdgeSource, Sendable {
    private let chip: any SimulatedDataReadyPin
    private let clock: ManualClock

    /// - Parameters:
    ///   - chip: the simulated chip whose INT pin the line is wired to.
    ///   - clock: the simulation's clock, shared with the chip.
    public init(chip: any SimulatedDataReadyPin, clock: ManualClock) {
        self.chip = chip
        self.clock = clock
    }

    public func waitForEdge(timeout: Double) throws -> UInt64? {
        let now = clock.now()
        guard let pulse = chip.nextDataReadyPulse(after: now), pulse - now <= timeout else {
            clock.sleep(until: now + timeout)
            return nil
        }
        clock.sleep(until: pulse)
        return UInt64((pulse * 1e9).rounded())
    }

    /// Nothing queues on a simulated line: waiting always looks ahead from now.
    public func discardQueuedEdges() throws {}
}

/// A simulated chip whose INT pin a ``SimulatedDataReadyLine`` can watch.
public protocol SimulatedDataReadyPin: AnyObject, Sendable {
    /// The time of the first data-ready pulse strictly after `time` (s), or nil when the chip is asleep or
    /// its data-ready interrupt is off.
    func nextDataReadyPulse(after time: Double) -> Double?
}

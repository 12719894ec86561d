/// An IMU's data-ready (INT) pin wired to a GPIO input: the rising edges the kernel time-stamps
/// (`CLOCK_MONOTONIC`), one per sample, for the sample clock's data-ready mode.
///
/// The line is requested like the button's (``GPIOChip/requestEdges(_:settings:)``: on Linux the CGPIOD shim's
/// `sg_gpiod_request_edges`, `sg_gpiod_request_wait_edges` and `sg_gpiod_request_read_edges`), for rising
/// edges only, with the bias left as the board set it (the chip drives the pin push-pull). Waiting happens
/// in the kernel; the events are read onto the stack, so nothing is allocated per edge.
///
/// Not Sendable: owned by the thread that samples. `release()` (and deinit) gives the line back.
public final class DataReadyLine: DataReadyEdgeSource {
    /// "GPIO17 (line 17 of gpiochip0)": for messages.
    public let lineDescription: String
    /// Rising edges passed over because a newer one was queued behind them (the reader fell behind, or
    /// they were discarded before the interrupt was re-armed).
    public private(set) var skippedEdges = 0
    private var input: (any GPIOEdgeInput)?

    /// Takes over an input requested with rising-edge detection (`.rising` or `.both`).
    public init(input: any GPIOEdgeInput) {
        self.input = input
        lineDescription = input.lineDescription
    }

    /// Requests `line` on `chip` for rising edges and wraps it.
    ///
    /// - Parameters:
    ///   - chip: the open chip the INT pin is wired to.
    ///   - line: the line's name (`GPIO17`) or offset.
    ///   - bias: the pull resistor. Default `.asIs`: the IMU drives the pin both ways.
    /// - Throws: ``GPIOError`` (`.lineNotFound`, `.lineBusy` naming the holder, `.permissionDenied`, …).
    public convenience init(chip: any GPIOChip, line: GPIOLineAddress, bias: GPIOBias = .asIs) throws(GPIOError) {
        let input = try chip.requestEdges(line, settings: GPIOInputSettings(bias: bias, edges: .rising))
        self.init(input: input)
    }

    deinit { release() }

    /// Waits for the next rising edge and returns its kernel timestamp, in ns of `CLOCK_MONOTONIC`; nil
    /// after `timeout` s without one, or when a signal interrupted the wait.
    ///
    /// Every queued edge is read; the newest is returned and the older ones are counted in ``skippedEdges``.
    public func waitForEdge(timeout: Double) throws -> UInt64? {
        guard let input else { throw GPIOError.closed(lineDescription) }
        let deadline = input.now() + max(0, timeout)
        while try input.waitForEdges(timeout: max(0, deadline - input.now())) {
            let queued = try takeQueued(from: input)
            if let newest = queued.newest {
                skippedEdges += queued.rising - 1
                return newest
            }
            // Only falling edges (a line requested for both): wait on for a rising one.
            if input.now() >= deadline { break }
        }
        return nil
    }

    /// Reads and drops whatever edges are queued now.
    public func discardQueuedEdges() throws {
        guard let input else { throw GPIOError.closed(lineDescription) }
        if try input.waitForEdges(timeout: 0) {
            skippedEdges += try takeQueued(from: input).rising
        }
    }

    /// Releases the line. Idempotent.
    public func release() {
        input?.release()
        input = nil
    }

    /// Reads the queued edges (in batches, until a batch comes back short of full): the newest rising edge's
    /// time (nil when none rose) and how many rose.
    private func takeQueued(from input: any GPIOEdgeInput) throws(GPIOError) -> (newest: UInt64?, rising: Int) {
        var newest: UInt64?
        var rising = 0
        while true {
            let read = try input.readEdges { edge in
                guard edge.kind == .rising else { return }
                rising += 1
                newest = max(newest ?? 0, edge.timestampNanoseconds)
            }
            // A short batch emptied the queue; after a full one, more may wait.
            guard read >= LinuxGPIOEdgeInput.batchCapacity, try input.waitForEdges(timeout: 0) else { break }
        }
        return (newest, rising)
    }
}

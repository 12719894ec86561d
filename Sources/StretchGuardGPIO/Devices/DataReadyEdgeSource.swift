/// An IMU's data-ready (INT) pin as seen through a GPIO input line: waits for the next rising edge and
/// gives the kernel's timestamp of it. ``DataReadyLine`` is the real one (a libgpiod edge-event line, or a
/// `SimulatedGPIO` line); the Hardware layer's `SimulatedDataReadyLine` follows a simulated chip's INT pin.
///
/// Lives in the GPIO layer (the lower one), so that the sample clock in the Hardware layer can take either.
public protocol DataReadyEdgeSource {
    /// Waits for the next rising edge.
    ///
    /// When several edges are already queued (the reader fell behind), the newest is the one returned:
    /// the chip's data registers hold the newest sample, and the older edges' samples are gone.
    ///
    /// - Parameter timeout: the longest wait, in s.
    /// - Returns: the edge's `CLOCK_MONOTONIC` time in ns, or nil when none came within `timeout` (or a
    ///   signal interrupted the wait).
    func waitForEdge(timeout: Double) throws -> UInt64?

    /// Forgets the edges queued so far (before an interrupt is re-armed, so that a stale edge is not taken
    /// for a new sample).
    func discardQueuedEdges() throws
}

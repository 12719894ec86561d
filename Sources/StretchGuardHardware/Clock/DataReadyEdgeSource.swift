/// The IMU's data-ready (INT) pin as seen through a GPIO input line: waits for the next rising edge and
/// gives the kernel's timestamp of it. The CLI backs it with a libgpiod edge-event line; tests with
/// ``SimulatedDataReadyLine``.
public protocol DataReadyEdgeSource {
    /// Waits for the next rising edge.
    ///
    /// - Parameter timeout: the longest wait, in s.
    /// - Returns: the edge's `CLOCK_MONOTONIC` time in ns, or nil when none came within `timeout`.
    func waitForEdge(timeout: Double) throws -> UInt64?
}

/// Where GPIO chips come from: the kernel through libgpiod (`LinuxGPIOBackend`), or a recording
/// simulation (`SimulatedGPIO`) for tests and simulated sessions.
public protocol GPIOBackend: Sendable {
    /// The chips present, in kernel order (gpiochip0 first).
    func chips() throws(GPIOError) -> [GPIOChipInfo]

    /// Opens the chip at `address`; throws `.chipNotFound` listing the chips present when none matches.
    func openChip(_ address: GPIOChipAddress) throws(GPIOError) -> any GPIOChip
}

/// An open GPIO chip: look lines up and request them.
///
/// Requested lines do not depend on the chip staying open: `close()` may come first.
public protocol GPIOChip: AnyObject, Sendable {
    /// The chip's name, label, path and line count.
    var info: GPIOChipInfo { get }

    /// The offset of a line given by name or offset; throws `.lineNotFound` for an unknown name or an
    /// offset beyond `info.lineCount`.
    func offset(of line: GPIOLineAddress) throws(GPIOError) -> Int

    /// The kernel's current view of the line at `offset` (name, holder, direction).
    func lineInfo(offset: Int) throws(GPIOError) -> GPIOLineInfo

    /// Requests a line as an output, driven to `settings.initiallyActive` at once.
    /// Throws `.lineBusy` naming the holder when someone else has the line.
    func requestOutput(_ line: GPIOLineAddress, settings: GPIOOutputSettings) throws(GPIOError) -> any GPIOOutput

    /// Requests a line as an input whose changes the kernel reports as time-stamped edge events.
    func requestEdges(_ line: GPIOLineAddress, settings: GPIOInputSettings) throws(GPIOError) -> any GPIOEdgeInput

    /// Closes the chip (idempotent); later lookups throw `.closed`.
    func close()
}

/// A requested output line.
///
/// `release()` drives the line inactive before giving it back, because the kernel leaves a released
/// output at its last level (a buzzer would keep sounding); deinit releases as a backstop.
public protocol GPIOOutput: AnyObject, Sendable {
    /// "GPIO18 (line 18 of gpiochip0)": for messages.
    var lineDescription: String { get }

    /// Drives the line's logical value: active (on) or inactive (off).
    func setActive(_ active: Bool) throws(GPIOError)

    /// Drives the line inactive, then releases it. Idempotent; never throws (best effort on the way out).
    func release()
}

/// A requested input line with edge events, time-stamped by the kernel.
///
/// Waiting happens in the kernel (poll on the line's file descriptor): nothing polls the level.
public protocol GPIOEdgeInput: AnyObject, Sendable {
    /// "GPIO27 (line 27 of gpiochip0)": for messages.
    var lineDescription: String { get }

    /// The descriptor that turns readable when edges are queued (to wait on several with one poll(2));
    /// nil when simulated or released.
    var fileDescriptor: Int32? { get }

    /// The current time on the clock that stamps this line's edges, in s (CLOCK_MONOTONIC on Linux).
    func now() -> Double

    /// The line's logical value now: true when active.
    func isActive() throws(GPIOError) -> Bool

    /// Waits until edge events are queued, or `timeout` s pass (0: just look; negative: no limit).
    /// Returns whether events are queued; false also when a signal interrupted the wait.
    func waitForEdges(timeout: Double) throws(GPIOError) -> Bool

    /// Reads the queued edge events, oldest first, handing each to `body`; returns how many. Call after
    /// `waitForEdges` returned true: with nothing queued it may block. Allocates nothing on Linux.
    @discardableResult
    func readEdges(_ body: (GPIOEdge) -> Void) throws(GPIOError) -> Int

    /// Releases the line. Idempotent.
    func release()
}

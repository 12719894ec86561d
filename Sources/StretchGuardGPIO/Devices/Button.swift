/// The wearer's push button: presses, releases and long presses from the kernel's time-stamped edge
/// events, debounced in software (`ButtonDebouncer`).
///
/// Waiting happens in the kernel (`GPIOEdgeInput.waitForEdges`) up to the caller's timeout or the
/// debouncer's next deadline, whichever is first: no polling and no sleeps. The live loop can call
/// `poll` once per sample (no waiting), or a thread of its own can block in `waitForEvents`.
/// Not Sendable: owned by whichever thread reads it. `close()` (and deinit) releases the line.
public final class Button {
    private var input: (any GPIOEdgeInput)?
    private var debouncer: ButtonDebouncer

    /// Takes over an input requested with edge detection `.both`.
    ///
    /// A button already held down at this moment yields no events until it is released.
    public init(input: any GPIOEdgeInput, settings: ButtonDebouncer.Settings = .init()) throws(GPIOError) {
        debouncer = ButtonDebouncer(settings: settings, initiallyPressed: try input.isActive())
        self.input = input
    }

    /// Requests `line` on `chip` for both edges and wraps it.
    ///
    /// - Parameters:
    ///   - activeLow: whether pressed is the low level. Default true: a button to ground.
    ///   - bias: the pull resistor. Default `.pullUp` (for a button to ground).
    public convenience init(chip: any GPIOChip, line: GPIOLineAddress, activeLow: Bool = true,
                            bias: GPIOBias = .pullUp, settings: ButtonDebouncer.Settings = .init()) throws(GPIOError) {
        let input = try chip.requestEdges(line, settings: GPIOInputSettings(activeLow: activeLow, bias: bias))
        try self.init(input: input, settings: settings)
    }

    deinit { close() }

    /// Whether the button counts as down now (debounced).
    public var isPressed: Bool { debouncer.state.isPressed }

    /// The descriptor that turns readable when edges are queued (for a caller's own poll(2)); nil when
    /// simulated or closed.
    public var fileDescriptor: Int32? { input?.fileDescriptor }

    /// Handles what is due now without waiting: queued edges, settled changes, a long press coming due.
    public func poll(_ handle: (ButtonEvent) -> Void) throws(GPIOError) {
        try waitForEvents(timeout: 0, handle)
    }

    /// Waits for button events, handing each to `handle`, and returns once at least one was handed over,
    /// `timeout` s passed (negative: no limit), or a signal interrupted the wait.
    public func waitForEvents(timeout: Double, _ handle: (ButtonEvent) -> Void) throws(GPIOError) {
        guard let input else { throw GPIOError.closed("the button") }
        var delivered = false
        let start = input.now()
        let deadline = timeout < 0 ? Double.infinity : start + timeout
        while true {
            let before = input.now()
            var wait = max(0, deadline - before)
            var waitingForDebouncer = false
            if let due = debouncer.nextDeadline, due - before < wait {
                wait = max(0, due - before)
                waitingForDebouncer = true
            }
            let hadEdges = try input.waitForEdges(timeout: wait.isFinite ? wait : -1)
            if hadEdges { try drainEdges(from: input, into: handle, delivered: &delivered) }
            let now = input.now()
            // Edges stamped before `now` are queued by now: take them before treating `now` as quiet.
            if self.input != nil, try input.waitForEdges(timeout: 0) {
                try drainEdges(from: input, into: handle, delivered: &delivered)
            }
            debouncer.advance(to: now) { event in
                delivered = true
                handle(event)
            }
            if delivered || now >= deadline || self.input == nil { return }  // (`handle` may close the button)
            if !hadEdges && !waitingForDebouncer { return }  // interrupted, or a simulation with nothing to come
        }
    }

    /// Feeds the queued edges to the debouncer.
    private func drainEdges(from input: any GPIOEdgeInput, into handle: (ButtonEvent) -> Void,
                            delivered: inout Bool) throws(GPIOError) {
        var handedOver = false
        try input.readEdges { edge in
            debouncer.edge(pressed: edge.kind == .rising, at: edge.time) { event in
                handedOver = true
                handle(event)
            }
        }
        if handedOver { delivered = true }
    }

    /// Releases the line. Idempotent.
    public func close() {
        input?.release()
        input = nil
    }
}

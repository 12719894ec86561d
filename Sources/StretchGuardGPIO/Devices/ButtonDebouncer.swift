/// Turns a button's raw edges (with their kernel time stamps) into presses, releases and long presses.
///
/// A change counts once the level has stayed put for `debounceInterval` after the last edge; the event is
/// then stamped with the first edge of that burst of edges (edges less than `debounceInterval` apart), so
/// contact bounce neither adds presses nor shifts the stamp. A pulse shorter than the interval that
/// returns to the old level is ignored. Pure and
/// clock-agnostic: the caller feeds edges and the current time (`advance(to:)`), and `nextDeadline` says
/// when something may come due, so that the caller can wait in the kernel until then instead of polling.
public struct ButtonDebouncer: Sendable {
    /// Tuning.
    public struct Settings: Sendable, Hashable {
        /// How long the level must stay unchanged for a press or release to count, in s. Default 0.02 s.
        public var debounceInterval: Double = 0.02
        /// How long a press must be held to be a long press, in s. Default 2 s.
        public var longPressDuration: Double = 2

        public init(debounceInterval: Double = 0.02, longPressDuration: Double = 2) {
            self.debounceInterval = debounceInterval
            self.longPressDuration = longPressDuration
        }

        /// Whether the values make sense together.
        public var isConsistent: Bool {
            debounceInterval >= 0 && longPressDuration > debounceInterval
        }
    }

    /// What the debouncer remembers between calls.
    public struct State: Sendable, Hashable {
        /// The debounced level: whether the button counts as down.
        public var isPressed = false
        /// The level of the last edge.
        public var rawPressed = false
        /// The time of the last edge, and of the first edge of its burst (the stamp of the change), in s.
        public var lastEdgeTime = -Double.infinity
        public var burstStart = 0.0
        /// When the current press began, in s, and whether its long press was reported.
        public var pressTime = 0.0
        public var longPressReported = false
        /// Set when the button was already down at the start: that press yields no events.
        public var ignoringUntilRelease = false
        /// The latest time seen, in s (edges stamped earlier are taken as this late).
        public var clock = -Double.infinity
    }

    /// Times within this of a deadline count as reaching it, in s (1 ns: absorbs rounding).
    static let timeTolerance = 1e-9

    public var settings: Settings
    public private(set) var state = State()

    /// - Parameter initiallyPressed: the button's level at the start; a press already under way is
    ///   ignored until it is released.
    public init(settings: Settings = Settings(), initiallyPressed: Bool = false) {
        self.settings = settings
        state.isPressed = initiallyPressed
        state.rawPressed = initiallyPressed
        state.longPressReported = initiallyPressed
        state.ignoringUntilRelease = initiallyPressed
    }

    /// Whether an edge has changed the level and the change is still settling.
    public var isSettling: Bool { state.rawPressed != state.isPressed }

    /// The next time, in s, at which `advance(to:)` may report something without a new edge: the end of
    /// a settling change, or a long press coming due. nil when nothing is pending.
    public var nextDeadline: Double? {
        if isSettling { return state.lastEdgeTime + settings.debounceInterval }
        if state.isPressed && !state.longPressReported { return state.pressTime + settings.longPressDuration }
        return nil
    }

    /// Feeds one edge: the button's new raw level and the edge's time stamp, in s.
    public mutating func edge(pressed: Bool, at time: Double, _ emit: (ButtonEvent) -> Void) {
        advance(to: time, emit)
        let time = state.clock
        if time - state.lastEdgeTime >= settings.debounceInterval - Self.timeTolerance { state.burstStart = time }
        state.lastEdgeTime = time
        state.rawPressed = pressed  // an edge repeating the level means one in between was lost: still bouncing
    }

    /// Reports what has come due by `now` (s): a settled press or release, a long press.
    public mutating func advance(to now: Double, _ emit: (ButtonEvent) -> Void) {
        state.clock = max(state.clock, now)
        let now = state.clock
        let settled = isSettling
            && now >= state.lastEdgeTime + settings.debounceInterval - Self.timeTolerance
        if settled && state.rawPressed {
            state.isPressed = true
            state.pressTime = state.burstStart
            state.longPressReported = false
            emit(ButtonEvent(kind: .pressed, time: state.burstStart))
        }
        if state.isPressed && !state.longPressReported {
            // A release still settling bounds the hold at its first edge.
            let heldUntil = isSettling ? state.burstStart : now
            let due = state.pressTime + settings.longPressDuration
            if heldUntil >= due - Self.timeTolerance {
                state.longPressReported = true
                emit(ButtonEvent(kind: .longPress, time: due, heldFor: settings.longPressDuration))
            }
        }
        if settled && !state.rawPressed {
            state.isPressed = false
            if state.ignoringUntilRelease {
                state.ignoringUntilRelease = false
                return
            }
            let heldFor = state.burstStart - state.pressTime
            emit(ButtonEvent(kind: .released, time: state.burstStart, heldFor: heldFor))
            if !state.longPressReported {
                emit(ButtonEvent(kind: .shortPress, time: state.burstStart, heldFor: heldFor))
            }
        }
    }
}

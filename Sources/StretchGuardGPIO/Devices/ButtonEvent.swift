/// Something the wearer did with the button.
public struct ButtonEvent: Sendable, Hashable {
    /// What happened.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The button went down (after debouncing).
        case pressed
        /// The button came up (after debouncing). Always follows `pressed`.
        case released
        /// The button has been held for the long-press duration ("re-capture the baseline"). At most once
        /// per press, while it is still down.
        case longPress = "long_press"
        /// A press released before the long-press duration ("stop / it hurts" marker). Comes right after
        /// its `released`.
        case shortPress = "short_press"
    }

    public var kind: Kind
    /// When, in s on the input line's clock (the kernel's CLOCK_MONOTONIC stamp on Linux): for `pressed`
    /// and `released`/`shortPress` the first edge of that change (before the bounces); for `longPress`
    /// the press time plus the long-press duration.
    public var time: Double
    /// How long the button was held, in s: for `released` and `shortPress` until the release; for
    /// `longPress` the long-press duration; 0 for `pressed`.
    public var heldFor: Double

    public init(kind: Kind, time: Double, heldFor: Double = 0) {
        self.kind = kind
        self.time = time
        self.heldFor = heldFor
    }
}

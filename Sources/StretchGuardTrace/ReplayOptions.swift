import StretchGuardCore

/// How `replay` finds the baseline: the first `baselineSeconds` of the trace are the wearer upright and
/// still.
public struct ReplayOptions: Sendable, Equatable {
    /// Length of the still, upright period at the start, in s. Default 2 s.
    public var baselineSeconds: Double = 2
    /// The declared spine (up) axis, or `nil` for the measured up direction.
    public var spineAxis: SensorAxis?
    /// The forward axis, made orthogonal to the spine. Default `+x`.
    public var forwardAxis: SensorAxis = .plusX

    public init(baselineSeconds: Double = 2, spineAxis: SensorAxis? = nil, forwardAxis: SensorAxis = .plusX) {
        self.baselineSeconds = baselineSeconds
        self.spineAxis = spineAxis
        self.forwardAxis = forwardAxis
    }
}

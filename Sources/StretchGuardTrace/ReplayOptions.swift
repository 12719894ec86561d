import StretchGuardCore

/// How `replay` finds the neutral posture and the mounting.
public struct ReplayOptions: Sendable, Equatable {
    /// Length of the still, upright stretch that is the neutral posture, in s. Default 2 s.
    public var baselineSeconds: Double = 2
    /// How far into the trace to look for it, in s. Default 30 s.
    public var baselineSearch: Double = 30
    /// The declared spine (up) axis, or `nil` for the measured up direction.
    public var spineAxis: SensorAxis?
    /// The declared forward axis (made orthogonal to the spine), or `nil` (`auto`) to learn it from the first
    /// deep, slow bend.
    public var forwardAxis: SensorAxis?

    public init(baselineSeconds: Double = 2, baselineSearch: Double = 30, spineAxis: SensorAxis? = nil,
                forwardAxis: SensorAxis? = nil) {
        self.baselineSeconds = baselineSeconds
        self.baselineSearch = baselineSearch
        self.spineAxis = spineAxis
        self.forwardAxis = forwardAxis
    }
}

/// The summed squared error of an estimated angle against its truth over matched frames, and its RMSE.
public struct AngleError: Sendable, Equatable {
    /// Sum of squared differences, in rad².
    public var squaredSum = 0.0
    /// Frames that went into the sum.
    public var frames = 0

    /// No frames yet.
    public init() {}

    /// A sum over `frames` frames (rad²).
    public init(squaredSum: Double, frames: Int) {
        self.squaredSum = squaredSum
        self.frames = frames
    }

    /// Root-mean-square error, in rad (0 when no frame matched).
    public var rmse: Double { frames > 0 ? (squaredSum / Double(frames)).squareRoot() : 0 }

    /// Adds another sum's frames.
    public mutating func add(_ other: AngleError) {
        squaredSum += other.squaredSum
        frames += other.frames
    }
}

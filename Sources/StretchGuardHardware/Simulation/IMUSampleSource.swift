import StretchGuardCore

/// What a simulated chip measures: the motion it is strapped to, in SI units. The CLI feeds it from the
/// scenario simulator or a replayed recording; tests from a closure or a constant.
public protocol IMUSampleSource: Sendable {
    /// The sample at `time` s, in rad/s and m/s² in the chip's own frame (its `time` is not used). Called
    /// once per simulated sample instant, with increasing times.
    mutating func sample(at time: Double) -> IMUSample
}

/// A sample source from a closure of time (s) → sample.
public struct ClosureSampleSource: IMUSampleSource {
    private let body: @Sendable (Double) -> IMUSample

    public init(_ body: @escaping @Sendable (Double) -> IMUSample) {
        self.body = body
    }

    public func sample(at time: Double) -> IMUSample {
        body(time)
    }
}

/// A chip lying still: a constant angular rate (rad/s) and specific force (m/s²).
public struct ConstantSampleSource: IMUSampleSource {
    /// The angular rate, in rad/s.
    public var gyr: Vector3D
    /// The specific force, in m/s².
    public var acc: Vector3D

    /// - Parameters:
    ///   - gyr: angular rate, in rad/s (default zero).
    ///   - acc: specific force, in m/s² (default lying flat: 1 g up the z axis).
    public init(gyr: Vector3D = .zero, acc: Vector3D = Vector3D(0, 0, standardGravity)) {
        self.gyr = gyr
        self.acc = acc
    }

    public func sample(at time: Double) -> IMUSample {
        IMUSample(time: time, gyr: gyr, acc: acc)
    }
}

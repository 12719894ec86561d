import StretchGuardCore

/// How the simulated sensor sits on the upper back: the rotation from the sensor frame to the body frame
/// (x forward, y left, z up the spine).
public enum SensorMounting: Sendable, Equatable {
    /// Sensor axes along the body's.
    case aligned
    /// A uniformly random rotation drawn from the render seed.
    case random
    /// The sensor axis pointing up the spine and the one pointing forward out of the chest.
    case axes(up: SensorAxis, forward: SensorAxis)
    /// The sensor frame's orientation in the body frame as a rotation vector, in rad.
    case rotation(Vector3D)

    /// The rotation taking sensor-frame vectors into the body frame.
    ///
    /// - Parameter seed: the render seed (used by `.random` only).
    public func sensorToBody(seed: UInt64) -> QuaternionD {
        switch self {
        case .aligned:
            return .identity
        case .random:
            var random = SeededRandom(stream: .mounting, seed: seed)
            return Self.uniformRotation(&random)
        case .axes(let up, let forward):
            // The parser rejects parallel axes; two orthogonal signed axes always make a mounting.
            return (try? BodyMounting.from(spine: up.vector, forward: forward.vector))?.sensorToBody ?? .identity
        case .rotation(let vector):
            return QuaternionD(rotationVector: vector).normalized
        }
    }

    /// A rotation drawn uniformly over all orientations (Shoemake's method).
    static func uniformRotation(_ random: inout SeededRandom) -> QuaternionD {
        let u1 = random.uniform(), u2 = random.uniform(), u3 = random.uniform()
        let a = (1 - u1).squareRoot(), b = u1.squareRoot()
        return QuaternionD(w: b * Double.cos(2 * Double.pi * u3), x: a * Double.sin(2 * Double.pi * u2),
                           y: a * Double.cos(2 * Double.pi * u2), z: b * Double.sin(2 * Double.pi * u3))
    }
}

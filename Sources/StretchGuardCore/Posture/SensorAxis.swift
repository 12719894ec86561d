import RealModule

/// A signed axis of the sensor's own frame, as written on the command line and in profiles:
/// `+x -x +y -y +z -z`.
public enum SensorAxis: String, CaseIterable, Sendable, Codable {
    case plusX = "+x", minusX = "-x", plusY = "+y", minusY = "-y", plusZ = "+z", minusZ = "-z"

    /// The unit vector of this axis in the sensor frame.
    public var vector: Vector3D {
        switch self {
        case .plusX: return .unitX
        case .minusX: return -.unitX
        case .plusY: return .unitY
        case .minusY: return -.unitY
        case .plusZ: return .unitZ
        case .minusZ: return -.unitZ
        }
    }
}

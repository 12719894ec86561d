import StretchGuardCore

/// Formats replay output rows:
/// `t,qw,qx,qy,qz,twist_deg,flexion_deg,side_bend_deg,twist_alert,bounce_alert,holding,hold_s`.
///
/// `q` is the sensor frame's orientation in the z-up world frame (it rotates sensor-frame vectors into the
/// world); the angles are in degrees; the next four columns are the detectors' verdicts (0/1, 0/1, 0/1, s).
/// With two sensors the angles are the spine's (thorax relative to pelvis) and two columns follow:
/// `hip_flexion_deg,pelvis_twist_deg` (the pelvis's own, in degrees; empty where the pelvis gave nothing).
public struct ReplayCSVWriter {
    /// The header row's column names, in order.
    public static let columns = ["t", "qw", "qx", "qy", "qz", "twist_deg", "flexion_deg", "side_bend_deg",
                                 "twist_alert", "bounce_alert", "holding", "hold_s"]
    /// The columns a two-sensor replay adds.
    public static let pelvisColumns = ["hip_flexion_deg", "pelvis_twist_deg"]

    /// The formatted bytes not yet taken by `drain`.
    public private(set) var buffer: [UInt8] = []
    /// Whether the rows carry the pelvis's columns.
    public let twoSensors: Bool

    /// - Parameter twoSensors: whether to write the pelvis's columns (the input had them).
    public init(twoSensors: Bool = false) {
        self.twoSensors = twoSensors
        buffer.reserveCapacity(1 << 16)
        let header = Self.columns + (twoSensors ? Self.pelvisColumns : [])
        buffer.append(contentsOf: (header.joined(separator: ",") + "\n").utf8)
    }

    /// Appends one row.
    public mutating func append(_ form: FormFrame) {
        let frame = form.posture, verdict = form.verdict
        let q = frame.orientation.canonical
        let a = frame.angles.degrees
        FixedDecimal.append(frame.time, decimals: 6, to: &buffer)
        for v in [q.w, q.x, q.y, q.z] {
            buffer.append(UInt8(ascii: ","))
            FixedDecimal.append(v, decimals: 9, to: &buffer)
        }
        for v in [a.twist, a.flexion, a.sideBend] {
            buffer.append(UInt8(ascii: ","))
            FixedDecimal.append(v, decimals: 3, to: &buffer)
        }
        for flag in [verdict.twistAlert, verdict.bounce, verdict.holding] {
            buffer.append(contentsOf: flag ? [UInt8(ascii: ","), UInt8(ascii: "1")] : [UInt8(ascii: ","), UInt8(ascii: "0")])
        }
        buffer.append(UInt8(ascii: ","))
        FixedDecimal.append(verdict.holdSeconds, decimals: 2, to: &buffer)
        if twoSensors {
            for v in [frame.hips?.flexion, frame.hips?.twist] {
                buffer.append(UInt8(ascii: ","))
                if let v { FixedDecimal.append(v / degree, decimals: 3, to: &buffer) }
            }
        }
        buffer.append(UInt8(ascii: "\n"))
    }

    /// Hands the formatted bytes to `write` and empties the buffer.
    public mutating func drain(_ write: ([UInt8]) throws -> Void) rethrows {
        try write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

import StretchGuardCore

/// How a sensor sits on the back, in the three classes the evaluation reports separately.
public enum MountingClass: String, Sendable, CaseIterable, Comparable {
    /// Sensor axes along the body's (x forward, y left, z up the spine): the old simulator's only case.
    case aligned
    /// One of the 24 orientations with every sensor axis along a body axis (other than aligned).
    case axisAligned = "axis-aligned"
    /// Any other orientation.
    case random

    /// The class of the sensor-to-body rotation `q`: every body axis within 0.1° of a sensor axis counts as
    /// axis-aligned.
    public init(sensorToBody q: QuaternionD) {
        let images = [Vector3D.unitX, .unitY, .unitZ].map { q.rotate($0) }
        let tolerance = 1 - Double.cos(0.1 * degree)
        let alongAxes = images.allSatisfy { v in
            [abs(v.x), abs(v.y), abs(v.z)].contains { abs($0 - 1) < tolerance }
        }
        if !alongAxes {
            self = .random
        } else if images[0].x > 0.5, images[1].y > 0.5, images[2].z > 0.5 {
            self = .aligned
        } else {
            self = .axisAligned
        }
    }

    /// Orders the classes as declared: aligned, axis-aligned, random.
    public static func < (a: MountingClass, b: MountingClass) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

extension SensorMounting {
    /// The 24 axis-aligned mountings: each of the 6 sensor axes up the spine, with each of the 4 axes
    /// across it pointing forward (including sensor x or y running up or down the spine).
    public static let axisAligned: [SensorMounting] = SensorAxis.allCases.flatMap { up in
        SensorAxis.allCases.filter { abs($0.vector.dot(up.vector)) < 0.5 }.map { SensorMounting.axes(up: up, forward: $0) }
    }
}

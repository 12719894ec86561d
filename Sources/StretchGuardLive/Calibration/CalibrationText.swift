import Foundation
import StretchGuardConfig
import StretchGuardCore

/// Numbers and calibrations in plain words, for the wearer (degrees, °/s and m/s² at this edge).
public enum CalibrationText {
    /// A number with a fixed count of decimals ("7.2").
    public static func number(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }

    /// The sensor axis nearest to a direction given in sensor coordinates, and the angle between them, in
    /// degrees: ("+z", 4).
    public static func nearestAxis(to direction: Vector3D) -> (axis: SensorAxis, degrees: Double) {
        let unit = direction.normalized
        let axis = SensorAxis.allCases.max { $0.vector.dot(unit) < $1.vector.dot(unit) } ?? .plusZ
        return (axis, CalibrationPoseCheck.angle(between: axis.vector, and: unit) / degree)
    }

    /// How the sensor sits: which of its axes points up the spine and which forward, and how far off each is.
    public static func mounting(_ mounting: BodyMounting) -> [String] {
        let toSensor = mounting.sensorToBody.conjugate
        let up = nearestAxis(to: toSensor.rotate(.unitZ))
        let forward = nearestAxis(to: toSensor.rotate(.unitX))
        return [
            "up the spine:     the sensor's \(up.axis.rawValue) axis, tilted \(number(up.degrees, 0))° from it",
            "forward (chest):  the sensor's \(forward.axis.rawValue) axis, turned \(number(forward.degrees, 0))° from it",
        ]
    }

    /// A calibration record in plain words, one fact a line.
    ///
    /// - Parameters:
    ///   - record: the calibration.
    ///   - path: its file, or nil.
    public static func summary(_ record: CalibrationRecord, path: String?) -> [String] {
        let baseline = record.baseline
        let bias = baseline.gyrBias / degree
        var lines = [
            "calibration:      \(record.name)",
            "sensor:           \(record.sensor)",
            "taken:            \(record.created.formatted(date: .abbreviated, time: .standard))",
            "method:           " + (record.method == "calibrate"
                ? "calibrate (upright and still, then a forward bend)"
                : record.method == "session-start" ? "session start (upright and still; forward assumed)" : record.method),
        ]
        lines += mounting(baseline.mounting)
        lines += [
            "gyro bias:        \(number(bias.length, 2)) °/s (x \(number(bias.x, 2)), y \(number(bias.y, 2)), z \(number(bias.z, 2)); "
                + "± \(number(baseline.gyrBiasSigma / degree, 3)) °/s)",
            "gravity:          \(number(baseline.gravity.length, 2)) m/s² (9.81 expected)",
            "measured:         \(number(baseline.duration, 1)) s still, \(baseline.sampleCount) samples",
        ]
        if let pelvis = baseline.pelvis {
            let pelvisBias = pelvis.gyrBias / degree
            lines.append("pelvis (belt) sensor: \(record.sensor.pelvis?.description ?? "unnamed")")
            lines += mounting(pelvis.mounting).map { "  " + $0 }
            lines += [
                "  gyro bias:      \(number(pelvisBias.length, 2)) °/s (x \(number(pelvisBias.x, 2)), y \(number(pelvisBias.y, 2)), "
                    + "z \(number(pelvisBias.z, 2)); ± \(number(pelvis.gyrBiasSigma / degree, 3)) °/s)",
                "  gravity:        \(number(pelvis.gravity.length, 2)) m/s² (9.81 expected)",
            ]
        }
        if let path { lines.append("file:             \(path)") }
        return lines
    }

    /// A note when forward moved a lot since the last calibration of the same sensor: one sensor cannot
    /// tell a sideways bend from a forward one, but a sensor left on its strap keeps its forward axis.
    public static func forwardChangeNote(from previous: CalibrationRecord, to current: CalibrationRecord) -> String? {
        let before = previous.baseline.mounting.sensorToBody.conjugate.rotate(.unitX)
        let now = current.baseline.mounting.sensorToBody.conjugate.rotate(.unitX)
        let change = CalibrationPoseCheck.angle(between: before, and: now) / degree
        guard change > 45 else { return nil }
        return "Note: forward differs by \(CalibrationText.number(change, 0))° from the calibration of "
            + "\(previous.created.formatted(date: .abbreviated, time: .shortened)). If the sensor was not moved on "
            + "its strap, you may have bent sideways: run `stretchguard calibrate` again, bending straight forward."
    }
}

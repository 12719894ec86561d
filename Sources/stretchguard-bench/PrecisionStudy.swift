import Foundation
import RealModule
import StretchGuardCore

/// Float against Double for the quaternion arithmetic the filter is built on: one hour of strapdown
/// integration of a known constant rotation at 200 Hz, compared with the exact answer.
enum PrecisionStudy {
    struct Measurement: Encodable {
        var scalar: String
        /// Angle between the integrated and the exact orientation after one hour, in degrees.
        var errorDegrees: Double
        /// Time per integration step, in ns.
        var nsPerStep: Double

        enum CodingKeys: String, CodingKey {
            case scalar, errorDegrees = "error_deg", nsPerStep = "ns_per_step"
        }
    }

    struct Result: Encodable {
        var float: Measurement
        var double: Measurement
    }

    static func run() -> Result {
        Result(float: measure(Float.self), double: measure(Double.self))
    }

    static func measure<S: IMUScalar>(_: S.Type) -> Measurement {
        let rate = 200.0, seconds = 3600.0
        let steps = Int(rate * seconds)
        let axis = Vector3D(1, 2, 3).normalized
        let omega = axis * 1.0  // rad/s
        let step = (omega / rate).converted(to: S.self)
        var q = Quaternion<S>.identity
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<steps {
            q = (q * Quaternion<S>(rotationVector: step)).normalized
        }
        let elapsed = clock.now - start
        let exact = QuaternionD(axis: axis, angle: seconds * 1.0)
        let error = (q.converted(to: Double.self).conjugate * exact).angle / degree
        let ns = (Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) * 1e-9)
        return Measurement(scalar: String(describing: S.self), errorDegrees: error, nsPerStep: ns / Double(steps))
    }
}

/// Running sums over a stretch of samples, from which a still period's statistics and its gyroscope bias
/// follow: means and spreads of the angular rate and specific force, and least-squares slopes over time of
/// the integrated rate and of the specific force.
///
/// The slopes remove breathing from the bias. Over a still stretch the integrated rate is
/// `Φ(t) = b·t + θ(t)`, where `θ` is the true rotation (breathing, sway) and `b` the bias; the accelerometer
/// sees `θ`'s horizontal part as the gravity direction turning. So `b = slope(Φ) − slope(θ_acc)`: exact for
/// any slow rotation, where the mean rate would carry the breathing's net rotation over the stretch divided
/// by its length (up to 1 °/s over 2 s). The vertical part of `θ` is invisible to gravity and breathing has
/// none.
///
/// Sums subtract, so a sliding window is the difference of two prefix sums (`StillStretchFinder`).
public struct BaselineSums: Sendable, Equatable {
    /// Samples.
    public var count: Double = 0
    /// Σt and Σt², t in s from the origin the caller chose.
    public var time: Double = 0, squaredTime: Double = 0
    /// Σω and Σω² per axis (rad/s, (rad/s)²).
    public var gyr = Vector3D.zero, squaredGyr = Vector3D.zero
    /// Σa and Σa² per axis (m/s², m²/s⁴).
    public var acc = Vector3D.zero, squaredAcc = Vector3D.zero
    /// Σ t·a per axis (s·m/s²).
    public var timeAcc = Vector3D.zero
    /// ΣΦ, Σ t·Φ and ΣΦ² of the integrated rate Φ (rad, s·rad, rad²).
    public var angle = Vector3D.zero, timeAngle = Vector3D.zero, squaredAngle = Vector3D.zero

    public init() {}

    /// Adds one sample.
    ///
    /// - Parameters:
    ///   - sample: the sample (rad/s, m/s²).
    ///   - time: its time from the caller's origin, in s.
    ///   - angle: the integrated rate Φ at it, in rad (any constant offset).
    public mutating func add(_ sample: IMUSample, time t: Double, angle phi: Vector3D) {
        count += 1
        time += t
        squaredTime += t * t
        gyr += sample.gyr
        squaredGyr += Self.squares(sample.gyr)
        acc += sample.acc
        squaredAcc += Self.squares(sample.acc)
        timeAcc += sample.acc * t
        angle += phi
        timeAngle += phi * t
        squaredAngle += Self.squares(phi)
    }

    /// The sums of the samples in `self` but not in `earlier` (a prefix of them).
    public func subtracting(_ earlier: BaselineSums) -> BaselineSums {
        var d = BaselineSums()
        d.count = count - earlier.count
        d.time = time - earlier.time
        d.squaredTime = squaredTime - earlier.squaredTime
        d.gyr = gyr - earlier.gyr
        d.squaredGyr = squaredGyr - earlier.squaredGyr
        d.acc = acc - earlier.acc
        d.squaredAcc = squaredAcc - earlier.squaredAcc
        d.timeAcc = timeAcc - earlier.timeAcc
        d.angle = angle - earlier.angle
        d.timeAngle = timeAngle - earlier.timeAngle
        d.squaredAngle = squaredAngle - earlier.squaredAngle
        return d
    }

    /// Mean angular rate, in rad/s.
    public var meanGyr: Vector3D { gyr / max(count, 1) }
    /// Mean specific force, in m/s².
    public var meanAcc: Vector3D { acc / max(count, 1) }
    /// RMS length of the angular rate's deviation from its mean, in rad/s.
    public var gyrDeviation: Double { Self.rmsDeviation(sumSquares: squaredGyr, sum: gyr, n: count) }
    /// RMS length of the specific force's deviation from its mean, in m/s².
    public var accDeviation: Double { Self.rmsDeviation(sumSquares: squaredAcc, sum: acc, n: count) }

    /// How far the orientation wanders over the stretch: the RMS length of the integrated rate's deviation
    /// from its straight-line fit (the bias's steady turn), in rad. Breathing (±1°) stays under 1°, tremor
    /// and sensor noise add next to nothing however fast they are; a movement adds its whole size.
    public var angleDeviation: Double {
        let denominator = count * squaredTime - time * time
        guard count > 2, denominator > 0 else { return 0 }
        let n = count
        let slope = self.slope(sum: angle, timeSum: timeAngle)
        let meanAngle = angle / n
        // Residual variance of a least-squares line: Var(Φ) − slope² · Var(t), per axis.
        let timeVariance = squaredTime / n - (time / n) * (time / n)
        let angleVariance = squaredAngle / n - Self.squares(meanAngle)
        let residual = angleVariance - Self.squares(slope) * timeVariance
        return max(residual.x + residual.y + residual.z, 0).squareRoot()
    }

    /// Least-squares slope over time of a quantity with sums `sum` and `timeSum` (units per s).
    func slope(sum: Vector3D, timeSum: Vector3D) -> Vector3D {
        let denominator = count * squaredTime - time * time
        guard denominator > 0 else { return .zero }
        return (timeSum * count - sum * time) / denominator
    }

    /// The rotation rate the accelerometer sees, from the slope of the specific force: the gravity
    /// direction turns by `−θ × g`, so `θ̇⊥ = ġ × g / |g|²`, in rad/s (sensor frame).
    public var gravityTurnRate: Vector3D {
        let g = meanAcc
        let squared = g.squaredLength
        guard squared > 0 else { return .zero }
        return slope(sum: acc, timeSum: timeAcc).cross(g) / squared
    }

    /// The gyroscope bias: the integrated rate's slope less the rotation gravity shows, in rad/s.
    public var gyrBias: Vector3D {
        guard count >= 3 else { return meanGyr }
        return slope(sum: angle, timeSum: timeAngle) - gravityTurnRate
    }

    private static func squares(_ v: Vector3D) -> Vector3D { Vector3D(v.x * v.x, v.y * v.y, v.z * v.z) }

    private static func rmsDeviation(sumSquares: Vector3D, sum: Vector3D, n: Double) -> Double {
        guard n > 0 else { return 0 }
        let mean = sum / n
        let variance = sumSquares / n - squares(mean)
        return max(variance.x + variance.y + variance.z, 0).squareRoot()
    }
}

import StretchGuardCore

/// Turns ideal readings into what a real IMU reports: scale error, bias (constant plus random-walk drift,
/// plus fixed offsets and a linear bias ramp when set), white noise, then 16-bit quantisation with
/// saturation. Deterministic for a given seed.
struct SimulatedIMU {
    private let settings: SensorErrorSettings
    private let gyrScale: Vector3D
    private let accScale: Vector3D
    private var gyrBias: Vector3D
    private var accBias: Vector3D
    private var gyrNoise: SeededRandom
    private var accNoise: SeededRandom
    private var gyrDrift: SeededRandom
    private var accDrift: SeededRandom

    /// A sensor with its constant errors drawn from `seed`.
    init(settings: SensorErrorSettings, seed: UInt64) {
        self.settings = settings
        var draw = SeededRandom(stream: .gyrScale, seed: seed)
        gyrScale = Vector3D(1, 1, 1) + draw.gaussianVector(sigma: settings.gyrScale)
        draw = SeededRandom(stream: .accScale, seed: seed)
        accScale = Vector3D(1, 1, 1) + draw.gaussianVector(sigma: settings.accScale)
        draw = SeededRandom(stream: .gyrBias, seed: seed)
        gyrBias = draw.gaussianVector(sigma: settings.gyrBias)
        draw = SeededRandom(stream: .accBias, seed: seed)
        accBias = draw.gaussianVector(sigma: settings.accBias)
        gyrNoise = SeededRandom(stream: .gyrNoise, seed: seed)
        accNoise = SeededRandom(stream: .accNoise, seed: seed)
        gyrDrift = SeededRandom(stream: .gyrDrift, seed: seed)
        accDrift = SeededRandom(stream: .accDrift, seed: seed)
    }

    /// The reading for an ideal sample; the drift advances by `elapsed` s first.
    mutating func measure(_ ideal: IMUSample, elapsed: Double) -> IMUSample {
        let root = max(elapsed, 0).squareRoot()
        gyrBias += gyrDrift.gaussianVector(sigma: settings.gyrDrift * root)
        accBias += accDrift.gaussianVector(sigma: settings.accDrift * root)
        let ramp = settings.gyrBiasOffset + settings.gyrBiasSlope * ideal.time
        let gyr = scaled(ideal.gyr, by: gyrScale) + gyrBias + ramp + gyrNoise.gaussianVector(sigma: settings.gyrNoise)
        let acc = scaled(ideal.acc, by: accScale) + accBias + settings.accBiasOffset + accNoise.gaussianVector(sigma: settings.accNoise)
        return IMUSample(time: ideal.time, gyr: Self.quantised(gyr, step: settings.gyrStep),
                         acc: Self.quantised(acc, step: settings.accStep))
    }

    private func scaled(_ v: Vector3D, by k: Vector3D) -> Vector3D {
        Vector3D(v.x * k.x, v.y * k.y, v.z * k.z)
    }

    /// Each component as a signed 16-bit code times `step` (rounded to the nearest code, saturating at
    /// −32768 and +32767 codes); unchanged when `step` is nil.
    static func quantised(_ v: Vector3D, step: Double?) -> Vector3D {
        guard let step else { return v }
        func code(_ x: Double) -> Double {
            min(max((x / step).rounded(), -SensorErrorSettings.halfRangeCodes),
                SensorErrorSettings.halfRangeCodes - 1) * step
        }
        return Vector3D(code(v.x), code(v.y), code(v.z))
    }
}

import RealModule
import StretchGuardCore
import StretchGuardSimulation
import StretchGuardTrace

/// The benchmark's input: a long, deterministic exercise-like motion (slow bends, twists, shake) with
/// sensor noise and bias, at 200 Hz; with `twoSensors`, a pelvis sensor moving at half the thorax's rates
/// about other axes, with its own bias and noise, in every sample.
enum BenchStream {
    static func make(samples: Int, twoSensors: Bool = false) -> (samples: [IMUSample], baseline: Baseline) {
        var synth = MotionSynthesizer(sampleRate: 200)
        synth.gyrBias = Vector3D(0.01, -0.02, 0.015)
        synth.gyrNoise = 0.004
        synth.accNoise = 0.03
        synth.substeps = 1
        let duration = Double(samples - 1) / synth.sampleRate
        var rendered = synth.render(
            duration: duration,
            angularRate: { t in
                let still = t < 3 ? 0.0 : 1.0
                return still * Vector3D(0.3 * Double.sin(0.7 * t), 0.8 * Double.sin(0.4 * t),
                                        0.5 * Double.sin(1.3 * t))
            },
            linearAcceleration: { t in Vector3D(0.5 * Double.sin(9 * t), 0, 0.8 * Double.sin(11 * t)) * (t < 3 ? 0 : 1) })
        if twoSensors {
            synth.gyrBias = Vector3D(-0.015, 0.01, 0.02)
            let pelvis = synth.render(
                duration: duration,
                angularRate: { t in
                    let still = t < 3 ? 0.0 : 0.5
                    return still * Vector3D(0.5 * Double.sin(1.1 * t), 0.3 * Double.sin(0.6 * t),
                                            0.8 * Double.sin(0.4 * t))
                },
                linearAcceleration: { t in Vector3D(0, 0.4 * Double.sin(7 * t), 0.6 * Double.sin(11 * t)) * (t < 3 ? 0 : 1) })
            for i in rendered.samples.indices where i < pelvis.samples.count {
                rendered.samples[i].pelvis = PelvisReading(gyr: pelvis.samples[i].gyr, acc: pelvis.samples[i].acc)
            }
        }
        // The neutral posture as a replay finds it; the stream's first 3 s are still by construction.
        guard case let .success(found) = FoundBaseline.search(TraceSamples(rendered.samples)) else {
            preconditionFailure("BenchStream: the still start gave no baseline")
        }
        return (rendered.samples, found.baseline)
    }
}

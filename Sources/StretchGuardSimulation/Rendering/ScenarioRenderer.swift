import StretchGuardCore

/// Renders a scenario into the samples a worn IMU would record and the truth at each of them.
///
/// Samples are taken at the scenario's rate (each off its nominal time by the configured jitter); the
/// ideal readings go through the simulated sensor's errors; dropped samples are left out of both outputs.
/// The same seed always gives the same output.
public struct ScenarioRenderer: Sendable {
    /// Seed of every random draw (noise, biases, scale errors, jitter, drops, a random mounting).
    public var seed: UInt64

    /// A renderer drawing every random quantity from `seed`.
    public init(seed: UInt64) {
        self.seed = seed
    }

    /// The scenario's true motion with its mounting resolved for this seed.
    public func kinematics(_ scenario: Scenario) -> ScenarioKinematics {
        let pelvisToBody = scenario.pelvis?.mounting.sensorToBody(seed: PelvisSettings.sensorSeed(renderSeed: seed))
        return ScenarioKinematics(scenario: scenario, sensorToBody: scenario.mounting.sensorToBody(seed: seed),
                                  pelvisToBody: pelvisToBody ?? .identity)
    }

    /// The samples (time in s, rates in rad/s, specific force in m/s², sensor frame) and the truth;
    /// `samples[i]` and `truth[i]` are the same instant. With a pelvis sensor (`Scenario.pelvis`) each
    /// sample carries its reading of the same tick (through its own errors; nil at a tick whose pelvis
    /// read was lost) and each truth row the spine (`TruthSample.spine`).
    public func render(_ scenario: Scenario) -> (samples: [IMUSample], truth: [TruthSample]) {
        let motion = kinematics(scenario)
        let errors = scenario.errors
        let period = 1 / scenario.sampleRate
        let count = Int((motion.duration * scenario.sampleRate + 1e-9).rounded(.down)) + 1
        var sensor = SimulatedIMU(settings: errors, seed: seed)
        var jitter = SeededRandom(stream: .jitter, seed: seed)
        var drop = SeededRandom(stream: .drop, seed: seed)
        var samples: [IMUSample] = [], truth: [TruthSample] = []
        samples.reserveCapacity(count)
        truth.reserveCapacity(count)
        let pelvisSeed = PelvisSettings.sensorSeed(renderSeed: seed)
        var pelvisSensor = scenario.pelvis.map { SimulatedIMU(settings: $0.errors, seed: pelvisSeed) }
        var pelvisDrop = SeededRandom(stream: .drop, seed: pelvisSeed)
        var previous = 0.0
        for i in 0..<count {
            let nominal = Double(i) * period
            let offset = errors.jitterSpan > 0
                ? min(errors.jitterSpan, 0.4 * period) * (2 * jitter.uniform() - 1)
                : min(max(jitter.gaussian() * errors.jitter, -0.4 * period), 0.4 * period)
            let t = min(max(nominal + offset, 0), motion.duration)
            let ideal = motion.idealSample(at: t)
            var reading = sensor.measure(ideal, elapsed: t - previous)
            if var pelvis = pelvisSensor, let pelvisIdeal = ideal.pelvisSample, let settings = scenario.pelvis {
                let measured = pelvis.measure(pelvisIdeal, elapsed: t - previous)
                pelvisSensor = pelvis
                if pelvisDrop.uniform() > settings.errors.dropRate {
                    reading.pelvis = PelvisReading(gyr: measured.gyr, acc: measured.acc)
                }
            }
            previous = t
            // Draw for every sample so the drop pattern does not depend on anything else.
            guard drop.uniform() > errors.dropRate, !errors.dropBursts.contains(where: { $0.contains(t) }) else {
                continue
            }
            samples.append(reading)
            truth.append(truthSample(motion, at: t))
        }
        return (samples, truth)
    }

    private func truthSample(_ motion: ScenarioKinematics, at t: Double) -> TruthSample {
        let posture = motion.posture(at: t)
        let segment = motion.timeline.segment(at: t)
        var frequency = 0.0
        if segment.bounceExpected, case .oscillate(let oscillation) = segment.step.action {
            frequency = oscillation.frequency
        }
        return TruthSample(time: t, flexion: posture.flexion, sideBend: posture.sideBend, twist: posture.twist,
                           segment: segment.step.keyword, bounceExpected: segment.bounceExpected,
                           bounceFrequency: frequency, spine: motion.spinalTruth(at: t))
    }
}

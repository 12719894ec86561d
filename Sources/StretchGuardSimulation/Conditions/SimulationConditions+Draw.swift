import StretchGuardCore

extension SimulationConditions {
    /// The ranges the randomised conditions are drawn from (uniformly unless said otherwise).
    public enum Ranges {
        /// Sample rates, in Hz (one of them, equally likely).
        public static let sampleRates: [Double] = [100, 200, 400]
        /// Timestamp jitter, ± as a fraction of the sample period (uniform within it).
        public static let jitterFraction = 0.02
        /// Number of dropped bursts.
        public static let dropBursts: ClosedRange<Int> = 1...3
        /// Length of one dropped burst, in s.
        public static let dropBurstLength: ClosedRange<Double> = 0.02...0.15
        /// Bursts start no earlier than this, in s (after the baseline a replay calibrates on).
        public static let dropBurstEarliest = 4.0
        /// Constant gyroscope bias per axis, ± in rad/s (2 °/s).
        public static let gyrBias = 2 * degree
        /// Total change of the gyroscope bias over the scenario per axis (a linear ramp), ± in rad/s (0.25 °/s).
        public static let gyrBiasChange = 0.25 * degree
        /// Constant accelerometer bias per axis, ± in m/s².
        public static let accBias = 0.15
        /// Gyroscope full-scale ranges, in rad/s (250, 500, 1000, 2000 °/s).
        public static let gyrRanges: [Double] = [250, 500, 1000, 2000].map { $0 * degree }
        /// Accelerometer full-scale ranges, in m/s² (2, 4, 8, 16 g).
        public static let accRanges: [Double] = [2, 4, 8, 16].map { $0 * standardGravity }
        /// Head room a range keeps over the motion's largest reading (factor).
        public static let rangeHeadroom = 1.3
        /// Hip pivot to sensor, in m.
        public static let leverArm: ClosedRange<Double> = 0.3...0.55
        /// Breathing's flexion swing, ± in rad (0.3–0.9°).
        public static let breathingAmplitude: ClosedRange<Double> = 0.3 * degree...0.9 * degree
        /// Breathing rate, in Hz.
        public static let breathingFrequency: ClosedRange<Double> = 0.2...0.33
        /// Hold tremor, ± in rad (0.025–0.1°: 0.05–0.2° peak-to-peak).
        public static let tremorAmplitude: ClosedRange<Double> = 0.025 * degree...0.1 * degree
        /// Hold tremor frequency, in Hz.
        public static let tremorFrequency: ClosedRange<Double> = 8...12
    }

    /// Conditions drawn at random for `scenario` rendered with `seed`, deterministically from the seed and
    /// the scenario's name (see `Ranges`): half the time one of the 24 axis-aligned mountings, else a
    /// uniformly random one; 100, 200 or 400 Hz with uniform jitter; one to three dropped bursts after the
    /// first 4 s; per-axis biases with a slow gyroscope ramp; 16-bit ranges the motion does not saturate;
    /// `typical` noise, scale errors and random walks; breathing and tremor in every hold. A scenario that
    /// renders a pelvis sensor gets its sensor and motion drawn from a stream of their own
    /// (`drawPelvis`), so the thorax's draws are the same with or without it.
    public static func draw(seed: UInt64, for scenario: Scenario) -> SimulationConditions {
        var random = SeededRandom(stream: .conditions, seed: seed, name: scenario.name)
        let renderSeed = random.next()
        let mounting = drawMounting(&random)
        let rate = Ranges.sampleRates[random.whole(in: 0...Ranges.sampleRates.count - 1)]
        let lever = random.uniform(in: Ranges.leverArm)
        let duration = scenario.duration

        var errors = SensorErrorSettings.typical
        errors.gyrBias = 0
        errors.accBias = 0
        errors.jitter = 0
        errors.jitterSpan = Ranges.jitterFraction / rate
        drawBiases(&errors, duration: duration, &random)
        let burstCount = random.whole(in: Ranges.dropBursts)
        for _ in 0..<burstCount {
            let length = random.uniform(in: Ranges.dropBurstLength)
            let latest = duration - length - 0.5
            let start = random.uniform(in: 0...1) * (latest - Ranges.dropBurstEarliest) + Ranges.dropBurstEarliest
            if latest > Ranges.dropBurstEarliest { errors.dropBursts.append(start...(start + length)) }
        }
        let hold = HoldMotion(
            breathingAmplitude: random.uniform(in: Ranges.breathingAmplitude),
            breathingFrequency: random.uniform(in: Ranges.breathingFrequency),
            breathingPhase: random.uniform(in: 0...(2 * Double.pi)),
            tremorAmplitude: random.uniform(in: Ranges.tremorAmplitude),
            tremorFrequency: random.uniform(in: Ranges.tremorFrequency),
            tremorPhase: random.uniform(in: 0...(2 * Double.pi)))

        var conditions = SimulationConditions(mounting: mounting, sampleRate: rate, leverArm: lever, errors: errors,
                                              holdMotion: hold, renderSeed: renderSeed, isDrawn: true)
        var pelvisRandom = SeededRandom(stream: .pelvisConditions, seed: seed, name: scenario.name)
        if scenario.pelvis != nil {
            drawPelvis(into: &conditions, duration: duration, &pelvisRandom)
        }
        // The 16-bit ranges: any that keeps head room over the motion's largest reading.
        let peak = Self.peakReadings(conditions.applied(to: scenario))
        pickRanges(&conditions.errors, peak: peak.thorax, &random)
        if let pelvisPeak = peak.pelvis, var pelvis = conditions.pelvis {
            pickRanges(&pelvis.errors, peak: pelvisPeak, &pelvisRandom)
            conditions.pelvis = pelvis
        }
        return conditions
    }

    /// Half the time one of the 24 axis-aligned mountings, else a uniformly random one.
    static func drawMounting(_ random: inout SeededRandom) -> SensorMounting {
        if random.uniform() <= 0.5 {
            return SensorMounting.axisAligned[random.whole(in: 0...SensorMounting.axisAligned.count - 1)]
        }
        return .rotation(ScenarioKinematics.rotationVector(SensorMounting.uniformRotation(&random)))
    }

    /// Per-axis biases: a constant gyroscope bias with a slow ramp over a scenario of `duration` s, and a
    /// constant accelerometer bias (`Ranges`).
    static func drawBiases(_ errors: inout SensorErrorSettings, duration: Double, _ random: inout SeededRandom) {
        errors.gyrBiasOffset = random.symmetricVector(Ranges.gyrBias)
        errors.gyrBiasSlope = random.symmetricVector(Ranges.gyrBiasChange) * (1 / max(duration, 1))
        errors.accBiasOffset = random.symmetricVector(Ranges.accBias)
    }

    /// 16-bit ranges that keep head room over a sensor's largest readings (rad/s, m/s²) and its biases.
    private static func pickRanges(_ errors: inout SensorErrorSettings, peak: (gyr: Double, acc: Double),
                                   _ random: inout SeededRandom) {
        let gyrNeed = Ranges.rangeHeadroom * (peak.gyr + 3 * Ranges.gyrBias)
        let accNeed = Ranges.rangeHeadroom * (peak.acc + 3 * Ranges.accBias)
        errors.gyrRange = Self.pick(Ranges.gyrRanges, atLeast: gyrNeed, &random)
        errors.accRange = Self.pick(Ranges.accRanges, atLeast: accNeed, &random)
    }

    /// The largest ideal angular rate (rad/s) and specific force (m/s²) of the scenario's motion, as vector
    /// lengths (so the largest any one axis can read, whatever the mounting), sampled every 10 ms: the
    /// thorax sensor's, and the pelvis sensor's when the scenario renders one.
    static func peakReadings(_ scenario: Scenario) -> (thorax: (gyr: Double, acc: Double),
                                                        pelvis: (gyr: Double, acc: Double)?) {
        let motion = ScenarioKinematics(scenario: scenario, sensorToBody: .identity)
        var gyr = 0.0, acc = 0.0, pelvisGyr = 0.0, pelvisAcc = 0.0
        var t = 0.0
        while t <= motion.duration {
            let ideal = motion.idealSample(at: t)
            gyr = max(gyr, ideal.gyr.length)
            acc = max(acc, ideal.acc.length)
            if let pelvis = ideal.pelvis {
                pelvisGyr = max(pelvisGyr, pelvis.gyr.length)
                pelvisAcc = max(pelvisAcc, pelvis.acc.length)
            }
            t += 0.01
        }
        return ((gyr, acc), scenario.pelvis == nil ? nil : (pelvisGyr, pelvisAcc))
    }

    /// One of `ranges` at least `need`, equally likely; the largest when none is.
    private static func pick(_ ranges: [Double], atLeast need: Double, _ random: inout SeededRandom) -> Double {
        let fitting = ranges.filter { $0 >= need }
        guard !fitting.isEmpty else { return ranges.max() ?? need }
        return fitting[random.whole(in: 0...fitting.count - 1)]
    }
}

extension SeededRandom {
    /// A vector of independent uniform draws in ± `limit` (units of `limit`).
    mutating func symmetricVector(_ limit: Double) -> Vector3D {
        Vector3D(uniform(in: -limit...limit), uniform(in: -limit...limit), uniform(in: -limit...limit))
    }
}

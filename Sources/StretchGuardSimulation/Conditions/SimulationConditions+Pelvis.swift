import StretchGuardCore

extension SimulationConditions {
    /// The ranges the pelvis sensor's randomised conditions are drawn from (uniformly), besides the
    /// thorax's `Ranges` its mounting, biases and 16-bit ranges are drawn by.
    public enum PelvisRanges {
        /// The hips' share of a forward bend (the rest is lumbar flexion).
        public static let hipShare: ClosedRange<Double> = 0.3...0.7
        /// The pelvis's share of a side bend.
        public static let sideShare: ClosedRange<Double> = 0.05...0.2
        /// The pelvis's counter-rotation in a standing twist, as a fraction of the spinal twist.
        public static let counterRotation: ClosedRange<Double> = 0.05...0.15
        /// The pelvis's rotation in walking, ± in rad (3–5°).
        public static let gaitPelvisRotation: ClosedRange<Double> = 3 * degree...5 * degree
        /// The thorax's counter-rotation in walking, ± in rad (2–4°).
        public static let gaitThoraxRotation: ClosedRange<Double> = 2 * degree...4 * degree
        /// The thorax sensor's height above the pelvis sensor along the trunk, in m.
        public static let sensorSpacing: ClosedRange<Double> = 0.4...0.5
    }

    /// Draws the pelvis sensor into `conditions` from its own stream: a mounting like the thorax's (a belt
    /// clip in any orientation: half the time axis-aligned), `typical` noise, scale errors and random
    /// walks with biases drawn like the thorax's, the body's split between hips and spine
    /// (`PelvisRanges`), and the thorax `sensorSpacing` above the pelvis sensor (which sets the lever arm).
    /// The 16-bit ranges are picked after, from the two-sensor motion's peaks.
    ///
    /// - Parameter duration: the scenario's length, in s (the bias ramp spans it).
    static func drawPelvis(into conditions: inout SimulationConditions, duration: Double,
                           _ random: inout SeededRandom) {
        let mounting = drawMounting(&random)
        var errors = SensorErrorSettings.typical
        errors.gyrBias = 0
        errors.accBias = 0
        errors.jitter = 0
        drawBiases(&errors, duration: duration, &random)
        var motion = PelvisMotion.typical
        motion.hipShare = random.uniform(in: PelvisRanges.hipShare)
        motion.sideShare = random.uniform(in: PelvisRanges.sideShare)
        motion.counterRotation = random.uniform(in: PelvisRanges.counterRotation)
        motion.gaitPelvisRotation = random.uniform(in: PelvisRanges.gaitPelvisRotation)
        motion.gaitThoraxRotation = random.uniform(in: PelvisRanges.gaitThoraxRotation)
        conditions.leverArm = motion.sacrumHeight + random.uniform(in: PelvisRanges.sensorSpacing)
        conditions.pelvis = PelvisSettings(mounting: mounting, errors: errors, motion: motion)
    }
}

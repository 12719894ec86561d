import RealModule

/// One sample's result: the orientation and the posture.
public struct PostureFrame: Sendable, Equatable {
    /// Time of the sample, in s.
    public var time: Double
    /// The left factor of the orientation (the filter's inclination correction).
    public var world: QuaternionD
    /// The right factor of the orientation (the filter's strapdown integration).
    public var sensor: QuaternionD
    /// The trunk's posture relative to the baseline, in rad: with the pelvis reporting, the spine's
    /// (thorax relative to pelvis).
    public var angles: PostureAngles
    /// The pelvis's angles while the pelvis sensor reports, else `nil`.
    public var hips: HipAngles?

    public init(time: Double, orientation: QuaternionD, angles: PostureAngles) {
        self.init(time: time, world: orientation, sensor: .identity, angles: angles)
    }

    /// A frame whose orientation is the product `world ⊗ sensor`, as the filter keeps it; the product is
    /// formed only when `orientation` is read, so the live loop, which does not need it, does not pay for it.
    public init(time: Double, world: QuaternionD, sensor: QuaternionD, angles: PostureAngles) {
        self.time = time
        self.world = world
        self.sensor = sensor
        self.angles = angles
    }

    /// Sensor-to-world orientation (z-up world frame).
    public var orientation: QuaternionD { world * sensor }

    public static func == (a: PostureFrame, b: PostureFrame) -> Bool {
        a.time == b.time && a.orientation == b.orientation && a.angles == b.angles
    }
}

/// The core per-sample pipeline: orientation filter, then posture relative to the baseline.
///
/// Allocation-free per sample; no I/O.
public struct PosturePipeline: Sendable {
    public private(set) var filter: OrientationFilter
    public private(set) var posture: PostureTracker
    /// The baseline's gyroscope bias, in rad/s, taken off every sample before the filter.
    public let baselineBias: Vector3D

    /// The whole gyroscope bias estimate, in rad/s (sensor frame): the baseline's plus the filter's.
    public var gyrBias: Vector3D { baselineBias + filter.gyrBias }

    /// - Parameters:
    ///   - baseline: the calibrated neutral posture; the filter starts from its bias and inclination.
    ///   - filterSettings: orientation filter tuning.
    ///   - postureSettings: stepping, heading-bias and forward-axis tuning.
    ///   - samplePeriod: the expected sample period, in s.
    ///   - startGravity: the specific force to start the filter from, in m/s² (sensor frame), when the
    ///     segment is not at the baseline's posture now (a sensor coming back mid-session); the neutral
    ///     stays the baseline's, its heading to be re-zeroed (`rezeroHeading`). Default: the baseline's.
    public init(baseline: Baseline, filterSettings: OrientationFilterSettings = .default,
                postureSettings: PostureTracker.Settings = .init(), samplePeriod: Double,
                startGravity: Vector3D? = nil) {
        var filter = OrientationFilter(settings: filterSettings, samplePeriod: samplePeriod)
        // The filter sees the rate less the baseline's bias and estimates only what is left: its bias
        // limit (`biasClip`, 2 °/s) then bounds the drift since the baseline, not the chip's own bias.
        baselineBias = baseline.gyrBias
        filter.start(gyrBias: .zero, biasSigma: filterSettings.biasSigmaInit, gravity: startGravity ?? baseline.gravity)
        self.filter = filter
        posture = PostureTracker(baseline: baseline,
                                 neutralSensorOrientation: startGravity == nil ? filter.orientation : nil,
                                 settings: postureSettings)
    }

    /// Whether confirmed stepping turns the neutral heading with the wearer (see `PostureTracker.followsTurns`).
    public mutating func setFollowsTurns(_ follows: Bool) { posture.followsTurns = follows }

    /// Sets the whole body's turn since neutral (see `PostureTracker.facing`), in rad.
    public mutating func face(_ turn: QuaternionD, angle: Double) { posture.face(turn, angle: angle) }

    /// Whether a deep bend may teach the forward axis now (see `PostureTracker.forwardTeachingAllowed`).
    public mutating func allowForwardTeaching(_ allowed: Bool) { posture.forwardTeachingAllowed = allowed }

    /// Turns the neutral heading by `angle` rad about the vertical (see `PostureTracker.turnHeading`).
    public mutating func turnHeading(by angle: Double) { posture.turnHeading(by: angle) }

    /// Re-zeroes the neutral heading to the way the segment faces now: its twist restarts from zero.
    public mutating func rezeroHeading() {
        posture.rezeroHeading(facing: filter.orientation * posture.mounting.sensorToBody.conjugate)
    }

    /// Processes one sample.
    @inline(__always)
    public mutating func process(_ sample: IMUSample) -> PostureFrame {
        let rate = sample.gyr - baselineBias
        filter.update(gyr: rate, acc: sample.acc, time: sample.time)
        let angles = posture.update(orientation: filter.state.inclinationCorrection, times: filter.state.strapdown,
                                    gyr: rate - filter.gyrBias, acc: sample.acc, time: sample.time,
                                    dt: filter.state.lastStep)
        return PostureFrame(time: sample.time, world: filter.state.inclinationCorrection, sensor: filter.state.strapdown,
                            angles: angles)
    }
}

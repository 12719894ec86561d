import RealModule

/// One sample's result: the orientation and the posture.
public struct PostureFrame: Sendable, Equatable {
    /// Time of the sample, in s.
    public var time: Double
    /// The left factor of the orientation (the filter's inclination correction).
    public var world: QuaternionD
    /// The right factor of the orientation (the filter's strapdown integration).
    public var sensor: QuaternionD
    /// The trunk's posture relative to the baseline, in rad.
    public var angles: PostureAngles

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

    /// - Parameters:
    ///   - baseline: the calibrated neutral posture; the filter starts from its bias and inclination.
    ///   - filterSettings: orientation filter tuning.
    ///   - samplePeriod: the expected sample period, in s.
    public init(baseline: Baseline, filterSettings: OrientationFilterSettings = .default,
                postureSettings: PostureTracker.Settings = .init(), samplePeriod: Double) {
        var filter = OrientationFilter(settings: filterSettings, samplePeriod: samplePeriod)
        filter.start(gyrBias: baseline.gyrBias, biasSigma: filterSettings.biasSigmaInit, gravity: baseline.gravity)
        self.filter = filter
        posture = PostureTracker(baseline: baseline, neutralSensorOrientation: filter.orientation,
                                 settings: postureSettings)
    }

    /// Processes one sample.
    @inline(__always)
    public mutating func process(_ sample: IMUSample) -> PostureFrame {
        filter.update(sample)
        let angles = posture.update(orientation: filter.state.inclinationCorrection, times: filter.state.strapdown,
                                    acc: sample.acc, time: sample.time)
        return PostureFrame(time: sample.time, world: filter.state.inclinationCorrection, sensor: filter.state.strapdown,
                            angles: angles)
    }
}

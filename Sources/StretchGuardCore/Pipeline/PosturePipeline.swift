import RealModule

/// One sample's result: the orientation and the posture.
public struct PostureFrame: Sendable, Equatable {
    /// Time of the sample, in s.
    public var time: Double
    /// Sensor-to-world orientation (z-up world frame).
    public var orientation: QuaternionD
    /// The trunk's posture relative to the baseline, in rad.
    public var angles: PostureAngles

    public init(time: Double, orientation: QuaternionD, angles: PostureAngles) {
        self.time = time
        self.orientation = orientation
        self.angles = angles
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
        return PostureFrame(time: sample.time, orientation: filter.orientation, angles: angles)
    }
}

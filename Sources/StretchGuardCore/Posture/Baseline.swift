import RealModule

/// The calibrated neutral posture: what "upright and still" looked like to this sensor on this wearer.
public struct Baseline: Sendable, Equatable, Codable {
    /// Gyroscope bias measured while still, in rad/s (sensor frame).
    public var gyrBias: Vector3D
    /// Its standard error, in rad/s.
    public var gyrBiasSigma: Double
    /// Mean specific force while still, in m/s² (sensor frame): gravity's reaction, pointing up.
    public var gravity: Vector3D
    /// Sensor-to-body rotation.
    public var mounting: BodyMounting
    /// Length of the still period, in s.
    public var duration: Double
    /// Samples in the still period.
    public var sampleCount: Int
    /// Whether the mounting's forward axis is known (a calibration's forward bend, or declared); when
    /// false it is provisional and learned from the first deep bend (`ForwardAxisLearner`).
    public var forwardAxisKnown: Bool
    /// The second sensor's baseline, on the pelvis (sacrum), captured over the same still period, or `nil`
    /// with one sensor. Its own bias, gravity and mounting; its own `pelvis` is always `nil`.
    public var pelvis: Baseline? {
        get { pelvisStorage.first }
        set { pelvisStorage = newValue.map { var p = $0; p.pelvis = nil; return [p] } ?? [] }
    }
    /// A struct cannot hold an optional of itself inline; an array of at most one holds it instead (copied
    /// by reference, never per sample).
    private var pelvisStorage: [Baseline] = []

    public init(gyrBias: Vector3D, gyrBiasSigma: Double, gravity: Vector3D, mounting: BodyMounting,
                duration: Double, sampleCount: Int, forwardAxisKnown: Bool = true) {
        self.gyrBias = gyrBias
        self.gyrBiasSigma = gyrBiasSigma
        self.gravity = gravity
        self.mounting = mounting
        self.duration = duration
        self.sampleCount = sampleCount
        self.forwardAxisKnown = forwardAxisKnown
    }

    private enum CodingKeys: String, CodingKey {
        case gyrBias, gyrBiasSigma, gravity, mounting, duration, sampleCount, forwardAxisKnown, pelvis
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(gyrBias, forKey: .gyrBias)
        try c.encode(gyrBiasSigma, forKey: .gyrBiasSigma)
        try c.encode(gravity, forKey: .gravity)
        try c.encode(mounting, forKey: .mounting)
        try c.encode(duration, forKey: .duration)
        try c.encode(sampleCount, forKey: .sampleCount)
        try c.encode(forwardAxisKnown, forKey: .forwardAxisKnown)
        try c.encodeIfPresent(pelvis, forKey: .pelvis)
    }

    /// Decodes a baseline; one written before `forwardAxisKnown` existed had its forward axis declared, and
    /// one written before two sensors has no pelvis.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        gyrBias = try c.decode(Vector3D.self, forKey: .gyrBias)
        gyrBiasSigma = try c.decode(Double.self, forKey: .gyrBiasSigma)
        gravity = try c.decode(Vector3D.self, forKey: .gravity)
        mounting = try c.decode(BodyMounting.self, forKey: .mounting)
        duration = try c.decode(Double.self, forKey: .duration)
        sampleCount = try c.decode(Int.self, forKey: .sampleCount)
        forwardAxisKnown = try c.decodeIfPresent(Bool.self, forKey: .forwardAxisKnown) ?? true
        pelvis = try c.decodeIfPresent(Baseline.self, forKey: .pelvis)
    }

    /// The sensor-to-world orientation at the baseline (heading zero): the tilt that makes `gravity` point
    /// up.
    public var sensorOrientation: QuaternionD { QuaternionD(from: gravity.normalized, to: .unitZ) }

    /// The neutral body-to-world orientation (heading zero).
    public var neutralBodyOrientation: QuaternionD { sensorOrientation * mounting.sensorToBody.conjugate }
}

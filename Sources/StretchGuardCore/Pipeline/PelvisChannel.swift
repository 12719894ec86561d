/// The second sensor, on the pelvis (sacrum): its own orientation filter, bias estimate and posture
/// tracker, and whether it is reporting.
///
/// A pelvis sample may be missing at a tick (a failed read, the sensor unplugged): the last pelvis posture
/// stands in for up to `lossTime`; after that the pelvis counts as lost and the pipeline falls back to the
/// thorax alone (with its turn handling) until a pelvis sample comes again. On its return the filter
/// starts afresh from that sample and the pelvis's heading is re-zeroed to where it faces then.
///
/// Allocation-free per sample; no I/O.
public struct PelvisChannel: Sendable {
    /// How long the pelvis may miss samples before it counts as lost, in s: 0.1 s (a few missed reads
    /// are not a fault).
    public static let lossTime = 0.1
    /// The smallest pelvis tilt that teaches the pelvis's forward axis when no calibration gave it, in rad:
    /// 15°, which a hip hinge reaches and walking does not.
    public static let learnTilt = 15 * degree

    /// The pelvis's filter and posture (its angles: hip flexion, pelvis twist).
    public private(set) var posture: PosturePipeline
    /// Whether the pelvis is reporting (false once it has missed `lossTime` of samples).
    public private(set) var isReporting = true
    /// The pelvis's posture at its last sample.
    public private(set) var angles = PostureAngles.neutral
    /// Time the pelvis has missed since its last sample, in s.
    public private(set) var missingTime: Double = 0
    /// The pelvis's turn about the vertical at its last sample (the twist factor of `relative`).
    private var facing = QuaternionD.identity
    private let baseline: Baseline
    private let settings: PostureTracker.Settings
    private let samplePeriod: Double

    /// - Parameters:
    ///   - baseline: the pelvis's neutral posture (`Baseline.pelvis`).
    ///   - firstBend: the exercise's first bend, which also teaches the pelvis's forward axis.
    ///   - samplePeriod: the expected sample period, in s.
    public init(baseline: Baseline, firstBend: FirstBend, samplePeriod: Double) {
        var settings = PostureTracker.Settings()
        settings.forwardAxis.firstBend = firstBend
        settings.forwardAxis.learnTilt = Self.learnTilt
        settings.detectsSteps = false
        self.baseline = baseline
        self.settings = settings
        self.samplePeriod = samplePeriod
        posture = PosturePipeline(baseline: baseline, postureSettings: settings, samplePeriod: samplePeriod)
        posture.setFollowsTurns(false)
    }

    /// What a tick told about the pelvis: plain values, so the pipeline reads them without copying the
    /// channel (its filter and tracker) out of its optional.
    public struct Report: Sendable {
        /// What the tick did to the pelvis's reporting.
        public var change: Change
        /// Whether the pelvis reports.
        public var isReporting: Bool
        /// Whether its forward axis is known (calibrated or learned).
        public var isForwardKnown: Bool
        /// Its angles from neutral, bends read from the way it faces, in rad.
        public var angles: PostureAngles
        /// Its rotation from neutral, in its neutral body frame.
        public var relative: QuaternionD
        /// Its turn about the vertical since neutral (the twist factor of `relative`).
        public var facingTurn: QuaternionD

        /// Before the pelvis's first tick: reporting, at neutral.
        public static let none = Report(change: .none, isReporting: true, isForwardKnown: false, angles: .neutral,
                                        relative: .identity, facingTurn: .identity)
    }

    /// What a tick did to the pelvis's reporting.
    public enum Change: Sendable, Equatable {
        case none
        /// The pelvis has missed `lossTime` of samples and counts as lost.
        case lost
        /// A pelvis sample came after it was lost; the filter started afresh.
        case returned
    }

    /// Processes the pelvis's reading of one tick, or notes its absence, and writes what it tells into
    /// `report` (in place: no copy per tick).
    ///
    /// - Parameters:
    ///   - reading: the pelvis's reading, or `nil` when the tick has none.
    ///   - time: the tick's time, in s.
    ///   - dt: the tick's period, in s.
    ///   - report: where the tick's report goes.
    @inline(__always)
    public mutating func process(_ reading: PelvisReading?, time: Double, dt: Double, into report: inout Report) {
        let change = update(reading.map { IMUSample(time: time, gyr: $0.gyr, acc: $0.acc) }, dt: dt)
        let relative = posture.posture.state.relative
        facing = PostureAngles.twistRotation(of: relative)
        report.change = change
        report.isReporting = isReporting
        report.isForwardKnown = isForwardKnown
        report.angles = angles
        report.relative = relative
        report.facingTurn = facing
    }

    @inline(__always)
    private mutating func update(_ sample: IMUSample?, dt: Double) -> Change {
        guard let sample else {
            missingTime += dt
            guard isReporting && missingTime >= Self.lossTime else { return .none }
            isReporting = false
            return .lost
        }
        missingTime = 0
        var change = Change.none
        if !isReporting {
            restart(from: sample)
            isReporting = true
            change = .returned
        }
        // The pelvis faces where its last sample turned it: its bends are read from there (hip flexion after
        // a whole-body turn is still hip flexion).
        posture.face(facing, angle: angles.twist)
        angles = posture.process(sample).angles
        if change == .returned {
            posture.rezeroHeading()
            posture.face(.identity, angle: 0)
            facing = .identity
            angles = posture.process(sample).angles
        }
        return change
    }

    /// Whether the pelvis's forward axis is known (calibrated or learned).
    public var isForwardKnown: Bool { !posture.posture.isForwardProvisional }

    /// The pelvis's rotation from neutral in its neutral body frame.
    public var relative: QuaternionD { posture.posture.state.relative }


    /// Starts the filter afresh from a sample after a loss: the calibrated bias and mounting, the sample's
    /// own gravity (the pelvis may be tilted then).
    private mutating func restart(from sample: IMUSample) {
        let mounting = posture.posture.mounting
        let known = !posture.posture.isForwardProvisional
        var fresh = baseline
        fresh.mounting = mounting
        fresh.forwardAxisKnown = known
        posture = PosturePipeline(baseline: fresh, postureSettings: settings, samplePeriod: samplePeriod,
                                  startGravity: sample.acc)
        posture.setFollowsTurns(false)
    }
}

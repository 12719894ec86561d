/// What the body really did at one sample: the labels a detector's output is scored against.
public struct TruthSample: Sendable, Equatable {
    /// Time, in s (the same instant as the sample it goes with).
    public var time: Double
    /// True forward bend relative to the neutral stance, in rad (+ forward).
    public var flexion: Double
    /// True side bend, in rad (+ head toward the wearer's right).
    public var sideBend: Double
    /// True twist of the trunk over the pelvis, in rad (+ chest toward the wearer's left); whole-body
    /// turns are not twist.
    public var twist: Double
    /// The running step's keyword, e.g. `still`, `twist`, `bounce`, `walk`.
    public var segment: String
    /// Whether a bounce that meets the alert definition is under way (3° p-p or more at 0.5–4 Hz with at
    /// least two reversals); false for sub-threshold and out-of-band oscillations.
    public var bounceExpected: Bool
    /// The bounce's frequency, in Hz; 0 when `bounceExpected` is false.
    public var bounceFrequency: Double
    /// The spine and pelvis, when the render has a pelvis sensor; nil with one sensor. The fields above
    /// stay the thorax's posture relative to the stance (what one sensor can see).
    public var spine: SpinalTruth?

    /// A truth row; units as documented on the properties (s, rad, Hz).
    public init(time: Double, flexion: Double, sideBend: Double, twist: Double, segment: String,
                bounceExpected: Bool, bounceFrequency: Double, spine: SpinalTruth? = nil) {
        self.time = time
        self.flexion = flexion
        self.sideBend = sideBend
        self.twist = twist
        self.segment = segment
        self.bounceExpected = bounceExpected
        self.bounceFrequency = bounceFrequency
        self.spine = spine
    }
}

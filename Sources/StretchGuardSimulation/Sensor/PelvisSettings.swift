import StretchGuardCore

/// A second sensor on the pelvis (sacrum), as a scenario renders it: how it sits (a belt clip in any
/// orientation), its own imperfections, and how the body shares its motion between pelvis and spine.
///
/// Its random draws (noise, biases, random walks, scale errors, sporadic lost reads, a random mounting)
/// come from their own streams, so the thorax sensor's are the same with or without it. It is read on the
/// thorax's sample tick: same time stamp, its reading in its own frame.
public struct PelvisSettings: Sendable, Equatable {
    /// How the sensor sits on the sacrum: the rotation from its frame to the pelvis's body frame (x forward,
    /// y left, z up along the pelvis).
    public var mounting: SensorMounting
    /// Its imperfections; jitter and dropped bursts are the tick's (the thorax's settings), so only the
    /// sporadic `dropRate` of lost pelvis reads applies of those.
    public var errors: SensorErrorSettings
    /// How the pelvis moves with the trunk.
    public var motion: PelvisMotion

    /// Every field as documented on the properties.
    public init(mounting: SensorMounting = .aligned, errors: SensorErrorSettings = .typical,
                motion: PelvisMotion = .typical) {
        self.mounting = mounting
        self.errors = errors
        self.motion = motion
    }

    /// What `pelvis on` gives a scenario whose conditions are not drawn: axes along the pelvis's, a
    /// `typical` sensor, `PelvisMotion.typical`.
    public static let standard = PelvisSettings()

    /// The seed of the pelvis sensor's own draws for the render seed `seed`.
    public static func sensorSeed(renderSeed seed: UInt64) -> UInt64 {
        var random = SeededRandom(stream: .pelvis, seed: seed)
        return random.next()
    }
}

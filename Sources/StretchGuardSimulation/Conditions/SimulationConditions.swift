import StretchGuardCore

/// The recording conditions of one render: how the sensor sits, how fast and how well it samples, how
/// long the lever arm is, and the breathing and tremor of the wearer's holds.
///
/// `draw(seed:for:)` draws them at random, deterministically from the render seed and the scenario's
/// name, so an evaluation can run every scenario under conditions the detectors were not tuned on;
/// `stated(by:seed:)` keeps the scenario's own lines (what a file with `conditions fixed` gets).
public struct SimulationConditions: Sendable, Equatable {
    /// How the sensor sits on the back.
    public var mounting: SensorMounting
    /// Nominal sample rate, in Hz.
    public var sampleRate: Double
    /// Hip pivot to sensor along the trunk, in m.
    public var leverArm: Double
    /// The sensor's imperfections (noise, biases, quantisation, jitter, drops).
    public var errors: SensorErrorSettings
    /// Breathing and tremor during holds; nil for none.
    public var holdMotion: HoldMotion?
    /// The pelvis sensor and how the pelvis moves, for a scenario that renders one (`pelvis on`); nil
    /// otherwise.
    public var pelvis: PelvisSettings?
    /// The seed of the renderer's own draws (noise, scale errors, random walks, sporadic drops).
    public var renderSeed: UInt64
    /// Whether these conditions were drawn at random (false: the scenario's own).
    public var isDrawn: Bool

    /// Every field as documented on the properties (Hz, m).
    public init(mounting: SensorMounting, sampleRate: Double, leverArm: Double, errors: SensorErrorSettings,
                holdMotion: HoldMotion?, renderSeed: UInt64, isDrawn: Bool, pelvis: PelvisSettings? = nil) {
        self.mounting = mounting
        self.sampleRate = sampleRate
        self.leverArm = leverArm
        self.errors = errors
        self.holdMotion = holdMotion
        self.renderSeed = renderSeed
        self.isDrawn = isDrawn
        self.pelvis = pelvis
    }

    /// The conditions `scenario`'s own lines state, rendered with `seed`: applying them changes nothing.
    public static func stated(by scenario: Scenario, seed: UInt64) -> SimulationConditions {
        SimulationConditions(mounting: scenario.mounting, sampleRate: scenario.sampleRate, leverArm: scenario.leverArm,
                             errors: scenario.errors, holdMotion: scenario.holdMotion, renderSeed: seed,
                             isDrawn: false, pelvis: scenario.pelvis)
    }

    /// The conditions to render `scenario` with for `seed`: drawn at random unless `randomise` is false or
    /// the scenario pins its own (`conditions fixed`).
    public static func resolve(_ scenario: Scenario, seed: UInt64, randomise: Bool) -> SimulationConditions {
        randomise && !scenario.conditionsPinned ? draw(seed: seed, for: scenario) : stated(by: scenario, seed: seed)
    }

    /// `scenario` with these conditions in place of its own mounting, rate, lever, sensor, hold motion and
    /// pelvis sensor.
    public func applied(to scenario: Scenario) -> Scenario {
        var result = scenario
        result.mounting = mounting
        result.sampleRate = sampleRate
        result.leverArm = leverArm
        result.errors = errors
        result.holdMotion = holdMotion
        result.pelvis = pelvis
        return result
    }

    /// Renders `scenario` under these conditions: the samples and the truth, as `ScenarioRenderer` gives them.
    public func render(_ scenario: Scenario) -> (samples: [IMUSample], truth: [TruthSample]) {
        ScenarioRenderer(seed: renderSeed).render(applied(to: scenario))
    }

    /// The mounting's class (resolved for the render seed when random).
    public var mountingClass: MountingClass {
        MountingClass(sensorToBody: mounting.sensorToBody(seed: renderSeed))
    }
}

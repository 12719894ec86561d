import Foundation

/// What is known about a session when it starts: stored once in its `sessions` row.
public struct SessionInfo: Hashable, Sendable, Codable {
    /// Wall-clock time at which the session started (for listings, weeks and streaks).
    public var startDate: Date
    /// Sample-clock time at `startDate`, in s (the same monotonic clock as the samples' `time`); ties sample
    /// times to wall-clock dates.
    public var startTime: Double
    /// Where the sensor was read, e.g. `/dev/i2c-1 0x68`, or `simulated`.
    public var device: String
    /// The IMU chip, e.g. `MPU-6050`.
    public var chip: String
    /// The output data rate, in Hz.
    public var rate: Double
    /// The exercise profile's name.
    public var profile: String
    /// The calibration in force (the calibration file's JSON, stored as it was); empty when none.
    public var calibration: String
    /// The version of StretchGuard that recorded the session.
    public var softwareVersion: String
    /// The size of one stored count (pass the chip's sensitivity).
    public var scale: SampleScale
    /// The pelvis sensor of a two-sensor session (nil with one sensor). A recorder that receives pelvis
    /// readings in a session begun without one makes it a two-sensor session (``PelvisSensorInfo/undeclared(scale:)``).
    public var pelvis: PelvisSensorInfo?
    /// The plan the session followed (`run --plan`), nil without one.
    public var plan: SessionPlan?
    /// Who wore the device (`run --wearer`), nil when not named.
    public var wearer: String?

    /// Whether the session records two sensors (thorax and pelvis).
    public var hasPelvis: Bool { pelvis != nil }

    /// Session metadata.
    ///
    /// - Parameters:
    ///   - startDate: wall-clock start.
    ///   - startTime: sample-clock time at `startDate`, in s.
    ///   - device: where the sensor was read.
    ///   - chip: the IMU chip.
    ///   - rate: output data rate, in Hz.
    ///   - profile: the exercise profile's name.
    ///   - calibration: the calibration in force, as JSON text; empty when none.
    ///   - softwareVersion: StretchGuard's version.
    ///   - scale: the size of one stored count.
    ///   - pelvis: the pelvis sensor, with two sensors; nil (the default) with one.
    ///   - plan: the plan followed, nil (the default) without one.
    ///   - wearer: who wore the device, nil (the default) when not named.
    public init(startDate: Date, startTime: Double, device: String, chip: String, rate: Double, profile: String,
                calibration: String = "", softwareVersion: String, scale: SampleScale, pelvis: PelvisSensorInfo? = nil,
                plan: SessionPlan? = nil, wearer: String? = nil) {
        self.startDate = startDate
        self.startTime = startTime
        self.device = device
        self.chip = chip
        self.rate = rate
        self.profile = profile
        self.calibration = calibration
        self.softwareVersion = softwareVersion
        self.scale = scale
        self.pelvis = pelvis
        self.plan = plan
        self.wearer = wearer
    }
}

/// The plan a session followed: its name and the plan file's text as it was run.
public struct SessionPlan: Hashable, Sendable, Codable {
    /// The plan's name, e.g. `starter-low-back`.
    public var name: String
    /// The plan file's text (YAML) when the session ran.
    public var definition: String

    public init(name: String, definition: String) {
        self.name = name
        self.definition = definition
    }
}

/// The second sensor of a two-sensor session, on the pelvis (sacrum): where it was read, its chip, and the
/// size of its stored counts (it may be another chip family than the thorax's).
public struct PelvisSensorInfo: Hashable, Sendable, Codable {
    /// Where the pelvis sensor was read, e.g. `/dev/i2c-1 0x69`, or `simulated`.
    public var device: String
    /// Its chip, e.g. `MPU-6050`.
    public var chip: String
    /// The size of one of its stored counts (pass its chip's sensitivity).
    public var scale: SampleScale

    /// The pelvis sensor.
    ///
    /// - Parameters:
    ///   - device: where it was read.
    ///   - chip: its chip.
    ///   - scale: the size of one of its stored counts.
    public init(device: String, chip: String, scale: SampleScale) {
        self.device = device
        self.chip = chip
        self.scale = scale
    }

    /// A pelvis the session did not declare: its readings arrived with the samples, stored with the
    /// thorax's count sizes; device and chip unknown (empty).
    public static func undeclared(scale: SampleScale) -> PelvisSensorInfo {
        PelvisSensorInfo(device: "", chip: "", scale: scale)
    }
}

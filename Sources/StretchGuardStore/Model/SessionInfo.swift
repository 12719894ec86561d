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
    public init(startDate: Date, startTime: Double, device: String, chip: String, rate: Double, profile: String,
                calibration: String = "", softwareVersion: String, scale: SampleScale) {
        self.startDate = startDate
        self.startTime = startTime
        self.device = device
        self.chip = chip
        self.rate = rate
        self.profile = profile
        self.calibration = calibration
        self.softwareVersion = softwareVersion
        self.scale = scale
    }
}

import StretchGuardCore

/// What the user asks of an IMU chip; each driver maps it to the nearest setting its chip has and reports
/// that in ``IMUConfiguration``.
public struct IMUSettings: Hashable, Sendable {
    /// The wanted output data rate, in Hz (default 200). The chip uses the nearest rate it supports.
    public var outputDataRate: Double
    /// The gyroscope's full-scale range (default ±500 °/s: a trunk seldom turns faster than 300 °/s).
    public var gyrRange: GyrRange
    /// The accelerometer's full-scale range (default ±4 g: room for a jump's landing).
    public var accRange: AccRange
    /// The wanted −3 dB bandwidth of the chip's digital low-pass filter, in Hz; nil (the default) picks the
    /// widest the chip offers at or below 0.45 × the output data rate (anti-aliasing with a margin).
    public var lowPassBandwidth: Double?
    /// How many identical consecutive raw samples (all six axes) flag the data as stuck (default 25, i.e.
    /// 0.125 s at 200 Hz; a live sensor's noise changes some axis nearly every sample).
    public var stuckSampleLimit: Int

    public init(outputDataRate: Double = 200, gyrRange: GyrRange = .dps500, accRange: AccRange = .g4,
                lowPassBandwidth: Double? = nil, stuckSampleLimit: Int = 25) {
        self.outputDataRate = outputDataRate
        self.gyrRange = gyrRange
        self.accRange = accRange
        self.lowPassBandwidth = lowPassBandwidth
        self.stuckSampleLimit = stuckSampleLimit
    }

    /// The defaults: 200 Hz, ±500 °/s, ±4 g, automatic filter, stuck after 25 samples.
    public static let standard = IMUSettings()

    /// The output data rate, in Hz, checked to be a positive finite number.
    func checkedOutputDataRate() throws(IMUDriverError) -> Double {
        guard outputDataRate.isFinite, outputDataRate > 0 else {
            throw .invalidOutputDataRate(outputDataRate)
        }
        return outputDataRate
    }

    /// The filter bandwidth to aim for, in Hz, given the rate the chip will actually run at (in Hz).
    func bandwidthTarget(outputDataRate rate: Double) -> Double {
        lowPassBandwidth ?? 0.45 * rate
    }
}

/// A gyroscope full-scale range.
public enum GyrRange: Int, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// ±125 °/s (ST chips only).
    case dps125 = 125
    /// ±250 °/s (±245 °/s on the LSM6DS3).
    case dps250 = 250
    /// ±500 °/s.
    case dps500 = 500
    /// ±1000 °/s.
    case dps1000 = 1000
    /// ±2000 °/s.
    case dps2000 = 2000

    /// The range's limit, in °/s.
    public var degreesPerSecond: Double { Double(rawValue) }

    public var description: String { "±\(rawValue) °/s" }
}

/// An accelerometer full-scale range.
public enum AccRange: Int, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// ±2 g.
    case g2 = 2
    /// ±4 g.
    case g4 = 4
    /// ±8 g.
    case g8 = 8
    /// ±16 g.
    case g16 = 16

    /// The range's limit, in standard gravities (g).
    public var standardGravities: Double { Double(rawValue) }

    public var description: String { "±\(rawValue) g" }
}

/// Picks the option nearest to `target` on a log scale (so 200 Hz is nearer 208 than 104).
///
/// - Returns: the index into `options` (which must not be empty).
func indexNearest(to target: Double, in options: [Double]) -> Int {
    precondition(!options.isEmpty)
    let logTarget = Double.log(max(target, .leastNormalMagnitude))
    var best = 0
    for index in options.indices
    where abs(Double.log(options[index]) - logTarget) < abs(Double.log(options[best]) - logTarget) {
        best = index
    }
    return best
}

/// Picks the filter index for a bandwidth request: with an explicit request, the nearest (log scale); with
/// the automatic one, the widest bandwidth not above `target`, else the narrowest.
func lowPassIndex(for settings: IMUSettings, rate: Double, bandwidths: [Double]) -> Int {
    let target = settings.bandwidthTarget(outputDataRate: rate)
    if settings.lowPassBandwidth != nil { return indexNearest(to: target, in: bandwidths) }
    let fitting = bandwidths.indices.filter { bandwidths[$0] <= target }
    return fitting.max { bandwidths[$0] < bandwidths[$1] }
        ?? bandwidths.indices.min { bandwidths[$0] < bandwidths[$1] }!
}

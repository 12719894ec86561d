import StretchGuardCore

/// Converts samples between SI units (``IMUSample``) and the counts the store keeps (``RawSample``).
///
/// Encoding quantises: time to the nearest µs, each axis to the nearest count, saturating at ±32767 counts
/// (NaN becomes 0). Decoding is exact and deterministic: `time = µs / 10⁶`, `value = count × scale`, and
/// encoding a decoded sample gives back the same counts.
///
/// Live and replay must agree bit for bit, so the live pipeline processes the *decoded* sample — the one
/// the store will give back — not the driver's original: `let s = codec.quantized(sample)` (or
/// ``SessionRecorder/record(_:)-(IMUSample)``, which records and returns it). With the chip's own
/// sensitivity as the scale, the decoded values equal the driver's, and only the time is rounded.
///
/// A pelvis reading (``IMUSample/pelvis``) is quantised the same way with ``pelvisScale`` (the pelvis chip
/// may be another family) and shares its sample's time.
public struct SampleCodec: Hashable, Sendable {
    /// The largest count kept, in either sign: 32767.
    public static let largestCount: Int16 = .max

    /// The size of one count of each axis of the (thorax) sensor.
    public var scale: SampleScale
    /// The size of one count of each axis of the pelvis sensor.
    public var pelvisScale: SampleScale

    /// A codec for counts of the given size.
    ///
    /// - Parameters:
    ///   - scale: the (thorax) sensor's count sizes.
    ///   - pelvisScale: the pelvis sensor's count sizes; nil (the default): the same as `scale`.
    public init(scale: SampleScale, pelvisScale: SampleScale? = nil) {
        self.scale = scale
        self.pelvisScale = pelvisScale ?? scale
    }

    /// The codec of a session: its scale and its pelvis's (the thorax's when it declared no pelvis).
    public init(info: SessionInfo) {
        self.init(scale: info.scale, pelvisScale: info.pelvis?.scale)
    }

    /// The counts nearest to a sample (time to µs, each axis to a count, saturating at ±32767; its pelvis too).
    @inlinable
    public func encode(_ sample: IMUSample) -> RawSample {
        RawSample(time: Self.microseconds(sample.time),
                  gyr: SIMD3(Self.count(sample.gyr.x, scale.gyr), Self.count(sample.gyr.y, scale.gyr),
                             Self.count(sample.gyr.z, scale.gyr)),
                  acc: SIMD3(Self.count(sample.acc.x, scale.acc), Self.count(sample.acc.y, scale.acc),
                             Self.count(sample.acc.z, scale.acc)),
                  pelvis: sample.pelvis.map { encode($0) })
    }

    /// The pelvis counts nearest to a pelvis reading (each axis to a count of ``pelvisScale``, saturating).
    @inlinable
    public func encode(_ reading: PelvisReading) -> RawPelvisReading {
        RawPelvisReading(gyr: SIMD3(Self.count(reading.gyr.x, pelvisScale.gyr), Self.count(reading.gyr.y, pelvisScale.gyr),
                                    Self.count(reading.gyr.z, pelvisScale.gyr)),
                         acc: SIMD3(Self.count(reading.acc.x, pelvisScale.acc), Self.count(reading.acc.y, pelvisScale.acc),
                                    Self.count(reading.acc.z, pelvisScale.acc)))
    }

    /// The pelvis reading the counts stand for: rates in rad/s, specific force in m/s².
    @inlinable
    public func decode(_ raw: RawPelvisReading) -> PelvisReading {
        PelvisReading(gyr: Vector3D(Double(raw.gyr.x) * pelvisScale.gyr, Double(raw.gyr.y) * pelvisScale.gyr,
                                    Double(raw.gyr.z) * pelvisScale.gyr),
                      acc: Vector3D(Double(raw.acc.x) * pelvisScale.acc, Double(raw.acc.y) * pelvisScale.acc,
                                    Double(raw.acc.z) * pelvisScale.acc))
    }

    /// The sample the counts stand for: time in s, rates in rad/s, specific force in m/s² (its pelvis too).
    @inlinable
    public func decode(_ raw: RawSample) -> IMUSample {
        IMUSample(time: Self.seconds(raw.time),
                  gyr: Vector3D(Double(raw.gyr.x) * scale.gyr, Double(raw.gyr.y) * scale.gyr,
                                Double(raw.gyr.z) * scale.gyr),
                  acc: Vector3D(Double(raw.acc.x) * scale.acc, Double(raw.acc.y) * scale.acc,
                                Double(raw.acc.z) * scale.acc),
                  pelvis: raw.pelvis.map { decode($0) })
    }

    /// The sample as the store will give it back: `decode(encode(sample))`. Quantising twice changes nothing.
    @inlinable
    public func quantized(_ sample: IMUSample) -> IMUSample {
        decode(encode(sample))
    }

    /// A time in whole µs: seconds × 10⁶, rounded to nearest (NaN → 0, saturating at Int64's range).
    @inlinable
    public static func microseconds(_ seconds: Double) -> Int64 {
        let us = (seconds * 1_000_000).rounded()
        if us.isNaN { return 0 }
        if us >= 9.2e18 { return .max }
        if us <= -9.2e18 { return .min }
        return Int64(us)
    }

    /// A time in s from whole µs (`µs / 10⁶`, correctly rounded).
    @inlinable
    public static func seconds(_ microseconds: Int64) -> Double {
        Double(microseconds) / 1_000_000
    }

    /// The count nearest to `value / size`, saturating at ±32767 (NaN → 0).
    @inlinable
    static func count(_ value: Double, _ size: Double) -> Int16 {
        let c = (value / size).rounded()
        if c.isNaN { return 0 }
        let largest = Double(largestCount)
        return Int16(min(max(c, -largest), largest))
    }
}

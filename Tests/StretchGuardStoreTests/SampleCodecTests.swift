import StretchGuardCore
import Testing
@testable import StretchGuardStore

@Suite("Sample codec")
struct SampleCodecTests {
    let codec = SampleCodec(scale: .wideRange)

    @Test("decoding then encoding gives back the same counts and µs")
    func decodeIsExactInverse() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<10_000 {
            let raw = RawSample(time: Int64.random(in: -1_000_000_000_000...1_000_000_000_000, using: &generator),
                                gyr: SIMD3(.random(in: -32767...32767), .random(in: -32767...32767), .random(in: -32767...32767)),
                                acc: SIMD3(.random(in: -32767...32767), .random(in: -32767...32767), .random(in: -32767...32767)))
            #expect(codec.encode(codec.decode(raw)) == raw)
        }
    }

    @Test("quantising twice changes nothing, and stays within half a count and half a µs")
    func quantisingIsIdempotent() {
        for sample in testSamples(count: 2_000) {
            let once = codec.quantized(sample)
            #expect(codec.quantized(once) == once)
            #expect(abs(once.time - sample.time) <= 0.5e-6 + 1e-12)
            #expect(abs(once.gyr.x - sample.gyr.x) <= codec.scale.gyr / 2 + 1e-15)
            #expect(abs(once.acc.z - sample.acc.z) <= codec.scale.acc / 2 + 1e-15)
        }
    }

    @Test("a chip's own counts come back unchanged when the scale is the chip's sensitivity")
    func chipScaleIsLossless() {
        // MPU-6050 at ±2000 °/s and ±16 g: 16.4 counts per °/s, 2048 counts per g.
        let scale = SampleScale(gyr: (1 / 16.4) * .pi / 180, acc: standardGravity / 2048)
        let chipCodec = SampleCodec(scale: scale)
        for count in stride(from: Int16(-32767), through: 32767, by: 97) {
            let driverSample = IMUSample(time: 1.25,
                                         gyr: Vector3D(Double(count), 0, -Double(count)) * scale.gyr,
                                         acc: Vector3D(0, Double(count), 1) * scale.acc)
            let raw = chipCodec.encode(driverSample)
            #expect(raw.gyr == SIMD3(count, 0, -count))
            #expect(raw.acc == SIMD3(0, count, 1))
            #expect(chipCodec.decode(raw).gyr == driverSample.gyr)
            #expect(chipCodec.decode(raw).acc == driverSample.acc)
        }
    }

    @Test("values beyond the range saturate at ±32767 counts; NaN becomes 0")
    func saturation() {
        let sample = IMUSample(time: 0, gyr: Vector3D(1e9, -1e9, .nan), acc: Vector3D(.infinity, -.infinity, 0))
        let raw = codec.encode(sample)
        #expect(raw.gyr == SIMD3(32767, -32767, 0))
        #expect(raw.acc == SIMD3(32767, -32767, 0))
        let fullScale = codec.decode(raw).gyr.x
        #expect(abs(fullScale - 2000 * Double.pi / 180) < 1e-9)
    }

    @Test("times round to the nearest µs", arguments: [
        (1.0000004, Int64(1_000_000)), (1.0000006, 1_000_001), (0, 0), (-2.5000004, -2_500_000),
        (3600.123456789, 3_600_123_457),
    ])
    func timeToMicroseconds(seconds: Double, microseconds: Int64) {
        #expect(SampleCodec.microseconds(seconds) == microseconds)
        #expect(SampleCodec.microseconds(SampleCodec.seconds(microseconds)) == microseconds)
    }

    @Test("a non-finite time does not trap")
    func nonFiniteTime() {
        #expect(SampleCodec.microseconds(.nan) == 0)
        #expect(SampleCodec.microseconds(.infinity) == .max)
        #expect(SampleCodec.microseconds(-.infinity) == .min)
    }
}

import Foundation
import Testing
@testable import StretchGuardStore

@Suite("Sample blocks")
struct SampleBlockTests {
    /// Samples whose time steps cover every varint length.
    static func samples() -> [RawSample] {
        let steps: [Int64] = [0, 0, 1, 127, 128, 5_000, 16_383, 16_384, 2_000_000, 300_000_000_000, 10_000]
        var time: Int64 = 123_456_789
        return steps.enumerated().map { i, step in
            time += step
            let v = Int16(truncatingIfNeeded: i * 4099 - 20_000)
            return RawSample(time: time, gyr: SIMD3(v, -v, .max), acc: SIMD3(.min + 1, 0, v &* 3))
        }
    }

    @Test("packing then unpacking gives back the samples")
    func roundTrip() throws {
        let samples = Self.samples()
        let block = SampleBlock(samples: samples)
        #expect(block.start == samples.first!.time)
        #expect(block.end == samples.last!.time)
        #expect(block.count == samples.count)
        #expect(try block.samples() == samples)
    }

    @Test("a 200 Hz block costs 14 bytes per sample (13 for the first) plus one format byte")
    func packedSize() {
        let samples = (0..<80).map { RawSample(time: Int64($0) * 5_000, gyr: SIMD3(1, 2, 3), acc: SIMD3(4, 5, 6)) }
        #expect(SampleBlock(samples: samples).data.count == 1 + 13 + 79 * 14)
    }

    @Test("an earlier sample does not fit in the block")
    func decreasingTimeStartsANewBlock() {
        var encoder = SampleBlockEncoder()
        let first = encoder.append(RawSample(time: 100, gyr: .zero, acc: .zero))
        let earlier = encoder.append(RawSample(time: 99, gyr: .zero, acc: .zero))
        #expect(first && !earlier)
        #expect(encoder.count == 1)
        encoder.reset()
        #expect(encoder.block() == nil)
        let afterReset = encoder.append(RawSample(time: 99, gyr: .zero, acc: .zero))
        #expect(afterReset)
        #expect(encoder.block()?.start == 99)
    }

    @Test("a damaged BLOB is an error, not a crash", arguments: ["format", "truncated", "trailing", "count"])
    func damagedBlock(defect: String) {
        var block = SampleBlock(samples: Self.samples())
        switch defect {
        case "format": block.data[0] = 9
        case "truncated": block.data = block.data.dropLast(3)
        case "trailing": block.data.append(0)
        default: block.count += 1
        }
        #expect(throws: StoreError.self) { try block.samples() }
    }
}

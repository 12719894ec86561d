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

/// Inputs `scripts/fuzz sample-block` found that crashed the decoder, as the stored row it reads: `start_us`
/// and `sample_count` (8 bytes each, little-endian), then the BLOB (base64).
@Suite("Sample blocks: fuzzer findings")
struct SampleBlockFuzzFindingTests {
    struct Finding: Sendable, CustomTestStringConvertible {
        var name: String
        var base64: String
        var detail: String
        var testDescription: String { name }
    }

    static let findings = [
        // The row's count reserved 8.6 EB before the BLOB was looked at (allocation failure).
        Finding(name: "a count of 3.6e17", base64: "QA10u8ZgBgABAAAAAAYABQAAAAAAAAABAOCxIE7/fwCAAAAAQIgAAAAAAABO/38AgAAAAEA=",
                detail: "unknown block format 0"),
        // The 10th sample's time step had bits past 64 (dropped), so its time went back 2 µs.
        Finding(name: "a 10-byte time step", base64: "yCB0u8ZgBgAUAAAAAAAAAAEA4LEgTv9/AIAAAABAiCfjwR0+/38AgAAAAECIJ+bRGi7/fwCAAAAAQIgn6eEXHv9/AIAAAABA"
                   + "iCfs8RQO/38AgAAAAECIJ+8BEf7/fwCAAAAAQIgnAIgn+0CIJ/UhC97/fwCAAAAAQIgn+DEIzv9/AIAAAABAiCf7QQW+/v//"
                   + "////////fwCAAAAAQIgn/lECrv9/AIAAAABAiCcBYv+d/38AgAAAAECIJwRy/Ign6eGN/38AgAAAAECIJweC+X3/fwCAAAAA"
                   + "QIgnCpL2bf9/AIAAAABAiCcNoi5d/38AgAAAAECIJxCy8E3/fwCAAP3/QIgnE8LtPf9/AIAAAABAiCcW0uot/38AgAAAAECI"
                   + "Jxni5x3/fwCAAAAAQA==",
                detail: "a time step over 64 bits"),
    ]

    @Test("a damaged row is a corrupt-block error, not a crash", arguments: findings)
    func damagedRow(_ finding: Finding) throws {
        let row = try #require(Data(base64Encoded: finding.base64))
        let start = row.prefix(8).enumerated().reduce(Int64(0)) { $0 | Int64($1.element) << (8 * $1.offset) }
        let count = row.dropFirst(8).prefix(8).enumerated().reduce(Int64(0)) { $0 | Int64($1.element) << (8 * $1.offset) }
        let block = SampleBlock(start: start, end: start, count: Int(count), data: Data(row.dropFirst(16)))
        #expect(throws: StoreError.corruptBlock(detail: finding.detail)) { try block.samples() }
    }

    @Test("a sample count the BLOB cannot hold, or a negative one, is named")
    func impossibleCounts() {
        let data = SampleBlock(samples: SampleBlockTests.samples()).data
        for (count, detail) in [(Int.max, "the row counts \(Int.max) samples, but its \(data.count) bytes hold at most 12"),
                                (-1, "a negative sample count (-1)")] {
            let block = SampleBlock(start: 0, end: 0, count: count, data: data)
            #expect(throws: StoreError.corruptBlock(detail: detail)) { try block.samples() }
            #expect(StoreError.corruptBlock(detail: detail).description == "a stored sample block is damaged (\(detail))")
        }
    }
}

extension SampleBlockFuzzFindingTests {
    @Test("a time step that ends past the largest time is refused; the widest step the encoder writes is not")
    func timeStepOverflow() throws {
        let extremes = [RawSample(time: .min, gyr: .zero, acc: .zero), RawSample(time: .max, gyr: .zero, acc: .zero)]
        let widest = SampleBlock(samples: extremes)
        #expect(try widest.samples() == extremes)
        var late = SampleBlock(samples: [RawSample(time: 0, gyr: .zero, acc: .zero),
                                         RawSample(time: .max, gyr: .zero, acc: .zero)])
        late.start = 1
        #expect(throws: StoreError.corruptBlock(detail: "a time step past the largest time")) { try late.samples() }
    }
}

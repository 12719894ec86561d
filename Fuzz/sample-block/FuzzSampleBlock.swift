import Foundation
import FuzzSupport
import StretchGuardStore

/// The sample-block decoder on any stored row: the input is the row's `start_us` (8 bytes, little-endian),
/// its `sample_count` (8 bytes, little-endian, signed) and its BLOB (the rest). A `StoreError` that shows no
/// raw Swift value, or exactly `sample_count` samples whose times never decrease. Seeds are blocks packed by
/// the real encoder (`--write-seeds`).
@main enum FuzzSampleBlock {
    static func main() {
        FuzzDriver.main(testOneInput, writeSeeds: writeSeeds)
    }

    /// Blocks as the recorder packs them: 200 Hz, a gap, uneven steps, one sample.
    static func writeSeeds(_ folder: String) throws {
        let steps: [[Int64]] = [Array(repeating: 5_000, count: 20), [0, 5_000, 5_000, 2_000_000, 5_000],
                                [1, 127, 128, 16_383, 16_384, 300_000_000_000], [0]]
        for (index, steps) in steps.enumerated() {
            var time: Int64 = 1_795_256_525_000_000
            let samples = steps.enumerated().map { i, step -> RawSample in
                time += step
                let v = Int16(truncatingIfNeeded: i * 4099 - 20_000)
                return RawSample(time: time, gyr: SIMD3(v, -v, .max), acc: SIMD3(.min, 0, 16_384))
            }
            let block = SampleBlock(samples: samples)
            var row = withUnsafeBytes(of: block.start.littleEndian) { Array($0) }
            row += withUnsafeBytes(of: Int64(block.count).littleEndian) { Array($0) }
            try FuzzDriver.write(row + block.data, to: folder, name: "block-\(index).bin")
        }
    }
}

private func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzDriver.bytes(data, size)
    guard input.count >= 16 else { return 0 }
    let start = Int64(littleEndian: input.loadUnaligned(fromByteOffset: 0, as: Int64.self))
    let count = Int(Int64(littleEndian: input.loadUnaligned(fromByteOffset: 8, as: Int64.self)))
    let block = SampleBlock(start: start, end: start, count: count, data: Data(input[16...]))
    let samples: [RawSample]
    do {
        samples = try block.samples()
    } catch {
        FuzzDriver.checkMessage(error.description, input: input)
        return 0
    }
    FuzzDriver.require(samples.count == count, "decoded \(samples.count) samples, the row says \(count)")
    FuzzDriver.require(zip(samples, samples.dropFirst()).allSatisfy { $0.time <= $1.time }, "times decrease")
    return 0
}

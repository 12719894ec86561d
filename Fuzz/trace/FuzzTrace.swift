import FuzzSupport
import StretchGuardCore
import StretchGuardTrace

/// `TraceReader.read(path:)` on any bytes, plain CSV or gzip: a `TraceError` that shows no raw Swift value,
/// or samples whose times strictly increase and whose values are all finite (the reader's promise to the
/// replay engine). The input goes through a file in memory, so the reader runs exactly as on a file (zlib
/// opens it).
@main enum FuzzTrace {
    static func main() { FuzzDriver.main(testOneInput) }
}

private let file = MemoryFile(name: "fuzz-trace")

private func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzDriver.bytes(data, size)
    file.replaceContents(with: input)
    let samples: [IMUSample]
    do {
        samples = try TraceReader.read(path: file.path)
    } catch {
        FuzzDriver.checkMessage(error.description, input: input)
        return 0
    }
    FuzzDriver.require(!samples.isEmpty, "a trace read without samples")
    var previous = -Double.infinity
    for sample in samples {
        FuzzDriver.require(sample.time > previous, "times do not strictly increase")
        FuzzDriver.require(sample.time.isFinite && [sample.gyr.x, sample.gyr.y, sample.gyr.z,
                                              sample.acc.x, sample.acc.y, sample.acc.z].allSatisfy(\.isFinite),
                     "a value is not finite")
        previous = sample.time
    }
    return 0
}

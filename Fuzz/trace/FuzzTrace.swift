import FuzzSupport
import StretchGuardCore
import StretchGuardTrace

/// `TraceReader.read(path:)` on any bytes, plain CSV or gzip: a `TraceError` that shows no raw Swift value,
/// or samples whose times strictly increase and whose values are all within an IMU's range
/// (`IMUSampleLimits`: the reader's promise to the replay engine), with the rows left out counted. The input goes through a file in memory, so the reader runs exactly as on a file (zlib
/// opens it).
@main enum FuzzTrace {
    static func main() { FuzzDriver.main(testOneInput) }
}

private let file = MemoryFile(name: "fuzz-trace")

private func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzDriver.bytes(data, size)
    file.replaceContents(with: input)
    let trace: TraceContents
    do {
        trace = try TraceReader.read(path: file.path)
    } catch {
        FuzzDriver.checkMessage(error.description, input: input)
        return 0
    }
    let samples = trace.samples
    FuzzDriver.require(!samples.isEmpty, "a trace read without samples")
    FuzzDriver.require(trace.rejected.count == 0 || trace.rejected.first != nil, "rows left out without the first one named")
    var previous = -Double.infinity
    for sample in samples {
        FuzzDriver.require(sample.time > previous, "times do not strictly increase")
        FuzzDriver.require(IMUSampleLimits.contains(sample), "a value is not finite or beyond an IMU's range")
        previous = sample.time
    }
    return 0
}

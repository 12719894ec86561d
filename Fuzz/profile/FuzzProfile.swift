import FuzzSupport
import StretchGuardConfig
import StretchGuardCore

/// `ProfileFile.parse` on any text: a `ConfigError` or a profile whose values agree with each other.
@main enum FuzzProfile {
    static func main() { FuzzDriver.main(testOneInput) }
}

private func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let profile = try? ProfileFile.parse(FuzzDriver.text(data, size), path: "fuzz.yaml") else { return 0 }
    precondition(profile.inconsistencies.isEmpty, "a parsed profile contradicts itself")
    return 0
}

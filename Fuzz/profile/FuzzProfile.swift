import FuzzSupport
import StretchGuardConfig
import StretchGuardCore

/// `ProfileFile.parse` on any text: a `ConfigError` that shows no raw Swift value, or a profile whose values
/// agree with each other.
@main enum FuzzProfile {
    static func main() { FuzzDriver.main(testOneInput) }
}

private func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let profile: FormProfile
    do {
        profile = try ProfileFile.parse(FuzzDriver.text(data, size), path: "fuzz.yaml")
    } catch {
        FuzzDriver.checkMessage(error.description, input: FuzzDriver.bytes(data, size))
        return 0
    }
    FuzzDriver.require(profile.inconsistencies.isEmpty, "a parsed profile contradicts itself")
    return 0
}

import FuzzSupport
import StretchGuardConfig

/// `HardwareConfigFile.parse` on any text: a `ConfigError` or a config that passes its own validation.
@main enum FuzzHardware {
    static func main() { FuzzDriver.main(testOneInput) }
}

private func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let config = try? HardwareConfigFile.parse(FuzzDriver.text(data, size), path: "fuzz.yaml") else { return 0 }
    do {
        try config.validate(path: "fuzz.yaml")
    } catch {
        preconditionFailure("a parsed config fails validation: \(error)")
    }
    return 0
}

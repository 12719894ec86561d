import FuzzSupport
import StretchGuardConfig

/// `HardwareConfigFile.parse` on any text: a `ConfigError` that shows no raw Swift value, or a config that
/// passes its own validation.
@main enum FuzzHardware {
    static func main() { FuzzDriver.main(testOneInput) }
}

private func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let config: HardwareConfig
    do {
        config = try HardwareConfigFile.parse(FuzzDriver.text(data, size), path: "fuzz.yaml")
    } catch {
        FuzzDriver.checkMessage(error.description, input: FuzzDriver.bytes(data, size))
        return 0
    }
    do {
        try config.validate(path: "fuzz.yaml")
    } catch {
        FuzzDriver.require(false, "a parsed config fails validation: \(error)")
    }
    return 0
}

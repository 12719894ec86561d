import StretchGuardCore
/// A driver-level failure (bus failures are ``I2CError``).
public enum IMUDriverError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The chip at the address answered with another identity byte than the driver's chip.
    case unexpectedIdentity(chip: IMUChipKind, address: UInt8, found: UInt8)
    /// The output data rate asked for is not a positive number of Hz.
    case invalidOutputDataRate(Double)
    /// The chip cannot do the gyroscope range asked for (e.g. ±125 °/s on InvenSense chips).
    case unsupportedGyrRange(chip: IMUChipKind, range: GyrRange)
    /// The chip's driver does not support this feature.
    case unsupportedFeature(chip: IMUChipKind, feature: String)
    /// A configuration register read back differently from what was written: writes are not reaching the chip.
    case configurationNotApplied(chip: IMUChipKind, address: UInt8, register: UInt8, wrote: UInt8, read: UInt8)

    public var description: String {
        switch self {
        case let .unexpectedIdentity(chip, address, found):
            "the chip at \(hexByte(address)) answered WHO_AM_I with \(hexByte(found)), not \(hexByte(chip.whoAmIValue)) "
                + "(\(chip)): run `stretchguard doctor` to see what is connected."
        case let .invalidOutputDataRate(rate):
            "the output data rate must be a positive number of Hz, not \(rate)."
        case let .unsupportedGyrRange(chip, range):
            "the \(chip) has no \(range) gyroscope range; choose ±250, ±500, ±1000 or ±2000 °/s."
        case let .unsupportedFeature(chip, feature):
            "the \(chip) driver does not support \(feature)."
        case let .configurationNotApplied(chip, address, register, wrote, read):
            "the \(chip) at \(hexByte(address)) kept \(hexByte(read)) in register \(hexByte(register)) after \(hexByte(wrote)) "
                + "was written: check the wiring and that no other program configures it."
        }
    }
}

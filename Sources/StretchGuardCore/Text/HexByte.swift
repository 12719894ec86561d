/// The one hex spelling of an I2C address or register value, in messages, the config file and the CLI:
/// two upper-case digits with a `0x` prefix, `0x68`, `0x6A`.
public func hexByte(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return "0x" + (digits.count < 2 ? "0" + digits : digits)
}

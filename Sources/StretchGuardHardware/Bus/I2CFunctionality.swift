import CI2C

/// What an I2C adapter can do: the `I2C_FUNC_*` bits of ioctl `I2C_FUNCS`.
public struct I2CFunctionality: OptionSet, Hashable, Sendable {
    public var rawValue: UInt
    public init(rawValue: UInt) { self.rawValue = rawValue }

    /// Plain I2C transfers (`I2C_RDWR`); SMBus-only adapters such as `i2c-stub` lack it.
    public static let plainI2C = I2CFunctionality(rawValue: UInt(I2C_FUNC_I2C))
    /// SMBus read and write byte data.
    public static let smbusByteData = I2CFunctionality(rawValue: UInt(I2C_FUNC_SMBUS_BYTE_DATA))
    /// SMBus read and write word data.
    public static let smbusWordData = I2CFunctionality(rawValue: UInt(I2C_FUNC_SMBUS_WORD_DATA))
    /// SMBus I2C block read.
    public static let smbusReadI2CBlock = I2CFunctionality(rawValue: UInt(I2C_FUNC_SMBUS_READ_I2C_BLOCK))
    /// SMBus I2C block write.
    public static let smbusWriteI2CBlock = I2CFunctionality(rawValue: UInt(I2C_FUNC_SMBUS_WRITE_I2C_BLOCK))

    /// What the IMU drivers need: byte data and I2C block read/write.
    public static let requiredByDrivers: I2CFunctionality = [.smbusByteData, .smbusReadI2CBlock, .smbusWriteI2CBlock]
}

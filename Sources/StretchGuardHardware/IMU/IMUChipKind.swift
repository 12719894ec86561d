/// The IMU chips the drivers know, with how each one identifies itself.
public enum IMUChipKind: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// InvenSense MPU-6050 (and the SPI-capable MPU-6000): WHO_AM_I (0x75) = 0x68.
    case mpu6050
    /// InvenSense MPU-6500: WHO_AM_I (0x75) = 0x70.
    case mpu6500
    /// InvenSense MPU-9250 (MPU-6500 plus an AK8963 magnetometer): WHO_AM_I (0x75) = 0x71.
    case mpu9250
    /// InvenSense MPU-9255: WHO_AM_I (0x75) = 0x73; register-compatible with the MPU-9250.
    case mpu9255
    /// TDK InvenSense ICM-20948: WHO_AM_I (0x00, register bank 0) = 0xEA.
    case icm20948
    /// ST LSM6DS3 (and LSM6DS33): WHO_AM_I (0x0F) = 0x69.
    case lsm6ds3
    /// ST LSM6DS3TR-C (and LSM6DSL): WHO_AM_I (0x0F) = 0x6A; driven like the LSM6DS3.
    case lsm6ds3trc
    /// ST LSM6DSOX (and LSM6DSO): WHO_AM_I (0x0F) = 0x6C.
    case lsm6dsox

    /// The maker's part name ("MPU-6050").
    public var description: String {
        switch self {
        case .mpu6050: "MPU-6050"
        case .mpu6500: "MPU-6500"
        case .mpu9250: "MPU-9250"
        case .mpu9255: "MPU-9255"
        case .icm20948: "ICM-20948"
        case .lsm6ds3: "LSM6DS3"
        case .lsm6ds3trc: "LSM6DS3TR-C"
        case .lsm6dsox: "LSM6DSOX"
        }
    }

    /// The chip family, which decides the driver.
    public var family: IMUChipFamily {
        switch self {
        case .mpu6050, .mpu6500, .mpu9250, .mpu9255: .invenSenseMPU
        case .icm20948: .invenSenseICM20948
        case .lsm6ds3, .lsm6ds3trc, .lsm6dsox: .stLSM6DS
        }
    }

    /// The register holding the identity byte.
    public var whoAmIRegister: UInt8 {
        switch family {
        case .invenSenseMPU: 0x75
        case .invenSenseICM20948: 0x00
        case .stLSM6DS: 0x0F
        }
    }

    /// The identity byte the chip answers with.
    public var whoAmIValue: UInt8 {
        switch self {
        case .mpu6050: 0x68
        case .mpu6500: 0x70
        case .mpu9250: 0x71
        case .mpu9255: 0x73
        case .icm20948: 0xEA
        case .lsm6ds3: 0x69
        case .lsm6ds3trc: 0x6A
        case .lsm6dsox: 0x6C
        }
    }

    /// The addresses the chip can have (set by its AD0/SA0 pin: low → the first, high → the second).
    public var addresses: [UInt8] {
        switch family {
        case .invenSenseMPU, .invenSenseICM20948: [0x68, 0x69]
        case .stLSM6DS: [0x6A, 0x6B]
        }
    }

    /// The chip of a family whose identity byte is `value`, if any.
    public static func identified(by value: UInt8, register: UInt8) -> IMUChipKind? {
        allCases.first { $0.whoAmIRegister == register && $0.whoAmIValue == value }
    }
}

/// Chips that share one driver.
public enum IMUChipFamily: String, Hashable, Sendable, CaseIterable {
    /// MPU-6050, MPU-6500, MPU-9250/9255: one register map (0x19–0x75), big-endian data at 0x3B.
    case invenSenseMPU
    /// ICM-20948: four register banks selected by REG_BANK_SEL (0x7F), big-endian data at 0x2D (bank 0).
    case invenSenseICM20948
    /// LSM6DS3, LSM6DS3TR-C, LSM6DSOX: little-endian data at 0x22 (gyr) and 0x28 (acc).
    case stLSM6DS
}

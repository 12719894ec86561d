/// The MPU-6050 / MPU-6500 / MPU-9250 register map (the parts the driver and the simulated chip use), from
/// the InvenSense register-map documents (RM-MPU-6000A, RM-MPU-6500A, RM-MPU-9250A).
enum MPURegister {
    /// Sample rate divider: rate = internal rate / (1 + SMPLRT_DIV).
    static let sampleRateDivider: UInt8 = 0x19
    /// CONFIG: DLPF_CFG in bits 2:0 (the internal rate is 1 kHz for DLPF_CFG 1…6, 8 kHz for 0 and 7);
    /// FIFO_MODE in bit 6 on the MPU-6500 family.
    static let config: UInt8 = 0x1A
    /// GYRO_CONFIG: FS_SEL in bits 4:3 (0 → ±250, 1 → ±500, 2 → ±1000, 3 → ±2000 °/s); FCHOICE_B in bits 1:0
    /// on the MPU-6500 family (0 → DLPF in use).
    static let gyrConfig: UInt8 = 0x1B
    /// ACCEL_CONFIG: AFS_SEL in bits 4:3 (0 → ±2, 1 → ±4, 2 → ±8, 3 → ±16 g).
    static let accConfig: UInt8 = 0x1C
    /// ACCEL_CONFIG2 (MPU-6500 family only): A_DLPF_CFG in bits 2:0, ACCEL_FCHOICE_B in bit 3.
    static let accConfig2: UInt8 = 0x1D
    /// FIFO_EN: which data go to the FIFO (TEMP bit 7, XG 6, YG 5, ZG 4, ACCEL 3).
    static let fifoEnable: UInt8 = 0x23
    /// INT_PIN_CFG: INT_LEVEL (7, 1 → active low), INT_OPEN (6), LATCH_INT_EN (5), INT_RD_CLEAR (4).
    static let interruptPinConfig: UInt8 = 0x37
    /// INT_ENABLE: FIFO_OFLOW_EN (bit 4), DATA_RDY_EN (bit 0).
    static let interruptEnable: UInt8 = 0x38
    /// INT_STATUS: FIFO_OFLOW_INT (bit 4), DATA_RDY_INT (bit 0); cleared when read.
    static let interruptStatus: UInt8 = 0x3A
    /// ACCEL_XOUT_H: the 14 data bytes 0x3B…0x48 are acc x, y, z, temperature, gyr x, y, z, each big-endian.
    static let accXHigh: UInt8 = 0x3B
    /// USER_CTRL: FIFO_EN (bit 6), I2C_MST_EN (5), FIFO_RESET (2, self-clearing), SIG_COND_RESET (0).
    static let userControl: UInt8 = 0x6A
    /// PWR_MGMT_1: DEVICE_RESET (bit 7, self-clearing), SLEEP (6), CLKSEL (2:0; 1 → PLL with the x gyro).
    static let powerManagement1: UInt8 = 0x6B
    /// PWR_MGMT_2: per-axis standby bits (0 → all axes on).
    static let powerManagement2: UInt8 = 0x6C
    /// FIFO_COUNTH: the FIFO's byte count, big-endian with FIFO_COUNTL (0x73).
    static let fifoCountHigh: UInt8 = 0x72
    /// FIFO_R_W: reading it pops FIFO bytes (a burst read stays on this register).
    static let fifoData: UInt8 = 0x74
    /// WHO_AM_I.
    static let whoAmI: UInt8 = 0x75

    /// The data block's length from 0x3B: acc (6), temperature (2), gyr (6).
    static let dataLength = 14
}

/// Bits of the MPU registers.
enum MPUBit {
    /// PWR_MGMT_1: DEVICE_RESET.
    static let deviceReset: UInt8 = 0x80
    /// PWR_MGMT_1: SLEEP.
    static let sleep: UInt8 = 0x40
    /// PWR_MGMT_1: CLKSEL = 1, the PLL with the x gyroscope as reference (the recommended clock).
    static let clockPLL: UInt8 = 0x01
    /// INT_ENABLE / INT_STATUS: data ready.
    static let dataReady: UInt8 = 0x01
    /// INT_ENABLE / INT_STATUS: FIFO overflow.
    static let fifoOverflow: UInt8 = 0x10
    /// USER_CTRL: FIFO enable.
    static let fifoEnable: UInt8 = 0x40
    /// USER_CTRL: FIFO reset (self-clearing).
    static let fifoReset: UInt8 = 0x04
    /// FIFO_EN: gyro x, y, z and accelerometer: 12 bytes per sample (acc first, in register order).
    static let fifoGyrAndAcc: UInt8 = 0x78
}

/// Rates, filters and sensitivities of the MPU family, per the product specifications.
enum MPUTables {
    /// The internal sample rate with the digital low-pass filter on (DLPF_CFG 1…6), in Hz.
    static let internalRate = 1000.0

    /// Gyroscope −3 dB bandwidths for DLPF_CFG 1…6, in Hz (index 0 is DLPF_CFG 1).
    static func gyrBandwidths(_ chip: IMUChipKind) -> [Double] {
        chip == .mpu6050 ? [188, 98, 42, 20, 10, 5] : [184, 92, 41, 20, 10, 5]
    }

    /// Accelerometer −3 dB bandwidths for DLPF_CFG (MPU-6050) or A_DLPF_CFG (MPU-6500 family) 1…6, in Hz.
    static func accBandwidths(_ chip: IMUChipKind) -> [Double] {
        chip == .mpu6050 ? [184, 94, 44, 21, 10, 5] : [218.1, 99, 44.8, 21.2, 10.2, 5.05]
    }

    /// Gyroscope sensitivities for FS_SEL 0…3, in LSB/(°/s).
    static let gyrCountsPerDegreePerSecond: [Double] = [131, 65.5, 32.8, 16.4]

    /// Accelerometer sensitivities for AFS_SEL 0…3, in LSB/g.
    static let accCountsPerGravity: [Double] = [16384, 8192, 4096, 2048]

    /// FIFO size in bytes: 1024 on the MPU-6050, 512 on the MPU-6500 family.
    static func fifoBytes(_ chip: IMUChipKind) -> Int {
        chip == .mpu6050 ? 1024 : 512
    }

    /// The FS_SEL code for a gyroscope range (nil for ±125 °/s, which these chips lack).
    static func gyrCode(_ range: GyrRange) -> UInt8? {
        switch range {
        case .dps125: nil
        case .dps250: 0
        case .dps500: 1
        case .dps1000: 2
        case .dps2000: 3
        }
    }

    /// The AFS_SEL code for an accelerometer range.
    static func accCode(_ range: AccRange) -> UInt8 {
        switch range {
        case .g2: 0
        case .g4: 1
        case .g8: 2
        case .g16: 3
        }
    }
}

/// The ICM-20948 registers the driver and the simulated chip use (TDK DS-000189). Registers live in four
/// banks; REG_BANK_SEL (0x7F, in every bank) picks the bank the other addresses refer to.
enum ICM20948Register {
    /// REG_BANK_SEL: USER_BANK in bits 5:4.
    static let bankSelect: UInt8 = 0x7F

    /// Bank 0.
    enum Bank0 {
        /// WHO_AM_I (0xEA).
        static let whoAmI: UInt8 = 0x00
        /// USER_CTRL: DMP_EN (7), FIFO_EN (6), I2C_MST_EN (5), I2C_IF_DIS (4).
        static let userControl: UInt8 = 0x03
        /// PWR_MGMT_1: DEVICE_RESET (7, self-clearing), SLEEP (6), CLKSEL (2:0; 1 → best available).
        static let powerManagement1: UInt8 = 0x06
        /// PWR_MGMT_2: DISABLE_ACCEL (5:3), DISABLE_GYRO (2:0).
        static let powerManagement2: UInt8 = 0x07
        /// INT_PIN_CFG: INT1_ACTL (7), INT1_OPEN (6), INT1_LATCH_INT_EN (5), INT_ANYRD_2CLEAR (4).
        static let interruptPinConfig: UInt8 = 0x0F
        /// INT_ENABLE_1: RAW_DATA_0_RDY_EN (bit 0).
        static let interruptEnable1: UInt8 = 0x11
        /// INT_STATUS_1: RAW_DATA_0_RDY_INT (bit 0).
        static let interruptStatus1: UInt8 = 0x1A
        /// INT_STATUS_2: FIFO_OVERFLOW_INT (bits 4:0).
        static let interruptStatus2: UInt8 = 0x1B
        /// ACCEL_XOUT_H: 12 data bytes 0x2D…0x38 are acc x, y, z then gyr x, y, z, each big-endian.
        static let accXHigh: UInt8 = 0x2D
        /// FIFO_EN_2: ACCEL_FIFO_EN (4), GYRO_Z/Y/X_FIFO_EN (3/2/1), TEMP_FIFO_EN (0).
        static let fifoEnable2: UInt8 = 0x67
        /// FIFO_RST: assert (0x1F) then de-assert (0x00) to empty the FIFO.
        static let fifoReset: UInt8 = 0x68
        /// FIFO_MODE: 0 → stream (overwrite the oldest when full).
        static let fifoMode: UInt8 = 0x69
        /// FIFO_COUNTH: the byte count's bits 12:8 (FIFO_COUNTL follows).
        static let fifoCountHigh: UInt8 = 0x70
        /// FIFO_R_W.
        static let fifoData: UInt8 = 0x72
    }

    /// Bank 2.
    enum Bank2 {
        /// GYRO_SMPLRT_DIV: gyroscope rate = 1.125 kHz / (1 + divider).
        static let gyrSampleRateDivider: UInt8 = 0x00
        /// GYRO_CONFIG_1: GYRO_DLPFCFG (5:3), GYRO_FS_SEL (2:1), GYRO_FCHOICE (0; 1 → DLPF on).
        static let gyrConfig1: UInt8 = 0x01
        /// ODR_ALIGN_EN: 1 → the gyroscope's and accelerometer's sampling start together.
        static let rateAlignment: UInt8 = 0x09
        /// ACCEL_SMPLRT_DIV_1: the divider's bits 11:8.
        static let accSampleRateDivider1: UInt8 = 0x10
        /// ACCEL_SMPLRT_DIV_2: the divider's bits 7:0; accelerometer rate = 1.125 kHz / (1 + divider).
        static let accSampleRateDivider2: UInt8 = 0x11
        /// ACCEL_CONFIG: ACCEL_DLPFCFG (5:3), ACCEL_FS_SEL (2:1), ACCEL_FCHOICE (0).
        static let accConfig: UInt8 = 0x14
    }

    /// The data block's length from ACCEL_XOUT_H: acc (6) and gyr (6).
    static let dataLength = 12
}

/// Rates, filters and sensitivities of the ICM-20948, per its datasheet.
enum ICM20948Tables {
    /// The base rate the dividers divide, in Hz.
    static let baseRate = 1125.0
    /// Gyroscope −3 dB bandwidths for GYRO_DLPFCFG 0…6, in Hz.
    static let gyrBandwidths: [Double] = [196.6, 151.8, 119.5, 51.2, 23.9, 11.6, 5.7]
    /// Accelerometer −3 dB bandwidths for ACCEL_DLPFCFG 0…6, in Hz.
    static let accBandwidths: [Double] = [246.0, 246.0, 111.4, 50.4, 23.9, 11.5, 5.7]
    /// FIFO size, in bytes.
    static let fifoBytes = 512
}

/// The LSM6DS3 / LSM6DS3TR-C / LSM6DSOX registers the driver and the simulated chip use (from the ST
/// datasheets); these addresses and bits are common to the three.
enum LSM6DSRegister {
    /// DRDY_PULSE_CFG (LSM6DS3 family) / COUNTER_BDR_REG1 (LSM6DSOX): bit 7 → data-ready as 75 µs pulses.
    static let dataReadyPulseConfig: UInt8 = 0x0B
    /// INT1_CTRL: INT1_DRDY_G (bit 1), INT1_DRDY_XL (bit 0).
    static let int1Control: UInt8 = 0x0D
    /// WHO_AM_I.
    static let whoAmI: UInt8 = 0x0F
    /// CTRL1_XL: ODR_XL (7:4), FS_XL (3:2), LPF2_XL_EN (bit 1, LSM6DSOX).
    static let accControl1: UInt8 = 0x10
    /// CTRL2_G: ODR_G (7:4), FS_G (3:2), FS_125 (bit 1).
    static let gyrControl2: UInt8 = 0x11
    /// CTRL3_C: BOOT (7), BDU (6), IF_INC (2), SW_RESET (0, self-clearing).
    static let control3: UInt8 = 0x12
    /// CTRL8_XL (LSM6DSOX): HPCF_XL (7:5), the LPF2 cut-off when LPF2_XL_EN is set.
    static let accControl8: UInt8 = 0x17
    /// STATUS_REG: GDA (bit 1), XLDA (bit 0).
    static let status: UInt8 = 0x1E
    /// OUTX_L_G: 12 data bytes 0x22…0x2D are gyr x, y, z then acc x, y, z, each little-endian.
    static let gyrXLow: UInt8 = 0x22

    /// The data block's length from OUTX_L_G.
    static let dataLength = 12
}

/// Bits of the LSM6DS registers.
enum LSM6DSBit {
    /// CTRL3_C: software reset.
    static let softwareReset: UInt8 = 0x01
    /// CTRL3_C: block data update (the two bytes of an axis come from the same sample) and register address
    /// auto-increment (burst reads).
    static let blockUpdateAndIncrement: UInt8 = 0x44
    /// CTRL1_XL: LPF2_XL_EN (LSM6DSOX).
    static let accLowPass2: UInt8 = 0x02
    /// CTRL2_G: FS_125.
    static let gyrRange125: UInt8 = 0x02
    /// STATUS_REG: gyroscope data available.
    static let gyrDataReady: UInt8 = 0x02
    /// STATUS_REG: accelerometer data available.
    static let accDataReady: UInt8 = 0x01
    /// INT1_CTRL: gyroscope data ready on INT1.
    static let int1GyrDataReady: UInt8 = 0x02
    /// DRDY_PULSE_CFG / COUNTER_BDR_REG1: pulsed data-ready.
    static let dataReadyPulsed: UInt8 = 0x80
}

/// Rates, ranges and sensitivities of the LSM6DS family.
enum LSM6DSTables {
    /// Output data rates for ODR codes 1…10, in Hz.
    static let rates: [Double] = [12.5, 26, 52, 104, 208, 416, 833, 1666, 3332, 6664]

    /// LSM6DSOX accelerometer bandwidths as fractions of the ODR: LPF1 only (ODR/2), then LPF2 with HPCF_XL
    /// 0…7 (ODR/4, /10, /20, /45, /100, /200, /400, /800).
    static let accBandwidthDivisors: [Double] = [2, 4, 10, 20, 45, 100, 200, 400, 800]

    /// The FS_G bits (3:2) and FS_125 bit of CTRL2_G for a gyroscope range.
    static func gyrBits(_ range: GyrRange) -> UInt8 {
        switch range {
        case .dps125: LSM6DSBit.gyrRange125
        case .dps250: 0 << 2
        case .dps500: 1 << 2
        case .dps1000: 2 << 2
        case .dps2000: 3 << 2
        }
    }

    /// The gyroscope's sensitivity, in (°/s)/LSB (4.375 mdps/LSB at ±125 °/s, doubling per range).
    static func gyrDegreesPerSecondPerCount(_ range: GyrRange) -> Double {
        switch range {
        case .dps125: 0.004375
        case .dps250: 0.00875
        case .dps500: 0.0175
        case .dps1000: 0.035
        case .dps2000: 0.070
        }
    }

    /// The FS_XL bits (3:2) of CTRL1_XL: ±2 g → 00, ±16 g → 01, ±4 g → 10, ±8 g → 11.
    static func accBits(_ range: AccRange) -> UInt8 {
        switch range {
        case .g2: 0 << 2
        case .g16: 1 << 2
        case .g4: 2 << 2
        case .g8: 3 << 2
        }
    }

    /// The accelerometer's sensitivity, in g/LSB (0.061 mg/LSB at ±2 g, doubling per range).
    static func accGravitiesPerCount(_ range: AccRange) -> Double {
        switch range {
        case .g2: 0.000061
        case .g4: 0.000122
        case .g8: 0.000244
        case .g16: 0.000488
        }
    }
}

/// How the board is wired: the IMU(s) on I2C, the buzzer, LEDs and button on GPIO, and feedback preferences.
///
/// Plain values read from `hardware.yaml` (see `Hardware/stretchguard.example.yaml`); nothing here touches a
/// device. Units inside are Hz, seconds, °/s and g as each field says. `HardwareConfig.defaults` is the
/// wiring in `Hardware/README.md` (a Raspberry Pi's 40-pin header).
public struct HardwareConfig: Sendable, Equatable {
    /// The IMUs, in file order; exactly one has the role `thorax` (the upper-back sensor). A second one,
    /// `pelvis`, is for two-sensor mode.
    public var imus: [IMU]
    /// The GPIO chip and the lines of the buzzer, LEDs and button.
    public var gpio: GPIO
    /// How alerts are given.
    public var feedback: Feedback

    public init(imus: [IMU] = [IMU()], gpio: GPIO = GPIO(), feedback: Feedback = Feedback()) {
        self.imus = imus
        self.gpio = gpio
        self.feedback = feedback
    }

    /// The built-in wiring: one IMU on `/dev/i2c-1` (pins 3 and 5) found by probing, buzzer on GPIO18,
    /// LEDs on GPIO23/24/25, button on GPIO27 to ground.
    public static let defaults = HardwareConfig()

    /// The upper-back IMU (the one every session uses).
    public var thorax: IMU {
        imus.first { $0.role == .thorax } ?? imus[0]
    }

    /// The pelvis IMU, when two-sensor mode is configured.
    public var pelvis: IMU? {
        imus.first { $0.role == .pelvis }
    }
}

extension HardwareConfig {
    /// One IMU breakout on an I2C bus.
    public struct IMU: Sendable, Equatable {
        /// Where on the body the sensor sits.
        public enum Role: String, Sendable, CaseIterable {
            /// Upper back, between the shoulder blades (the default, and the only one used until two-sensor mode).
            case thorax
            /// Lower back, over the sacrum (two-sensor mode, later).
            case pelvis
        }

        /// The IMU chips StretchGuard has drivers for.
        public enum Chip: String, Sendable, CaseIterable {
            case mpu6050, mpu6500, mpu9250, mpu9255, icm20948, lsm6ds3, lsm6ds3trc, lsm6dsox

            /// The 7-bit I2C addresses this chip can answer at (set by its AD0/SDO pin).
            public var addresses: [UInt8] {
                switch self {
                case .mpu6050, .mpu6500, .mpu9250, .mpu9255, .icm20948: [0x68, 0x69]
                case .lsm6ds3, .lsm6ds3trc, .lsm6dsox: [0x6A, 0x6B]
                }
            }
        }

        /// Every address any supported chip answers at, in probing order.
        public static let supportedAddresses: [UInt8] = [0x68, 0x69, 0x6A, 0x6B]
        /// The full-scale gyro ranges every supported chip offers, in °/s.
        public static let gyroRanges: [Int] = [250, 500, 1000, 2000]
        /// The full-scale accelerometer ranges every supported chip offers, in g.
        public static let accelRanges: [Int] = [2, 4, 8, 16]
        /// The allowed output data rates, in Hz.
        public static let rateLimits: ClosedRange<Double> = 50...1000
        /// The allowed digital low-pass cut-offs, in Hz (also at most half of the rate).
        public static let lowpassLimits: ClosedRange<Double> = 5...500

        /// Where the sensor sits; default `thorax`.
        public var role: Role
        /// The I2C bus; default `/dev/i2c-1` (the Pi header's pins 3 and 5).
        public var bus: I2CBus
        /// The 7-bit I2C address, or `nil` to probe `supportedAddresses` (default).
        public var address: UInt8?
        /// The chip, or `nil` to identify it by its WHO_AM_I register (default).
        public var chip: Chip?
        /// Output data rate in Hz (50…1000, default 200); the driver picks the chip's nearest rate.
        public var rate: Double
        /// Gyro full scale in °/s (250, 500, 1000 or 2000; default 500).
        public var gyroRange: Int
        /// Accelerometer full scale in g (2, 4, 8 or 16; default 4).
        public var accelRange: Int
        /// The chip's digital low-pass cut-off in Hz (default 42; the driver picks the nearest supported), or
        /// `nil` (`auto`) for the widest the chip offers at or below 0.45 × the rate.
        public var lowpass: Double?
        /// The GPIO line wired to the IMU's INT pin (data ready), or `nil` to drain the FIFO or poll.
        /// Default `GPIO17` (pin 11); in a file, a second IMU's default is `nil`.
        public var dataReadyLine: Line?

        public init(role: Role = .thorax, bus: I2CBus = I2CBus(number: 1), address: UInt8? = nil, chip: Chip? = nil,
                    rate: Double = 200, gyroRange: Int = 500, accelRange: Int = 4, lowpass: Double? = 42,
                    dataReadyLine: Line? = .name("GPIO17")) {
            self.role = role
            self.bus = bus
            self.address = address
            self.chip = chip
            self.rate = rate
            self.gyroRange = gyroRange
            self.accelRange = accelRange
            self.lowpass = lowpass
            self.dataReadyLine = dataReadyLine
        }

        /// The addresses to try, in order: the configured one, else those of the chip, else all supported.
        public var candidateAddresses: [UInt8] {
            if let address { return [address] }
            return chip?.addresses ?? Self.supportedAddresses
        }
    }

    /// An I2C bus device, e.g. `/dev/i2c-1`.
    public struct I2CBus: Sendable, Hashable, CustomStringConvertible {
        /// The character device's path.
        public var path: String

        public init(path: String) { self.path = path }

        /// The bus `/dev/i2c-N`.
        public init(number: Int) { self.path = "/dev/i2c-\(number)" }

        /// N for a path `/dev/i2c-N`, else `nil`.
        public var number: Int? {
            let prefix = "/dev/i2c-"
            guard path.hasPrefix(prefix) else { return nil }
            return Int(path.dropFirst(prefix.count))
        }

        public var description: String { path }
    }

    /// How alerts are given.
    public struct Feedback: Sendable, Equatable {
        /// Whether the buzzer sounds (`false` mutes it; the LEDs still show every alert). Default `true`.
        public var buzzer: Bool
        /// The same alert is not sounded again within this time, in seconds (0…60, default 3).
        public var repeatInterval: Double

        /// The allowed repeat intervals, in seconds.
        public static let repeatIntervalLimits: ClosedRange<Double> = 0...60

        public init(buzzer: Bool = true, repeatInterval: Double = 3.0) {
            self.buzzer = buzzer
            self.repeatInterval = repeatInterval
        }
    }
}



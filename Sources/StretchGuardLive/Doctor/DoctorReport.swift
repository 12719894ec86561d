/// What `stretchguard doctor` found: every check's result, and the problems with their fixes.
///
/// Encoded as the `--json` output (snake_case keys, sorted); the text form is `DoctorReportText`.
public struct DoctorReport: Encodable {
    public init() {}

    /// Where the hardware config came from (a file, or the built-in Raspberry Pi wiring).
    public var config = ""
    public var i2c = I2CSection()
    /// The configured IMU (the thorax's), read for real; nil when it could not be reached or the I2C checks
    /// were skipped.
    public var imu: IMUSection?
    /// The pelvis IMU with two sensors configured, read for real; nil otherwise.
    public var pelvis: IMUSection?
    /// One line per configured sensor, thorax first: which is which and whether it works.
    public var sensors: [SensorStatus] = []
    public var gpio = GPIOSection()
    /// Everything that stops the setup from working, each with its fix.
    public var problems: [Finding] = []
    /// Things that work but deserve a look.
    public var warnings: [Finding] = []
    /// Whether the setup can work: no problems (set by `problem(_:_:fix:)`).
    public private(set) var ok = true

    public struct Finding: Encodable, Equatable {
        /// Which part: "config", "i2c", "imu", "gpio", "permissions".
        public var part: String
        public var problem: String
        public var fix: String
    }

    public struct I2CSection: Encodable {
        /// Whether the I2C checks ran (`doctor --outputs` skips them).
        public var checked = false
        public var buses: [Bus] = []
    }

    public struct Bus: Encodable {
        public var number: Int
        public var path: String
        /// The adapter's name from sysfs, e.g. "bcm2835 (i2c@7e804000)".
        public var name: String?
        public var accessible: Bool
        public var imus: [Responder] = []
        /// Chips at IMU addresses with an identity no driver knows.
        public var unknown: [Responder] = []
    }

    public struct Responder: Encodable {
        public var address: String
        /// The driver's chip name ("mpu6050"), or nil for an unknown responder.
        public var chip: String?
        /// The identity byte, hex.
        public var whoAmI: String
    }

    /// A configured sensor's verdict.
    public struct SensorStatus: Encodable, Equatable {
        /// "thorax" or "pelvis".
        public var role: String
        /// "thorax (upper back)", "pelvis (belt)".
        public var name: String
        /// The chip found: "MPU-6050 at 0x68 on /dev/i2c-1"; nil when none answered.
        public var device: String?
        public var ok: Bool
        /// "ok", the problems found, or "no answer at 0x69 on /dev/i2c-1 — is AD0 tied high (to 3.3 V)?"
        public var summary: String

        public init(role: String, name: String, device: String?, ok: Bool, summary: String) {
            self.role = role
            self.name = name
            self.device = device
            self.ok = ok
            self.summary = summary
        }
    }

    public struct IMUSection: Encodable {
        /// "thorax" or "pelvis".
        public var role: String
        public var bus: String
        public var address: String
        public var chip: String
        /// The rate the chip was set to, in Hz.
        public var rateHz: Double
        /// How many samples were read.
        public var samplesRead: Int
        /// The last sample read: angular rate in rad/s, specific force in m/s².
        public var sample: Sample
        /// Mean |specific force| over the samples, in m/s² (≈ 9.81 at rest).
        public var meanAccNorm: Double
        /// Mean |angular rate| over the samples, in rad/s (≈ 0 at rest).
        public var meanGyrNorm: Double
        /// Health flags seen in any sample ("stuck", "gyro saturated", "accelerometer saturated").
        public var health: [String]
    }

    public struct Sample: Encodable {
        public var gyr: [Double]
        public var acc: [Double]
    }

    public struct GPIOSection: Encodable {
        public var checked = false
        public var chip: Chip?
        public var lines: [Line] = []
    }

    public struct Chip: Encodable {
        public var name: String
        public var label: String
        public var path: String
        public var lineCount: Int
    }

    public struct Line: Encodable {
        /// What it is for: "buzzer", "led green", "button", "imu data-ready".
        public var role: String
        /// As configured: a name or an offset.
        public var line: String
        public var offset: Int?
        /// The consumer holding it now, if another program does.
        public var usedBy: String?
    }

    public mutating func problem(_ part: String, _ problem: String, fix: String) {
        let finding = Finding(part: part, problem: problem, fix: fix)
        if !problems.contains(finding) { problems.append(finding) }
        ok = false
    }

    public mutating func warning(_ part: String, _ problem: String, fix: String) {
        warnings.append(Finding(part: part, problem: problem, fix: fix))
    }
}

/// What `stretchguard doctor` found: every check's result, and the problems with their fixes.
///
/// Encoded as the `--json` output (snake_case keys, sorted); the text form is `DoctorReportText`.
struct DoctorReport: Encodable {
    /// Where the hardware config came from (a file, or the built-in Raspberry Pi wiring).
    var config = ""
    var i2c = I2CSection()
    /// The configured IMU, read for real; nil when it could not be reached or the I2C checks were skipped.
    var imu: IMUSection?
    var gpio = GPIOSection()
    /// Everything that stops the setup from working, each with its fix.
    var problems: [Finding] = []
    /// Things that work but deserve a look.
    var warnings: [Finding] = []
    /// Whether the setup can work: no problems (set by `problem(_:_:fix:)`).
    private(set) var ok = true

    struct Finding: Encodable, Equatable {
        /// Which part: "config", "i2c", "imu", "gpio", "permissions".
        var part: String
        var problem: String
        var fix: String
    }

    struct I2CSection: Encodable {
        /// Whether the I2C checks ran (`doctor --outputs` skips them).
        var checked = false
        var buses: [Bus] = []
    }

    struct Bus: Encodable {
        var number: Int
        var path: String
        /// The adapter's name from sysfs, e.g. "bcm2835 (i2c@7e804000)".
        var name: String?
        var accessible: Bool
        var imus: [Responder] = []
        /// Chips at IMU addresses with an identity no driver knows.
        var unknown: [Responder] = []
    }

    struct Responder: Encodable {
        var address: String
        /// The driver's chip name ("mpu6050"), or nil for an unknown responder.
        var chip: String?
        /// The identity byte, hex.
        var whoAmI: String
    }

    struct IMUSection: Encodable {
        var bus: String
        var address: String
        var chip: String
        /// The rate the chip was set to, in Hz.
        var rateHz: Double
        /// How many samples were read.
        var samplesRead: Int
        /// The last sample read: angular rate in rad/s, specific force in m/s².
        var sample: Sample
        /// Mean |specific force| over the samples, in m/s² (≈ 9.81 at rest).
        var meanAccNorm: Double
        /// Mean |angular rate| over the samples, in rad/s (≈ 0 at rest).
        var meanGyrNorm: Double
        /// Health flags seen in any sample ("stuck", "gyro saturated", "accelerometer saturated").
        var health: [String]
    }

    struct Sample: Encodable {
        var gyr: [Double]
        var acc: [Double]
    }

    struct GPIOSection: Encodable {
        var checked = false
        var chip: Chip?
        var lines: [Line] = []
    }

    struct Chip: Encodable {
        var name: String
        var label: String
        var path: String
        var lineCount: Int
    }

    struct Line: Encodable {
        /// What it is for: "buzzer", "led green", "button", "imu data-ready".
        var role: String
        /// As configured: a name or an offset.
        var line: String
        var offset: Int?
        /// The consumer holding it now, if another program does.
        var usedBy: String?
    }

    mutating func problem(_ part: String, _ problem: String, fix: String) {
        let finding = Finding(part: part, problem: problem, fix: fix)
        if !problems.contains(finding) { problems.append(finding) }
        ok = false
    }

    mutating func warning(_ part: String, _ problem: String, fix: String) {
        warnings.append(Finding(part: part, problem: problem, fix: fix))
    }
}

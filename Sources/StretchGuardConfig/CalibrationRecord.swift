import Foundation
import StretchGuardCore

/// A wearer's calibrated posture baseline for one sensor, as written by `stretchguard calibrate` (one JSON
/// file per calibration in the user's data folder) and stored with every recorded session (so review and
/// replay use exactly the baseline the live session used).
///
/// Versioned: `format` names the kind of file and `version` its layout; a newer version is refused with
/// the fix (upgrade), never guessed at.
public struct CalibrationRecord: Codable, Sendable, Equatable {
    /// The file kind marker.
    public static let formatName = "stretchguard-calibration"
    /// The layout this build writes and reads.
    public static let currentVersion = 1

    /// Always `formatName`.
    public var format: String
    /// The layout version.
    public var version: Int
    /// A name the wearer chose ("morning", "physio-2026-11"), or "default".
    public var name: String
    /// When it was taken.
    public var created: Date
    /// Which sensor it belongs to.
    public var sensor: SensorIdentity
    /// How the baseline was taken: "calibrate" (upright, then a forward bend) or "session-start" (the first
    /// seconds of a session, upright and still).
    public var method: String
    /// The baseline: gyro bias (rad/s), gravity (m/s², sensor frame), mounting (sensor → body).
    public var baseline: Baseline

    public init(name: String, created: Date, sensor: SensorIdentity, method: String, baseline: Baseline) {
        format = Self.formatName
        version = Self.currentVersion
        self.name = name
        self.created = created
        self.sensor = sensor
        self.method = method
        self.baseline = baseline
    }

    /// The sensor (or the two sensors) a calibration belongs to: a mounting and bias only mean something for
    /// that one chip. The fields at the top name the thorax (the only sensor with one); `pelvis` names the
    /// second one in two-sensor mode (absent in the file with one sensor, so older files read unchanged).
    public struct SensorIdentity: Codable, Sendable, Hashable, CustomStringConvertible {
        /// The driver's chip name ("mpu6050"), or "simulated".
        public var chip: String
        /// The I2C bus path ("/dev/i2c-1"), or "sim".
        public var bus: String
        /// The 7-bit address, e.g. "0x68" (empty for the simulated sensor).
        public var address: String
        /// The pelvis sensor, in two-sensor mode; nil with one sensor.
        public var pelvis: Device?

        public init(chip: String, bus: String, address: String, pelvis: Device? = nil) {
            self.chip = chip
            self.bus = bus
            self.address = address
            self.pelvis = pelvis
        }

        /// The thorax (upper-back) sensor alone, and the pelvis sensor alone, as devices.
        public var thorax: Device { Device(chip: chip, bus: bus, address: address) }

        /// The same identity with `pelvis` as its pelvis sensor.
        public func with(pelvis: Device?) -> SensorIdentity {
            var copy = self
            copy.pelvis = pelvis
            return copy
        }

        /// How many sensors it names: 1 or 2.
        public var sensorCount: Int { pelvis == nil ? 1 : 2 }

        /// The simulated sensor (`--sensor sim`).
        public static let simulated = SensorIdentity(chip: "simulated", bus: "sim", address: "")

        /// The simulated pair: the simulated thorax sensor and a simulated pelvis sensor at 0x69.
        public static let simulatedPair = simulated.with(pelvis: Device(chip: "simulated", bus: "sim", address: "0x69"))

        /// "mpu6050 at 0x68 on /dev/i2c-1", "the simulated sensor", or with two sensors "thorax mpu6050 at
        /// 0x68 on /dev/i2c-1 and pelvis mpu6050 at 0x69 on /dev/i2c-1".
        public var description: String {
            guard let pelvis else { return thorax.description }
            if self == .simulatedPair { return "the simulated thorax and pelvis sensors" }
            return "thorax \(thorax) and pelvis \(pelvis)"
        }

        /// A file-name-safe key: "mpu6050-i2c-1-0x68", "simulated", with two sensors
        /// "mpu6050-i2c-1-0x68+pelvis-mpu6050-i2c-1-0x69".
        public var key: String {
            thorax.key + (pelvis.map { "+pelvis-" + $0.key } ?? "")
        }

        /// One chip at one address on one bus.
        public struct Device: Codable, Sendable, Hashable, CustomStringConvertible {
            /// The driver's chip name ("mpu6050"), or "simulated".
            public var chip: String
            /// The I2C bus path ("/dev/i2c-1"), or "sim".
            public var bus: String
            /// The 7-bit address, e.g. "0x69" (empty for the simulated thorax sensor).
            public var address: String

            public init(chip: String, bus: String, address: String) {
                self.chip = chip
                self.bus = bus
                self.address = address
            }

            /// "mpu6050 at 0x68 on /dev/i2c-1", "the simulated sensor".
            public var description: String {
                if chip == "simulated" { return address.isEmpty ? "the simulated sensor" : "the simulated sensor at \(address)" }
                return "\(chip) at \(address) on \(bus)"
            }

            /// "mpu6050-i2c-1-0x68", "simulated".
            var key: String {
                if chip == "simulated" { return address.isEmpty ? "simulated" : "simulated-\(address)" }
                let busName = bus.split(separator: "/").last.map(String.init) ?? bus
                return "\(chip)-\(busName)-\(address)"
            }
        }
    }

    /// The record as pretty, stable JSON (sorted keys, ISO 8601 dates).
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }

    /// Reads a record, checking its kind and version, and that it belongs to `sensor` when one is given.
    ///
    /// - Parameters:
    ///   - data: the JSON.
    ///   - path: the file (or "session 12"), for messages.
    ///   - sensor: the sensor in use; a record for another one is refused.
    public static func decode(_ data: Data, path: String, for sensor: SensorIdentity? = nil) throws(ConfigError) -> CalibrationRecord {
        struct Header: Decodable { var format: String?; var version: Int? }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let header = try? decoder.decode(Header.self, from: data), header.format == formatName else {
            throw ConfigError(path: path, problem: "is not a StretchGuard calibration file",
                              fix: "run `stretchguard calibrate` to make one, or pass the right file")
        }
        let version = header.version ?? 0
        guard version <= currentVersion else {
            throw ConfigError(path: path, field: "version",
                              problem: "was written by a newer StretchGuard (version \(version) > \(currentVersion))",
                              fix: "upgrade stretchguard, or run `stretchguard calibrate` again with this one")
        }
        let record: CalibrationRecord
        do {
            record = try decoder.decode(CalibrationRecord.self, from: data)
        } catch {
            let damage = Damage(error)
            throw ConfigError(path: path, field: damage.field, problem: "is damaged (\(damage.problem))",
                              fix: "run `stretchguard calibrate` again; it writes a new file")
        }
        try record.checkRanges(path: path)
        if let sensor, record.sensor != sensor {
            throw mismatch(record.sensor, sensor, path: path)
        }
        return record
    }

    /// Why a calibration for `calibrated` is refused for `used`, with the fix.
    static func mismatch(_ calibrated: SensorIdentity, _ used: SensorIdentity, path: String) -> ConfigError {
        let problem: String
        switch (calibrated.sensorCount, used.sensorCount) {
        case (1, 2):
            problem = "is for one sensor (\(calibrated)), but two are in use (\(used)): the pelvis sensor has no calibration in it"
        case (2, 1):
            problem = "is for two sensors (\(calibrated)), but only one is in use (\(used))"
        default:
            problem = "belongs to \(calibrated), but this session uses \(used)"
        }
        return ConfigError(path: path, field: "sensor", problem: problem,
                           fix: "run `stretchguard calibrate` again with the sensors in use"
                               + (used.sensorCount == 2 ? " (it calibrates both)" : "")
                               + ", or pick their calibration with --calibration")
    }

    /// Checks every number against what a still, calibrated sensor can hold (``IMUSampleLimits``): a
    /// hand-edited or damaged file is refused here, with the field and the allowed range, instead of
    /// turning into absurd angles (or a trap) later.
    func checkRanges(path: String) throws(ConfigError) {
        let fix = "run `stretchguard calibrate` again; it writes a new file"
        for (field, text) in [("name", name), ("method", method), ("sensor.chip", sensor.chip), ("sensor.bus", sensor.bus),
                              ("sensor.address", sensor.address)] where QuotedText.hasControlCharacters(text) {
            throw ConfigError(path: path, field: field, problem: "\(QuotedText.quoted(text)) holds control characters", fix: fix)
        }
        if let pelvis = sensor.pelvis {
            for (field, text) in [("sensor.pelvis.chip", pelvis.chip), ("sensor.pelvis.bus", pelvis.bus),
                                  ("sensor.pelvis.address", pelvis.address)] where QuotedText.hasControlCharacters(text) {
                throw ConfigError(path: path, field: field, problem: "\(QuotedText.quoted(text)) holds control characters", fix: fix)
            }
        }
        switch (sensor.pelvis, baseline.pelvis) {
        case (.some, .none):
            throw ConfigError(path: path, field: "baseline.pelvis", problem: "is missing, but the record names a pelvis sensor", fix: fix)
        case (.none, .some):
            throw ConfigError(path: path, field: "sensor.pelvis", problem: "is missing, but the baseline has a pelvis part", fix: fix)
        default:
            break
        }
        try Self.checkRanges(baseline, field: "baseline.", path: path)
        if let pelvis = baseline.pelvis { try Self.checkRanges(pelvis, field: "baseline.pelvis.", path: path) }
    }

    /// Checks one sensor's baseline; `field` prefixes the field names ("baseline.", "baseline.pelvis.").
    private static func checkRanges(_ b: Baseline, field prefix: String, path: String) throws(ConfigError) {
        let fix = "run `stretchguard calibrate` again; it writes a new file"
        func refuse(_ field: String, _ problem: String) -> ConfigError {
            ConfigError(path: path, field: prefix + field, problem: problem, fix: fix)
        }
        let biasLimit = IMUSampleLimits.gyroBias
        guard b.gyrBias.isFinite, b.gyrBias.length <= biasLimit else {
            throw refuse("gyrBias", "is \(number(b.gyrBias.length / degree)) °/s; a gyro bias is at most \(number(biasLimit / degree)) °/s")
        }
        guard b.gyrBiasSigma.isFinite, (0...biasLimit).contains(b.gyrBiasSigma) else {
            throw refuse("gyrBiasSigma", "is \(number(b.gyrBiasSigma / degree)) °/s; 0 to \(number(biasLimit / degree)) °/s is allowed")
        }
        let gravity = IMUSampleLimits.gravity
        guard b.gravity.isFinite, gravity.contains(b.gravity.length) else {
            throw refuse("gravity", "measures \(number(b.gravity.length)) m/s²; a still sensor measures \(number(gravity.lowerBound))–\(number(gravity.upperBound)) m/s²")
        }
        let q = b.mounting.sensorToBody
        let norm = (q.w * q.w + q.x * q.x + q.y * q.y + q.z * q.z).squareRoot()
        guard norm.isFinite, abs(norm - 1) <= 1e-3 else {
            throw refuse("mounting", "is not a rotation (its quaternion's length is \(number(norm)), not 1)")
        }
        guard b.duration.isFinite, (0...3600).contains(b.duration) else {
            throw refuse("duration", "is \(number(b.duration)) s; 0 to 3600 s is allowed")
        }
        guard b.sampleCount >= 0 else {
            throw refuse("sampleCount", "is \(b.sampleCount); it cannot be negative")
        }
    }

    private static func number(_ x: Double) -> String {
        FixedDecimal.short(x, decimals: 3)
    }
}

/// What a decoding error says, in words: the field at fault and what is wrong with it (never Swift's own
/// description of the error, its types and coding keys).
private struct Damage {
    var field: String?
    var problem: String

    init(_ error: Error) {
        guard let error = error as? DecodingError else {
            field = nil
            problem = "unreadable JSON"
            return
        }
        let context: DecodingError.Context
        switch error {
        case let .keyNotFound(key, found):
            context = found
            field = Self.name(found.codingPath + [key])
            problem = "it is missing"
            return
        case let .typeMismatch(type, found):
            context = found
            problem = "it is not \(Self.kind(type))"
        case let .valueNotFound(type, found):
            context = found
            problem = "it is null, not \(Self.kind(type))"
        case let .dataCorrupted(found):
            context = found
            // Foundation does not always say where (a date's path is empty): the JSON itself is valid here.
            problem = found.codingPath.isEmpty ? "a date that is not ISO 8601, or a number that does not fit its field"
                : "its value is not valid"
        @unknown default:
            field = nil
            problem = "unreadable JSON"
            return
        }
        field = context.codingPath.isEmpty ? nil : Self.name(context.codingPath)
    }

    /// `baseline.gravity[2]`.
    private static func name(_ path: [CodingKey]) -> String {
        path.reduce("") { name, key in
            if let index = key.intValue { return name + "[\(index)]" }
            return name.isEmpty ? key.stringValue : name + "." + key.stringValue
        }
    }

    private static func kind(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Float.Type, is Int.Type: return "a number"
        case is String.Type: return "text"
        case is Bool.Type: return "true or false"
        case is Date.Type: return "an ISO 8601 date"
        case is [String: Any].Type: return "an object"
        case is [Any].Type: return "a list"
        default: return "the right kind of value"
        }
    }
}

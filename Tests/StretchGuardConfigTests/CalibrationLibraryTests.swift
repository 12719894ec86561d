import Foundation
import StretchGuardCore
import Testing
@testable import StretchGuardConfig

/// The calibration files: where they live (XDG), how they are named and written, which one is the latest,
/// and the errors for damaged, newer and mismatched files.
@Suite struct CalibrationLibraryTests {
    private let mpu = CalibrationRecord.SensorIdentity(chip: "mpu6050", bus: "/dev/i2c-1", address: "0x68")

    private func scratch() throws -> String {
        let folder = NSTemporaryDirectory() + "sg-calibration-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A record taken `seconds` after 2026-11-21T10:22:05Z.
    private func record(_ name: String = "default", sensor: CalibrationRecord.SensorIdentity = .simulated,
                        at seconds: Double = 0) -> CalibrationRecord {
        let baseline = Baseline(gyrBias: Vector3D(0.01, -0.02, 0.003), gyrBiasSigma: 0.0002,
                                gravity: Vector3D(0.1, 0.2, 9.8),
                                mounting: BodyMounting(sensorToBody: QuaternionD(axis: .unitZ, angle: 0.5)),
                                duration: 3, sampleCount: 300)
        return CalibrationRecord(name: name, created: Date(timeIntervalSince1970: 1_795_256_525 + seconds),
                                 sensor: sensor, method: "calibrate", baseline: baseline)
    }

    // MARK: - Ranges

    /// The error reading `record` back after `edit` changed its baseline (nil when it reads).
    private func decodeError(_ edit: (inout Baseline) -> Void) throws -> ConfigError? {
        var changed = record()
        edit(&changed.baseline)
        let data = try changed.encoded()
        do {
            _ = try CalibrationRecord.decode(data, path: "cal.json")
            return nil
        } catch {
            return error
        }
    }

    @Test func numbersNoStillSensorGivesAreRefusedWithTheFieldAndTheRange() throws {
        #expect(try decodeError { _ in } == nil)
        let bias = try #require(try decodeError { $0.gyrBias = Vector3D(1, 0, 0) })
        #expect(bias.field == "baseline.gyrBias" && bias.problem.contains("57.296 °/s") && bias.problem.contains("at most 20 °/s"))
        let zeroGravity = try #require(try decodeError { $0.gravity = Vector3D(0, 0, 0) })
        #expect(zeroGravity.field == "baseline.gravity" && zeroGravity.problem.contains("measures 0 m/s²"))
        let huge = try #require(try decodeError { $0.mounting = BodyMounting(sensorToBody: QuaternionD(w: 1e200, x: 0, y: 0, z: 0)) })
        #expect(huge.field == "baseline.mounting" && huge.problem.contains("not a rotation"))
        let zero = try #require(try decodeError { $0.mounting = BodyMounting(sensorToBody: QuaternionD(w: 0, x: 0, y: 0, z: 0)) })
        #expect(zero.field == "baseline.mounting")
        let sigma = try #require(try decodeError { $0.gyrBiasSigma = -1 })
        #expect(sigma.field == "baseline.gyrBiasSigma")
    }

    @Test func aNameWithAnEscapeSequenceIsRefusedNotPrinted() throws {
        var changed = record()
        changed.name = "morning\u{1B}[2J"
        let data = try changed.encoded()
        let e = #expect(throws: ConfigError.self) { try CalibrationRecord.decode(data, path: "cal.json") }
        #expect(e?.field == "name" && e?.problem.contains("control characters") == true)
        #expect(e?.description.contains("\u{1B}") == false)
    }

    @Test func aWronglyTypedFieldIsNamedInOneShortSentence() throws {
        let text = String(decoding: try record().encoded(), as: UTF8.self)
            .replacingOccurrences(of: "\"sampleCount\" : 300", with: "\"sampleCount\" : \"many\"")
        #expect(text.contains("\"many\""))
        let e = #expect(throws: ConfigError.self) { try CalibrationRecord.decode(Data(text.utf8), path: "cal.json") }
        #expect(e?.field == "baseline.sampleCount")
        #expect(e?.problem == "is damaged (it is not a number)")
        #expect((e?.description.count ?? 1000) < 200 && e?.description.contains("DecodingError") == false)
    }

    // MARK: - Where

    @Test func theFolderFollowsXDGDataHomeAndIgnoresARelativeOne() {
        #expect(CalibrationLibrary(environment: ["XDG_DATA_HOME": "/data/", "HOME": "/home/ann"]).directory
                == "/data/stretchguard/calibrations")
        #expect(CalibrationLibrary(environment: ["XDG_DATA_HOME": "data", "HOME": "/home/ann"]).directory
                == "/home/ann/.local/share/stretchguard/calibrations")
        #expect(CalibrationLibrary(environment: ["XDG_DATA_HOME": "", "HOME": "/home/ann/"]).directory
                == "/home/ann/.local/share/stretchguard/calibrations")
        #expect(CalibrationLibrary(environment: [:]).directory.isEmpty)
    }

    @Test func withNoDataFolderSavingSaysWhatToSet() {
        let library = CalibrationLibrary(environment: [:])
        #expect(throws: ConfigError.self) { try library.save(record()) }
        do {
            _ = try library.latest(for: .simulated)
            Issue.record("expected an error")
        } catch {
            #expect(error.problem.contains("XDG_DATA_HOME") && error.fix.contains("XDG_DATA_HOME"))
        }
        #expect(library.all().isEmpty)
    }

    // MARK: - Saving

    @Test func savingWritesOneFilePerCalibrationNamedBySensorAndUTCTime() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let library = CalibrationLibrary(directory: folder + "/")
        let first = try library.save(record())
        #expect(first == folder + "/simulated/2026-11-21T10-22-05Z.json")
        let sameSecond = try library.save(record("again", at: 0.4))
        #expect(sameSecond == folder + "/simulated/2026-11-21T10-22-05Z-2.json")
        let real = try library.save(record(sensor: mpu, at: 3600))
        #expect(real == folder + "/mpu6050-i2c-1-0x68/2026-11-21T11-22-05Z.json")
        // Atomic writes leave no temporary files behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/simulated").sorted()
                == ["2026-11-21T10-22-05Z-2.json", "2026-11-21T10-22-05Z.json"])
        let back = try CalibrationLibrary.read(first, for: .simulated)
        #expect(back.version == CalibrationRecord.currentVersion && back.format == CalibrationRecord.formatName)
        #expect(back.baseline == record().baseline && back.created == record().created)
    }

    @Test func savingIntoAnUnwritablePlaceNamesIt() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A file where the sensor's folder should be.
        try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/simulated"))
        do {
            _ = try CalibrationLibrary(directory: folder).save(record())
            Issue.record("expected an error")
        } catch {
            #expect(error.path == folder + "/simulated" && error.problem.contains("cannot be created"))
        }
    }

    // MARK: - The latest

    @Test func theLatestIsTheNewestByCreationTimeForThatSensorOnly() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let library = CalibrationLibrary(directory: folder)
        #expect(try library.latest(for: .simulated) == nil)
        _ = try library.save(record("old", at: 0))
        let newest = try library.save(record("new", at: 120))
        _ = try library.save(record("other sensor", sensor: mpu, at: 500))
        // A file whose name sorts last but whose record is older does not win: `created` decides.
        let renamed = folder + "/simulated/2026-12-31T00-00-00Z.json"
        try FileManager.default.copyItem(atPath: folder + "/simulated/2026-11-21T10-22-05Z.json", toPath: renamed)
        try FileManager.default.removeItem(atPath: folder + "/simulated/2026-11-21T10-22-05Z.json")
        let latest = try #require(try library.latest(for: .simulated))
        #expect(latest.record.name == "new" && latest.path == newest)
        #expect(try library.latest(for: mpu)?.record.name == "other sensor")
        #expect(try library.latest(for: .init(chip: "mpu6050", bus: "/dev/i2c-1", address: "0x69")) == nil)
    }

    @Test func aDamagedNewestFileIsAnErrorNamingItNotSkipped() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let library = CalibrationLibrary(directory: folder)
        _ = try library.save(record("good", at: 0))
        let damaged = folder + "/simulated/2026-11-21T10-30-00Z.json"
        try Data(#"{"format": "stretchguard-calibration", "version": 1, "name": "cut off"#.utf8)
            .write(to: URL(fileURLWithPath: damaged))
        do {
            _ = try library.latest(for: .simulated)
            Issue.record("expected an error")
        } catch {
            #expect(error.path == damaged)
            #expect(error.description.contains("stretchguard calibrate"))
        }
        // A damaged file older than a good one is passed over (and listed by all()).
        _ = try library.save(record("newer", at: 3600))
        #expect(try library.latest(for: .simulated)?.record.name == "newer")
        let entries = library.all()
        #expect(entries.count == 3)
        #expect(entries.first.flatMap { try? $0.record.get().name } == "newer")
        #expect(entries.contains { $0.path == damaged && (try? $0.record.get()) == nil })
    }

    @Test func aNewerVersionIsRefusedWithTheUpgradeFix() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let library = CalibrationLibrary(directory: folder)
        let path = try library.save(record())
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        object["version"] = CalibrationRecord.currentVersion + 1
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
        do {
            _ = try library.latest(for: .simulated)
            Issue.record("expected an error")
        } catch {
            #expect(error.field == "version" && error.fix.contains("upgrade"))
        }
    }

    @Test func aFileForAnotherSensorSaysWhoseItIs() throws {
        let data = try record(sensor: mpu).encoded()
        do {
            _ = try CalibrationRecord.decode(data, path: "mine.json", for: .simulated)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("belongs to mpu6050 at 0x68 on /dev/i2c-1, but this session uses the simulated sensor"))
            #expect(error.field == "sensor")
        }
        // The same file copied into the simulated sensor's folder is not taken for it either.
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/simulated", withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: folder + "/simulated/2026-11-21T10-22-05Z.json"))
        #expect(throws: ConfigError.self) { try CalibrationLibrary(directory: folder).latest(for: .simulated) }
    }

    static let malformed = "is damaged (a date that is not ISO 8601, or a number that does not fit its field)"

    /// A damaged record names the field and what is wrong in words, never Swift's description of the error.
    /// `json` replaces the field's value (nil: the field is left out).
    @Test(arguments: [
        ("name", nil, "name", "is damaged (it is missing)"),
        ("baseline.gravity.x", #""up""#, "baseline.gravity.x", "is damaged (it is not a number)"),
        ("baseline.gravity", "[1, 2, 3]", "baseline.gravity", "is damaged (it is not an object)"),
        ("baseline.sampleCount", "null", "baseline.sampleCount", "is damaged (it is null, not a number)"),
        // Foundation's JSONDecoder does not say where a value is malformed.
        ("created", #""yesterday""#, nil, CalibrationLibraryTests.malformed),
        ("baseline.sampleCount", "3.5", nil, CalibrationLibraryTests.malformed),
    ] as [(String, String?, String?, String)])
    func aDamagedRecordNamesTheFieldInWords(key: String, json: String?, field: String?, problem: String) throws {
        let value = try json.map { try JSONSerialization.jsonObject(with: Data($0.utf8), options: .fragmentsAllowed) }
        let object = try #require(try JSONSerialization.jsonObject(with: record().encoded()) as? [String: Any])
        let data = try JSONSerialization.data(withJSONObject: Self.setting(key.split(separator: ".").map(String.init),
                                                                           to: value, in: object))
        do {
            _ = try CalibrationRecord.decode(data, path: "x.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.field == field)
            #expect(error.problem == problem)
            #expect(!error.description.contains("Swift.") && !error.description.contains("CodingKeys"), "\(error)")
        }
    }

    /// Found by `scripts/fuzz calibration`: the message printed Swift's `DecodingError.keyNotFound` with its
    /// `CodingKeys(stringValue: "version", intValue: nil)`.
    @Test func fuzzFindingAHeaderWithoutVersionNamesTheField() {
        let data = Data("{\n\"format\" : \"stretchguard-calibration\"}".utf8)
        do {
            _ = try CalibrationRecord.decode(data, path: "fuzz.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "fuzz.json: field 'version': is damaged (it is missing) — "
                    + "run `stretchguard calibrate` again; it writes a new file")
        }
    }

    private static func setting(_ path: [String], to value: Any?, in object: [String: Any]) -> [String: Any] {
        var object = object
        if path.count == 1 {
            object[path[0]] = value
        } else {
            object[path[0]] = setting(Array(path.dropFirst()), to: value, in: object[path[0]] as? [String: Any] ?? [:])
        }
        return object
    }

    @Test func readingAMissingFileSaysSo() {
        do {
            _ = try CalibrationLibrary.read("/nonexistent/calibration.json", for: nil)
            Issue.record("expected an error")
        } catch {
            #expect(error.problem == "does not exist")
        }
    }
}

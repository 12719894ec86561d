import Foundation
import StretchGuardConfig
import StretchGuardCore
import Testing

/// Runs the built binary with its own environment (XDG_DATA_HOME in a temporary folder, so the real home
/// folder is never touched).
enum CalibrateRunner {
    /// A temporary folder standing in for the user's home.
    static func scratch() throws -> String {
        let folder = NSTemporaryDirectory() + "sg-calibrate-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The environment for a run with `home` as HOME and `home/data` as XDG_DATA_HOME.
    static func environment(home: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home
        environment["XDG_DATA_HOME"] = home + "/data"
        environment["XDG_CONFIG_HOME"] = home + "/config"
        return environment
    }

    static func process(_ arguments: [String], home: String) -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = arguments
        process.environment = environment(home: home)
        process.currentDirectoryURL = CommandRunner.repositoryRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        return (process, out, err)
    }

    /// Runs to the end.
    static func run(_ arguments: [String], home: String) throws -> CommandRunner.Result {
        let (process, out, err) = process(arguments, home: home)
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return .init(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                     stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// The calibration files written under `home`.
    static func files(home: String) -> [String] {
        let root = home + "/data/stretchguard/calibrations"
        let enumerator = FileManager.default.enumerator(atPath: root)
        return (enumerator?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".json") }.sorted().map { root + "/" + $0 }
    }
}

/// `stretchguard calibrate` end to end with the simulated sensor: the guided procedure, the file it saves,
/// `--show`, a rejected pose, Ctrl-C, and the one-line errors.
@Suite struct CalibrateCommandTests {
    @Test func calibratingWithTheSimulatedSensorSavesAFileThatShowPrints() throws {
        let home = try CalibrateRunner.scratch()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let result = try CalibrateRunner.run(["calibrate", "--sensor", "sim", "--name", "test-morning"], home: home)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        for prompt in ["Step 1 of 2: stand upright", "Hold still… 5 4 3 2 1", "Step 2 of 2: bend forward",
                       "Bend forward slowly from the hips to about 30°", "Calibration saved"] {
            #expect(result.stdout.contains(prompt), "missing '\(prompt)' in\n\(result.stdout)")
        }
        #expect(!result.stdout.contains("\u{1B}") && !result.stdout.contains("\r"), "plain lines when not a terminal")
        let files = CalibrateRunner.files(home: home)
        try #require(files.count == 1)
        let path = files[0]
        #expect(path.hasPrefix(home + "/data/stretchguard/calibrations/simulated/") && path.hasSuffix("Z.json"))
        #expect(result.stdout.contains(path))
        let record = try CalibrationRecord.decode(Data(contentsOf: URL(fileURLWithPath: path)), path: path, for: .simulated)
        #expect(record.version == CalibrationRecord.currentVersion && record.format == "stretchguard-calibration")
        #expect(record.sensor == .simulated && record.method == "calibrate" && record.name == "test-morning")
        #expect(abs(Date().timeIntervalSince(record.created)) < 120)
        // The scenario's sensor is mounted aligned with the body, and bends 30°: the calibration finds both.
        #expect(record.baseline.mounting.sensorToBody.canonical.angle < 3 * degree)
        #expect(abs(record.baseline.gravity.length - standardGravity) < 0.3)
        #expect(abs(record.baseline.duration - 3) < 0.1)
        #expect(result.stdout.contains("up the spine:     the sensor's +z axis"))
        let bendLine = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("Forward bend recorded: ") })
        let bend = try #require(Double(bendLine.dropFirst(23).prefix { $0 != "°" }))
        #expect(abs(bend - 30) <= 2, "\(bendLine)")

        let show = try CalibrateRunner.run(["calibrate", "--sensor", "sim", "--show"], home: home)
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("test-morning") && show.stdout.contains(path))
        #expect(show.stdout.contains("up the spine:     the sensor's +z axis"))
        #expect(show.stdout.contains("gyro bias:") && show.stdout.contains("°/s"))

        let json = try CalibrateRunner.run(["calibrate", "--show", path, "--json"], home: home)
        #expect(json.status == 0, "\(json.stderr)")
        #expect(try CalibrationRecord.decode(Data(json.stdout.utf8), path: "stdout") == record)

        let list = try CalibrateRunner.run(["calibrate", "--list"], home: home)
        #expect(list.status == 0 && list.stdout.contains(path) && list.stdout.contains("test-morning"))
    }

    @Test func movingDuringTheStillPhaseIsRejectedWithTheReasonAndNothingIsSaved() throws {
        let home = try CalibrateRunner.scratch()
        defer { try? FileManager.default.removeItem(atPath: home) }
        // Swaying through the upright measuring window (5–8 s after the first prompt).
        let scenario = home + "/sway.scenario"
        try """
            still 4.5 s
            oscillate 4 cycles at 1 Hz amplitude 6
            still 1 s
            """.write(toFile: scenario, atomically: true, encoding: .utf8)
        let result = try CalibrateRunner.run(["calibrate", "--sensor", "sim", "--scenario", scenario, "--tries", "1"], home: home)
        #expect(result.status == 1)
        #expect(result.stdout.contains("Not accepted: you were moving: the rotation rate varied by"), "\(result.stdout)")
        #expect(result.stderr.hasPrefix("stretchguard: error: calibration not accepted after 1 try: you were moving: the rotation rate varied by"),
                "\(result.stderr)")
        #expect(result.stderr.contains("°/s (still is under 3.0 °/s)") && result.stderr.contains("Nothing was saved."))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(!result.stdout.contains("Step 2"))
        #expect(CalibrateRunner.files(home: home).isEmpty)
    }

    @Test func ctrlCStopsWithoutSavingAnything() throws {
        let home = try CalibrateRunner.scratch()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let (process, out, err) = CalibrateRunner.process(["calibrate", "--sensor", "sim"], home: home)
        try process.run()
        // Wait for the first prompt (the signal handler is installed before anything is printed).
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("Step 1 of 2") {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
        }
        process.interrupt()
        let rest = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(String(decoding: seen + rest, as: UTF8.self).contains("Step 1 of 2"))
        #expect(process.terminationStatus == 130, "\(stderr)")
        #expect(stderr.contains("calibration stopped; nothing was saved"))
        #expect(CalibrateRunner.files(home: home).isEmpty)
    }

    @Test func showWithNoCalibrationSaysHowToMakeOne() throws {
        let home = try CalibrateRunner.scratch()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let result = try CalibrateRunner.run(["calibrate", "--sensor", "sim", "--show"], home: home)
        #expect(result.status == 1)
        #expect(result.stderr.contains("no calibration for the simulated sensor yet in \(home)/data/stretchguard/calibrations"))
        #expect(result.stderr.contains("run `stretchguard calibrate --sensor sim`"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func showingAFileThatIsNotACalibrationFailsWithOneLine() throws {
        let home = try CalibrateRunner.scratch()
        defer { try? FileManager.default.removeItem(atPath: home) }
        try #"{"format": "something-else"}"#.write(toFile: home + "/x.json", atomically: true, encoding: .utf8)
        let result = try CalibrateRunner.run(["calibrate", "--show", home + "/x.json"], home: home)
        #expect(result.status == 1)
        #expect(result.stderr == "stretchguard: error: \(home)/x.json: is not a StretchGuard calibration file — "
                + "run `stretchguard calibrate` to make one, or pass the right file\n")
    }

    @Test(arguments: [["calibrate", "--tries", "0"], ["calibrate", "x.json"], ["calibrate", "--json"],
                      ["calibrate", "--name", ""], ["calibrate", "--show", "--list"]])
    func badOptionsAreRefusedBeforeAnythingStarts(arguments: [String]) throws {
        let home = try CalibrateRunner.scratch()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let result = try CalibrateRunner.run(arguments, home: home)
        #expect(result.status != 0 && !result.stderr.isEmpty)
        #expect(!result.stdout.contains("Step 1"))
    }
}

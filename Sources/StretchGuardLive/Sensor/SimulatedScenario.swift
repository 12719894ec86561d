import Foundation
import StretchGuardCore
import StretchGuardSimulation

/// The exercise the simulated sensor plays: a scenario from `Calibration/scenarios/` by name (default
/// `demo`, the built-in demo), or a scenario file, rendered once into IMU samples.
public struct SimulatedScenario: Sendable {
    /// The scenario's name, for messages and the session's device field.
    public let name: String
    /// Rendered samples (time from 0 s), in rad/s and m/s².
    public let samples: [IMUSample]

    /// - Parameters:
    ///   - name: the scenario's name.
    ///   - samples: rendered samples (time from 0 s), in rad/s and m/s².
    public init(name: String, samples: [IMUSample]) {
        self.name = name
        self.samples = samples
    }

    /// The guided calibration's scenario (what the simulated sensor plays for `calibrate`), a path from the
    /// repository's root: it follows ``CalibrationTimeline``'s defaults.
    public static let calibrationProcedureName = "Calibration/procedures/calibrate.scenario"

    /// The name of the built-in demo scenario.
    public static let demoName = "demo"

    /// Loads and renders a scenario.
    ///
    /// - Parameters:
    ///   - nameOrPath: a scenario name (looked up in `Calibration/scenarios/`) or a `.scenario` file path.
    ///   - seed: the noise seed.
    public static func load(_ nameOrPath: String, seed: UInt64 = 1) throws -> SimulatedScenario {
        let path = try locate(nameOrPath)
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw LiveSetupError("cannot read scenario \(path): \(error.localizedDescription)")
        }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let scenario: Scenario
        do {
            scenario = try Scenario.parse(text, name: name)
        } catch {
            throw LiveSetupError("\(path): \(error) — see Calibration/scenarios/README.md for the format")
        }
        let rendered = ScenarioRenderer(seed: seed).render(scenario)
        return SimulatedScenario(name: name, samples: rendered.samples)
    }

    /// Where a scenario name or path points: the path itself when it exists (a relative one also beside the
    /// source tree), else `Calibration/scenarios/NAME.scenario` in the working folder or beside the source
    /// tree.
    public static func locate(_ nameOrPath: String) throws -> String {
        let manager = FileManager.default
        let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".scenario") {
            // A relative path is taken from the working folder, else from the source tree (the shipped files).
            let inSource = sourceRoot + "/" + nameOrPath
            if manager.fileExists(atPath: nameOrPath) { return nameOrPath }
            if !nameOrPath.hasPrefix("/"), manager.fileExists(atPath: inSource) { return inSource }
            throw LiveSetupError("no scenario file \(nameOrPath)")
        }
        let folders = ["Calibration/scenarios", sourceRoot + "/Calibration/scenarios"]
        for folder in folders where manager.fileExists(atPath: "\(folder)/\(nameOrPath).scenario") {
            return "\(folder)/\(nameOrPath).scenario"
        }
        let known = (try? manager.contentsOfDirectory(atPath: folders.first { manager.fileExists(atPath: $0) } ?? ""))?
            .filter { $0.hasSuffix(".scenario") }.map { String($0.dropLast(9)) }.sorted() ?? []
        throw LiveSetupError("no scenario named '\(nameOrPath)'"
                             + (known.isEmpty ? "" : " (known: \(known.joined(separator: ", ")))")
                             + "; pass a .scenario file or a name from Calibration/scenarios/")
    }
}

import Foundation
import StretchGuardCore
import StretchGuardSimulation
import StretchGuardTrace

/// Evaluates every scenario of a suite folder: `*.scenario` files are rendered by the simulator (seeded);
/// recorded or independently simulated pairs `NAME.csv[.gz]` + `NAME.truth.csv` are read as they are.
public struct SuiteRunner: Sendable {
    public var profile: FormProfile
    public var seed: UInt64

    public init(profile: FormProfile = .general, seed: UInt64 = 1) {
        self.profile = profile
        self.seed = seed
    }

    /// Scores the whole folder, scenarios in name order.
    public func run(folder: String) throws -> EvaluationSummary {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        guard !files.isEmpty else {
            throw EvaluationError(path: folder, problem: "holds no scenarios",
                                  fix: "give a folder with *.scenario files or NAME.csv + NAME.truth.csv pairs")
        }
        var scores: [ScenarioScore] = []
        for file in files.sorted() {
            let path = folder + "/" + file
            if file.hasSuffix(".scenario") {
                scores.append(try score(scenarioAt: path, name: String(file.dropLast(".scenario".count))))
            } else if let stem = Self.traceStem(file) {
                let truthPath = folder + "/" + stem + ".truth.csv"
                guard FileManager.default.fileExists(atPath: truthPath) else { continue }
                let samples = try TraceReader.read(path: path)
                scores.append(try ScenarioScore(name: stem, samples: samples, truth: try TruthTrack.read(path: truthPath),
                                                profile: profile))
            }
        }
        guard !scores.isEmpty else {
            throw EvaluationError(path: folder, problem: "holds no scenarios",
                                  fix: "give a folder with *.scenario files or NAME.csv + NAME.truth.csv pairs")
        }
        return EvaluationSummary(scores)
    }

    /// Renders and scores one scenario file.
    public func score(scenarioAt path: String, name: String) throws -> ScenarioScore {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw EvaluationError(path: path, problem: "cannot be read", fix: "check its permissions")
        }
        let scenario = try Scenario.parse(text, name: path)
        let (samples, truth) = ScenarioRenderer(seed: seed).render(scenario)
        return try ScenarioScore(name: name, samples: samples, truth: TruthTrack(truth), profile: profile)
    }

    /// `NAME` for `NAME.csv` or `NAME.csv.gz` that is not itself a truth file.
    static func traceStem(_ file: String) -> String? {
        guard !file.hasSuffix(".truth.csv") else { return nil }
        if file.hasSuffix(".csv.gz") { return String(file.dropLast(7)) }
        if file.hasSuffix(".csv") { return String(file.dropLast(4)) }
        return nil
    }
}

import Foundation
import StretchGuardCore
import StretchGuardSimulation
import StretchGuardTrace

/// Evaluates every scenario of a suite folder: each `*.scenario` file is rendered once per seed, by default
/// under conditions drawn at random for that seed (`SimulationConditions`; a file with `conditions fixed`
/// keeps its own); recorded or independently simulated pairs `NAME.csv[.gz]` + `NAME.truth.csv` are read
/// once, as they are. With `sensors` two or both, every scenario is also (or only) rendered with a pelvis
/// sensor, scored as `NAME+pelvis` against the true spine.
public struct SuiteRunner: Sendable {
    /// The exercise profile whose thresholds the detectors use.
    public var profile: FormProfile
    /// The render seeds: every scenario is rendered once per seed (ranges and conditions drawn from it).
    public var seeds: [UInt64]
    /// Whether renders draw random conditions (true) or use each file's own lines (false).
    public var randomConditions: Bool
    /// The sensor sets every scenario is rendered with.
    public var sensors: SensorSet

    /// A runner over `seeds` (default 1, 2, 3) with random conditions unless `randomConditions` is false,
    /// rendering `sensors` (default the thorax sensor alone).
    public init(profile: FormProfile = .general, seeds: [UInt64] = [1, 2, 3], randomConditions: Bool = true,
                sensors: SensorSet = .one) {
        self.profile = profile
        self.seeds = seeds
        self.randomConditions = randomConditions
        self.sensors = sensors
    }

    /// A runner over the one seed `seed`.
    public init(profile: FormProfile = .general, seed: UInt64, randomConditions: Bool = true,
                sensors: SensorSet = .one) {
        self.init(profile: profile, seeds: [seed], randomConditions: randomConditions, sensors: sensors)
    }

    /// Scores the whole folder, scenarios in name order, each for every seed in turn.
    ///
    /// - Throws: `EvaluationError` when the folder holds nothing to score, a scenario file does not parse,
    ///   or a trace cannot be read. A replay the detectors refuse is scored as refused, not thrown.
    public func run(folder: String) throws -> EvaluationSummary {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var jobs: [Job] = []
        for file in files.sorted() {
            let path = folder + "/" + file
            if file.hasSuffix(".scenario") {
                let name = String(file.dropLast(".scenario".count))
                for seed in seeds {
                    jobs += sensors.pelvisVariants.map { Job.scenario(path: path, name: name, seed: seed, pelvis: $0) }
                }
            } else if let stem = Self.traceStem(file) {
                let truthPath = folder + "/" + stem + ".truth.csv"
                guard FileManager.default.fileExists(atPath: truthPath) else { continue }
                jobs.append(.recorded(path: path, name: stem, truthPath: truthPath))
            }
        }
        guard !jobs.isEmpty else {
            throw EvaluationError(path: folder, problem: "holds no scenarios",
                                  fix: "give a folder with *.scenario files or NAME.csv + NAME.truth.csv pairs")
        }
        let queue = jobs
        let results = parallelMap(queue.count) { index in Result { try self.score(queue[index]) } }
        return EvaluationSummary(try results.map { try $0.get() })
    }

    /// One render (or recorded trace) to score.
    private enum Job: Sendable {
        case scenario(path: String, name: String, seed: UInt64, pelvis: Bool)
        case recorded(path: String, name: String, truthPath: String)
    }

    private func score(_ job: Job) throws -> ScenarioScore {
        switch job {
        case let .scenario(path, name, seed, pelvis):
            return try score(scenarioAt: path, name: name, seed: seed, pelvis: pelvis)
        case let .recorded(path, name, truthPath):
            let samples = try TraceReader.read(path: path).samples
            let span = samples.count > 1 ? samples[samples.count - 1].time - samples[0].time : 0
            let rate = span > 0 ? Double(samples.count - 1) / span : 0
            let labels = ScoreLabels.recorded(rate: rate, twoSensors: samples.contains { $0.pelvis != nil })
            return ScenarioScore(name: name, labels: labels, samples: samples,
                                 truth: try TruthTrack.read(path: truthPath), profile: profile)
        }
    }

    /// Renders and scores one scenario file for one seed.
    ///
    /// - Parameters:
    ///   - name: the scenario's name (ranges and conditions are drawn from it and the seed, with or without
    ///     the pelvis, so the thorax's conditions are the same in both).
    ///   - pelvis: whether to render a pelvis sensor (the file's own `pelvis` line, else the standard one;
    ///     randomised conditions draw it), scored as `NAME+pelvis`; false renders the thorax alone.
    public func score(scenarioAt path: String, name: String, seed: UInt64, pelvis: Bool = false) throws -> ScenarioScore {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw EvaluationError(path: path, problem: "cannot be read", fix: "check its permissions")
        }
        var scenario = try Scenario.parse(text, name: name, seed: seed, file: path)
        scenario.pelvis = pelvis ? scenario.pelvis ?? .standard : nil
        let conditions = SimulationConditions.resolve(scenario, seed: seed, randomise: randomConditions)
        let (samples, truth) = conditions.render(scenario)
        return ScenarioScore(name: pelvis ? name + SensorSet.pelvisSuffix : name, labels: ScoreLabels(scenario: scenario, conditions: conditions, seed: seed),
                             samples: samples, truth: TruthTrack(truth), profile: profile)
    }

    /// `NAME` for `NAME.csv` or `NAME.csv.gz` that is not itself a truth file.
    static func traceStem(_ file: String) -> String? {
        guard !file.hasSuffix(".truth.csv") else { return nil }
        if file.hasSuffix(".csv.gz") { return String(file.dropLast(7)) }
        if file.hasSuffix(".csv") { return String(file.dropLast(4)) }
        return nil
    }
}

import ArgumentParser
import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardEvaluation
import StretchGuardLive
import StretchGuardReview
import StretchGuardTrace

extension StretchGuard {
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score the detectors on a suite of scenarios with known truth.",
            discussion: """
                SUITE_DIR holds *.scenario files and/or pairs NAME.csv[.gz] + NAME.truth.csv (truth columns \
                t,flexion_deg,side_bend_deg,twist_deg,segment,bounce_expected,bounce_hz). Every scenario is \
                rendered once per seed, under conditions drawn at random from the seed (mounting, rate, jitter, \
                dropped bursts, biases, ranges, lever arm, breathing and tremor) unless the file says \
                `conditions fixed` or --conditions fixed is given; recorded pairs are read once. Reports per \
                alert kind recall, precision, F1 and latency (median, p90), false alarms per 10 minutes of clean \
                exercise and the twist RMSE, overall and per family, mounting class and sample rate, and lists \
                the replays the detectors refused. With --sensors two or both (the default) every scenario is \
                also rendered with a pelvis sensor (NAME+pelvis) and replayed with two sensors: its twist is \
                scored against the true spinal twist (thorax relative to pelvis), with the RMSE of the spinal \
                twist, lumbar flexion and hip flexion and the false twist alerts where the wearer turns or walks.
                """)

        @Argument(help: "The suite folder, e.g. Calibration/scenarios.")
        var suite: String

        @Option(help: "Exercise profile (name or file) whose thresholds the detectors use.")
        var profile = "general"

        @Option(help: "One render seed for *.scenario files (the same as --seeds S).")
        var seed: UInt64?

        @Option(help: "Render seeds, comma-separated, e.g. 1,2,3: every scenario is rendered once per seed (default 1).")
        var seeds: String?

        @Option(help: "random: draw the recording conditions from each seed; fixed: keep each file's own.")
        var conditions: ConditionsChoice = .random

        @Option(help: "one: the thorax sensor alone; two: thorax and pelvis (NAME+pelvis, the spine judged); both.")
        var sensors: SensorSetChoice = .both

        @Flag(help: "Print one JSON object instead of the table.")
        var json = false

        func validate() throws {
            if seed != nil, seeds != nil {
                throw ValidationError("give --seed or --seeds, not both")
            }
            _ = try seedList()
        }

        /// The seeds to render with.
        func seedList() throws -> [UInt64] {
            if let seed { return [seed] }
            guard let seeds else { return [1] }
            let list = seeds.split(separator: ",").map { UInt64($0.trimmingCharacters(in: .whitespaces)) }
            guard !list.isEmpty, list.allSatisfy({ $0 != nil }) else {
                throw ValidationError("--seeds takes whole numbers separated by commas, e.g. --seeds 1,2,3")
            }
            return list.compactMap { $0 }
        }

        func run() throws {
            if let plans = try planFiles() {
                try rehearse(plans)
                return
            }
            let exercise: FormProfile
            do {
                exercise = try ProfileLibrary.standard().load(profile)
            } catch {
                throw fail(error)
            }
            do {
                let runner = SuiteRunner(profile: exercise, seeds: try seedList(),
                                         randomConditions: conditions == .random, sensors: sensors.set)
                let summary = try runner.run(folder: suite)
                print(json ? summary.json : summary.text)
            } catch let error as CustomStringConvertible & Error {
                throw fail(error)
            }
        }
    }
}

extension StretchGuard.Eval {
    /// The plan files in the suite folder when it holds plans (`*.yaml`) and no scenarios; nil otherwise.
    func planFiles() throws -> [String]? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: suite) else { return nil }
        guard !names.contains(where: { $0.hasSuffix(".scenario") }) else { return nil }
        let plans = names.filter { $0.hasSuffix(".yaml") }.sorted()
        return plans.isEmpty ? nil : plans.map { (suite as NSString).appendingPathComponent($0) }
    }

    /// `eval Calibration/plans`: each plan played by the simulated wearer through the live session, once per
    /// seed: repetitions done, and the twist or bounce alerts (all false: the wearer never twists or
    /// bounces) in repetitions and in rests.
    func rehearse(_ files: [String]) throws {
        var results: [PlanRehearsal.Result] = []
        do {
            let library = PlanLibrary.standard()
            for file in files {
                let rehearsal = PlanRehearsal(plan: try library.loadFile(file))
                for seed in try seedList() {
                    results.append(try rehearsal.run(seed: seed, randomConditions: conditions == .random))
                }
            }
        } catch let error as CustomStringConvertible & Error {
            throw fail(error)
        }
        if json {
            let rows: [[String: Any]] = results.map {
                ["plan": $0.plan, "seed": $0.seed, "steps": $0.steps, "done": $0.done, "partly": $0.partly,
                 "repetition_alerts": $0.repetitionAlerts, "rest_alerts": $0.restAlerts, "finished": $0.finished,
                 "duration_s": $0.duration]
            }
            let data = try JSONSerialization.data(withJSONObject: ["plans": rows], options: [.sortedKeys, .prettyPrinted])
            print(String(decoding: data, as: UTF8.self))
            return
        }
        print("plan                  seed  done        alerts in repetitions  alerts in rests  session")
        for r in results {
            let done = "\(r.done)/\(r.steps)" + (r.partly > 0 ? " (+\(r.partly) partly)" : "")
            print(r.plan.padding(toLength: 22, withPad: " ", startingAt: 0) + String(r.seed).padding(toLength: 6, withPad: " ", startingAt: 0)
                  + done.padding(toLength: 12, withPad: " ", startingAt: 0)
                  + String(r.repetitionAlerts).padding(toLength: 23, withPad: " ", startingAt: 0)
                  + String(r.restAlerts).padding(toLength: 17, withPad: " ", startingAt: 0)
                  + ReviewFormat.clock(r.duration, tenths: false) + (r.finished ? "" : " (not finished)"))
        }
        let alerts = results.reduce(0) { $0 + $1.repetitionAlerts + $1.restAlerts }
        let done = results.reduce(0) { $0 + $1.done }, steps = results.reduce(0) { $0 + $1.steps }
        print("\(results.count) plan sessions: \(done) of \(steps) repetitions done, \(alerts) false alerts")
    }
}

/// Which sensors `eval` renders every scenario with.
enum SensorSetChoice: String, ExpressibleByArgument, CaseIterable {
    /// The thorax sensor alone.
    case one
    /// Thorax and pelvis.
    case two
    /// Each scenario both ways.
    case both

    /// The evaluation's sensor set.
    var set: SensorSet {
        switch self {
        case .one: return .one
        case .two: return .two
        case .both: return .both
        }
    }
}

/// Whether a render draws its recording conditions at random or keeps the scenario file's own.
enum ConditionsChoice: String, ExpressibleByArgument, CaseIterable {
    /// Drawn from the seed and the scenario's name.
    case random
    /// The file's own mounting, rate, lever and sensor lines.
    case fixed
}

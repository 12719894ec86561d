import ArgumentParser
import Foundation
import StretchGuardSimulation
import StretchGuardTrace

extension StretchGuard {
    /// `stretchguard simulate`: an exercise scenario rendered into a synthetic IMU trace and its truth.
    struct Simulate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Render an exercise scenario into a synthetic IMU trace, with its ground truth.",
            discussion: """
                SCENARIO is a .scenario file, or a bare name looked up as \(scenarioFolder)/NAME.scenario under \
                the current folder (grammar: \(scenarioFolder)/README.md). The trace is the replay input \
                format, \(SimulationCSV.sampleColumns.joined(separator: ",")) (s, rad/s, m/s², sensor frame); \
                the truth is \(SimulationCSV.truthColumns.joined(separator: ",")) (s, °, step keyword, 0/1, Hz), \
                row for row the same instants. A scenario that says `pelvis on` also renders a pelvis sensor: \
                the trace gains \(SimulationCSV.pelvisColumns.joined(separator: ",")) (its own frame; empty at \
                a lost read) and the truth \(SpinalTruth.columnNames.joined(separator: ",")) (°; the other \
                angles stay the thorax's). Files appear only when complete.
                """)

        /// Where bare scenario names are looked up, relative to the current folder.
        static let scenarioFolder = "Calibration/scenarios"

        @Argument(help: "The scenario: a .scenario file, or a name in Calibration/scenarios (e.g. demo).")
        var scenario: String

        @Option(name: .shortAndLong, help: "The trace to write (CSV).")
        var output: String

        @Option(help: "Also write the ground truth to this file (CSV).")
        var truth: String?

        @Option(help: "Seed of the noise, biases, jitter, drops, a random mounting and the ranges (default: the scenario's `seed`, else 1).")
        var seed: UInt64?

        @Option(help: "fixed: the file's own mounting, rate and sensor; random: conditions drawn from the seed (printed on stderr).")
        var conditions: ConditionsChoice = .fixed

        func validate() throws {
            if let truth, truth == output {
                throw ValidationError("--truth and --output must be different files")
            }
        }

        func run() throws {
            let path = try resolvedPath()
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw fail("\(path): cannot read the scenario (\(error.localizedDescription)) — check that it is a readable text file")
            }
            let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            let parsed: Scenario
            do {
                parsed = try Scenario.parse(text, name: name, seed: seed, file: path)
            } catch {
                throw fail(error)
            }
            let drawn = SimulationConditions.resolve(parsed, seed: seed ?? parsed.seed, randomise: conditions == .random)
            if conditions == .random {
                StandardStreams.error(drawn.description + "\n")
            }
            let rendered = drawn.render(parsed)
            do {
                // Both files are complete before either appears.
                let traceFile = try OutputFile(path: output)
                let truthFile = try truth.map { path throws(TraceError) in
                    try OutputFile(path: path, protecting: [ProtectedFile(path: output, role: "the trace output")])
                }
                let pelvis = drawn.pelvis != nil
                try write(header: SimulationCSV.sampleHeader(pelvis: pelvis), rows: rendered.samples, to: traceFile,
                          format: { SimulationCSV.appendSample($0, pelvis: pelvis, to: &$1) })
                if let truthFile {
                    try write(header: SimulationCSV.truthHeader(spine: pelvis), rows: rendered.truth, to: truthFile,
                              format: SimulationCSV.appendTruth)
                }
                try traceFile.commit()
                try truthFile?.commit()
            } catch let error as TraceError {
                throw fail(error)
            } catch {
                throw fail("\(output): cannot write the output (\(error.localizedDescription)) — check the disk space and the folder's permissions")
            }
        }

        /// SCENARIO as a file path: the argument itself when it is a file, else the named scenario.
        private func resolvedPath() throws -> String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: scenario, isDirectory: &isFolder), !isFolder.boolValue {
                return scenario
            }
            let bareName = scenario.hasSuffix(".scenario") ? String(scenario.dropLast(".scenario".count)) : scenario
            let named = "\(Self.scenarioFolder)/\(bareName).scenario"
            if !scenario.contains("/"), FileManager.default.fileExists(atPath: named) {
                return named
            }
            let cwd = FileManager.default.currentDirectoryPath
            let available = ((try? FileManager.default.contentsOfDirectory(atPath: Self.scenarioFolder)) ?? [])
                .filter { $0.hasSuffix(".scenario") }.map { String($0.dropLast(".scenario".count)) }.sorted()
            let fix = available.isEmpty
                ? "give the path of a .scenario file, or run from the folder that holds \(Self.scenarioFolder)"
                : "give the path of a .scenario file, or one of: \(available.joined(separator: ", "))"
            throw fail("\(scenario): no such scenario (not a file, and no \(named) under \(cwd)) — \(fix)")
        }

        private func write<Row>(header: String, rows: [Row], to file: OutputFile,
                                format: (Row, inout [UInt8]) -> Void) throws {
            var buffer = Array(header.utf8)
            buffer.reserveCapacity(1 << 16)
            for row in rows {
                format(row, &buffer)
                if buffer.count >= 1 << 16 {
                    try file.write(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try file.write(buffer)
        }
    }
}

import ArgumentParser
import StretchGuardConfig
import StretchGuardCore
import StretchGuardTrace

extension StretchGuard {
    /// `stretchguard replay`: the core pipeline over a recorded trace.
    struct Replay: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the orientation and posture pipeline over a recorded trace.",
            discussion: """
                INPUT is a CSV (or .csv.gz) with a header naming t (s), gx,gy,gz (rad/s) and ax,ay,az (m/s²) \
                in the sensor's frame; other columns are ignored. The neutral posture is the first still \
                stretch of --baseline-seconds within the first --baseline-search seconds; any mounting works (the \
                forward axis is learned from the first deep bend unless declared). Output: one row per sample, \
                \(ReplayCSVWriter.columns.joined(separator: ",")). With --session ID|latest instead of INPUT, \
                re-runs detection over a recorded session, with its stored baseline and (unless --profile is \
                given) its profile.
                """)

        @Argument(help: "The trace to replay (.csv or .csv.gz); or give --session.")
        var input: String?

        @Option(help: "Replay a recorded session instead of a file: its id (see `stretchguard sessions`) or `latest`.")
        var session: String?

        @OptionGroup var store: StoreOptions

        @Option(help: "Length of the still, upright stretch taken as the neutral posture, in seconds.")
        var baselineSeconds: Double = 2

        @Option(help: "How far into the trace to look for that still stretch, in seconds.")
        var baselineSearch: Double = 30

        @Option(help: "The sensor axis pointing up the spine (+x -x +y -y +z -z); default: measured up.")
        var spineAxis: SensorAxis?

        @Option(help: "The sensor axis pointing forward out of the chest (made orthogonal to the spine), or auto: learned from the first deep, slow bend.")
        var forwardAxis: ForwardAxisArgument = .auto

        @Option(name: .shortAndLong, help: "Write the rows to this file instead of standard output.")
        var output: String?

        @Option(help: "Exercise profile: a name from Calibration/profiles (e.g. standing-hamstring) or a file (default: general; with --session, the session's own).")
        var profile: String?

        @Option(help: "Also write the coach's events (alerts, holds, impacts) to this file as JSON Lines.")
        var events: String?

        @Flag(help: "Print a readable summary instead of the rows (to standard output, or beside --output).")
        var summary = false

        func validate() throws {
            guard baselineSeconds > 0, baselineSeconds.isFinite else {
                throw ValidationError("--baseline-seconds must be a positive number of seconds")
            }
            guard baselineSearch > 0, baselineSearch.isFinite else {
                throw ValidationError("--baseline-search must be a positive number of seconds")
            }
            guard (input == nil) != (session == nil) else {
                throw ValidationError("give either a trace file or --session ID|latest")
            }
        }

        func run() throws {
            if let session {
                return try replaySession(session)
            }
            guard let input else { throw ValidationError("give either a trace file or --session ID|latest") }
            let options = ReplayOptions(baselineSeconds: baselineSeconds, baselineSearch: baselineSearch,
                                        spineAxis: spineAxis, forwardAxis: forwardAxis.declared)
            do {
                let exercise: FormProfile
                do {
                    exercise = try ProfileLibrary.standard().load(profile ?? "general")
                } catch {
                    throw fail(error)
                }
                let samples = try TraceReader.read(path: input)
                // The baseline is checked before any output exists, so bad input leaves no file behind.
                let found = try StretchGuardTrace.Replay.findBaseline(in: samples, path: input, options: options)
                let baseline = found.baseline
                if let declared = forwardAxis.declared, !baseline.forwardAxisKnown {
                    warn("the forward axis \(declared.rawValue) runs along the spine, so it cannot say where forward is: it is learned from the first deep bend instead (give an axis across the spine to declare it)")
                }
                let out: OutputFile?
                if let output {
                    out = try OutputFile(path: output)
                } else {
                    out = summary ? nil : OutputFile()
                }
                let eventFile = try events.map { try OutputFile(path: $0) }
                var writer = ReplayCSVWriter()
                var eventWriter = EventLogWriter()
                var report = PostureReport()
                var formReport = FormReport()
                try StretchGuardTrace.Replay.run(samples, found: found, profile: exercise) { frame, events in
                    formReport.add(events)
                    if eventFile != nil { eventWriter.append(events) }
                    guard let frame else { return }
                    report.add(frame.posture)
                    if let out {
                        writer.append(frame)
                        if writer.buffer.count >= 1 << 16 { try writer.drain(out.write) }
                    }
                }
                if let out {
                    try writer.drain(out.write)
                    try out.commit()
                }
                if let eventFile {
                    try eventWriter.drain(eventFile.write)
                    try eventFile.commit()
                }
                if summary {
                    print(report.render(input: input, baseline: baseline, baselineStart: samples[found.first].time, output: output))
                    print("  exercise         \(exercise.name): \(exercise.summary)")
                    print(formReport.lines(target: exercise.hold.target).joined(separator: "\n"))
                    if let events { print("  events written to \(events)") }
                }
            } catch let error as TraceError {
                throw fail(error)
            }
        }
    }
}

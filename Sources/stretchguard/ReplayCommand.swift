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
                re-runs detection over a recorded session through the same engine, with its stored baseline \
                (without one, its first still stretch, found as for a file) and (unless --profile is given) \
                its profile.
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
            do {
                let exercise: FormProfile
                do {
                    exercise = try ProfileLibrary.standard().load(profile ?? "general")
                } catch {
                    throw fail(error)
                }
                let trace = try TraceReader.read(path: input)
                if trace.rejected.count > 0 {
                    warn("\(input): left out \(trace.rejected) — check the units (rad/s, m/s²) or the recording")
                }
                if trace.pelvisMissing > 0 {
                    warn("\(input): \(trace.pelvisMissing) rows have no usable pelvis reading (empty cells or values beyond any IMU's range): the upper-back sensor judges alone there")
                }
                // The baseline is checked before any output exists, so bad input leaves no file behind.
                let replayer = try SessionReplayer(trace: trace.samples, path: input, options: replayOptions,
                                                   profile: exercise)
                warnIfForwardAxisUnusable(replayer.baseline.baseline)
                if trace.hasPelvis && replayer.baseline.baseline.pelvis == nil {
                    warn("\(input): the pelvis columns have no usable reading over the whole still stretch the neutral posture came from, so the replay uses the upper-back sensor alone (check the pelvis columns there)")
                }
                try write(replayer, name: input, baselineStart: replayer.baseline.found?.start ?? 0,
                          protecting: ProtectedFile(path: input, role: "the input"))
            } catch let error as TraceError {
                throw fail(error)
            }
        }
    }
}

extension StretchGuard.Replay {
    /// How the neutral posture is found when the recording has no calibration.
    var replayOptions: ReplayOptions {
        ReplayOptions(baselineSeconds: baselineSeconds, baselineSearch: baselineSearch, spineAxis: spineAxis,
                      forwardAxis: forwardAxis.declared)
    }

    /// Warns when a declared forward axis could not be used (it runs along the spine).
    func warnIfForwardAxisUnusable(_ baseline: Baseline) {
        if let declared = forwardAxis.declared, !baseline.forwardAxisKnown {
            warn("the forward axis \(declared.rawValue) runs along the spine, so it cannot say where forward is: it is learned from the first deep bend instead (give an axis across the spine to declare it)")
        }
    }

    /// Replays a recording and writes what `replay` writes — the rows (to `--output` or standard output),
    /// `--events`, `--summary` — the same for a trace file and a stored session.
    ///
    /// - Parameters:
    ///   - replayer: the recording, its baseline and profile.
    ///   - name: the recording's name for the summary (the file, or `session ID`).
    ///   - baselineStart: when the neutral stretch began, in s on the recording's clock.
    ///   - source: what is replayed (the trace, the database): no output may replace it.
    /// - Throws: the source's read failure, ``TraceError`` when an output cannot be written.
    func write<Source: ReplaySource>(_ replayer: SessionReplayer<Source>, name: String,
                                     baselineStart: Double, protecting source: ProtectedFile) throws {
        let exercise = replayer.profile
        let out: OutputFile? = try output.map { path throws(TraceError) in try OutputFile(path: path, protecting: [source]) }
            ?? (summary ? nil : OutputFile())
        let rows = output.map { [ProtectedFile(path: $0, role: "the --output file")] } ?? []
        let eventFile = try events.map { path throws(TraceError) in try OutputFile(path: path, protecting: [source] + rows) }
        var writer = ReplayCSVWriter(twoSensors: replayer.baseline.baseline.pelvis != nil)
        var eventWriter = EventLogWriter()
        var report = PostureReport()
        var formReport = FormReport()
        var writeError: (any Error)?
        let closing = try replayer.run { step in
            formReport.add(step.events)
            if eventFile != nil { eventWriter.append(step.events) }
            report.add(step.frame.posture)
            guard let out, writeError == nil else { return }
            writer.append(step.frame)
            if writer.buffer.count >= 1 << 16 {
                do { try writer.drain(out.write) } catch { writeError = error }
            }
        }
        formReport.add(closing)
        if eventFile != nil { eventWriter.append(closing) }
        if let writeError { throw writeError }
        if let out {
            try writer.drain(out.write)
            try out.commit()
        }
        if let eventFile {
            try eventWriter.drain(eventFile.write)
            try eventFile.commit()
        }
        if summary {
            print(report.render(input: name, baseline: replayer.baseline.baseline, baselineStart: baselineStart,
                                output: output))
            print("  exercise         \(exercise.name): \(exercise.summary)")
            print(formReport.lines(target: exercise.hold.target,
                                   twoSensors: replayer.baseline.baseline.pelvis != nil).joined(separator: "\n"))
            if let events { print("  events written to \(events)") }
        }
    }
}

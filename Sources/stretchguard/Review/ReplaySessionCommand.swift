import ArgumentParser
import StretchGuardConfig
import StretchGuardCore
import StretchGuardReview
import StretchGuardStore
import StretchGuardTrace

extension StretchGuard.Replay {
    /// `replay --session ID|latest`: re-runs detection over a stored session and prints what `replay` prints
    /// for a file — the rows, `--events`, `--summary` — with the session's stored baseline and its profile
    /// (or `--profile`).
    func replaySession(_ text: String) throws {
        let selector: SessionSelector
        do {
            selector = try SessionSelector(parsing: text)
        } catch {
            throw fail(error)
        }
        guard let database = try store.openExisting() else { throw store.missingDatabase() }
        let recording: SessionRecording
        let exercise: FormProfile
        do {
            recording = try SessionRecording.load(from: database, selector: selector)
            exercise = try SessionProfile.resolve(for: recording, library: ProfileLibrary.standard(), override: profile)
        } catch {
            throw fail(error)
        }
        let name = "session \(recording.id)"
        do {
            let out: OutputFile? = try output.map { path throws(TraceError) in try OutputFile(path: path) }
                ?? (summary ? nil : OutputFile())
            let eventFile = try events.map { path throws(TraceError) in try OutputFile(path: path) }
            var writer = ReplayCSVWriter()
            var eventWriter = EventLogWriter()
            var report = PostureReport()
            var formReport = FormReport()
            var writeError: (any Error)?
            let closing = try SessionReplay.run(recording, profile: exercise) { step in
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
            eventWriter.append(closing)
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
                print(report.render(input: name, baseline: recording.baseline, baselineStart: 0, output: output))
                print("  exercise         \(exercise.name): \(exercise.summary)")
                print(formReport.lines(target: exercise.hold.target).joined(separator: "\n"))
                if let events { print("  events written to \(events)") }
            }
        } catch let error as ReviewError {
            throw fail(error)
        } catch let error as TraceError {
            throw fail(error)
        } catch {
            throw fail("cannot write the output (\(error)) — check the disk space and the folder's permissions")
        }
    }
}

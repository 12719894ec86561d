import ArgumentParser
import StretchGuardConfig
import StretchGuardCore
import StretchGuardReview
import StretchGuardStore
import StretchGuardTrace

extension StretchGuard.Replay {
    /// `replay --session ID|latest`: re-runs detection over a stored session and prints what `replay` prints
    /// for a file — the rows, `--events`, `--summary` — with the same replay engine, the session's stored
    /// baseline (without one: its first still stretch, found as for a file) and its profile (or `--profile`).
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
        let switches: [ProfileSwitch]
        do {
            recording = try SessionRecording.load(from: database, selector: selector, options: replayOptions)
            let library = ProfileLibrary.standard()
            // A plan session (unless --profile overrides it): its stored plan, read once, gives the opening
            // profile and where each next exercise's took over.
            let plan = profile == nil ? try SessionPlanReplay.load(for: recording, library: library) : nil
            if let plan {
                exercise = plan.opening
                switches = plan.switches
            } else {
                exercise = try SessionProfile.resolve(for: recording, library: library, override: profile)
                switches = []
            }
        } catch {
            throw fail(error)
        }
        do {
            let replayer = try recording.replayer(profile: exercise, profileSwitches: switches)
            if replayer.baseline.found != nil { warnIfForwardAxisUnusable(recording.baseline) }
            // A calibrated session has no still stretch of its own: its summary says 0 s, as it always has.
            try write(replayer, name: "session \(recording.id)", baselineStart: replayer.baseline.found?.start ?? 0,
                      protecting: .database(database.path))
        } catch let error as ReviewError {
            throw fail(error)
        } catch let error as TraceError {
            throw fail(error)
        } catch {
            throw fail("cannot write the output (\(error)) — check the disk space and the folder's permissions")
        }
    }
}

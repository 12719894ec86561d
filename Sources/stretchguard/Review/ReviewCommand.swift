import ArgumentParser
import Foundation
import StretchGuardConfig
import StretchGuardReview
import StretchGuardStore
import StretchGuardTrace
import StretchGuardWeb

extension StretchGuard {
    /// `stretchguard review`: look back at a stored session.
    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Look back at a recorded session: holds, alerts, timeline and plots.",
            discussion: """
                Replays the session's stored samples through the core with the baseline and profile it was \
                recorded with, and prints a summary, a table per hold (length, mean angle, peak twist, bounces, \
                SPARC and LDLJ steadiness), the event timeline and a terminal plot of twist and flexion. \
                --html writes a self-contained report (inline SVG plots, no external files); --csv one row per \
                sample (\(ReviewCSV.columns.joined(separator: ",")); t in s since the start, angles in °); \
                --json prints summary, holds, alerts and events instead of the text. Times are m:ss since the \
                session's start. A guided session (run --plan) adds a Plan section: each step's exercise, side, \
                repetition, target, longest hold, result (done, partly, skipped) and alerts, and each \
                exercise's totals (its JSON a plan object, its HTML report a Plan section). A two-sensor session (thorax and pelvis) shows the spine's angles (spinal \
                twist, lumbar flexion), the hips' (hip flexion, pelvis twist) and each sensor's health; its CSV \
                adds \(ReviewCSV.hipColumns.joined(separator: ",")) and its JSON a sensors section.
                """)

        @Argument(help: "The session: its id (see `stretchguard sessions`) or `latest`.")
        var session: String

        @OptionGroup var store: StoreOptions

        @OptionGroup var server: ServerOptions

        @Option(help: "Write the HTML report to this file.")
        var html: String?

        @Option(help: "Write one CSV row per sample to this file.")
        var csv: String?

        @Flag(help: "Print the review as JSON instead of text.")
        var json = false

        @Option(help: "Replay with this exercise profile (name or file) instead of the session's own.")
        var profile: String?

        @Flag(help: "Take the baseline from the session's first still 2 s (as `replay` does for a file) instead of its stored calibration.")
        var recalibrate = false

        func validate() throws {
            if let html, let csv, html == csv { throw ValidationError("--html and --csv must be different files") }
            if server.url != nil, store.path != nil { throw ValidationError("--server and --db: choose one") }
        }

        func run() throws {
            let selector: SessionSelector
            do {
                selector = try SessionSelector(parsing: session)
            } catch {
                throw fail(error)
            }
            // From a server: the session is copied into a temporary database and reviewed as a local one.
            let copy = try server.session(selector)
            defer { copy?.discard() }
            let database: SessionStore
            var selected = selector
            if let copy {
                database = copy.store
                selected = copy.id.map(SessionSelector.id) ?? selector
            } else {
                guard let local = try store.openExisting() else { throw store.missingDatabase() }
                database = local
            }
            let analysis: SessionAnalysis
            do {
                let recording = try SessionRecording.load(from: database, selector: selected, recalibrate: recalibrate)
                analysis = try SessionAnalysis.reviewing(recording, library: ProfileLibrary.standard(), override: profile)
            } catch {
                throw fail(error)
            }
            var written: [String] = []
            do {
                // Both files are complete before either appears.
                let database = ProtectedFile.database(database.path)
                let htmlFile = try html.map { path throws(TraceError) in try OutputFile(path: path, protecting: [database]) }
                let csvFile = try csv.map { path throws(TraceError) in
                    try OutputFile(path: path, protecting: [database] + (html.map { [ProtectedFile(path: $0, role: "the HTML report")] } ?? []))
                }
                if let htmlFile, let html {
                    try htmlFile.write(Array(HTMLReport().render(analysis).utf8))
                    written.append("HTML report written to \(html)")
                }
                if let csvFile, let csv {
                    try ReviewCSV.write(analysis, to: csvFile.write)
                    written.append("\(analysis.track.count) rows written to \(csv)")
                }
                try htmlFile?.commit()
                try csvFile?.commit()
            } catch let error as TraceError {
                throw fail(error)
            } catch {
                throw fail("cannot write the output (\(error.localizedDescription)) — check the disk space and the folder's permissions")
            }
            if json {
                print(ReviewJSON.render(analysis), terminator: "")
            } else {
                print(ReviewText().render(analysis), terminator: "")
                if !written.isEmpty { print("\n" + written.joined(separator: "\n")) }
            }
        }
    }
}

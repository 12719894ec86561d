import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// The `stretchguard` command: form feedback for back-pain exercises from a wearable IMU.
@main
struct StretchGuard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stretchguard",
        abstract: "Real-time form feedback for back-pain stretches from a wearable IMU.",
        discussion: """
            Replays recorded traces through the orientation, posture and form-detection core, simulates \
            exercise scenarios, scores the detectors on scenario suites, and measures the core's speed.
            """,
        version: "0.1.0",
        subcommands: [Run.self, Replay.self, Simulate.self, Eval.self, Doctor.self, Calibrate.self, Sessions.self, Review.self, Serve.self, Plan.self, Sync.self, Server.self]
    )

    /// Health data stays private: every file this process creates (the session database and its
    /// companions, calibrations, reports, exports) is 0600, every folder 0700, whatever the login's umask.
    static let privateFileMask: mode_t = 0o077

    static func main() {
        umask(privateFileMask)
        main(nil)
    }
}

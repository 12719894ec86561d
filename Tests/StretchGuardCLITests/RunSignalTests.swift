import Foundation
import StretchGuardStore
import Testing

/// Every way a live session can be told to end goes through the same shutdown as SIGTERM: outputs off
/// (the "outputs off" marker), the recording closed, exit 0. A closed standard output does not end it; a
/// signal during the start-up capture is a clean exit with nothing recorded.
@Suite(.serialized) struct RunSignalTests {
    private typealias RunningSession = RunSessionTests.RunningSession

    /// CLOCK_MONOTONIC now, in s: the clock the recorded sample times use.
    static func monotonicNow() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    private func temporaryHome() throws -> URL {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("signals-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        return home
    }

    /// The session in `db` is closed and says its outputs were turned off.
    private func expectClosedWithOutputsOff(_ db: String, _ comment: Comment) throws {
        let store = try SessionStore(path: db)
        defer { try? store.close() }
        let session = try store.session(.latest)
        #expect(session.isComplete, comment)
        #expect(try store.markers(of: session.id).contains { $0.note.hasPrefix("outputs off") }, comment)
    }

    @Test("SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM and SIGINT each end the session cleanly")
    func everySignalShutsDownLikeSigterm() throws {
        let signals: [(Int32, String)] = [(SIGHUP, "SIGHUP"), (SIGQUIT, "SIGQUIT"), (SIGUSR1, "SIGUSR1"),
                                          (SIGUSR2, "SIGUSR2"), (SIGALRM, "SIGALRM"), (SIGINT, "SIGINT")]
        var worst = 0.0
        for _ in 1...RunSessionTests.stressRuns { worst = max(worst, try signalEachSession(signals)) }
        if RunSessionTests.stressRuns > 1 {
            print("\(signals.count) signals x\(RunSessionTests.stressRuns): samples end at most \(worst) s before the signal")
        }
    }

    /// One session per signal, all at once; returns the largest time from a session's last sample to its
    /// signal, in s.
    private func signalEachSession(_ signals: [(Int32, String)]) throws -> Double {
        var worst = 0.0
        let home = try temporaryHome()
        // All at once (each its own database): the signals, not the sessions, are what is tested.
        let runs = try signals.map { _, name in
            let db = home.appendingPathComponent("\(name).sqlite").path
            return (db, try RunningSession(["run", "--sensor", "sim", "--duration", "60", "--db", db], home: home))
        }
        var signalled: [Double] = []
        for ((number, name), (_, run)) in zip(signals, runs) {
            #expect(run.wait(for: "recording session"), "\(name): \(run.text)")
            Thread.sleep(forTimeInterval: 0.3)
            signalled.append(Self.monotonicNow())
            kill(run.process.processIdentifier, number)
        }
        for (((_, name), (db, run)), time) in zip(zip(signals, runs), signalled) {
            let status = run.finish()
            #expect(status == 0, "\(name): \(run.text)")
            #expect(run.text.contains("stopped by signal (\(name))"), "\(name): \(run.text)")
            try expectClosedWithOutputsOff(db, "\(name)")
            let store = try SessionStore(path: db)
            let last = try #require(try store.samples(of: store.session(.latest).id).last).time
            #expect(time - last <= 0.5, "\(name): samples stop \(time - last) s before the signal")
            worst = max(worst, time - last)
            try store.close()
        }
        return worst
    }

    @Test("a closed standard output (run | head) does not end the session; SIGTERM still closes it")
    func closedStandardOutputIsNotFatal() throws {
        let home = try temporaryHome()
        let db = home.appendingPathComponent("s.sqlite").path
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = ["run", "--sensor", "sim", "--duration", "60", "--db", db]
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_DATA_HOME"] = home.appendingPathComponent("data").path
        process.environment = environment
        process.currentDirectoryURL = CommandRunner.repositoryRoot
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("recording session") && process.isRunning {
            seen.append(output.fileHandleForReading.availableData)
        }
        try output.fileHandleForReading.close()  // as `head` does once it has its lines
        Thread.sleep(forTimeInterval: 1.5)  // the status line is written (and fails) meanwhile
        #expect(process.isRunning, "a write to a closed pipe ended the session")
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        try expectClosedWithOutputsOff(db, "closed stdout")
    }

    @Test("Ctrl-C while the neutral posture is being captured: exit 0, nothing recorded")
    func ctrlCDuringStartUpIsACleanExit() throws {
        let home = try temporaryHome()
        let db = home.appendingPathComponent("s.sqlite").path
        // Walking with no still start: the capture waits (up to 30 s) for one.
        let scenario = home.appendingPathComponent("walk.scenario").path
        try "start moving\nwalk 40 s\n".write(toFile: scenario, atomically: true, encoding: .utf8)
        let run = try RunningSession(["run", "--sensor", "sim", "--scenario", scenario, "--db", db], home: home)
        #expect(run.wait(for: "stand upright and still"), "\(run.text)")
        Thread.sleep(forTimeInterval: 1)
        kill(run.process.processIdentifier, SIGINT)
        let status = run.finish()
        #expect(status == 0, "\(run.text)")
        #expect(run.text.contains("stopped before the session began (SIGINT); nothing was recorded"), "\(run.text)")
        let store = try SessionStore(path: db)
        defer { try? store.close() }
        #expect(try store.sessions().isEmpty)
    }
}

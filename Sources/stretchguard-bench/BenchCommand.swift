import ArgumentParser
import CAllocationCounter
import Foundation
import StretchGuardCore
import StretchGuardSync

/// `stretchguard-bench`: speed and heap allocations of the core pipeline, per sample. A separate executable,
/// so that the malloc interposer it links to count allocations never ships in `stretchguard`.
@main
struct StretchGuardBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stretchguard-bench",
        abstract: "Measure the core pipeline's time and heap allocations per sample.",
        discussion: """
            Runs orientation filter + posture tracking over a long in-memory stream and reports the \
            steady state (after a warm-up). Allocations are counted for real by interposing malloc. \
            Build with -c release for meaningful times.
            """)

    @Option(help: "Samples in the stream (200 Hz).")
    var samples = 1_000_000

    @Option(help: "Timed repetitions; the fastest is reported.")
    var repetitions = 3

    @Option(help: "What to time: pipeline (filter + posture + form detectors), posture (filter + posture), filter (orientation filter alone), angles (posture decomposition alone), review (`stretchguard review` of a generated 200 Hz session, and database bytes per sample), live (the live session's sample thread on the simulated sensor: allocations counted on that thread), viewers (the live session in real time with 0 and with --viewers WebSocket viewers of its browser view: jitter, drops, CPU), sync (a throw-away PostgreSQL server: one session synced alone, --devices × --sessions-per-device synced at once, table sizes, the listing of --listing sessions).")
    var stage: Stage = .pipeline

    enum Stage: String, ExpressibleByArgument, CaseIterable {
        case pipeline, posture, filter, angles, review, live, viewers, sync
        /// The viewers of `--stage viewers`, in the child process it starts.
        case viewerClients = "viewer-clients"
    }

    @Option(help: "Sensors in the stream: one (the thorax) or two (thorax and pelvis: the spine's angles). With --stage live: two reads the simulated pelvis chip on each of the thorax's ticks.")
    var sensors = 1

    @Option(help: "With --stage review: minutes of the generated session (200 Hz).")
    var sessionMinutes = 60.0

    @Option(help: "With --stage viewers: the WebSocket viewers of the second run.")
    var viewers = 20

    @Option(help: "With --stage viewers: seconds of each real-time session (the demo lasts 66 s).")
    var seconds = 60.0

    @Option(help: "With --stage sync: devices syncing at once.")
    var devices = 10

    @Option(help: "With --stage sync: sessions in each device's database (each --session-minutes long).")
    var sessionsPerDevice = 50

    @Option(help: "With --stage sync: sessions on the server when `sessions --server` is timed.")
    var listing = 500

    @Option(help: ArgumentHelp("With --stage viewer-clients: the server's port.", visibility: .hidden))
    var port = 0

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func validate() throws {
        guard samples >= 20_000 else { throw ValidationError("--samples must be at least 20000") }
        guard repetitions >= 1 else { throw ValidationError("--repetitions must be at least 1") }
        guard viewers >= 1, viewers <= 32 else { throw ValidationError("--viewers must be between 1 and 32 (the server's limit)") }
        guard seconds >= 5, seconds <= 65 else { throw ValidationError("--seconds must be between 5 and 65 (the demo's length)") }
        guard sensors == 1 || sensors == 2 else { throw ValidationError("--sensors must be 1 or 2") }
        guard sessionMinutes >= 0.5, sessionMinutes <= 24 * 60 else {
            throw ValidationError("--session-minutes must be between 0.5 and 1440")
        }
    }

    func run() throws {
        if stage == .viewerClients {
            let clients = ViewerClients(port: port, viewers: viewers)
            do {
                try AwaitServer.run { try await clients.run() }
            } catch {
                // The parent reads this line as the stage's failure (no result follows).
                print("viewer-clients: the viewers lost the live view at ws://127.0.0.1:\(port)/api/live/ws before it ended")
            }
            return
        }
        if stage == .viewers {
            let result: ViewerBenchResult
            do {
                result = try ViewerBench(seconds: seconds, viewers: viewers).run()
            } catch {
                throw ValidationError("the viewers benchmark could not run: " + String(describing: error))
            }
            print(json ? result.json : result.text)
            return
        }
        if stage == .sync {
            let result: SyncBenchResult
            do {
                result = try SyncBench(devices: devices, sessionsPerDevice: sessionsPerDevice, duration: sessionMinutes * 60,
                                       listing: listing).run()
            } catch {
                throw ValidationError("the sync benchmark could not run: " + String(describing: error))
            }
            print(json ? result.json : result.text)
            return
        }
        if stage == .review {
            let result: ReviewBenchResult
            do {
                result = try ReviewBench(duration: sessionMinutes * 60, repetitions: repetitions).run()
            } catch {
                throw ValidationError("the review benchmark could not run: " + String(describing: error))
            }
            print(json ? result.json : result.text)
            return
        }
        if stage == .live {
            let result: LiveBenchResult
            do {
                result = try LiveBench(twoSensors: sensors == 2).run()
            } catch {
                throw ValidationError("the live benchmark could not run: " + String(describing: error))
            }
            print(json ? result.json(counterVerified: Self.counterSeesAnAllocation())
                       : "live loop\(sensors == 2 ? " (two sensors)" : ""): \(result.samples) samples, \(result.allocations) allocations "
                         + "(\(result.allocationsPerSample) per sample), \(Int(result.nsPerSample)) ns/sample, "
                         + "\(result.events) events, \(result.recorderDropped) dropped by the recorder")
            return
        }
        let (stream, baseline) = BenchStream.make(samples: samples, twoSensors: sensors == 2)
        precondition((baseline.pelvis != nil) == (sensors == 2), "the bench stream's baseline has the wrong sensors")
        let warmup = 10_000
        var best = Double.infinity
        var allocations: UInt64 = 0
        var checksum = 0.0
        for _ in 0..<repetitions {
            var pipeline = FormPipeline(baseline: baseline, samplePeriod: 1 / 200)
            for s in stream[..<warmup] { checksum += pipeline.process(s).posture.angles.twist }
            let clock = ContinuousClock()
            sg_allocation_counter_start()
            let start = clock.now
            switch stage {
            case .pipeline:
                for s in stream[warmup...] {
                    let frame = pipeline.process(s)
                    checksum += frame.posture.angles.twist + frame.verdict.holdSeconds
                }
            case .posture:
                var posture = pipeline.posture
                for s in stream[warmup...] { checksum += posture.process(s).angles.twist }
            case .filter:
                var filter = pipeline.posture.filter
                for s in stream[warmup...] {
                    filter.update(s)
                    checksum += filter.orientation.z
                }
            case .angles:
                for s in stream[warmup...] {
                    let q = QuaternionD(w: 1, x: s.gyr.x, y: s.gyr.y, z: s.gyr.z).normalized
                    checksum += PostureAngles(relativeRotation: q).twist
                }
            case .review, .live, .viewers, .viewerClients, .sync:
                break  // measured above
            }
            let elapsed = clock.now - start
            allocations = max(allocations, sg_allocation_counter_stop())
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            best = min(best, seconds)
        }
        let timed = Double(samples - warmup)
        let result = BenchResult(
            samples: samples, nsPerSample: best / timed * 1e9,
            allocationsPerSample: Double(allocations) / timed, allocations: allocations,
            allocationCounterVerified: Self.counterSeesAnAllocation(), build: Self.buildKind,
            precision: PrecisionStudy.run(), checksum: checksum)
        print(json ? result.json : result.text)
    }

    /// Whether the counter sees a deliberate heap allocation (so that a zero count means something).
    static func counterSeesAnAllocation() -> Bool {
        sg_allocation_counter_start()
        let array = [Int](repeating: 1, count: Int.random(in: 1000...2000))
        let counted = sg_allocation_counter_stop()
        return withExtendedLifetime(array) { counted >= 1 }
    }

    static var buildKind: String {
        #if DEBUG
        return "debug"
        #else
        return "release"
        #endif
    }
}

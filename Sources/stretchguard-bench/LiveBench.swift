import CAllocationCounter
import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardGPIO
import StretchGuardLive
import StretchGuardStore
import StretchGuardTrace

/// `stretchguard-bench --stage live`: the live session's sample thread in steady state — the simulated
/// MPU-6050 read through the real driver and sample clock, the core, the feedback player on simulated GPIO,
/// the recorder's buffer and the channel's snapshots — with heap allocations counted on that thread only
/// (the counter is thread-local; the recorder's writer thread and the readers are not counted).
///
/// The demo scenario plays on a ``ManualClock`` (as fast as the thread runs), recorded into a temporary
/// database that is removed afterwards; one reader polls the channel as the terminal display does.
///
/// With `twoSensors`, each demo sample also carries a pelvis reading (a pelvis upright and nearly still,
/// so the chest's moves are the spine's), so the simulated pelvis chip at 0x69 is read on every tick and
/// the core runs two-sensor mode.
struct LiveBench {
    /// Samples skipped before counting (the warm-up: buffers reach their working size).
    var warmup = 2000
    /// Whether the simulated pair (thorax and pelvis chips) is read.
    var twoSensors = false

    func run() throws -> LiveBenchResult {
        let folder = NSTemporaryDirectory() + "stretchguard-bench-live-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SessionStore(path: folder + "/sessions.sqlite")
        defer { try? store.close() }

        var scenario = try SimulatedScenario.load(SimulatedScenario.demoName)
        if twoSensors {
            scenario = SimulatedScenario(name: scenario.name, samples: scenario.samples.map { sample in
                var paired = sample
                let wobble = 0.002 * sin(37 * sample.time)  // rad/s, m/s²: never stuck
                paired.pelvis = PelvisReading(gyr: Vector3D(wobble, -wobble, 0), acc: Vector3D(wobble, 0, standardGravity))
                return paired
            })
        }
        let clock = ManualClock(start: 1000)
        let sensor = try LiveSensor.open(.simulated, imu: HardwareConfig.defaults.thorax, scenario: scenario, clock: clock)
        let feedback = try FeedbackOutputs(config: .defaults, simulation: SimulatedGPIO())
        // The neutral posture as a replay finds it (the demo starts still).
        guard case let .success(found) = FoundBaseline.search(TraceSamples(scenario.samples)) else {
            throw LiveSetupError("the demo scenario has no still start")
        }
        let baseline = found.baseline
        if twoSensors && (baseline.pelvis == nil || !sensor.hasPelvis) {
            throw LiveSetupError("the two-sensor live benchmark found no pelvis in the simulated sensor or its baseline")
        }
        let info = SessionInfo(startDate: Date(), startTime: clock.now(), device: sensor.device, chip: sensor.chipName,
                               rate: sensor.rate, profile: FormProfile.general.name, calibration: "",
                               softwareVersion: "bench", scale: sensor.scale, pelvis: sensor.pelvisStoreInfo)
        let recorder = try SessionRecorder(store: store, info: info)
        let session = LiveSession(.init(sensor: sensor, baseline: baseline, profile: .general, feedback: feedback,
                                        recorder: recorder))
        let counted = LiveBenchCount()
        let warmup = warmup
        session.sampleProbe = { number in
            if number == warmup {
                counted.startTime = DispatchTime.now().uptimeNanoseconds
                sg_allocation_counter_start()
            } else if number > warmup {
                counted.allocations = sg_allocation_counter_peek()
                counted.samples = number - warmup
                counted.endTime = DispatchTime.now().uptimeNanoseconds
            }
        }
        session.start()
        var reader = session.channel.subscribe()
        while !reader.poll().finished { Thread.sleep(forTimeInterval: 0.01) }
        let outcome = session.wait()
        let counters = try outcome.recording.get()
        return LiveBenchResult(samples: counted.samples, allocations: counted.allocations,
                               nsPerSample: Double(counted.endTime - counted.startTime) / Double(max(counted.samples, 1)),
                               events: outcome.events.count, recorderDropped: counters.dropped,
                               sensors: sensor.hasPelvis ? 2 : 1)
    }
}

/// What the probe saw, written on the sample thread and read after it ended.
private final class LiveBenchCount: @unchecked Sendable {
    var samples = 0
    var allocations: UInt64 = 0
    var startTime: UInt64 = 0
    var endTime: UInt64 = 0
}

/// What the live stage measured.
struct LiveBenchResult {
    /// Samples counted (after the warm-up).
    var samples: Int
    /// Heap allocation calls on the sample thread over them.
    var allocations: UInt64
    /// Time per sample on the sample thread, simulated chip included, in ns.
    var nsPerSample: Double
    /// Form events the session reported (alerts and holds happened while counting).
    var events: Int
    /// Samples the recorder dropped (its buffer full: the scenario plays faster than real time).
    var recorderDropped: Int
    /// Sensors read on each tick: 1, or 2 (thorax and pelvis).
    var sensors = 1

    var allocationsPerSample: Double { Double(allocations) / Double(max(samples, 1)) }


    /// One JSON object, with the per-sample allocations and whether the counter saw a test allocation.
    func json(counterVerified: Bool) -> String {
        let object: [String: Any] = [
            "stage": "live", "samples": samples, "allocations": allocations,
            "allocations_per_sample": allocationsPerSample, "ns_per_sample": nsPerSample, "events": events,
            "recorder_dropped": recorderDropped, "allocation_counter_verified": counterVerified, "sensors": sensors,
        ]
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}

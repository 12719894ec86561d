import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardGPIO
import StretchGuardSimulation
import StretchGuardStore
import Synchronization
import Testing
@testable import StretchGuardLive

/// Two sensors in a live session, on the simulated pair (thorax MPU-6050 at 0x68, pelvis MPU-6050 at 0x69,
/// register level, one bus, manual time): the pelvis is read on each of the thorax's ticks, reaches the
/// core, and when its chip stops answering the session carries on with the thorax, plays the pelvis-fault
/// cue, marks the recording, and announces the pelvis's return.
@Suite struct LiveTwoSensorTests {
    /// The thorax twists; the pelvis (a simple generator: upright, still, breathing-small rate noise)
    /// does not.
    static let script = """
        rate 200
        still 3 s
        twist 25 over 1 s
        hold 3 s
        neutral over 1 s
        still 4 s
        """

    /// The rendered thorax samples with a still, upright pelvis reading on every tick, in rad/s and m/s².
    static func samplesWithPelvis() throws -> [IMUSample] {
        ScenarioRenderer(seed: 5).render(try Scenario.parse(script, name: "two")).samples.map { sample in
            var paired = sample
            let t = sample.time
            paired.pelvis = PelvisReading(gyr: Vector3D(0.002 * sin(7 * t), 0.002 * cos(5 * t), 0),
                                          acc: Vector3D(0.01 * sin(3 * t), 0, standardGravity))
            return paired
        }
    }

    final class Setup {
        let folder = NSTemporaryDirectory() + "stretchguard-two-\(UUID().uuidString)"
        let store: SessionStore
        let gpio = SimulatedGPIO()
        let feedback: FeedbackOutputs
        let sensor: LiveSensor
        let session: LiveSession

        init(configure: (LiveSensor) -> Void = { _ in }) throws {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            store = try SessionStore(path: folder + "/sessions.sqlite")
            let samples = try LiveTwoSensorTests.samplesWithPelvis()
            let clock = ManualClock(start: 100)
            sensor = try LiveSensor.open(.simulated, imu: HardwareConfig.defaults.imus[0],
                                         scenario: SimulatedScenario(name: "two", samples: samples), clock: clock)
            configure(sensor)
            feedback = try FeedbackOutputs(config: .defaults, simulation: gpio)
            var calibrator = BaselineCalibrator()
            for s in samples where s.time <= 2 { calibrator.add(s) }
            let baseline = try calibrator.baseline()
            let info = SessionInfo(startDate: Date(), startTime: clock.now(), device: sensor.device,
                                   chip: sensor.chipName, rate: sensor.rate, profile: "general", calibration: "",
                                   softwareVersion: "test", scale: sensor.scale)
            let recorder = try SessionRecorder(store: store, info: info)
            session = LiveSession(.init(sensor: sensor, baseline: baseline, profile: .general, feedback: feedback,
                                        recorder: recorder))
        }

        deinit {
            try? store.close()
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    @Test("the simulated pair: identity names both, the pelvis at 0x69, no FIFO timing")
    func simulatedPairOpens() throws {
        let setup = try Setup()
        #expect(setup.sensor.identity == .simulatedPair)
        #expect(setup.sensor.pelvis?.device == "simulated 0x69")
        #expect(setup.sensor.clock.mode != .fifo)
    }

    @Test("two sensors: the spine's twist alerts over still hips, the pelvis read on every tick after it settled")
    func twistOverStillHips() throws {
        let setup = try Setup()
        let twoSensors = Mutex(false)
        let session = setup.session
        session.sampleProbe = { count in
            if count == 400 { twoSensors.withLock { $0 = session.channel.latest.twoSensors && session.channel.latest.hipFlexion != nil } }
        }
        session.start()
        let outcome = session.wait()
        guard case .scenarioFinished = outcome.end else {
            Issue.record("ended by \(outcome.end)")
            return
        }
        #expect(twoSensors.withLock { $0 }, "the snapshot did not show two sensors")
        let pelvis = try #require(outcome.pelvis)
        #expect(pelvis.spinal && pelvis.losses == 0 && pelvis.answeringAtEnd)
        #expect(pelvis.missedTicks <= 11)  // the 50 ms it settles after being configured
        #expect(outcome.summary.twistAlerts == 1)
        #expect(!outcome.events.contains { $0.kind == .pelvisLost })
    }

    @Test("the pelvis chip stops answering mid-session: the session carries on, the pelvis-fault cue plays, the return is announced")
    func pelvisUnpluggedAndBack() throws {
        // ~4 s in (one read a tick), then 20 failed reads (0.1 s) and 4 failed re-configures (0.5 s apart).
        let setup = try Setup { $0.simulatedBus?.disconnect(0x69, afterTransfers: 800, returningAfter: 24) }
        let cuePlayed = Mutex(false)
        let player = setup.feedback.player
        setup.session.sampleProbe = { _ in
            if player.playing == .pelvisFault { cuePlayed.withLock { $0 = true } }
        }
        var reader = setup.session.channel.subscribe()
        setup.session.start()
        var announced: [String] = []
        var finished = false
        while !finished {
            Thread.sleep(forTimeInterval: 0.002)
            let update = reader.poll()
            for case let .form(event) in update.events where event.kind == .pelvisLost || event.kind == .pelvisReturned {
                announced.append(event.kind.rawValue)
            }
            finished = update.finished
        }
        #expect(announced == ["pelvis_lost", "pelvis_returned"])  // every reader is told
        let outcome = setup.session.wait()
        guard case .scenarioFinished = outcome.end else {
            Issue.record("ended by \(outcome.end): the session did not carry on")
            return
        }
        let kinds = outcome.events.map(\.kind)
        let lost = try #require(kinds.firstIndex(of: .pelvisLost), "no pelvisLost event")
        let back = try #require(kinds.firstIndex(of: .pelvisReturned), "no pelvisReturned event")
        #expect(lost < back)
        let gone = outcome.events[back].time - outcome.events[lost].time
        #expect(gone > 1.5 && gone < 3, "the pelvis was gone \(gone) s")
        #expect(cuePlayed.withLock { $0 }, "the pelvis-fault cue never played")
        #expect(outcome.summary.twistAlerts == 1)  // the thorax judged alone meanwhile
        let pelvis = try #require(outcome.pelvis)
        #expect(pelvis.losses == 1 && pelvis.returns == 1 && pelvis.answeringAtEnd)
        #expect(outcome.sensorFaults == 0)  // a pelvis failure is not a thorax fault
        let stored = try setup.store.session(.latest)
        let notes = try setup.store.markers(of: stored.id).map(\.note)
        #expect(notes.contains { $0.hasPrefix("pelvis sensor lost") } && notes.contains { $0.hasPrefix("pelvis sensor back") })
    }
}

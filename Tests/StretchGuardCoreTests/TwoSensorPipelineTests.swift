import StretchGuardCore
import StretchGuardTestSupport
import Testing

/// The two-sensor pipeline on exactly rendered thorax and pelvis motion (any mountings, biased gyros): a
/// whole-body turn cancels, a twist over still hips alerts, a bend splits into lumbar and hip flexion, the
/// hip cues fire only where they should, and a pelvis that drops out hands over to the thorax and back.
private func ramp(_ t: Double, _ start: Double, _ end: Double) -> Double { TwoSegmentMotion.ramp(t, start, end) }

@Suite struct TwoSensorPipelineTests {
    typealias Pose = TwoSegmentMotion.Pose

    struct Run {
        var events: [FormEvent] = []
        var frames: [FormFrame] = []
        var pipeline: FormPipeline

        func maxTwist(from start: Double, to end: Double) -> Double {
            frames.filter { $0.posture.time >= start && $0.posture.time <= end }
                .map { abs($0.posture.angles.twist) }.max() ?? 0
        }

        func frame(at time: Double) -> FormFrame {
            frames.min { abs($0.posture.time - time) < abs($1.posture.time - time) }!
        }

        func count(_ kind: FormEvent.Kind) -> Int { events.filter { $0.kind == kind }.count }
    }

    /// Replays the samples from the first 2 s still baseline (found as a replay finds it).
    static func run(_ samples: [IMUSample], profile: FormProfile = .general) throws -> Run {
        var finder = StillStretchFinder()
        for s in samples where !finder.isDone { _ = finder.add(s) }
        let baseline = try #require(finder.baseline())
        let stretch = try #require(finder.chosen)
        var run = Run(pipeline: FormPipeline(baseline: baseline, profile: profile, samplePeriod: 0.01))
        for s in samples[stretch.first...] {
            run.frames.append(run.pipeline.process(s))
            run.events += run.pipeline.events
        }
        return run
    }

    /// Drops the pelvis readings: the same thorax, one sensor.
    static func thoraxOnly(_ samples: [IMUSample]) -> [IMUSample] {
        samples.map { IMUSample(time: $0.time, gyr: $0.gyr, acc: $0.acc) }
    }

    @Test func aWholeBodyTurnIsNoTwistWithTwoSensorsButLooksLikeOneWithOne() throws {
        // Still, then turning 120° left, back to 60° right, on the spot with no steps to detect.
        let motion = TwoSegmentMotion { t in
            Pose(heading: (120 * ramp(t, 4, 6) - 180 * ramp(t, 9, 12)) * degree)
        }
        let samples = motion.samples(duration: 15)
        let two = try Self.run(samples)
        #expect(two.pipeline.isSpinal)
        #expect(two.count(.twistAlertStarted) == 0)
        #expect(two.maxTwist(from: 0, to: 15) < 1.5 * degree, "spinal twist \(two.maxTwist(from: 0, to: 15) / degree)°")
        #expect(abs(try #require(two.frame(at: 8).posture.hips).twist / degree - 120) < 2, "the hips turned with the body")
        let one = try Self.run(Self.thoraxOnly(samples))
        #expect(one.count(.twistAlertStarted) >= 1, "one sensor cannot tell this turn from a twist")
    }

    @Test func aTwistOverStillHipsAlertsAtItsSize() throws {
        let motion = TwoSegmentMotion { t in Pose(twist: 25 * ramp(t, 4, 5.5) * degree) }
        let run = try Self.run(motion.samples(duration: 10))
        #expect(run.count(.twistAlertStarted) == 1)
        #expect(abs(run.frame(at: 8).posture.angles.twist / degree - 25) < 1)
    }

    @Test func aTwistWhileTurnedAndHingedIsTheSpinesOwn() throws {
        // Turned 90°, hinged 40° at the hips with 15° of lumbar flexion (teaching both forward axes), then
        // the chest twists 20° about its own axis.
        let motion = TwoSegmentMotion { t in
            Pose(heading: 90 * ramp(t, 3, 5) * degree, hip: 40 * ramp(t, 6, 8) * degree,
                 lumbar: 15 * ramp(t, 6, 8) * degree, twist: 20 * ramp(t, 12, 13.5) * degree)
        }
        let run = try Self.run(motion.samples(duration: 18))
        #expect(run.maxTwist(from: 0, to: 11.5) < 2 * degree)
        let twisted = run.frame(at: 16).posture
        #expect(abs(twisted.angles.twist / degree - 20) < 1.5, "spinal twist \(twisted.angles.twist / degree)°")
        #expect(run.count(.twistAlertStarted) == 1)
        #expect(run.events.first { $0.kind == .twistAlertStarted }.map { $0.time > 12 } == true)
    }

    @Test func aBendSplitsIntoLumbarAndHipFlexion() throws {
        let motion = TwoSegmentMotion { t in
            Pose(hip: 40 * ramp(t, 4, 6) * degree, lumbar: 20 * ramp(t, 4, 6) * degree)
        }
        let run = try Self.run(motion.samples(duration: 10))
        let bent = run.frame(at: 9).posture
        #expect(abs(bent.angles.flexion / degree - 20) < 1.5, "lumbar \(bent.angles.flexion / degree)°")
        #expect(abs(try #require(bent.hips).flexion / degree - 40) < 1.5)
    }

    @Test func bendFromTheHipsCuesARoundedBackOnly() throws {
        // A forward-bend exercise (its stretch position is flexion), as the hamstring profiles are.
        var profile = FormProfile.general
        profile.hold.position = .flexion
        profile.hipHinge.enabled = true
        let rounded = TwoSegmentMotion { t in
            Pose(hip: 10 * ramp(t, 4, 6) * degree, lumbar: 45 * ramp(t, 4, 6) * degree)
        }
        let hinged = TwoSegmentMotion { t in
            Pose(hip: 45 * ramp(t, 4, 6) * degree, lumbar: 12 * ramp(t, 4, 6) * degree)
        }
        let bad = try Self.run(rounded.samples(duration: 12), profile: profile)
        #expect(bad.count(.hipHingeCueStarted) == 1)
        let good = try Self.run(hinged.samples(duration: 12), profile: profile)
        #expect(good.count(.hipHingeCueStarted) == 0)
        profile.hipHinge.enabled = false
        let off = try Self.run(rounded.samples(duration: 12), profile: profile)
        #expect(off.count(.hipHingeCueStarted) == 0, "off unless the profile turns it on")
    }

    @Test func keepTheHipsStillCuesTheHipsTurningInAHold() throws {
        var profile = FormProfile.general
        profile.hipsStill.enabled = true
        // Bent 35° (in position), then the whole body turns 15° left during the hold.
        let motion = TwoSegmentMotion { t in
            Pose(heading: 15 * ramp(t, 9, 10) * degree, hip: 20 * ramp(t, 4, 6) * degree,
                 lumbar: 15 * ramp(t, 4, 6) * degree)
        }
        let run = try Self.run(motion.samples(duration: 13), profile: profile)
        #expect(run.count(.hipsStillCueStarted) == 1)
        #expect(run.count(.twistAlertStarted) == 0, "the spine did not twist")
    }

    @Test func aLostPelvisHandsOverToTheThoraxAndComesBack() throws {
        // Turned 90° with both sensors; the pelvis gives nothing from 8 to 9.5 s; then a real 25° twist.
        let motion = TwoSegmentMotion { t in
            Pose(heading: 90 * ramp(t, 3, 5) * degree, twist: 25 * ramp(t, 12, 13) * degree)
        }
        let samples = motion.samples(duration: 16) { $0 >= 8 && $0 < 9.5 }
        let run = try Self.run(samples)
        #expect(run.count(.pelvisLost) == 1 && run.count(.pelvisReturned) == 1)
        let lost = try #require(run.events.first { $0.kind == .pelvisLost })
        #expect(lost.time >= 8.09 && lost.time <= 8.12, "lost after 0.1 s without a reading")
        let gap = run.frame(at: 9).posture
        #expect(gap.hips == nil)
        #expect(abs(gap.angles.twist) < 2 * degree, "the thorax's twist carries on from the spine's, not the 90° turn")
        #expect(run.frame(at: 11).posture.hips != nil)
        #expect(run.maxTwist(from: 0, to: 11.5) < 2 * degree)
        #expect(run.count(.twistAlertStarted) == 1)
        #expect(abs(run.frame(at: 15).posture.angles.twist / degree - 25) < 1.5)
    }

    @Test func aSporadicallyMissingPelvisReadDoesNotDropTheSecondSensor() throws {
        // Every 50th pelvis read fails, the still start included.
        let motion = TwoSegmentMotion { t in Pose(heading: 90 * ramp(t, 4, 6) * degree) }
        let samples = motion.samples(duration: 9) { t in Int((t * 100).rounded()) % 50 == 7 }
        let run = try Self.run(samples)
        #expect(run.pipeline.isSpinal)
        #expect(run.count(.pelvisLost) == 0, "a single missed read is not a lost sensor")
        #expect(run.maxTwist(from: 0, to: 9) < 1.5 * degree)
    }

    @Test func aHipHingeAfterAWholeBodyTurnIsStillHipFlexion() throws {
        // Turned 90°, then hinged 40° at the hips with 20° of lumbar flexion: the first deep bend (teaching
        // both forward axes) comes after the turn.
        let motion = TwoSegmentMotion { t in
            Pose(heading: 90 * ramp(t, 3, 5) * degree, hip: 40 * ramp(t, 7, 9) * degree,
                 lumbar: 20 * ramp(t, 7, 9) * degree)
        }
        let run = try Self.run(motion.samples(duration: 13))
        let bent = run.frame(at: 12).posture
        let hips = try #require(bent.hips)
        #expect(abs(hips.flexion / degree - 40) < 1.5, "hip flexion \(hips.flexion / degree)°")
        #expect(abs(bent.angles.flexion / degree - 20) < 1.5, "lumbar flexion \(bent.angles.flexion / degree)°")
        #expect(abs(bent.angles.sideBend / degree) < 1.5 && abs(bent.angles.twist / degree) < 1.5)
        #expect(abs(hips.twist / degree - 90) < 2)
    }

    @Test func aSideBendWithStillHipsDoesNotTeachTheForwardAxis() throws {
        // A 40° side bend to the left (the pelvis barely tilts), back up, then a hinged forward bend.
        let motion = TwoSegmentMotion { t in
            let side = 40 * (ramp(t, 4, 6) - ramp(t, 8, 10)) * degree
            return Pose(hip: 30 * ramp(t, 12, 14) * degree, lumbar: 20 * ramp(t, 12, 14) * degree, sideBend: -side)
        }
        let run = try Self.run(motion.samples(duration: 17))
        #expect(run.pipeline.posture.posture.forwardAxis.state.learnedAt > 11, "taught by the forward bend, not the side bend")
        let bent = run.frame(at: 16).posture
        #expect(abs(bent.angles.flexion / degree - 20) < 2, "lumbar flexion \(bent.angles.flexion / degree)°")
        #expect(abs(try #require(bent.hips).flexion / degree - 30) < 2)
    }

    @Test func beforeTheForwardAxisIsKnownABendWithoutTheHipsIsASideBend() throws {
        // A 20° side bend (too shallow to teach anything), then a 25° hinge with 10° of lumbar flexion.
        let motion = TwoSegmentMotion { t in
            Pose(hip: 15 * ramp(t, 11, 13) * degree, lumbar: 10 * ramp(t, 11, 13) * degree,
                 sideBend: 20 * (ramp(t, 4, 6) - ramp(t, 8, 10)) * degree)
        }
        let run = try Self.run(motion.samples(duration: 15))
        #expect(run.pipeline.posture.posture.isForwardProvisional)
        let side = run.frame(at: 7).posture.angles
        #expect(abs(side.flexion) < 1 * degree && abs(abs(side.sideBend) / degree - 20) < 1.5,
                "a side bend: \(side.degrees)")
        let hinge = run.frame(at: 14).posture
        let hips = try #require(hinge.hips)
        #expect(abs(hinge.angles.flexion / degree - 10) < 1.5 && abs(hips.flexion / degree - 15) < 1.5)
    }
}

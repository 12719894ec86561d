import StretchGuardCore
import StretchGuardSimulation
import Testing

/// A second sensor on the pelvis: how the two segments move, what each sensor reads, and the spine's truth.
@Suite struct PelvisRenderingTests {
    /// `text` with a pelvis sensor whose readings are ideal and whose motion is `motion`.
    private func twoSensors(_ text: String, motion: PelvisMotion, mounting: SensorMounting = .aligned,
                            errors: SensorErrorSettings = .ideal) throws -> Scenario {
        var parsed = try scenario("sensor ideal\npelvis on\n" + text)
        parsed.pelvis?.motion = motion
        parsed.pelvis?.mounting = mounting
        parsed.pelvis?.errors = errors
        return parsed
    }

    /// No gait rotations: a turn is the whole body's alone.
    private static let stiff = PelvisMotion(hipShare: 0.4, sideShare: 0.1, counterRotation: 0.1,
                                            gaitPelvisRotation: 0, gaitThoraxRotation: 0)

    @Test func pelvisOnSetsTheStandardSensorAndOffOrNothingLeavesOne() throws {
        #expect(try scenario("pelvis on\nstill 3 s").pelvis == .standard)
        #expect(try scenario("pelvis on\npelvis off\nstill 3 s").pelvis == nil)
        #expect(try scenario("still 3 s").pelvis == nil)
        let error = #expect(throws: ScenarioError.self) { try scenario("pelvis maybe\nstill 3 s") }
        #expect(error?.description.contains("pelvis on") == true)
    }

    @Test func aWholeBodyTurnTurnsBothSensorsAlikeAndIsNoSpinalTwist() throws {
        let turn = try twoSensors("rate 400\nstill 2 s\nturn 90 over 2 s\nstill 1 s", motion: Self.stiff)
        let (samples, truth) = ScenarioRenderer(seed: 3).render(turn)
        #expect(samples.allSatisfy { $0.pelvis != nil })
        let spine = truth.compactMap(\.spine)
        #expect(spine.count == truth.count)
        #expect(spine.allSatisfy { abs($0.spinalTwist) < 1e-6 && abs($0.lumbarFlexion) < 1e-6 })
        #expect(abs((spine.last?.pelvisTwist ?? 0) - 90 * degree) < 1e-6)
        // Both gyroscopes integrate to the same 90° turn about the vertical.
        let thorax = integrateGyroscope(samples, from: .identity).last ?? .identity
        let pelvis = integrateGyroscope(samples.compactMap(\.pelvisSample), from: .identity).last ?? .identity
        let expected = QuaternionD(axis: .unitZ, angle: 90 * degree)
        #expect((thorax.conjugate * expected).angle < 0.2 * degree)
        #expect((pelvis.conjugate * expected).angle < 0.2 * degree)
    }

    @Test func aHipHingeTiltsThePelvisByItsShareAndTheSpineBendsTheRest() throws {
        let hinge = try twoSensors("still 2 s\nbend 60 over 3 s\nhold 2 s", motion: Self.stiff)
        let (samples, truth) = ScenarioRenderer(seed: 1).render(hinge)
        let last = try #require(truth.last), held = try #require(samples.last)
        let spine = try #require(last.spine)
        #expect(abs(spine.hipFlexion - 24 * degree) < 1e-6)
        #expect(abs(spine.lumbarFlexion - 36 * degree) < 1e-6)
        #expect(abs(last.flexion - 60 * degree) < 1e-6)
        // Still in the hold: each accelerometer reads gravity tilted by its own segment's bend.
        let pelvisAcc = try #require(held.pelvis?.acc)
        #expect(abs(Double.acos(pelvisAcc.z / pelvisAcc.length) - 24 * degree) < 0.01 * degree)
        #expect(abs(Double.acos(held.acc.z / held.acc.length) - 60 * degree) < 0.01 * degree)
        // Mid-bend the two sensors swing on different arms: their specific forces differ.
        let moving = samples[samples.count / 2]
        #expect(((moving.pelvis?.acc ?? .zero) - moving.acc).length > 0.01)
    }

    @Test func aStandingTwistCounterRotatesThePelvisSoTheThoraxTurnsLess() throws {
        let twist = try twoSensors("still 2 s\ntwist 30 over 2 s\nhold 1 s", motion: Self.stiff)
        let last = try #require(ScenarioRenderer(seed: 1).render(twist).truth.last)
        let spine = try #require(last.spine)
        #expect(abs(spine.spinalTwist - 30 * degree) < 1e-6)
        #expect(abs(spine.pelvisTwist + 3 * degree) < 1e-6)
        #expect(abs(last.twist - 27 * degree) < 1e-6)
    }

    @Test func walkingTwistsTheSpineByBothGaitRotationsAndNeverNearAnAlert() throws {
        let walk = try twoSensors("still 2 s\nwalk 10 s\nstill 1 s", motion: .typical)
        let spine = ScenarioRenderer(seed: 1).render(walk).truth.compactMap(\.spine)
        let largest = spine.map { abs($0.spinalTwist) }.max() ?? 0
        // ±4° pelvis and ±3° thorax the other way: a spinal twist of up to 7°.
        #expect(largest > 6.5 * degree && largest < 7 * degree + 1e-6)
    }

    @Test func thePelvisSensorHasItsOwnMountingAndBias() throws {
        var errors = SensorErrorSettings.ideal
        errors.gyrBiasOffset = Vector3D(0.01, -0.02, 0.03)
        let mounting = SensorMounting.rotation(Vector3D(40, -70, 15) * degree)
        let still = try twoSensors("still 3 s", motion: Self.stiff, mounting: mounting, errors: errors)
        let (samples, _) = ScenarioRenderer(seed: 1).render(still)
        let up = mounting.sensorToBody(seed: 1).conjugate.rotate(.unitZ) * standardGravity
        for sample in samples {
            let pelvis = try #require(sample.pelvis)
            #expect((pelvis.acc - up).length < 1e-6)
            #expect((pelvis.gyr - errors.gyrBiasOffset).length < 1e-9)
            #expect(sample.gyr.length < 1e-9 && (sample.acc - Vector3D(0, 0, standardGravity)).length < 1e-6)
        }
    }

    @Test func theThoraxDrawsTheSameWithOrWithoutThePelvis() throws {
        let text = "still 4 s"
        var withPelvis = try scenario("pelvis on\n" + text)
        withPelvis.pelvis?.errors = .typical
        let one = ScenarioRenderer(seed: 5).render(try scenario(text)).samples
        let two = ScenarioRenderer(seed: 5).render(withPelvis).samples
        #expect(one.count == two.count)
        #expect(zip(one, two).allSatisfy { $0.gyr == $1.gyr && $0.acc == $1.acc && $0.time == $1.time })
        // The pelvis's noise is its own, not a copy of the thorax's.
        #expect(zip(one, two).contains { $0.gyr != $1.pelvis?.gyr })
    }

    @Test func drawnConditionsGiveThePelvisItsOwnSensorAndKeepTheThoraxDraws() throws {
        let text = "family turns\nstill 3 s\nbend 40 over 2 s\nhold 2 s\nneutral over 2 s"
        for seed: UInt64 in 1...8 {
            let one = SimulationConditions.draw(seed: seed, for: try scenario(text))
            let two = SimulationConditions.draw(seed: seed, for: try scenario("pelvis on\n" + text))
            let pelvis = try #require(two.pelvis)
            #expect(one.pelvis == nil)
            #expect(one.mounting == two.mounting && one.sampleRate == two.sampleRate && one.renderSeed == two.renderSeed)
            #expect(one.errors.gyrBiasOffset == two.errors.gyrBiasOffset)
            #expect(pelvis.errors.gyrBiasOffset != two.errors.gyrBiasOffset)
            #expect(SimulationConditions.PelvisRanges.hipShare.contains(pelvis.motion.hipShare))
            #expect(SimulationConditions.PelvisRanges.counterRotation.contains(pelvis.motion.counterRotation))
            let spacing = two.leverArm - pelvis.motion.sacrumHeight
            #expect(SimulationConditions.PelvisRanges.sensorSpacing.contains(spacing))
            #expect(two.description.contains("pelvis: mounting"))
        }
    }
}

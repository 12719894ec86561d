import StretchGuardCore

extension ScenarioKinematics {
    /// The pelvis's posture relative to the stance and the spine's relative to the pelvis at `t` s, in rad
    /// (`PelvisMotion.split` of the scripted posture); nil without a pelvis sensor.
    public func segmentPostures(at t: Double) -> (pelvis: PostureAngles, spine: PostureAngles)? {
        guard let pelvisMotion else { return nil }
        let scripted = timeline.posture(at: t)
        let breathing = timeline.breathing(at: t)
        let sway = timeline.sway(at: t)
        let trunk = PostureAngles(flexion: scripted.flexion - breathing - sway.flexion,
                                  sideBend: scripted.sideBend - sway.sideBend, twist: scripted.twist - sway.twist)
        return pelvisMotion.split(trunk: trunk, breathing: breathing, sway: sway, gait: timeline.gait(at: t))
    }

    /// The pelvis's orientation at `t` s: rotates pelvis-body vectors into the world frame (the stance
    /// heading, then the pelvis's posture); the stance heading alone without a pelvis sensor.
    public func pelvisOrientation(at t: Double) -> QuaternionD {
        let heading = QuaternionD(axis: .unitZ, angle: timeline.heading(at: t))
        guard let segments = segmentPostures(at: t) else { return heading }
        return heading * segments.pelvis.rotation
    }

    /// The true spine at `t` s from the segments' exact rotations (`SpinalAngles`); nil without a pelvis
    /// sensor. Hip flexion is the pelvis's own forward tilt, read from the way the body faces (a hinge
    /// after a turn is hip flexion); the pelvis's twist is its whole turn, the stance heading included.
    public func spinalTruth(at t: Double) -> SpinalTruth? {
        guard let segments = segmentPostures(at: t) else { return nil }
        let heading = timeline.heading(at: t)
        let pelvis = QuaternionD(axis: .unitZ, angle: heading) * segments.pelvis.rotation
        let hips = PostureAngles(flexion: segments.pelvis.flexion, sideBend: segments.pelvis.sideBend,
                                 twist: AngleWrap.principal(AngleWrap.principal(heading) + segments.pelvis.twist))
        let spinal = SpinalAngles(thoraxRelative: pelvis * segments.spine.rotation, pelvisRelative: pelvis,
                                  pelvisAngles: hips)
        return SpinalTruth(spinalTwist: spinal.spine.twist, lumbarFlexion: spinal.spine.flexion,
                           spineSideBend: spinal.spine.sideBend, hipFlexion: spinal.hipFlexion,
                           pelvisTwist: spinal.pelvisTwist)
    }

    /// What perfect thorax and pelvis sensors read at `t` s: each one's angular rate (rad/s) and specific
    /// force (m/s², gravity reaction included) in its own frame, the pelvis's in `pelvis`.
    ///
    /// The hips move by the analytic pelvis acceleration; the pelvis sensor rides `sensorOffset` from
    /// them on the pelvis, the thorax sensor `leverArm − sacrumHeight` up the spine from the lumbosacral
    /// pivot, so the two see different lever-arm accelerations (central second differences, step 0.1 ms).
    func twoSegmentSample(at t: Double) -> IMUSample {
        guard let pelvisMotion else { return idealSample(at: t) }
        let h = Self.differenceStep
        let times = [t - h, t, t + h]
        var thorax: [QuaternionD] = [], pelvis: [QuaternionD] = []
        var thoraxPosition: [Vector3D] = [], pelvisPosition: [Vector3D] = []
        let lumbar = Vector3D(0, 0, pelvisMotion.sacrumHeight)
        let spineLever = Vector3D(0, 0, leverArm - pelvisMotion.sacrumHeight)
        for time in times {
            let segments = segmentPostures(at: time) ?? (.neutral, .neutral)
            let pelvisBody = QuaternionD(axis: .unitZ, angle: timeline.heading(at: time)) * segments.pelvis.rotation
            let thoraxBody = pelvisBody * segments.spine.rotation
            thorax.append(thoraxBody * timeline.tremor(at: time) * sensorToBody)
            pelvis.append(pelvisBody * pelvisToBody)
            thoraxPosition.append(pelvisBody.rotate(lumbar) + thoraxBody.rotate(spineLever))
            pelvisPosition.append(pelvisBody.rotate(pelvisMotion.sensorOffset))
        }
        let hips = Vector3D(0, 0, standardGravity) + timeline.pelvisAcceleration(at: t)
        func reading(_ orientation: [QuaternionD], _ position: [Vector3D]) -> (gyr: Vector3D, acc: Vector3D) {
            let gyr = Self.rotationVector(orientation[0].conjugate * orientation[2]) / (2 * h)
            let lever = (position[0] - 2 * position[1] + position[2]) / (h * h)
            return (gyr, orientation[1].conjugate.rotate(hips + lever))
        }
        let thoraxReading = reading(thorax, thoraxPosition), pelvisReading = reading(pelvis, pelvisPosition)
        return IMUSample(time: t, gyr: thoraxReading.gyr, acc: thoraxReading.acc,
                         pelvis: PelvisReading(gyr: pelvisReading.gyr, acc: pelvisReading.acc))
    }
}

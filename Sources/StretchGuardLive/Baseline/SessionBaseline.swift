import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardHardware

/// Which neutral posture a live session uses: a calibration file given, else the latest `stretchguard
/// calibrate` for this sensor, else the first still stretch of the session itself (found by
/// ``StillStretchFinder``, the same finder the replay uses; the forward axis is then learned from the
/// session's first deep bend).
public enum SessionBaseline {
    /// What is happening, for the caller to tell the wearer.
    public enum Step: Sendable {
        /// The latest calibration for this sensor is used.
        case usingLatest(path: String, record: CalibrationRecord)
        /// There is none: the wearer should stand upright and still while it is captured.
        case capturing(sensor: CalibrationRecord.SensorIdentity, seconds: Double)
        /// The neutral posture was captured.
        case captured
    }

    /// Finds or captures the baseline.
    ///
    /// - Parameters:
    ///   - explicit: a calibration file to use, or nil.
    ///   - sensor: the session's sensor (read while capturing).
    ///   - stop: ends a capture early.
    ///   - environment: where the calibration library lives (`XDG_DATA_HOME`, `HOME`).
    ///   - announce: told each step, on the calling thread.
    /// - Throws: ``LiveSetupError`` with the reason and the fix; the sensor's errors while capturing.
    public static func resolve(explicit: String?, sensor: inout LiveSensor, stop: StopToken,
                               environment: [String: String], announce: (Step) -> Void) throws -> CalibrationRecord {
        if let explicit {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: explicit)) } catch {
                throw LiveSetupError("cannot read calibration \(explicit): \(error.localizedDescription)")
            }
            return try CalibrationRecord.decode(data, path: explicit, for: sensor.identity)
        }
        if let latest = try CalibrationLibrary(environment: environment).latest(for: sensor.identity) {
            announce(.usingLatest(path: latest.path, record: latest.record))
            return latest.record
        }
        let settings = StillStretchFinder.Settings()
        announce(.capturing(sensor: sensor.identity, seconds: settings.duration))
        let record = try capture(sensor: &sensor, settings: settings, stop: stop)
        announce(.captured)
        return record
    }

    /// The first still stretch within the finder's search limit of the start (the wearer may settle first).
    private static func capture(sensor: inout LiveSensor, settings: StillStretchFinder.Settings,
                                stop: StopToken) throws -> CalibrationRecord {
        try sensor.start()
        defer { try? sensor.stop() }
        var finder = StillStretchFinder(settings: settings)
        while !finder.isDone {
            guard !stop.isStopped else { throw LiveSetupError("stopped before the session began") }
            _ = try sensor.next { reading in _ = finder.add(reading.sample) }
        }
        guard let baseline = finder.baseline() else {
            throw LiveSetupError("could not find the neutral posture: \(finder.stillest?.failure?.description ?? "no samples arrived") "
                + "in the first \(Int(finder.settings.searchLimit)) s; stand upright and still for "
                + "\(Int(settings.duration)) s, or run `stretchguard calibrate`")
        }
        // The pelvis's part is captured only when every still sample had its reading; without it the
        // record (and the session) is the thorax's alone.
        let identity = baseline.pelvis == nil ? sensor.identity.with(pelvis: nil) : sensor.identity
        return CalibrationRecord(name: "session-start", created: Date(), sensor: identity,
                                 method: "session-start", baseline: baseline)
    }
}

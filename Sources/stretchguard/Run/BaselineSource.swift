import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardHardware

/// Which baseline a live session uses: `--calibration FILE`, else the latest `stretchguard calibrate` for
/// this sensor, else the first 2 s of the session with the wearer upright and still.
enum BaselineSource {
    /// Finds or captures the baseline; `say` tells the wearer what to do.
    static func resolve(explicit: String?, sensor: inout LiveSensor, say: (String) -> Void) throws -> CalibrationRecord {
        if let explicit {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: explicit)) } catch {
                throw CommandFailure("cannot read calibration \(explicit): \(error.localizedDescription)")
            }
            return try CalibrationRecord.decode(data, path: explicit, for: sensor.identity)
        }
        if let latest = try CalibrationLibrary(environment: ProcessInfo.processInfo.environment).latest(for: sensor.identity) {
            say("calibration: \(latest.path) (\(latest.record.name), \(latest.record.created.formatted(date: .abbreviated, time: .shortened)))")
            return latest.record
        }
        say("no calibration for \(sensor.identity) yet (`stretchguard calibrate` makes one): "
            + "stand upright and still for 2 s…")
        return try capture(sensor: &sensor, say: say)
    }

    /// The first still 2 s within 30 s of the start (the wearer may settle first); the forward axis is
    /// learned from the session's first deep bend.
    private static func capture(sensor: inout LiveSensor, say: (String) -> Void) throws -> CalibrationRecord {
        try sensor.clock.start()
        defer { try? sensor.clock.stop() }
        var finder = StillStretchFinder()
        while !finder.isDone {
            guard StopSignal.received == nil else { throw CommandFailure("stopped before the session began") }
            _ = try sensor.clock.next { reading in _ = finder.add(reading.sample) }
        }
        guard let baseline = finder.baseline() else {
            throw CommandFailure("could not find the neutral posture: \(finder.stillest?.failure?.description ?? "no samples arrived") "
                + "in the first \(Int(finder.settings.searchLimit)) s; stand upright and still for 2 s, "
                + "or run `stretchguard calibrate`")
        }
        say("neutral posture captured")
        return CalibrationRecord(name: "session-start", created: Date(), sensor: sensor.identity,
                                 method: "session-start", baseline: baseline)
    }
}

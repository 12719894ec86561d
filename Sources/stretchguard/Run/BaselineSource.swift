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

    /// The first 2 s upright and still, up to three tries.
    private static func capture(sensor: inout LiveSensor, say: (String) -> Void) throws -> CalibrationRecord {
        try sensor.clock.start()
        defer { try? sensor.clock.stop() }
        var lastFailure = ""
        for attempt in 1...3 {
            var calibrator = BaselineCalibrator()
            var first: Double?
            var last = 0.0
            while last - (first ?? last) < 2 {
                guard StopSignal.received == nil else { throw CommandFailure("stopped before the session began") }
                _ = try sensor.clock.next { reading in
                    first = first ?? reading.sample.time
                    last = reading.sample.time
                    calibrator.add(reading.sample)
                }
            }
            do {
                let baseline = try calibrator.baseline(spineAxis: nil, forwardAxis: .plusX)
                say("neutral posture captured")
                return CalibrationRecord(name: "session-start", created: Date(), sensor: sensor.identity,
                                         method: "session-start", baseline: baseline)
            } catch {
                lastFailure = "\(error)"
                if attempt < 3 { say("that was not still (\(error)); once more: stand upright and still…") }
            }
        }
        throw CommandFailure("could not capture the neutral posture: \(lastFailure); stand still, or run `stretchguard calibrate`")
    }
}

import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardHardware

/// Writes the guided procedure for the wearer: whole lines, countdowns written number by number on one
/// line ("Hold still… 5 4 3 2 1"), and a progress bar while measuring. On a terminal, headings are bold and
/// the bar is redrawn in place; otherwise the output is plain lines with no control characters.
struct CalibrationConsole {
    /// Whether standard output is a terminal.
    var isTerminal: Bool
    /// Writes text as is (no newline added), flushed.
    var write: (String) -> Void

    /// The console on standard output.
    static func standardOutput() -> CalibrationConsole {
        CalibrationConsole(isTerminal: isatty(STDOUT_FILENO) == 1) { text in
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    /// A blank line and a heading.
    func heading(_ text: String) {
        write(isTerminal ? "\n\u{1B}[1m\(text)\u{1B}[0m\n" : "\n\(text)\n")
    }

    /// One line.
    func line(_ text: String) {
        write(text + "\n")
    }

    /// Starts a countdown line with its label.
    func countdownStart(_ label: String) {
        write("  " + label)
    }

    /// One count of a countdown (seconds left).
    func countdownTick(_ secondsLeft: Int) {
        write(" \(secondsLeft)")
    }

    /// Ends a countdown line.
    func countdownEnd() {
        write("\n")
    }

    /// A measuring window's progress (0…1): a bar redrawn in place on a terminal; the label, then "done",
    /// on one plain line otherwise.
    func progress(_ label: String, fraction: Double, done: Bool = false) {
        if isTerminal {
            let filled = Int((fraction * 10).rounded(.down))
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: 10 - filled)
            write("\r\u{1B}[2K  \(label) [\(bar)]" + (done ? " done\n" : ""))
        } else if fraction == 0 && !done {
            write("  \(label)…")
        } else if done {
            write(" done\n")
        }
    }
}

/// The live sensor's sample clock as a calibration source.
struct LiveCalibrationSource: CalibrationSampleSource {
    var sensor: LiveSensor

    var end: Double? { sensor.scenarioEnd }

    mutating func next(_ deliver: (IMUSample, SampleHealth) -> Void) throws -> Int {
        try sensor.clock.next { reading in deliver(reading.sample, reading.health) }
    }
}

/// Numbers and calibrations in plain words, for the wearer (degrees, °/s and m/s² at this edge).
enum CalibrationText {
    /// A number with a fixed count of decimals ("7.2").
    static func number(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }

    /// The sensor axis nearest to a direction given in sensor coordinates, and the angle between them, in
    /// degrees: ("+z", 4).
    static func nearestAxis(to direction: Vector3D) -> (axis: SensorAxis, degrees: Double) {
        let unit = direction.normalized
        let axis = SensorAxis.allCases.max { $0.vector.dot(unit) < $1.vector.dot(unit) } ?? .plusZ
        return (axis, CalibrationPoseCheck.angle(between: axis.vector, and: unit) / degree)
    }

    /// How the sensor sits: which of its axes points up the spine and which forward, and how far off each is.
    static func mounting(_ mounting: BodyMounting) -> [String] {
        let toSensor = mounting.sensorToBody.conjugate
        let up = nearestAxis(to: toSensor.rotate(.unitZ))
        let forward = nearestAxis(to: toSensor.rotate(.unitX))
        return [
            "up the spine:     the sensor's \(up.axis.rawValue) axis, tilted \(number(up.degrees, 0))° from it",
            "forward (chest):  the sensor's \(forward.axis.rawValue) axis, turned \(number(forward.degrees, 0))° from it",
        ]
    }

    /// A calibration record in plain words, one fact a line.
    ///
    /// - Parameters:
    ///   - record: the calibration.
    ///   - path: its file, or nil.
    static func summary(_ record: CalibrationRecord, path: String?) -> [String] {
        let baseline = record.baseline
        let bias = baseline.gyrBias / degree
        var lines = [
            "calibration:      \(record.name)",
            "sensor:           \(record.sensor)",
            "taken:            \(record.created.formatted(date: .abbreviated, time: .standard))",
            "method:           " + (record.method == "calibrate"
                ? "calibrate (upright and still, then a forward bend)"
                : record.method == "session-start" ? "session start (upright and still; forward assumed)" : record.method),
        ]
        lines += mounting(baseline.mounting)
        lines += [
            "gyro bias:        \(number(bias.length, 2)) °/s (x \(number(bias.x, 2)), y \(number(bias.y, 2)), z \(number(bias.z, 2)); "
                + "± \(number(baseline.gyrBiasSigma / degree, 3)) °/s)",
            "gravity:          \(number(baseline.gravity.length, 2)) m/s² (9.81 expected)",
            "measured:         \(number(baseline.duration, 1)) s still, \(baseline.sampleCount) samples",
        ]
        if let path { lines.append("file:             \(path)") }
        return lines
    }
}

import StretchGuardCore
import StretchGuardLive
import StretchGuardTrace

/// The text form of a `DoctorReport`: a short checklist, then each problem with its fix, then a verdict.
struct DoctorReportText {
    var report: DoctorReport

    func render() -> String {
        var lines = ["StretchGuard doctor", "config: \(report.config)"]
        if report.i2c.checked {
            lines.append("I2C")
            if report.i2c.buses.isEmpty { lines.append("  ✗ no I2C bus") }
            for bus in report.i2c.buses {
                let name = bus.name.map { " (\($0))" } ?? ""
                lines.append("  \(bus.accessible ? "✓" : "✗") \(bus.path)\(name)\(bus.accessible ? "" : ": no access")")
                for imu in bus.imus {
                    lines.append("      \(imu.chip ?? "?") at \(imu.address) (WHO_AM_I \(imu.whoAmI))")
                }
                for unknown in bus.unknown {
                    lines.append("      unknown chip at \(unknown.address) (identity \(unknown.whoAmI))")
                }
                if bus.accessible && bus.imus.isEmpty && bus.unknown.isEmpty {
                    lines.append("      nothing answers at 0x68, 0x69, 0x6A or 0x6B")
                }
            }
            if report.sensors.count > 1 {
                lines.append("Sensors")
                for sensor in report.sensors {
                    lines.append("  \(sensor.ok ? "✓" : "✗") \(sensor.name)\(sensor.device.map { " " + $0 } ?? ""): \(sensor.summary)")
                }
            }
            for imu in [report.imu, report.pelvis].compactMap({ $0 }) {
                lines.append(report.pelvis == nil ? "IMU" : "IMU, \(imu.role)")
                let mark = imu.health.contains("stuck") ? "✗" : "✓"
                lines.append("  \(mark) \(imu.chip) at \(imu.address) on \(imu.bus), \(number(imu.rateHz, 0)) Hz: "
                             + "\(imu.samplesRead) samples, |a| = \(number(imu.meanAccNorm, 2)) m/s², "
                             + "|ω| = \(number(imu.meanGyrNorm * 180 / Double.pi, 2)) °/s"
                             + (imu.health.isEmpty ? "" : " (\(imu.health.joined(separator: ", ")))"))
            }
        }
        if report.gpio.checked {
            lines.append("GPIO")
            if let chip = report.gpio.chip {
                lines.append("  ✓ \(chip.name) [\(chip.label)] \(chip.path), \(chip.lineCount) lines")
            } else {
                lines.append("  ✗ chip not available")
            }
            for line in report.gpio.lines {
                let offset = line.offset.map { " = offset \($0)" } ?? ""
                let mark = line.offset != nil && line.usedBy == nil ? "✓" : "✗"
                let busy = line.usedBy.map { ", busy: held by \($0)" } ?? ""
                lines.append("  \(mark) \(line.role): \(line.line)\(offset)\(busy)")
            }
        }
        for warning in report.warnings {
            lines.append("! \(warning.problem)")
            lines.append("    fix: \(warning.fix)")
        }
        for problem in report.problems {
            lines.append("✗ \(problem.problem)")
            lines.append("    fix: \(problem.fix)")
        }
        lines.append(report.ok ? "All checks passed."
                     : "\(report.problems.count) problem\(report.problems.count == 1 ? "" : "s"): the setup cannot work until "
                     + "\(report.problems.count == 1 ? "it is" : "they are") fixed (Hardware/troubleshooting.md explains each).")
        return lines.joined(separator: "\n")
    }

    private func number(_ value: Double, _ decimals: Int) -> String {
        FixedDecimal.string(value, decimals: decimals)
    }
}

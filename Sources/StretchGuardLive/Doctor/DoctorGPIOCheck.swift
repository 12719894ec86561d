import Foundation
import StretchGuardConfig
import StretchGuardGPIO

/// The GPIO half of `doctor`: the configured chip exists and may be opened, and every configured line
/// (buzzer, LEDs, button, the IMU's data-ready pin) exists on it and is free.
public struct DoctorGPIOCheck {
    public var config: HardwareConfig

    public init(config: HardwareConfig) {
        self.config = config
    }

    /// Checks the chip and lines; returns the open chip for the output test, or nil when it cannot work.
    public func run(backend: any GPIOBackend, into report: inout DoctorReport) -> (any GPIOChip)? {
        report.gpio.checked = true
        let chip: any GPIOChip
        do throws(GPIOError) {
            chip = try backend.openChip(GPIOChipAddress(config.gpio.chip.description))
        } catch {
            report.add(error, part: error.errno == EACCES ? "permissions" : "gpio")
            return nil
        }
        let info = chip.info
        report.gpio.chip = DoctorReport.Chip(name: info.name, label: info.label, path: info.path,
                                             lineCount: info.lineCount)
        var usable = true
        for (role, line) in roles() {
            var entry = DoctorReport.Line(role: role, line: line.description)
            defer { report.gpio.lines.append(entry) }
            do throws(GPIOError) {
                let offset = try chip.offset(of: GPIOLineAddress(line))
                entry.offset = offset
                let lineInfo = try chip.lineInfo(offset: offset)
                if lineInfo.isUsed {
                    entry.usedBy = lineInfo.consumer ?? "the kernel"
                    report.add(.lineBusy(line: "\(role) line \(line)", consumer: lineInfo.consumer), part: "gpio")
                    usable = false
                }
            } catch {
                report.add(error, part: "gpio")
                usable = false
            }
        }
        return usable ? chip : nil
    }

    /// Each configured line with what it is for, in wiring-table order.
    public func roles() -> [(String, HardwareConfig.Line)] {
        var lines: [(String, HardwareConfig.Line)] = []
        if let buzzer = config.gpio.buzzer { lines.append(("buzzer", buzzer.line)) }
        switch config.gpio.leds {
        case let .traffic(green, yellow, red)?:
            lines += [("green LED", green.line), ("yellow LED", yellow.line), ("red LED", red.line)]
        case let .rgb(red, green, blue)?:
            lines += [("RGB LED red", red.line), ("RGB LED green", green.line), ("RGB LED blue", blue.line)]
        case nil: break
        }
        if let button = config.gpio.button { lines.append(("button", button.line)) }
        for imu in config.imus {
            if let ready = imu.dataReadyLine { lines.append(("\(imu.role.rawValue) IMU data-ready", ready)) }
        }
        return lines
    }
}

extension DoctorReport {
    /// Records a GPIO error as a problem: its message up to the first "; " is the problem, the rest the fix.
    public mutating func add(_ error: GPIOError, part: String) {
        let text = error.description
        if let split = text.range(of: "; ") {
            problem(part, String(text[..<split.lowerBound]), fix: String(text[split.upperBound...]))
        } else {
            problem(part, text, fix: "see Hardware/troubleshooting.md")
        }
    }
}

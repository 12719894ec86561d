import StretchGuardGPIO
import StretchGuardCore
/// Finds IMU chips on a bus by reading their identity (WHO_AM_I) registers at the usual addresses.
///
/// Probing only reads: nothing is written, so an unrelated chip at one of the addresses (a DS3231 real-time
/// clock also lives at 0x68) is left alone. An ICM-20948 left in another register bank by an earlier program
/// shows up as an unknown responder until it is power-cycled.
public enum IMUProbe {
    /// The addresses IMUs use: 0x68/0x69 (InvenSense), 0x6A/0x6B (ST).
    public static let defaultAddresses: [UInt8] = [0x68, 0x69, 0x6A, 0x6B]

    /// Probes each address in turn.
    ///
    /// - Parameters:
    ///   - bus: the bus to look on.
    ///   - addresses: where to look (default ``defaultAddresses``).
    public static func scan(_ bus: any I2CBus, addresses: [UInt8] = defaultAddresses) -> IMUProbeReport {
        var report = IMUProbeReport()
        for address in addresses {
            switch identify(bus, address: address) {
            case .found(let chip): report.found.append(chip)
            case .unknown(let responder): report.unknown.append(responder)
            case .absent: report.absent.append(address)
            case .failed(let error): report.failures.append(error)
            }
        }
        return report
    }

    /// What one address holds.
    enum Outcome {
        case found(DetectedIMU)
        case unknown(UnknownI2CResponder)
        case absent
        case failed(I2CError)
    }

    /// Reads the identity registers of the chips that can live at `address`, one register at a time.
    static func identify(_ bus: any I2CBus, address: UInt8) -> Outcome {
        var registers: [UInt8] = []
        for chip in IMUChipKind.allCases where chip.addresses.contains(address)
            && !registers.contains(chip.whoAmIRegister) {
            registers.append(chip.whoAmIRegister)
        }
        var readings: [IdentityReading] = []
        for register in registers {
            let value: UInt8
            do {
                value = try bus.readByte(address: address, register: register)
            } catch {
                if readings.isEmpty { return error.kind == .noAcknowledge ? .absent : .failed(error) }
                continue
            }
            if let chip = IMUChipKind.identified(by: value, register: register) {
                return .found(DetectedIMU(chip: chip, address: address, whoAmI: value))
            }
            readings.append(IdentityReading(register: register, value: value))
        }
        return readings.isEmpty ? .absent : .unknown(UnknownI2CResponder(address: address, readings: readings))
    }
}

/// What ``IMUProbe/scan(_:addresses:)`` found.
public struct IMUProbeReport: Hashable, Sendable {
    /// Known IMUs, in address order.
    public var found: [DetectedIMU] = []
    /// Chips that answered but with no known identity byte.
    public var unknown: [UnknownI2CResponder] = []
    /// Addresses where nobody acknowledged.
    public var absent: [UInt8] = []
    /// Addresses where the transfer failed otherwise (I/O error, bus timeout, …).
    public var failures: [I2CError] = []

    public init() {}
}

/// A known IMU found on the bus.
public struct DetectedIMU: Hashable, Sendable, CustomStringConvertible {
    /// Which chip.
    public var chip: IMUChipKind
    /// Its 7-bit address.
    public var address: UInt8
    /// The identity byte it answered with.
    public var whoAmI: UInt8

    public init(chip: IMUChipKind, address: UInt8, whoAmI: UInt8) {
        self.chip = chip
        self.address = address
        self.whoAmI = whoAmI
    }

    public var description: String { "\(chip) at \(hexByte(address)) (WHO_AM_I \(hexByte(whoAmI)))" }

    /// A driver for this chip on `bus` (not yet configured).
    public func makeDriver(bus: any I2CBus, clock: any MonotonicClock = SystemMonotonicClock()) -> any IMUDriver {
        switch chip.family {
        case .invenSenseMPU: MPUDriver(chip: chip, bus: bus, address: address, clock: clock)
        case .invenSenseICM20948: ICM20948Driver(bus: bus, address: address, clock: clock)
        case .stLSM6DS: LSM6DSDriver(chip: chip, bus: bus, address: address, clock: clock)
        }
    }
}

/// A chip that answered at an IMU address with an identity byte no driver knows.
public struct UnknownI2CResponder: Hashable, Sendable, CustomStringConvertible {
    /// Its 7-bit address.
    public var address: UInt8
    /// What it answered at each identity register tried.
    public var readings: [IdentityReading]

    public init(address: UInt8, readings: [IdentityReading]) {
        self.address = address
        self.readings = readings
    }

    public var description: String {
        "unknown chip at \(hexByte(address)): "
            + readings.map { "register \(hexByte($0.register)) = \(hexByte($0.value))" }.joined(separator: ", ")
    }
}

/// One identity register's value.
public struct IdentityReading: Hashable, Sendable {
    /// The register read.
    public var register: UInt8
    /// What it held.
    public var value: UInt8

    public init(register: UInt8, value: UInt8) {
        self.register = register
        self.value = value
    }
}

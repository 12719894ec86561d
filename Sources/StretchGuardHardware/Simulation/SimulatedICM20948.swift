import StretchGuardGPIO
import StretchGuardCore
import Synchronization

/// A register-level ICM-20948 (minimal): four register banks switched by REG_BANK_SEL (0x7F), WHO_AM_I 0xEA
/// in bank 0, device reset and sleep in PWR_MGMT_1, the gyroscope rate divider and the ranges in bank 2, and
/// big-endian data at 0x2D…0x38 (bank 0) from the ``IMUSampleSource`` every 1/ODR s, with RAW_DATA_0_RDY in
/// INT_STATUS_1 (cleared on read). No FIFO.
public final class SimulatedICM20948: SimulatedI2CDevice, SimulatedDataReadyPin {
    private let clock: any MonotonicClock
    private let state: Mutex<State>

    private struct State {
        /// Bank b's register r is at `b × 128 + r`.
        var registers: [UInt8]
        var bank = 0
        var source: any IMUSampleSource
        var schedule = SampleSchedule()
        var dataFrozen = false
    }

    private typealias Bank0 = ICM20948Register.Bank0
    private typealias Bank2 = ICM20948Register.Bank2

    /// - Parameters:
    ///   - clock: the simulation's time.
    ///   - source: what the chip measures (default: lying flat and still).
    public init(clock: any MonotonicClock, source: any IMUSampleSource = ConstantSampleSource()) {
        self.clock = clock
        state = Mutex(State(registers: Self.powerOnRegisters(), source: source))
    }

    /// Replaces what the chip measures from now on.
    public func setSource(_ source: any IMUSampleSource) {
        state.withLock { $0.source = source }
    }

    /// Freezes (or unfreezes) the data registers.
    public func setDataFrozen(_ frozen: Bool) {
        state.withLock { $0.dataFrozen = frozen }
    }

    /// A register's value in a bank, without side effects.
    public func peek(bank: Int, _ register: UInt8) -> UInt8 {
        state.withLock { $0.registers[bank * 128 + Int(register & 0x7F)] }
    }

    /// The register bank REG_BANK_SEL selects now.
    public var selectedBank: Int { state.withLock { $0.bank } }

    public func nextDataReadyPulse(after time: Double) -> Double? {
        state.withLock { state in
            guard state.registers[Int(Bank0.interruptEnable1)] & 0x01 != 0 else { return nil }
            return state.schedule.nextInstant(after: time, period: Self.period(state.registers))
        }
    }

    public func read(register: UInt8, count: Int) -> I2CBlock {
        let now = clock.now()
        return state.withLock { state in
            generateSamples(&state, until: now)
            var block = I2CBlock()
            for offset in 0..<count {
                let address = (register &+ UInt8(offset)) & 0x7F
                if address == ICM20948Register.bankSelect {
                    block.append(UInt8(state.bank << 4))
                    continue
                }
                let index = state.bank * 128 + Int(address)
                block.append(state.registers[index])
                if state.bank == 0 && address == Bank0.interruptStatus1 { state.registers[index] = 0 }
            }
            return block
        }
    }

    public func write(register: UInt8, bytes: I2CBlock) {
        let now = clock.now()
        state.withLock { state in
            generateSamples(&state, until: now)
            for (offset, value) in bytes.enumerated() {
                writeRegister(&state, (register &+ UInt8(offset)) & 0x7F, value, now: now)
            }
        }
    }

    public func powerOnReset() {
        state.withLock { state in
            state.registers = Self.powerOnRegisters()
            state.bank = 0
            state.schedule.stop()
        }
    }

    private static func powerOnRegisters() -> [UInt8] {
        var registers = [UInt8](repeating: 0, count: 4 * 128)
        registers[Int(Bank0.whoAmI)] = 0xEA
        registers[Int(Bank0.powerManagement1)] = 0x41  // asleep, automatic clock
        registers[2 * 128 + Int(Bank2.gyrConfig1)] = 0x01
        registers[2 * 128 + Int(Bank2.accConfig)] = 0x01
        return registers
    }

    private func writeRegister(_ state: inout State, _ register: UInt8, _ value: UInt8, now: Double) {
        if register == ICM20948Register.bankSelect {
            state.bank = Int(value >> 4 & 0x03)
            return
        }
        let index = state.bank * 128 + Int(register)
        switch (state.bank, register) {
        case (0, Bank0.whoAmI), (0, Bank0.interruptStatus1), (0, Bank0.accXHigh...0x38):
            return  // read-only
        case (0, Bank0.powerManagement1):
            if value & 0x80 != 0 {
                state.registers = Self.powerOnRegisters()  // DEVICE_RESET clears itself, bank back to 0
                state.bank = 0
                state.schedule.stop()
                return
            }
            state.registers[index] = value
            if value & 0x40 != 0 { state.schedule.stop() } else if !state.schedule.isRunning { state.schedule.start(at: now) }
        case (2, Bank2.gyrSampleRateDivider):
            state.registers[index] = value
            if state.schedule.isRunning { state.schedule.start(at: now) }
        default:
            state.registers[index] = value
        }
    }

    /// The gyroscope's sample period, in s: (1 + GYRO_SMPLRT_DIV) / 1.125 kHz.
    private static func period(_ registers: [UInt8]) -> Double {
        (1 + Double(registers[2 * 128 + Int(Bank2.gyrSampleRateDivider)])) / 1125
    }

    private func generateSamples(_ state: inout State, until now: Double) {
        let due = state.schedule.takeDue(until: now, period: Self.period(state.registers), limit: 1)
        for instant in due.instants {
            let sample = state.source.sample(at: instant)
            if !state.dataFrozen {
                let gyrCode = Int(state.registers[2 * 128 + Int(Bank2.gyrConfig1)] >> 1 & 0x03)
                let accCode = Int(state.registers[2 * 128 + Int(Bank2.accConfig)] >> 1 & 0x03)
                let gyr = CountEncoding.counts(sample.gyr * (180 / .pi), countsPerUnit: MPUTables.gyrCountsPerDegreePerSecond[gyrCode])
                let acc = CountEncoding.counts(sample.acc / standardGravity,
                                               countsPerUnit: 16384 / Double(1 << accCode))
                CountEncoding.writeBigEndian(acc, into: &state.registers, at: Int(Bank0.accXHigh))
                CountEncoding.writeBigEndian(gyr, into: &state.registers, at: Int(Bank0.accXHigh) + 6)
            }
            state.registers[Int(Bank0.interruptStatus1)] |= 0x01
        }
    }
}

import StretchGuardGPIO
import StretchGuardCore
import Synchronization

/// A register-level MPU-6050 (or MPU-6500 / MPU-9250 / MPU-9255, which answer with their own WHO_AM_I and
/// FIFO size): 256 registers, configuration writes that take effect, a new sample from the
/// ``IMUSampleSource`` every 1/ODR s of the injected clock, converted to counts per the configured ranges
/// (saturating at ±32767), with DATA_RDY in INT_STATUS (cleared on read) and a FIFO.
///
/// Time only matters when the chip is touched: each transfer first generates the samples due since the
/// last one (at most a FIFO's worth plus one; older ones count as a FIFO overflow).
public final class SimulatedMPU6050: SimulatedI2CDevice, SimulatedDataReadyPin {
    /// Which chip it answers as.
    public let model: IMUChipKind
    private let clock: any MonotonicClock
    private let state: Mutex<State>

    private struct State {
        var registers: [UInt8]
        var source: any IMUSampleSource
        var schedule = SampleSchedule()
        var fifo: [UInt8] = []
        var dataFrozen = false
    }

    /// - Parameters:
    ///   - model: one of the MPU family (default MPU-6050).
    ///   - clock: the simulation's time (a ``ManualClock`` in tests).
    ///   - source: what the chip measures (default: lying flat and still).
    public init(model: IMUChipKind = .mpu6050, clock: any MonotonicClock,
                source: any IMUSampleSource = ConstantSampleSource()) {
        precondition(model.family == .invenSenseMPU, "SimulatedMPU6050 simulates the MPU-6050/6500/9250 family")
        self.model = model
        self.clock = clock
        state = Mutex(State(registers: Self.powerOnRegisters(model), source: source))
    }

    /// Replaces what the chip measures from now on.
    public func setSource(_ source: any IMUSampleSource) {
        state.withLock { $0.source = source }
    }

    /// Freezes (or unfreezes) the data registers: new samples still raise DATA_RDY but leave the values as
    /// they are, like a chip whose signal path has hung.
    public func setDataFrozen(_ frozen: Bool) {
        state.withLock { $0.dataFrozen = frozen }
    }

    /// A register's value, without the side effects of a bus read (no clear-on-read, no new samples).
    public func peek(_ register: UInt8) -> UInt8 {
        state.withLock { $0.registers[Int(register)] }
    }

    /// How many bytes the FIFO holds.
    public var fifoByteCount: Int { state.withLock { $0.fifo.count } }

    /// The output data rate the registers set, in Hz; nil while asleep.
    public var outputDataRate: Double? {
        state.withLock { $0.schedule.isRunning ? 1 / Self.period($0.registers) : nil }
    }

    public func nextDataReadyPulse(after time: Double) -> Double? {
        state.withLock { state in
            guard state.registers[Int(MPURegister.interruptEnable)] & 0x01 != 0 else { return nil }
            return state.schedule.nextInstant(after: time, period: Self.period(state.registers))
        }
    }

    public func read(register: UInt8, count: Int) -> I2CBlock {
        let now = clock.now()
        return state.withLock { state in
            generateSamples(&state, until: now)
            var block = I2CBlock()
            var address = register
            for _ in 0..<count {
                block.append(readRegister(&state, address))
                if address != MPURegister.fifoData { address &+= 1 }
            }
            return block
        }
    }

    public func write(register: UInt8, bytes: I2CBlock) {
        let now = clock.now()
        state.withLock { state in
            generateSamples(&state, until: now)
            for (offset, byte) in bytes.enumerated() {
                writeRegister(&state, register &+ UInt8(offset), byte, now: now)
            }
        }
    }

    public func powerOnReset() {
        state.withLock { state in
            state.registers = Self.powerOnRegisters(model)
            state.schedule.stop()
            state.fifo = []
        }
    }

    // MARK: Registers

    private static func powerOnRegisters(_ model: IMUChipKind) -> [UInt8] {
        var registers = [UInt8](repeating: 0, count: 256)
        registers[Int(MPURegister.powerManagement1)] = 0x40  // asleep
        registers[Int(MPURegister.whoAmI)] = model.whoAmIValue
        return registers
    }

    private func readRegister(_ state: inout State, _ register: UInt8) -> UInt8 {
        switch register {
        case MPURegister.fifoCountHigh:
            return UInt8((state.fifo.count >> 8) & 0x1F)
        case MPURegister.fifoCountHigh + 1:
            return UInt8(state.fifo.count & 0xFF)
        case MPURegister.fifoData:
            return state.fifo.isEmpty ? 0 : state.fifo.removeFirst()
        case MPURegister.interruptStatus:
            defer { state.registers[Int(register)] = 0 }
            return state.registers[Int(register)]
        default:
            return state.registers[Int(register)]
        }
    }

    private func writeRegister(_ state: inout State, _ register: UInt8, _ value: UInt8, now: Double) {
        switch register {
        case MPURegister.whoAmI, MPURegister.interruptStatus...0x48, MPURegister.fifoCountHigh...MPURegister.fifoData:
            return  // read-only (FIFO writes are not simulated)
        case MPURegister.powerManagement1:
            if value & 0x80 != 0 {
                state.registers = Self.powerOnRegisters(model)  // DEVICE_RESET clears itself
                state.schedule.stop()
                state.fifo = []
                return
            }
            state.registers[Int(register)] = value
            let asleep = value & 0x40 != 0
            if asleep { state.schedule.stop() } else if !state.schedule.isRunning { state.schedule.start(at: now) }
        case MPURegister.sampleRateDivider, MPURegister.config:
            state.registers[Int(register)] = value
            if state.schedule.isRunning { state.schedule.start(at: now) }
        case MPURegister.userControl:
            if value & 0x04 != 0 { state.fifo = [] }
            state.registers[Int(register)] = value & ~0x05  // FIFO_RESET and SIG_COND_RESET clear themselves
        default:
            state.registers[Int(register)] = value
        }
    }

    // MARK: Sampling

    /// The sample period the registers set, in s: (1 kHz, or 8 kHz with DLPF_CFG 0 or 7) / (1 + SMPLRT_DIV).
    private static func period(_ registers: [UInt8]) -> Double {
        let filter = registers[Int(MPURegister.config)] & 0x07
        let internalRate = filter == 0 || filter == 7 ? 8000.0 : 1000.0
        return (1 + Double(registers[Int(MPURegister.sampleRateDivider)])) / internalRate
    }

    private var fifoCapacity: Int { model == .mpu6050 ? 1024 : 512 }

    /// Generates every sample due by `now` (at most a full FIFO's worth and one more: skipping older ones
    /// counts as an overflow when the FIFO is on).
    private func generateSamples(_ state: inout State, until now: Double) {
        let due = state.schedule.takeDue(until: now, period: Self.period(state.registers), limit: fifoCapacity / 12 + 1)
        if due.skipped && state.registers[Int(MPURegister.userControl)] & 0x40 != 0 {
            state.registers[Int(MPURegister.interruptStatus)] |= 0x10
        }
        for instant in due.instants { generateSample(&state, at: instant) }
    }

    private func generateSample(_ state: inout State, at time: Double) {
        let sample = state.source.sample(at: time)
        if !state.dataFrozen {
            let gyrCountsPerDegree = MPUTables.gyrCountsPerDegreePerSecond[Int(state.registers[0x1B] >> 3 & 0x03)]
            let accCountsPerGravity = 16384.0 / Double(1 << Int(state.registers[0x1C] >> 3 & 0x03))
            let acc = CountEncoding.counts(sample.acc / standardGravity, countsPerUnit: accCountsPerGravity)
            let gyr = CountEncoding.counts(sample.gyr * (180 / .pi), countsPerUnit: gyrCountsPerDegree)
            let temperature = UInt16(bitPattern: model == .mpu6050 ? -3920 : 1335)  // 25 °C
            CountEncoding.writeBigEndian(acc, into: &state.registers, at: 0x3B)
            state.registers[0x41] = UInt8(temperature >> 8)
            state.registers[0x42] = UInt8(temperature & 0xFF)
            CountEncoding.writeBigEndian(gyr, into: &state.registers, at: 0x43)
        }
        state.registers[Int(MPURegister.interruptStatus)] |= 0x01
        pushToFIFO(&state)
    }

    /// Queues the enabled data registers (in register order: acc, temperature, gyr x/y/z) when the FIFO is on,
    /// overwriting the oldest bytes when full (and flagging FIFO_OFLOW_INT).
    private func pushToFIFO(_ state: inout State) {
        guard state.registers[Int(MPURegister.userControl)] & 0x40 != 0 else { return }
        let enabled = state.registers[Int(MPURegister.fifoEnable)]
        var record: [UInt8] = []
        if enabled & 0x08 != 0 { record += state.registers[0x3B...0x40] }
        if enabled & 0x80 != 0 { record += state.registers[0x41...0x42] }
        if enabled & 0x40 != 0 { record += state.registers[0x43...0x44] }
        if enabled & 0x20 != 0 { record += state.registers[0x45...0x46] }
        if enabled & 0x10 != 0 { record += state.registers[0x47...0x48] }
        let overflow = state.fifo.count + record.count - fifoCapacity
        if overflow > 0 {
            state.fifo.removeFirst(min(overflow, state.fifo.count))
            state.registers[Int(MPURegister.interruptStatus)] |= 0x10
        }
        state.fifo += record
    }
}

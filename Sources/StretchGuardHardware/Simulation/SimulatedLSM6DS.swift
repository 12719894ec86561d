import StretchGuardGPIO
import StretchGuardCore
import Synchronization

/// A register-level ST LSM6DS3 / LSM6DS3TR-C / LSM6DSOX: WHO_AM_I, software reset in CTRL3_C
/// (self-clearing), register auto-increment only while IF_INC is set, the ODR and ranges of CTRL1_XL and
/// CTRL2_G, and little-endian data at 0x22…0x2D (gyr then acc) from the ``IMUSampleSource`` at the
/// gyroscope's ODR, with GDA/XLDA in STATUS_REG (cleared when the data are read), and the FIFO
/// (``SimulatedSTFIFO``: the pattern of the LSM6DS3 family or the LSM6DSOX's tagged words) in continuous
/// mode.
public final class SimulatedLSM6DS: SimulatedI2CDevice, SimulatedDataReadyPin {
    /// Which chip it answers as.
    public let model: IMUChipKind
    private let clock: any MonotonicClock
    private let state: Mutex<State>

    private struct State {
        var registers: [UInt8]
        var source: any IMUSampleSource
        var schedule = SampleSchedule()
        var fifo: SimulatedSTFIFO
        var dataFrozen = false
    }

    /// - Parameters:
    ///   - model: one of the LSM6DS family (default LSM6DSOX).
    ///   - clock: the simulation's time.
    ///   - source: what the chip measures (default: lying flat and still).
    public init(model: IMUChipKind = .lsm6dsox, clock: any MonotonicClock,
                source: any IMUSampleSource = ConstantSampleSource()) {
        precondition(model.family == .stLSM6DS, "SimulatedLSM6DS simulates the LSM6DS3/LSM6DS3TR-C/LSM6DSOX")
        self.model = model
        self.clock = clock
        state = Mutex(State(registers: Self.powerOnRegisters(model), source: source, fifo: Self.emptyFIFO(model)))
    }

    /// Replaces what the chip measures from now on.
    public func setSource(_ source: any IMUSampleSource) {
        state.withLock { $0.source = source }
    }

    /// Freezes (or unfreezes) the data registers.
    public func setDataFrozen(_ frozen: Bool) {
        state.withLock { $0.dataFrozen = frozen }
    }

    /// A register's value, without side effects.
    public func peek(_ register: UInt8) -> UInt8 {
        state.withLock { $0.registers[Int(register)] }
    }

    /// How many bytes the FIFO holds.
    public var fifoByteCount: Int {
        state.withLock { $0.fifo.byteCount }
    }

    public func nextDataReadyPulse(after time: Double) -> Double? {
        state.withLock { state in
            guard state.registers[Int(LSM6DSRegister.int1Control)] & LSM6DSBit.int1GyrDataReady != 0,
                  let period = Self.period(state.registers) else { return nil }
            return state.schedule.nextInstant(after: time, period: period)
        }
    }

    public func read(register: UInt8, count: Int) -> I2CBlock {
        let now = clock.now()
        return state.withLock { state in
            generateSamples(&state, until: now)
            let increments = state.registers[Int(LSM6DSRegister.control3)] & 0x04 != 0
            var block = I2CBlock()
            var address = register
            for _ in 0..<count {
                block.append(readRegister(&state, address))
                address = nextAddress(after: address, incrementing: increments)
            }
            return block
        }
    }

    public func write(register: UInt8, bytes: I2CBlock) {
        let now = clock.now()
        state.withLock { state in
            generateSamples(&state, until: now)
            let increments = state.registers[Int(LSM6DSRegister.control3)] & 0x04 != 0
            var address = register
            for value in bytes {
                writeRegister(&state, address, value, now: now)
                if increments { address &+= 1 }
            }
        }
    }

    public func powerOnReset() {
        state.withLock { state in
            state.registers = Self.powerOnRegisters(model)
            state.schedule.stop()
            state.fifo.clear()
        }
    }

    private static func emptyFIFO(_ model: IMUChipKind) -> SimulatedSTFIFO {
        switch model {
        case .lsm6ds3: SimulatedSTFIFO(isTagged: false, capacityBytes: 8192)
        case .lsm6ds3trc: SimulatedSTFIFO(isTagged: false, capacityBytes: 4096)
        default: SimulatedSTFIFO(isTagged: true, capacityBytes: 3072)
        }
    }

    /// The FIFO data registers: 0x3E…0x3F (LSM6DS3 family) or 0x78…0x7E (LSM6DSOX).
    private var fifoData: ClosedRange<UInt8> { model == .lsm6dsox ? 0x78...0x7E : 0x3E...0x3F }

    private func readRegister(_ state: inout State, _ register: UInt8) -> UInt8 {
        switch register {
        case 0x3A...0x3D:
            return state.fifo.status(Int(register - 0x3A))
        case fifoData:
            return state.fifo.popByte()
        case LSM6DSRegister.gyrXLow...0x2D:
            state.registers[Int(LSM6DSRegister.status)] &= ~0x03
            return state.registers[Int(register)]
        default:
            return state.registers[Int(register)]
        }
    }

    /// The register a burst goes on to: the next one while IF_INC is set, except that the FIFO data
    /// registers roll over to their first.
    private func nextAddress(after register: UInt8, incrementing: Bool) -> UInt8 {
        guard incrementing else { return register }
        return register == fifoData.upperBound ? fifoData.lowerBound : register &+ 1
    }

    private static func powerOnRegisters(_ model: IMUChipKind) -> [UInt8] {
        var registers = [UInt8](repeating: 0, count: 256)
        registers[Int(LSM6DSRegister.whoAmI)] = model.whoAmIValue
        registers[Int(LSM6DSRegister.control3)] = 0x04  // IF_INC
        return registers
    }

    private func writeRegister(_ state: inout State, _ register: UInt8, _ value: UInt8, now: Double) {
        switch register {
        case LSM6DSRegister.whoAmI, LSM6DSRegister.status, LSM6DSRegister.gyrXLow...0x2D:
            return  // read-only
        case LSM6DSRegister.control3 where value & LSM6DSBit.softwareReset != 0:
            state.registers = Self.powerOnRegisters(model)  // SW_RESET clears itself
            state.schedule.stop()
            state.fifo.clear()
        case LSM6DSFIFO.modeRegister:
            state.registers[Int(register)] = value
            if value & 0x07 == 0 { state.fifo.clear() }  // bypass mode empties the FIFO
        case LSM6DSRegister.gyrControl2:
            let changed = state.registers[Int(register)] >> 4 != value >> 4
            state.registers[Int(register)] = value
            if value >> 4 == 0 { state.schedule.stop() } else if changed { state.schedule.start(at: now) }
        default:
            state.registers[Int(register)] = value
        }
    }

    /// The gyroscope's sample period from CTRL2_G's ODR code, in s; nil when powered down.
    private static func period(_ registers: [UInt8]) -> Double? {
        let code = Int(registers[Int(LSM6DSRegister.gyrControl2)] >> 4)
        guard (1...10).contains(code) else { return nil }
        return 1 / [12.5, 26, 52, 104, 208, 416, 833, 1666, 3332, 6664][code - 1]
    }

    private func generateSamples(_ state: inout State, until now: Double) {
        guard let period = Self.period(state.registers) else { return }
        let due = state.schedule.takeDue(until: now, period: period, limit: state.fifo.capacitySamples + 1)
        if due.skipped && fifoIsOn(state.registers) { state.fifo.flagOverrun() }
        for instant in due.instants {
            let sample = state.source.sample(at: instant)
            if !state.dataFrozen { store(sample, in: &state.registers) }
            state.registers[Int(LSM6DSRegister.status)] |= 0x03
            if fifoIsOn(state.registers) {
                let data = I2CBlock(state.registers[Int(LSM6DSRegister.gyrXLow)...0x2D])
                state.fifo.push(RawIMUCounts.littleEndian(data, gyrOffset: 0, accOffset: 6))
            }
        }
    }

    /// Whether the FIFO queues samples: continuous mode, and both sensors batched (LSM6DSOX: BDR_GY and
    /// BDR_XL set; LSM6DS3 family: ODR_FIFO set and no decimation).
    private func fifoIsOn(_ registers: [UInt8]) -> Bool {
        let mode = registers[Int(LSM6DSFIFO.modeRegister)]
        guard mode & 0x07 == LSM6DSFIFO.continuousMode else { return false }
        if model == .lsm6dsox {
            return registers[0x09] & 0x0F != 0 && registers[0x09] >> 4 != 0
        }
        return mode >> 3 & 0x0F != 0 && registers[0x08] == 0x09
    }

    /// Writes a sample's counts per CTRL2_G's and CTRL1_XL's ranges (the accelerometer only while its ODR
    /// code is set).
    private func store(_ sample: IMUSample, in registers: inout [UInt8]) {
        let gyrControl = registers[Int(LSM6DSRegister.gyrControl2)]
        let millidegreesPerCount = gyrControl & 0x02 != 0 ? 4.375 : [8.75, 17.5, 35, 70][Int(gyrControl >> 2 & 0x03)]
        let gyr = CountEncoding.counts(sample.gyr * (180_000 / .pi), countsPerUnit: 1 / millidegreesPerCount)
        CountEncoding.writeLittleEndian(gyr, into: &registers, at: Int(LSM6DSRegister.gyrXLow))
        let accControl = registers[Int(LSM6DSRegister.accControl1)]
        if accControl >> 4 != 0 {
            let milligravitiesPerCount = [0.061, 0.488, 0.122, 0.244][Int(accControl >> 2 & 0x03)]
            let acc = CountEncoding.counts(sample.acc * (1000 / standardGravity), countsPerUnit: 1 / milligravitiesPerCount)
            CountEncoding.writeLittleEndian(acc, into: &registers, at: Int(LSM6DSRegister.gyrXLow) + 6)
        }
    }
}

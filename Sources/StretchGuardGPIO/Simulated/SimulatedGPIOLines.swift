import Synchronization

/// An open chip of a `SimulatedGPIO`.
final class SimulatedGPIOChip: GPIOChip {
    let info: GPIOChipInfo
    private let simulation: SimulatedGPIO
    private let index: Int
    private let isClosed = Mutex(false)

    init(simulation: SimulatedGPIO, index: Int, info: GPIOChipInfo) {
        self.simulation = simulation
        self.index = index
        self.info = info
    }

    func close() { isClosed.withLock { $0 = true } }

    private func checkOpen() throws(GPIOError) {
        if isClosed.withLock({ $0 }) { throw GPIOError.closed("GPIO chip \(info.name)") }
    }

    func offset(of line: GPIOLineAddress) throws(GPIOError) -> Int {
        try checkOpen()
        let index = self.index
        return try simulation.mutate { state throws(GPIOError) in (try state.offset(of: line, chip: index).get(), nil) }
    }

    func lineInfo(offset: Int) throws(GPIOError) -> GPIOLineInfo {
        let checked = try self.offset(of: .offset(offset))
        let index = self.index
        return try simulation.mutate { state throws(GPIOError) in
            let line = state.chips[index].lines[checked]
            return (GPIOLineInfo(offset: checked, name: line.name, consumer: line.holder, isUsed: line.holder != nil,
                                 isOutput: line.isOutput, isActiveLow: line.activeLow), nil)
        }
    }

    /// Takes the line for a new request, or throws `.lineBusy` naming its holder.
    private static func take(_ offset: Int, chip index: Int, consumer: String,
                             in state: inout SimulatedGPIOState) throws(GPIOError) -> Int {
        if let holder = state.chips[index].lines[offset].holder {
            throw GPIOError.lineBusy(line: state.describe(chip: index, offset: offset), consumer: holder)
        }
        let request = state.nextRequest
        state.nextRequest += 1
        state.chips[index].lines[offset].holder = consumer
        state.chips[index].lines[offset].request = request
        return request
    }

    func requestOutput(_ line: GPIOLineAddress, settings: GPIOOutputSettings) throws(GPIOError) -> any GPIOOutput {
        let offset = try self.offset(of: line)
        let index = self.index
        let (request, description) = try simulation.mutate { state throws(GPIOError) in
            let request = try Self.take(offset, chip: index, consumer: settings.consumer, in: &state)
            state.chips[index].lines[offset].isOutput = true
            state.chips[index].lines[offset].activeLow = settings.activeLow
            let write = state.drive(chip: index, offset: offset, active: settings.initiallyActive)
            return ((request, state.describe(chip: index, offset: offset)), write)
        }
        return SimulatedGPIOOutput(simulation: simulation, chip: index, offset: offset, request: request,
                                   lineDescription: description)
    }

    func requestEdges(_ line: GPIOLineAddress, settings: GPIOInputSettings) throws(GPIOError) -> any GPIOEdgeInput {
        let offset = try self.offset(of: line)
        let index = self.index
        let (request, description) = try simulation.mutate { state throws(GPIOError) in
            let request = try Self.take(offset, chip: index, consumer: settings.consumer, in: &state)
            state.chips[index].lines[offset].isOutput = false
            state.chips[index].lines[offset].activeLow = settings.activeLow
            state.chips[index].lines[offset].edges = settings.edges
            state.chips[index].lines[offset].queue = []
            if !state.chips[index].lines[offset].touched {  // an unconnected input follows its pull resistor
                if settings.bias == .pullUp { state.chips[index].lines[offset].high = true }
                if settings.bias == .pullDown { state.chips[index].lines[offset].high = false }
            }
            return ((request, state.describe(chip: index, offset: offset)), nil)
        }
        return SimulatedGPIOEdgeInput(simulation: simulation, chip: index, offset: offset, request: request,
                                      lineDescription: description)
    }
}

/// An output line of a `SimulatedGPIO`: every `setActive` is logged as a write.
final class SimulatedGPIOOutput: GPIOOutput {
    let lineDescription: String
    private let simulation: SimulatedGPIO
    private let chip: Int
    private let offset: Int
    private let request: Int

    init(simulation: SimulatedGPIO, chip: Int, offset: Int, request: Int, lineDescription: String) {
        self.simulation = simulation
        self.chip = chip
        self.offset = offset
        self.request = request
        self.lineDescription = lineDescription
    }

    deinit { release() }

    func setActive(_ active: Bool) throws(GPIOError) {
        let (chip, offset, request) = (self.chip, self.offset, self.request)
        try simulation.mutate { state throws(GPIOError) in
            try state.check(chip: chip, offset: offset, request: request)
            return ((), state.drive(chip: chip, offset: offset, active: active))
        }
    }

    func release() {
        let (chip, offset, request) = (self.chip, self.offset, self.request)
        simulation.mutate { state in ((), state.release(chip: chip, offset: offset, request: request)) }
    }
}

/// An input line of a `SimulatedGPIO`: edges come from `SimulatedGPIO.setLevel`, time from its clock.
final class SimulatedGPIOEdgeInput: GPIOEdgeInput {
    let lineDescription: String
    private let simulation: SimulatedGPIO
    private let chip: Int
    private let offset: Int
    private let request: Int

    init(simulation: SimulatedGPIO, chip: Int, offset: Int, request: Int, lineDescription: String) {
        self.simulation = simulation
        self.chip = chip
        self.offset = offset
        self.request = request
        self.lineDescription = lineDescription
    }

    deinit { release() }

    var fileDescriptor: Int32? { nil }

    func now() -> Double { simulation.now }

    func isActive() throws(GPIOError) -> Bool {
        let (chip, offset, request) = (self.chip, self.offset, self.request)
        return try simulation.mutate { state throws(GPIOError) in
            try state.check(chip: chip, offset: offset, request: request)
            return (state.chips[chip].lines[offset].isActive, nil)
        }
    }

    func waitForEdges(timeout: Double) throws(GPIOError) -> Bool {
        let (chip, offset, request) = (self.chip, self.offset, self.request)
        return try simulation.mutate { state throws(GPIOError) in
            try state.check(chip: chip, offset: offset, request: request)
            return (state.waitForEdges(chip: chip, offset: offset, timeout: timeout), nil)
        }
    }

    @discardableResult
    func readEdges(_ body: (GPIOEdge) -> Void) throws(GPIOError) -> Int {
        let (chip, offset, request) = (self.chip, self.offset, self.request)
        let edges = try simulation.mutate { state throws(GPIOError) in
            try state.check(chip: chip, offset: offset, request: request)
            return (state.takeEdges(chip: chip, offset: offset), nil)
        }
        edges.forEach(body)
        return edges.count
    }

    func release() {
        let (chip, offset, request) = (self.chip, self.offset, self.request)
        simulation.mutate { state in ((), state.release(chip: chip, offset: offset, request: request)) }
    }
}

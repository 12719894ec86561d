import StretchGuardCore

extension ScenarioParser {
    /// Reads one setting line (the keyword already read).
    mutating func parseSetting(_ keyword: String, _ line: inout ScenarioLine) throws(ScenarioError) {
        switch keyword {
        case "rate":
            scenario.sampleRate = try line.quantity(.hertz, what: "the sample rate", example: "rate 100 Hz",
                                                    range: 20...1000)
            try line.expectEnd(example: "rate 100 Hz")
        case "seed":
            guard let word = line.next(), let seed = UInt64(word) else {
                throw line.error("the seed must be a whole number from 0 to 2⁶⁴−1", fix: "write it like `seed 42`")
            }
            scenario.seed = seed
            try line.expectEnd(example: "seed 42")
        case "lever":
            scenario.leverArm = try line.quantity(.meters, what: "the lever arm", example: "lever 0.45 m",
                                                  range: 0.1...0.8)
            try line.expectEnd(example: "lever 0.45 m")
        case "mounting":
            scenario.mounting = try parseMounting(&line)
        case "sensor":
            switch line.next() {
            case "ideal": scenario.errors = .ideal
            case "typical": scenario.errors = .typical
            default: throw line.error("unknown sensor model", fix: "write `sensor typical` or `sensor ideal`")
            }
            try line.expectEnd(example: "sensor ideal")
        case "gyr", "acc":
            try parseSensorError(gyroscope: keyword == "gyr", &line)
        case "jitter":
            let jitter = try line.quantity(.milliseconds, what: "the jitter", example: "jitter 0.2 ms", range: 0...100)
            guard jitter <= 0.2 / scenario.sampleRate else {
                throw line.error("a jitter of \(ScenarioLine.format(jitter * 1000)) ms is more than a fifth of the sample period",
                                 fix: "use at most \(ScenarioLine.format(200 / scenario.sampleRate)) ms, or set `rate` lower first")
            }
            scenario.errors.jitter = jitter
            try line.expectEnd(example: "jitter 0.2 ms")
        case "drop":
            scenario.errors.dropRate = try line.quantity(.percent, what: "the drop rate", example: "drop 0.1 %",
                                                         range: 0...50)
            try line.expectEnd(example: "drop 0.1 %")
        case "family":
            guard let family = line.next(), family.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                throw line.error("the family needs a name of letters, digits and dashes", fix: "write it like `family twist-standing`")
            }
            scenario.family = family
            try line.expectEnd(example: "family twist-standing")
        case "conditions":
            switch line.next() {
            case "fixed": scenario.conditionsPinned = true
            case "random": scenario.conditionsPinned = false
            default: throw line.error("unknown conditions", fix: "write `conditions fixed` (keep this file's mounting, rate and sensor) or `conditions random`")
            }
            try line.expectEnd(example: "conditions fixed")
        case "start":
            switch line.next() {
            case "moving": scenario.startsMoving = true
            case "still": scenario.startsMoving = false
            default: throw line.error("unknown start", fix: "write `start moving` (no still baseline at t = 0) or `start still`")
            }
            try line.expectEnd(example: "start moving")
        case "pelvis":
            switch line.next() {
            case "on": scenario.pelvis = .standard
            case "off": scenario.pelvis = nil
            default: throw line.error("unknown pelvis setting", fix: "write `pelvis on` (render a second sensor on the pelvis) or `pelvis off`")
            }
            try line.expectEnd(example: "pelvis on")
        default:  // "expect"
            scenario.expectedAlerts = try parseExpectation(&line)
        }
    }

    private func parseMounting(_ line: inout ScenarioLine) throws(ScenarioError) -> SensorMounting {
        let example = "mounting up -y forward +z"
        switch line.next() {
        case "aligned":
            try line.expectEnd(example: "mounting aligned")
            return .aligned
        case "random":
            try line.expectEnd(example: "mounting random")
            return .random
        case "rotation":
            let x = try line.quantity(.angle, what: "the rotation's x", example: "mounting rotation 10 -20 90")
            let y = try line.quantity(.angle, what: "the rotation's y", example: "mounting rotation 10 -20 90")
            let z = try line.quantity(.angle, what: "the rotation's z", example: "mounting rotation 10 -20 90")
            try line.expectEnd(example: "mounting rotation 10 -20 90")
            return .rotation(Vector3D(x, y, z))
        case "up", "forward":
            var up: SensorAxis?, forward: SensorAxis?
            line.stepBack()
            while let role = line.next() {
                guard role == "up" || role == "forward" else {
                    throw line.error("unexpected '\(role)' in the mounting", fix: "write it like `\(example)`")
                }
                guard let word = line.next(), let axis = SensorAxis(rawValue: word) else {
                    throw line.error("the \(role) axis must be one of +x -x +y -y +z -z", fix: "write it like `\(example)`")
                }
                if role == "up" { up = axis } else { forward = axis }
            }
            guard let up, let forward else {
                throw line.error("the mounting needs both an up and a forward axis", fix: "write it like `\(example)`")
            }
            guard abs(up.vector.dot(forward.vector)) < 0.5 else {
                throw line.error("the up and forward axes are parallel", fix: "pick two different sensor axes, e.g. `\(example)`")
            }
            return .axes(up: up, forward: forward)
        default:
            throw line.error("unknown mounting", fix: "write `mounting aligned`, `mounting random`, `\(example)` or `mounting rotation 10 -20 90` (rotation vector, °)")
        }
    }

    private mutating func parseSensorError(gyroscope: Bool, _ line: inout ScenarioLine) throws(ScenarioError) {
        let sensor = gyroscope ? "gyr" : "acc"
        let property = line.next() ?? ""
        let example = "\(sensor) \(property) \(gyroscope ? "0.1" : "0.02")"
        var errors = scenario.errors
        switch property {
        case "noise":
            let value = try line.quantity(gyroscope ? .angularRate : .acceleration, what: "the noise", example: example, range: 0...100)
            if gyroscope { errors.gyrNoise = value } else { errors.accNoise = value }
        case "bias":
            let value = try line.quantity(gyroscope ? .angularRate : .acceleration, what: "the bias", example: example, range: 0...100)
            if gyroscope { errors.gyrBias = value } else { errors.accBias = value }
        case "drift":
            let value = try line.quantity(gyroscope ? .angularRateWalk : .accelerationWalk, what: "the drift",
                                          example: "\(sensor) drift 0.005", range: 0...10)
            if gyroscope { errors.gyrDrift = value } else { errors.accDrift = value }
        case "scale":
            let value = try line.quantity(.percent, what: "the scale error", example: "\(sensor) scale 0.5 %", range: 0...20)
            if gyroscope { errors.gyrScale = value } else { errors.accScale = value }
        case "range":
            let rangeExample = gyroscope ? "gyr range 500 °/s" : "acc range 8 g"
            let value: Double?
            if line.accept("off") {
                value = nil
            } else if gyroscope {
                value = try line.quantity(.angularRate, what: "the range", example: rangeExample, range: 100...4000)
            } else {
                value = try line.quantity(.gravities, what: "the range", example: rangeExample, range: 2...32)
            }
            if gyroscope { errors.gyrRange = value } else { errors.accRange = value }
            try line.expectEnd(example: rangeExample)
        default:
            throw line.error("unknown \(sensor) setting '\(property)'",
                             fix: "use one of noise, bias, drift, scale, range, e.g. `\(sensor) noise \(gyroscope ? "0.07" : "0.012")`")
        }
        try line.expectEnd(example: example)
        scenario.errors = errors
    }

    private func parseExpectation(_ line: inout ScenarioLine) throws(ScenarioError) -> Set<ExpectedAlert> {
        let fix = "write `expect never`, `expect twist`, `expect bounce` or `expect twist bounce`"
        if line.accept("never") {
            try line.expectEnd(example: "expect never")
            return []
        }
        var alerts = Set<ExpectedAlert>()
        while let word = line.next() {
            guard let alert = ExpectedAlert(rawValue: word) else { throw line.error("unknown alert '\(word)'", fix: fix) }
            alerts.insert(alert)
        }
        guard !alerts.isEmpty else { throw line.error("the expectation is missing", fix: fix) }
        return alerts
    }
}

import StretchGuardCore

extension ScenarioParser {
    /// Reads one step line (the keyword already read): one step, or two for a move with an overshoot.
    mutating func parseStep(_ keyword: String, _ line: inout ScenarioLine) throws(ScenarioError) -> [ScenarioStep] {
        switch keyword {
        case "still", "hold":
            _ = line.accept("for")
            let duration = try line.quantity(.seconds, what: "the duration", example: "\(keyword) 3 s", range: 0.01...3600)
            try line.expectEnd(example: "\(keyword) 3 s")
            return [ScenarioStep(keyword: keyword, line: line.number, duration: duration, action: .hold)]
        case "bend", "flexion", "side", "twist":
            line.stepBack()
            return try parseMove(label: keyword == "flexion" ? "bend" : keyword, &line)
        case "neutral":
            return try finishMove(label: "neutral", target: .neutral, example: "neutral over 3 s", &line)
        case "turn":
            return [try parseTurn(&line)]
        case "walk":
            let example = "walk 10 s at 1.2 m/s"
            _ = line.accept("for")
            let duration = try line.quantity(.seconds, what: "the walking time", example: example, range: 1...3600)
            var speed = 1.2
            if line.accept("at") {
                speed = try line.quantity(.speed, what: "the walking speed", example: example, range: 0.3...2.5)
            }
            try line.expectEnd(example: example)
            return [ScenarioStep(keyword: "walk", line: line.number, duration: duration,
                                 action: .walk(speed: speed, stepping: .walking))]
        case "jump":
            return [try parseJump(&line)]
        default:  // bounce, oscillate, catcow, breathe, tremor
            return [try parseOscillation(keyword, &line)]
        }
    }

    /// `turn 90 [over 2 s] [gentle [at 1.5..1.9 Hz] [bob 0.007..0.012 m]]`.
    private mutating func parseTurn(_ line: inout ScenarioLine) throws(ScenarioError) -> ScenarioStep {
        let example = "turn 90 over 2 s gentle"
        let angle = try line.quantity(.angle, what: "the turn angle", example: example, range: -720...720)
        let duration = try optionalDuration(&line, example: example) ?? max(1.5, abs(angle) / (60 * degree))
        var stepping = SteppingPattern.turning
        if line.accept("gentle") {
            var frequency = line.random.uniform(in: SteppingPattern.gentleFrequencies)
            var bob = line.random.uniform(in: SteppingPattern.gentleBobs)
            while let option = line.next() {
                switch option {
                case "at":
                    frequency = try line.quantity(.hertz, what: "the step rate", example: "turn 90 over 2 s gentle at 1.7 Hz",
                                                  range: 0.5...3)
                case "bob":
                    bob = try line.quantity(.meters, what: "the vertical bob", example: "turn 90 over 2 s gentle bob 0.01 m",
                                            range: 0...0.05)
                default:
                    throw line.error("unexpected '\(option)'", fix: "after `gentle` come `at F Hz` and `bob A m`, e.g. `\(example) at 1.7 Hz bob 0.01 m`")
                }
            }
            stepping = .gentle(frequency: frequency, bob: bob)
        }
        try line.expectEnd(example: example)
        return ScenarioStep(keyword: "turn", line: line.number, duration: duration, action: .turn(angle: angle, stepping: stepping))
    }

    /// `bend 40 [side 10] [twist 15] [over 3 s] [peak 0.4] [overshoot 3]`: angles are absolute targets.
    private mutating func parseMove(label: String, _ line: inout ScenarioLine) throws(ScenarioError) -> [ScenarioStep] {
        var target = PostureTarget()
        while let word = line.peek, ["bend", "flexion", "side", "twist"].contains(word) {
            _ = line.next()
            let example = "\(word) 30 over 2 s"
            let angle = try line.quantity(.angle, what: "the \(word) angle", example: example)
            switch word {
            case "side": target.sideBend = angle
            case "twist": target.twist = angle
            default: target.flexion = angle
            }
        }
        return try finishMove(label: label, target: target, example: "\(label) 30 over 2 s", &line)
    }

    private mutating func finishMove(label: String, target: PostureTarget, example: String,
                                     _ line: inout ScenarioLine) throws(ScenarioError) -> [ScenarioStep] {
        let start = posture
        let end = PostureAngles(flexion: target.flexion ?? posture.flexion,
                                sideBend: target.sideBend ?? posture.sideBend, twist: target.twist ?? posture.twist)
        try checkLimits(end, line)
        let change = max(abs(end.flexion - posture.flexion), abs(end.sideBend - posture.sideBend),
                         abs(end.twist - posture.twist))
        // Default pace: 30 °/s, at least 1 s.
        let duration = try optionalDuration(&line, example: example) ?? max(1, change / (30 * degree))
        var peak = 0.5, overshoot = 0.0
        while let option = line.next() {
            switch option {
            case "peak":
                peak = try line.quantity(.number, what: "the velocity peak", example: "\(example) peak 0.4", range: 0.38...0.62)
            case "overshoot":
                overshoot = try line.quantity(.angle, what: "the overshoot", example: "\(example) overshoot 3", range: 0...10)
            default:
                throw line.error("unexpected '\(option)'", fix: "after the duration come `peak P` (0.38–0.62) and `overshoot A` (°), e.g. `\(example) peak 0.4 overshoot 3`")
            }
        }
        posture = end
        var move = ScenarioStep(keyword: label, line: line.number, duration: duration, action: .move(target))
        move.velocityPeak = peak
        guard overshoot > 0, change > 0 else { return [move] }
        // Past the target by `overshoot` along the move (the largest change overshoots by all of it), then
        // a short correction back: one reversal, never a bounce.
        func beyond(_ from: Double, _ to: Double) -> Double { to + (to - from) / change * overshoot }
        let far = PostureAngles(flexion: beyond(start.flexion, end.flexion),
                                sideBend: beyond(start.sideBend, end.sideBend), twist: beyond(start.twist, end.twist))
        try checkLimits(far, line)
        let correction = min(max(0.3 * duration, 0.3), 1)
        move.duration = max(duration - correction, 0.2)
        move.action = .move(PostureTarget(flexion: far.flexion, sideBend: far.sideBend, twist: far.twist))
        let back = ScenarioStep(keyword: label, line: line.number, duration: correction,
                                action: .move(PostureTarget(flexion: end.flexion, sideBend: end.sideBend, twist: end.twist)))
        return [move, back]
    }

    /// `over 3 s`, when present.
    private func optionalDuration(_ line: inout ScenarioLine, example: String) throws(ScenarioError) -> Double? {
        guard line.accept("over", "in") else { return nil }
        return try line.quantity(.seconds, what: "the duration", example: example, range: 0.05...3600)
    }

    /// `jump 3 [times] [height 0.2 m]`.
    private func parseJump(_ line: inout ScenarioLine) throws(ScenarioError) -> ScenarioStep {
        let example = "jump 3 times height 0.2 m"
        let (value, unit) = try line.measure(what: "the number of jumps", example: example)
        guard unit == nil || ScenarioQuantity.countWords.contains(unit ?? ""), value == value.rounded(),
              (1...50).contains(value) else {
            throw line.error("the number of jumps must be a whole number from 1 to 50", fix: "write it like `\(example)`")
        }
        var jump = JumpProfile(count: Int(value))
        if line.accept("height") {
            jump.height = try line.quantity(.meters, what: "the jump height", example: example, range: 0.05...0.5)
        }
        try line.expectEnd(example: example)
        return ScenarioStep(keyword: "jump", line: line.number, duration: jump.duration, action: .jump(jump))
    }

    /// `bounce 4 cycles at 1.5 Hz amplitude 3 [in side]`, or a duration instead of cycles.
    private mutating func parseOscillation(_ keyword: String, _ line: inout ScenarioLine) throws(ScenarioError) -> ScenarioStep {
        let defaults: [String: (amplitude: Double, frequency: Double)] = [
            "bounce": (3, 1.5), "oscillate": (10, 0.2), "catcow": (20, 0.15), "breathe": (0.75, 0.25), "tremor": (0.3, 10),
        ]
        let example = "\(keyword) \(keyword == "bounce" ? "4 cycles" : "20 s") at \(ScenarioLine.format(defaults[keyword]?.frequency ?? 1)) Hz amplitude \(ScenarioLine.format(defaults[keyword]?.amplitude ?? 1))"
        _ = line.accept("for")
        let (length, unit) = try line.measure(what: "the length (cycles or seconds)", example: example)
        let isCycles = unit.map { ScenarioQuantity.countWords.contains($0) } ?? false
        guard isCycles || unit == nil || ScenarioQuantity.seconds.spellings.contains(unit ?? ""), length > 0,
              length <= 3600, !isCycles || length == length.rounded() else {
            throw line.error("the length must be a whole number of cycles or a positive duration in s", fix: "write it like `\(example)`")
        }
        var oscillation = Oscillation(axis: .flexion, amplitude: (defaults[keyword]?.amplitude ?? 1) * degree,
                                      frequency: defaults[keyword]?.frequency ?? 1)
        while let option = line.next() {
            switch option {
            case "at":
                oscillation.frequency = try line.quantity(.hertz, what: "the frequency", example: example, range: 0.01...50)
            case "amplitude":
                oscillation.amplitude = try line.quantity(.angle, what: "the amplitude", example: example, range: 0.01...45)
            case "in":
                switch line.next() {
                case "bend", "flexion": oscillation.axis = .flexion
                case "side": oscillation.axis = .sideBend
                case "twist": oscillation.axis = .twist
                default: throw line.error("the swing's angle must be bend, side or twist", fix: "write it like `\(keyword) 4 cycles in side`")
                }
            default:
                throw line.error("unexpected '\(option)'", fix: "after the length come `at F Hz`, `amplitude A` and `in bend|side|twist`, e.g. `\(example)`")
            }
        }
        try checkOscillation(keyword, oscillation, line)
        // Repetitions come in whole cycles, so every swing reaches the full amplitude; breathing and tremor
        // may stop anywhere (they fade out).
        let wholeCycles = isCycles || !["breathe", "tremor"].contains(keyword)
        let cycles = isCycles ? length : max(1, (length * oscillation.frequency).rounded())
        let duration = wholeCycles ? cycles / oscillation.frequency : length
        return ScenarioStep(keyword: keyword, line: line.number, duration: duration, action: .oscillate(oscillation))
    }

    private func checkOscillation(_ keyword: String, _ o: Oscillation, _ line: ScenarioLine) throws(ScenarioError) {
        let amplitude = o.amplitude / degree
        if keyword == "breathe", amplitude > 1 + 1e-9 || o.frequency > 0.5 {
            throw line.error("breathing moves the chest at most 2° peak-to-peak (amplitude 1) at up to 0.5 Hz",
                             fix: "use a smaller amplitude or frequency, or `oscillate` for a larger movement")
        }
        if keyword == "tremor", amplitude >= 0.5 || !(8...12).contains(o.frequency) {
            throw line.error("a tremor is under 0.5° amplitude at 8–12 Hz",
                             fix: "use e.g. `tremor 10 s at 10 Hz amplitude 0.3`, or `oscillate` for other swings")
        }
        guard o.frequency <= scenario.sampleRate / 4 else {
            throw line.error("\(ScenarioLine.format(o.frequency)) Hz is too fast for \(ScenarioLine.format(scenario.sampleRate)) Hz sampling",
                             fix: "keep swings under a quarter of the sample rate, or raise `rate` above the first step")
        }
        for side in [-1.0, 1.0] {
            var extreme = posture
            extreme[o.axis] += side * o.amplitude
            try checkLimits(extreme, line)
        }
    }

    private func checkLimits(_ p: PostureAngles, _ line: ScenarioLine) throws(ScenarioError) {
        let checks: [(String, Double, ClosedRange<Double>)] = [
            ("flexion", p.flexion, Self.flexionLimit), ("side bend", p.sideBend, Self.sideBendLimit),
            ("twist", p.twist, Self.twistLimit),
        ]
        // A hair of tolerance: an oscillation's extreme may land on a limit up to rounding.
        for (name, value, limit) in checks where abs(value - limit.clamped(value)) > 1e-9 {
            throw line.error("a \(name) of \(ScenarioLine.format((value / degree * 10).rounded() / 10))° is outside what the body can do (\(ScenarioLine.format((limit.lowerBound / degree).rounded()))° to \(ScenarioLine.format((limit.upperBound / degree).rounded()))°)",
                             fix: "use a smaller angle")
        }
    }
}

extension ClosedRange where Bound == Double {
    /// `value` limited to this range.
    func clamped(_ value: Double) -> Double { Swift.min(Swift.max(value, lowerBound), upperBound) }
}

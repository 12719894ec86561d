import StretchGuardCore
import StretchGuardSimulation
import Testing

/// A bad scenario and what its error must say.
struct BadScenario: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var line: Int
    var fragments: [String]

    var testDescription: String { name }
}

let badScenarios: [BadScenario] = [
    BadScenario(name: "misspelt step", text: "still 3 s\n\nbnd 40 over 2 s", line: 3,
                fragments: ["unknown word 'bnd'", "did you mean 'bend'"]),
    BadScenario(name: "no still start", text: "# demo\nbend 40 over 2 s\nhold 3 s", line: 2,
                fragments: ["must start with at least 2 s", "still 3 s"]),
    BadScenario(name: "still start too short", text: "still 1.5 s\nstill 2 s", line: 1, fragments: ["at least 2 s"]),
    BadScenario(name: "wrong unit", text: "still 3 s\nbend 40 over 2 hz", line: 2,
                fragments: ["unit 'hz'", "expected 's'"]),
    BadScenario(name: "setting after a step", text: "# x\nstill 3 s\nrate 200", line: 3,
                fragments: ["'rate' comes after the first step", "above the first step"]),
    BadScenario(name: "breathing too deep", text: "still 3 s\nbreathe 10 s amplitude 1.5", line: 2,
                fragments: ["breathing", "2° peak-to-peak"]),
    BadScenario(name: "tremor too slow", text: "still 3 s\ntremor 5 s at 3 Hz", line: 2, fragments: ["8–12 Hz"]),
    BadScenario(name: "bend too far", text: "still 3 s\nbend 150 over 3 s", line: 2,
                fragments: ["flexion of 150°", "outside what the body can do"]),
    BadScenario(name: "bounce beyond the limit", text: "still 3 s\nside 40\nbounce 2 cycles amplitude 8 in side", line: 3,
                fragments: ["side bend of 48°"]),
    BadScenario(name: "stray word", text: "still 3 s\nbounce 4 cycles at 1.5 Hz amplitude 3 sideways", line: 2,
                fragments: ["unexpected 'sideways'", "in bend|side|twist"]),
    BadScenario(name: "parallel mounting axes", text: "mounting up +z forward -z\nstill 3 s", line: 1,
                fragments: ["parallel"]),
    BadScenario(name: "no steps", text: "# nothing\nrate 100\n", line: 3, fragments: ["no steps"]),
    BadScenario(name: "fractional cycles", text: "still 3 s\nbounce 2.5 cycles", line: 2, fragments: ["whole number of cycles"]),
    BadScenario(name: "word for a number", text: "still 3 s\nbend forty", line: 2,
                fragments: ["expected the bend angle, found 'forty'"]),
    BadScenario(name: "jitter over a fifth of the period", text: "jitter 5 ms\nstill 3 s", line: 1,
                fragments: ["more than a fifth of the sample period", "at most 2 ms"]),
    BadScenario(name: "swing too fast for the rate", text: "rate 20\nstill 3 s\nbounce 4 cycles at 8 Hz", line: 3,
                fragments: ["too fast for 20 Hz sampling"]),
    BadScenario(name: "unknown expectation", text: "expect slouch\nstill 3 s", line: 1, fragments: ["unknown alert 'slouch'"]),
]

@Suite struct ScenarioParserTests {
    @Test(arguments: badScenarios)
    func errorsNameTheLineTheProblemAndTheFix(_ bad: BadScenario) {
        #expect(throws: ScenarioError.self) { try Scenario.parse(bad.text, name: "bad.scenario") }
        do {
            _ = try Scenario.parse(bad.text, name: "bad.scenario")
        } catch {
            #expect(error.line == bad.line, "\(error)")
            #expect(error.description.hasPrefix("bad.scenario:\(bad.line): "), "\(error)")
            #expect(error.description.contains(" — "), "names a fix: \(error)")
            #expect(!error.fix.isEmpty)
            for fragment in bad.fragments {
                #expect(error.description.contains(fragment), "\(error)")
            }
        }
    }

    @Test func settingsAndStepsAreReadWithTheirUnits() throws {
        let s = try scenario("""
            # header
            rate 200 Hz
            seed 42
            lever 0.5 m
            mounting up -y forward +z
            gyr noise 0.1          # °/s
            gyr range 1000
            acc range 4 g
            acc bias 0.1
            jitter 0.5 ms
            drop 2 %
            expect twist bounce

            STILL 3 s
            bend 40° over 2s       # attached units
            twist 20 deg side 10 over 1.5 s
            bounce 3 cycles at 2 Hz amplitude ±2 in side
            breathe 8 s
            turn -90
            walk 5 s at 1 m/s
            jump 2 times height 0.3 m
            neutral
            """)
        #expect(s.sampleRate == 200 && s.seed == 42 && s.leverArm == 0.5)
        #expect(s.mounting == .axes(up: .minusY, forward: .plusZ))
        #expect(abs(s.errors.gyrNoise - 0.1 * degree) < 1e-15)
        #expect(abs(s.errors.gyrStep! - 1000 * degree / 32768) < 1e-15)
        #expect(abs(s.errors.accStep! - 4 * standardGravity / 32768) < 1e-15)
        #expect(s.errors.accBias == 0.1 && abs(s.errors.jitter - 0.0005) < 1e-15 && s.errors.dropRate == 0.02)
        #expect(s.errors.gyrDrift == SensorErrorSettings.typical.gyrDrift)
        #expect(s.expectedAlerts == [.twist, .bounce])
        #expect(s.steps.map(\.keyword) == ["still", "bend", "twist", "bounce", "breathe", "turn", "walk", "jump", "neutral"])
        #expect(s.steps.map(\.line) == [14, 15, 16, 17, 18, 19, 20, 21, 22])
        #expect(s.steps[1].action == .move(PostureTarget(flexion: 40 * degree)) && s.steps[1].duration == 2)
        #expect(s.steps[2].action == .move(PostureTarget(sideBend: 10 * degree, twist: 20 * degree)))
        #expect(s.steps[3].action == .oscillate(Oscillation(axis: .sideBend, amplitude: 2 * degree, frequency: 2)))
        #expect(s.steps[3].duration == 1.5)  // 3 cycles at 2 Hz
        #expect(s.steps[4].action == .oscillate(Oscillation(axis: .flexion, amplitude: 0.75 * degree, frequency: 0.25)))
        #expect(s.steps[5].duration == 1.5)  // default turn pace: 60 °/s, at least 1.5 s
        guard case .turn(let angle, _) = s.steps[5].action else { Issue.record("not a turn"); return }
        #expect(abs(angle + 90 * degree) < 1e-12)
        guard case .jump(let jump) = s.steps[7].action else { Issue.record("not a jump"); return }
        #expect(jump.count == 2 && jump.height == 0.3 && s.steps[7].duration == 2 * jump.period)
        // neutral from (40°, 10°, 20°): the largest change is 40° at 30 °/s.
        #expect(abs(s.steps[8].duration - 4 / 3) < 1e-12)
        #expect(abs(s.duration - s.steps.reduce(0) { $0 + $1.duration }) < 1e-12)
    }

    @Test func sensorIdealTurnsEveryErrorOff() throws {
        let s = try scenario("sensor ideal\nstill 3 s")
        #expect(s.errors == .ideal)
        #expect(s.expectedAlerts == nil)
        #expect(try scenario("expect never\nstill 3 s").expectedAlerts == [])
    }
}

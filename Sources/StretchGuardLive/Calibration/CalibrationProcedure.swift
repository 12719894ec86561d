import StretchGuardCore
import StretchGuardHardware

/// Where the guided calibration gets its samples: the live sensor's sample clock, or a list in tests.
public protocol CalibrationSampleSource {
    /// Waits until samples are due and hands each to `deliver` with its health flags, oldest first.
    ///
    /// - Returns: how many were delivered (0 after a timeout).
    mutating func next(_ deliver: (IMUSample, SampleHealth) -> Void) throws -> Int
    /// When the samples run out (the simulated scenario's end), in s on the samples' clock; nil for a real
    /// sensor.
    var end: Double? { get }
    /// Whether two sensors are read (the samples carry the pelvis's readings): both are calibrated.
    var hasPelvis: Bool { get }
}

extension CalibrationSampleSource {
    /// One sensor, unless the source says otherwise.
    public var hasPelvis: Bool { false }
}

/// How long each part of the procedure lasts, in s, and how many tries the wearer gets.
///
/// `Calibration/procedures/calibrate.scenario` (what the simulated sensor plays) follows these defaults.
public struct CalibrationTimeline: Equatable, Sendable {
    /// The countdown before the upright pose is measured (time to stand up and settle). Default 5 s.
    public var getReady = 5.0
    /// The upright pose's measuring window. Default 3 s.
    public var upright = 3.0
    /// The countdown while bending forward. Default 4 s.
    public var bend = 4.0
    /// The bent pose's measuring window. Default 3 s.
    public var hold = 3.0
    /// Tries of the whole procedure (a rejected pose starts again from upright). Default 3.
    public var tries = 3

    /// The defaults, with `tries` tries.
    public init(tries: Int = 3) {
        self.tries = tries
    }
}

/// The guided two-pose calibration: prompts, countdowns, measuring, checking and retrying.
///
/// Every phase is timed by the samples' own time stamps, so a recorded or simulated stream replays the
/// same way however fast it is delivered.
public struct CalibrationProcedure {
    /// Why the procedure ended without a calibration.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// Ctrl-C (or SIGTERM).
        case stopped
        /// Every try was rejected; the last reason.
        case rejected(CalibrationPoseProblem, tries: Int)
        /// The simulated scenario ended first.
        case sourceEnded
        /// The sensor stopped delivering samples.
        case noSamples
        /// Reading the sensor failed (the driver's message).
        case sensorError(String)

        /// What happened and what to do, in one sentence: nothing was saved.
        public var description: String {
            switch self {
            case .stopped:
                "calibration stopped; nothing was saved"
            case let .rejected(problem, count):
                "calibration not accepted after \(count) \(count == 1 ? "try" : "tries"): \(problem). "
                    + "\(problem.advice) Nothing was saved."
            case .sourceEnded:
                "the simulated scenario ended before the calibration finished; nothing was saved "
                    + "(the scenario must follow the prompts' timing: see \(SimulatedScenario.calibrationProcedureName))"
            case let .sensorError(message):
                "the sensor failed while calibrating: \(message); nothing was saved (`stretchguard doctor` checks the sensor)"
            case .noSamples:
                "the sensor stopped sending samples; nothing was saved (`stretchguard doctor` checks the sensor)"
            }
        }
    }

    /// The measured calibration.
    public struct Result: Equatable {
        /// Upright pose's gyro bias, gravity and duration, with the two-pose mounting.
        public var baseline: Baseline
        /// The bent pose.
        public var bend: CalibrationPoseCheck.Bend
        /// Which try succeeded (1-based).
        public var attempt: Int
    }

    public var timeline = CalibrationTimeline()
    public var check = CalibrationPoseCheck()
    /// Writes the wearer's instructions.
    public var console: any CalibrationConsole
    /// Whether a stop was asked for (Ctrl-C).
    public var stopRequested: () -> Bool

    /// - Parameters:
    ///   - timeline: how long each part lasts and how many tries.
    ///   - check: the pose limits.
    ///   - console: where the instructions go.
    ///   - stopRequested: polled while reading; true ends the procedure (``Failure/stopped``).
    public init(timeline: CalibrationTimeline = CalibrationTimeline(), check: CalibrationPoseCheck = CalibrationPoseCheck(),
                console: any CalibrationConsole, stopRequested: @escaping () -> Bool = { false }) {
        self.timeline = timeline
        self.check = check
        self.console = console
        self.stopRequested = stopRequested
    }

    /// Consecutive empty deliveries after which the sensor counts as silent.
    private let silentLimit = 200

    /// Runs the procedure on `source` until a calibration is accepted, the tries run out, or a stop.
    public func run<Source: CalibrationSampleSource>(_ source: inout Source) throws -> Result {
        var reader = PhaseReader(source: source, stopRequested: stopRequested, silentLimit: silentLimit)
        defer { source = reader.source }
        var lastProblem: CalibrationPoseProblem?
        for attempt in 1...max(timeline.tries, 1) {
            if let lastProblem {
                console.line("")
                console.line("Not accepted: \(lastProblem).")
                console.line(lastProblem.advice)
                console.line("Let's start again from standing upright (try \(attempt) of \(timeline.tries)).")
            }
            let poses: (Baseline, CalibrationPoseCheck.Bend)?
            do throws(CalibrationPoseProblem) {
                poses = try attemptOnce(&reader)
            } catch {
                lastProblem = error
                continue
            }
            guard let (upright, bend) = poses else { throw reader.failure ?? Failure.noSamples }
            var calibrated = upright
            calibrated.mounting = bend.mounting
            if let pelvis = bend.pelvis { calibrated.pelvis?.mounting = pelvis.mounting }
            return Result(baseline: calibrated, bend: bend, attempt: attempt)
        }
        console.line("")
        console.line("Not accepted: \(lastProblem.map { "\($0)" } ?? "no pose was measured").")
        throw Failure.rejected(lastProblem ?? .tooShort(samples: 0, minimum: check.limits.still.minimumSamples),
                               tries: timeline.tries)
    }

    /// One try: upright, then the bend; nil when reading ended early (a stop, the scenario's end, a
    /// silent sensor: see `reader.failure`).
    private func attemptOnce<Source>(_ reader: inout PhaseReader<Source>) throws(CalibrationPoseProblem) -> (Baseline, CalibrationPoseCheck.Bend)? {
        console.heading("Step 1 of 2: stand upright")
        console.line("Stand upright, arms relaxed by your sides, feet hip-width apart, and look straight ahead.")
        guard reader.countdown(timeline.getReady, label: "Hold still…", console: console),
              let upright = reader.measure(timeline.upright, label: "Measuring, keep still", console: console) else {
            return nil
        }
        if let fault = upright.fault { throw .sensorFault(fault) }
        let baseline = try check.upright(upright.samples, pelvis: reader.source.hasPelvis)
        console.line("Upright pose recorded.")

        console.heading("Step 2 of 2: bend forward")
        console.line("Bend forward slowly from the hips to about 30°, keeping your back straight and your arms "
                     + "hanging, then hold it there." + (reader.source.hasPelvis ? " Let the pelvis tip forward with you." : ""))
        guard let movement = reader.collect(timeline.bend, label: "Bend now…", console: console),
              let hold = reader.measure(timeline.hold, label: "Hold it there, keep still", console: console) else {
            return nil
        }
        if let fault = movement.fault ?? hold.fault { throw .sensorFault(fault) }
        let bend = try check.bend(from: baseline, movement: movement.samples, hold: hold.samples)
        console.line("Forward bend recorded: \(CalibrationText.number(bend.angle / degree, 0))° (twist "
                     + "\(CalibrationText.number(abs(bend.twist) / degree, 0))°, sideways lean "
                     + "\(CalibrationText.number(abs(bend.sideLean) / degree, 0))°"
                     + (bend.pelvis.map { "; pelvis tilted \(CalibrationText.number($0.angle / degree, 0))°" } ?? "")
                     + "). You can stand up again.")
        return (baseline, bend)
    }
}

/// Reads the source phase by phase on the samples' clock, noting a stop, the source's end or silence in
/// `failure` (a phase then returns nil).
struct PhaseReader<Source: CalibrationSampleSource> {
    /// A phase's samples and, if any was flagged, the health flags seen.
    struct Window {
        var samples: [IMUSample] = []
        var fault: String?
    }

    var source: Source
    let stopRequested: () -> Bool
    let silentLimit: Int
    /// The latest sample's time, in s.
    private(set) var now: Double?
    /// Why reading ended early.
    private(set) var failure: CalibrationProcedure.Failure?

    init(source: Source, stopRequested: @escaping () -> Bool, silentLimit: Int) {
        self.source = source
        self.stopRequested = stopRequested
        self.silentLimit = silentLimit
    }

    /// A countdown of `seconds` whole seconds (samples read and dropped). False when reading ended.
    mutating func countdown(_ seconds: Double, label: String, console: any CalibrationConsole) -> Bool {
        collect(seconds, label: label, console: console, keep: false) != nil
    }

    /// A countdown that keeps its samples.
    mutating func collect(_ seconds: Double, label: String, console: any CalibrationConsole) -> Window? {
        collect(seconds, label: label, console: console, keep: true)
    }

    /// A measuring window shown as a progress line.
    mutating func measure(_ seconds: Double, label: String, console: any CalibrationConsole) -> Window? {
        var window = Window()
        var flags: SampleHealth = []
        console.progress(label, fraction: 0)
        guard let start = read({ window.samples.append($0); flags.formUnion($1) }) else {
            console.line("")
            return nil
        }
        var shown = 0
        while let now, now - start < seconds {
            let step = Int((now - start) / seconds * 10)
            if step > shown {
                shown = step
                console.progress(label, fraction: Double(step) / 10)
            }
            guard read({ window.samples.append($0); flags.formUnion($1) }) != nil else {
                console.line("")
                return nil
            }
        }
        console.progress(label, fraction: 1, done: true)
        window.fault = flags.isEmpty ? nil : flags.description
        return window
    }

    private mutating func collect(_ seconds: Double, label: String, console: any CalibrationConsole, keep: Bool) -> Window? {
        var window = Window()
        var flags: SampleHealth = []
        let whole = max(Int(seconds.rounded(.up)), 1)
        console.countdownStart(label)
        guard let start = read({ if keep { window.samples.append($0) }; flags.formUnion($1) }) else {
            console.countdownEnd()
            return nil
        }
        var announced = 0
        while let now, now - start < seconds {
            let elapsed = Int((now - start).rounded(.down))
            while announced <= elapsed && announced < whole {
                console.countdownTick(whole - announced)
                announced += 1
            }
            guard read({ if keep { window.samples.append($0) }; flags.formUnion($1) }) != nil else {
                console.countdownEnd()
                return nil
            }
        }
        while announced < whole {
            console.countdownTick(whole - announced)
            announced += 1
        }
        console.countdownEnd()
        window.fault = flags.isEmpty ? nil : flags.description
        return window
    }

    /// Reads until at least one sample arrives; the first one's time, or nil when reading must end.
    private mutating func read(_ deliver: (IMUSample, SampleHealth) -> Void) -> Double? {
        var silent = 0
        while failure == nil {
            if stopRequested() {
                failure = .stopped
                break
            }
            var first: Double?
            var latest: Double?
            let count: Int
            do {
                count = try source.next { sample, health in
                    first = first ?? sample.time
                    latest = sample.time
                    deliver(sample, health)
                }
            } catch {
                failure = .sensorError("\(error)")
                break
            }
            if let latest {
                now = latest
                if let end = source.end, latest > end { failure = .sourceEnded; break }
                return first
            }
            silent += count == 0 ? 1 : 0
            if silent >= silentLimit { failure = .noSamples }
        }
        return nil
    }
}

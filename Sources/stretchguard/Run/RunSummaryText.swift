import StretchGuardCore
import StretchGuardHardware
import StretchGuardLive
import StretchGuardStore
import StretchGuardTrace

/// The plain summary after a live session: what the wearer did, where it was recorded, and how well the
/// sample loop kept time.
struct RunSummaryText {
    let outcome: LiveSession.Outcome
    let counters: RecorderCounters
    let session: Int64
    let database: String
    /// This session's hold target, in s (the first exercise's with a plan).
    let target: Double
    /// The plan walked through, if any.
    var plan: LivePlan? = nil

    func render() -> String {
        let summary = outcome.summary
        let stats = outcome.timing
        let period = outcome.period
        var lines = [
            "Session \(session): \(LiveStatusText.clock(outcome.lastTime - outcome.startTime)) (\(endReason))",
            "  holds          \(summary.holds)" + (summary.holds > 0
                ? ", longest \(FixedDecimal.string(summary.longestHold, decimals: 1)) s; \(summary.holdsReached) reached "
                    + (plan == nil ? "the \(Int(target)) s target" : "their targets")
                : ""),
            "  twist alerts   \(summary.twistAlerts)",
            "  bounce alerts  \(summary.bounceAlerts)",
            "  impacts        \(summary.impacts)",
        ]
        if let pelvis = outcome.pelvis { lines.append("  pelvis sensor  " + Self.pelvisLine(pelvis, period: outcome.period)) }
        if let plan, let runner = outcome.plan { lines += PlanSummaryText(plan: plan, runner: runner).lines() }
        lines.append("  recorded in    \(database)")
        var health = "Loop health: \(outcome.mode) mode"
        if let rate = stats.achievedRate {
            health += ", \(FixedDecimal.string(rate, decimals: 1)) Hz (asked \(FixedDecimal.string(1 / period, decimals: 1)))"
        }
        if let jitter = stats.jitterStandardDeviation, let p99 = stats.jitterP99 {
            health += ", jitter \(ms(jitter)) ms (p99 \(ms(p99)) ms)"
        }
        health += ", \(stats.droppedSamples) dropped by the clock, \(counters.dropped) by the recorder"
        if outcome.sensorFaults > 0 { health += ", \(outcome.sensorFaults) sensor faults" }
        lines.append(health)
        lines.append("  sample clock: \(outcome.clockChoice)")
        lines.append("  sample thread: \(outcome.priority)")
        if let p50 = outcome.latency.quantile(0.5), let p99 = outcome.latency.quantile(0.99) {
            let verdict = p99 <= period ? "within" : "OVER"
            lines.append("  sample to feedback: p50 \(ms(p50)) ms, p99 \(ms(p99)) ms (\(origin(outcome.mode)); "
                         + "\(verdict) one sample period, \(ms(period)) ms)")
        }
        lines.append("Review it: stretchguard review \(session)")
        return lines.joined(separator: "\n")
    }

    /// The pelvis sensor's session in plain words (`period`: the sample period, in s).
    static func pelvisLine(_ pelvis: LiveSession.PelvisOutcome, period: Double) -> String {
        guard pelvis.spinal else {
            return "read, but the calibration is for the upper-back sensor alone: `stretchguard calibrate` calibrates both"
        }
        guard pelvis.missedTicks > 0 else { return "answered throughout: twist and flexion are the spine's" }
        let missing = FixedDecimal.string(Double(pelvis.missedTicks) * period, decimals: 1)
        var text = pelvis.losses == 0 ? "missed \(pelvis.missedTicks) readings (\(missing) s), never lost"
            : "lost \(pelvis.losses)× (\(missing) s without it; the upper-back sensor judged alone meanwhile)"
        if pelvis.returns > 0 { text += ", back \(pelvis.returns)×" }
        text += pelvis.answeringAtEnd ? "; answering at the end" : "; not answering at the end: check its cable"
        return text
    }

    /// Why the session ended; a stop from Ctrl-C or SIGTERM says so.
    private var endReason: String {
        if case .stopped = outcome.end, let signal = StopSignal.receivedName { return "stopped by signal (\(signal))" }
        return outcome.end.description
    }

    /// Where latency is measured from: the sample's acquisition instant as the clock's mode knows it.
    private func origin(_ mode: SampleClockMode) -> String {
        switch mode {
        case .dataReadyEdge: "data-ready edge: from the kernel's edge time"
        case .fifo: "FIFO: from the sample's reconstructed place in the FIFO"
        case .polling: "polling: from the read"
        }
    }

    private func ms(_ seconds: Double) -> String { FixedDecimal.string(seconds * 1000, decimals: 2) }
}

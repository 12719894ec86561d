import StretchGuardCore
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
    /// This session's hold target, in s.
    let target: Double

    func render() -> String {
        let summary = outcome.summary
        let stats = outcome.timing
        let period = outcome.period
        var lines = [
            "Session \(session): \(LiveStatusText.clock(outcome.lastTime - outcome.startTime)) (\(endReason))",
            "  holds          \(summary.holds)" + (summary.holds > 0
                ? ", longest \(FixedDecimal.string(summary.longestHold, decimals: 1)) s; \(summary.holdsReached) reached the \(Int(target)) s target"
                : ""),
            "  twist alerts   \(summary.twistAlerts)",
            "  bounce alerts  \(summary.bounceAlerts)",
            "  impacts        \(summary.impacts)",
            "  recorded in    \(database)",
        ]
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
        if let p50 = outcome.latency.quantile(0.5), let p99 = outcome.latency.quantile(0.99) {
            let verdict = p99 <= period ? "within" : "OVER"
            lines.append("  sample to feedback: p50 \(ms(p50)) ms, p99 \(ms(p99)) ms from \(acquisition) "
                         + "(\(verdict) one sample period, \(ms(period)) ms)")
        }
        lines.append("Review it: stretchguard review \(session)")
        return lines.joined(separator: "\n")
    }

    /// Why the session ended; a stop from Ctrl-C or SIGTERM says so.
    private var endReason: String {
        if case .stopped = outcome.end, let signal = StopSignal.receivedName { return "stopped by signal (\(signal))" }
        return outcome.end.description
    }

    /// The instant latency counts from, in each timing mode.
    private var acquisition: String {
        switch outcome.mode {
        case .dataReadyEdge: "the data-ready edge (kernel time)"
        case .fifo: "each sample's place in its FIFO batch"
        case .polling: "the read"
        }
    }

    private func ms(_ seconds: Double) -> String { FixedDecimal.string(seconds * 1000, decimals: 2) }
}

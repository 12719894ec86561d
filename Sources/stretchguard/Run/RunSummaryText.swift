import StretchGuardCore
import StretchGuardHardware
import StretchGuardStore
import StretchGuardTrace

/// The plain summary after a live session: what the wearer did, where it was recorded, and how well the
/// sample loop kept time.
struct RunSummaryText {
    let loop: LiveLoop
    let summary: SessionSummary
    let counters: RecorderCounters
    let session: Int64
    let database: String
    /// This session's hold target, in s.
    let target: Double

    func render() -> String {
        let duration = loop.lastTime - loop.startTime
        let stats = loop.sensor.clock.statistics
        let period = loop.sensor.clock.period
        var lines = [
            "Session \(session): \(LiveStatusText.clock(duration)) (\(loop.endReason))",
            "  holds          \(summary.holds)" + (summary.holds > 0
                ? ", longest \(FixedDecimal.string(summary.longestHold, decimals: 1)) s; \(summary.holdsReached) reached the \(Int(target)) s target"
                : ""),
            "  twist alerts   \(summary.twistAlerts)",
            "  bounce alerts  \(summary.bounceAlerts)",
            "  impacts        \(summary.impacts)",
            "  recorded in    \(database)",
        ]
        var health = "Loop health: "
        if let rate = stats.achievedRate {
            health += "\(FixedDecimal.string(rate, decimals: 1)) Hz (asked \(FixedDecimal.string(1 / period, decimals: 1)))"
        }
        if let jitter = stats.jitterStandardDeviation, let p99 = stats.jitterP99 {
            health += ", jitter \(ms(jitter)) ms (p99 \(ms(p99)) ms)"
        }
        health += ", \(stats.droppedSamples) dropped by the clock, \(counters.dropped) by the recorder"
        if loop.sensorFaults > 0 { health += ", \(loop.sensorFaults) sensor faults" }
        lines.append(health)
        lines.append("  sample clock: \(loop.sensor.clock.choice)")
        if let p50 = loop.latency.quantile(0.5), let p99 = loop.latency.quantile(0.99) {
            let verdict = p99 <= period ? "within" : "OVER"
            lines.append("  sample to feedback: p50 \(ms(p50)) ms, p99 \(ms(p99)) ms (\(origin(loop.sensor.clockMode)); "
                         + "\(verdict) one sample period, \(ms(period)) ms)")
        }
        lines.append("Review it: stretchguard review \(session)")
        return lines.joined(separator: "\n")
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

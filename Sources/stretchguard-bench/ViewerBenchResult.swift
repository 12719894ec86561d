import Foundation
import StretchGuardLive

/// What the viewers stage measured: one run without viewers, one with.
struct ViewerBenchResult {
    /// One real-time session.
    struct Run {
        var viewers: Int
        /// Samples stored.
        var samples: Int
        /// The sample intervals' deviation from the period over every sample: 99th percentile and standard
        /// deviation, in s.
        var jitterP99: Double
        var jitterStandardDeviation: Double
        /// Samples lost: by the sample clock (late reads), and by the recorder (its buffer full).
        var droppedByClock: Int
        var droppedByRecorder: Int
        /// Sample-to-feedback latency, 99th percentile, in s.
        var latencyP99: Double
        /// The process's CPU time over the session's wall time (1 = one core busy).
        var cpuFraction: Double
        /// How the kernel scheduled the sample thread.
        var priority: SampleThreadPriority
        /// What each viewer received (nil without viewers).
        var received: [ViewerClients.Received]?

        /// The slowest viewer's update rate over the session's time, in Hz.
        var slowestViewerRate: Double? {
            received?.map { r in
                guard let first = r.firstElapsed, let last = r.lastElapsed, last > first else { return 0 }
                return Double(r.updates - 1) / (last - first)
            }.min()
        }
    }

    var seconds: Double
    var runs: [Run]

    var text: String {
        var lines = ["viewers: \(Int(seconds)) s of the demo in real time at 200 Hz, per run"]
        for run in runs {
            var line = "  \(run.viewers) viewers: jitter p99 \(ms(run.jitterP99)) ms (sd \(ms(run.jitterStandardDeviation)) ms), "
                + "dropped \(run.droppedByClock) by the clock + \(run.droppedByRecorder) by the recorder of \(run.samples), "
                + "sample to feedback p99 \(ms(run.latencyP99)) ms, CPU \(String(format: "%.1f", run.cpuFraction * 100)) % of a core, "
                + "sample thread \(run.priority.isRealTime ? run.priority.description : "ordinary priority")"
            if let received = run.received, let rate = run.slowestViewerRate {
                line += "; each viewer ≥ \(String(format: "%.1f", rate)) updates/s, "
                    + "\(received.filter(\.finished).count)/\(received.count) saw the end"
            }
            lines.append(line)
        }
        if runs.count == 2 {
            lines.append("  difference: jitter p99 \(ms(runs[1].jitterP99 - runs[0].jitterP99)) ms, "
                         + "dropped \(runs[1].droppedByClock + runs[1].droppedByRecorder - runs[0].droppedByClock - runs[0].droppedByRecorder)")
        }
        return lines.joined(separator: "\n")
    }

    var json: String {
        let object: [String: Any] = [
            "stage": "viewers", "seconds": seconds,
            "runs": runs.map { run -> [String: Any] in
                var o: [String: Any] = [
                    "viewers": run.viewers, "samples": run.samples, "jitter_p99_ms": run.jitterP99 * 1000,
                    "jitter_sd_ms": run.jitterStandardDeviation * 1000, "dropped_by_clock": run.droppedByClock,
                    "dropped_by_recorder": run.droppedByRecorder, "latency_p99_ms": run.latencyP99 * 1000,
                    "cpu_fraction": run.cpuFraction, "real_time_priority": run.priority.isRealTime,
                ]
                if let received = run.received {
                    o["slowest_viewer_hz"] = run.slowestViewerRate ?? 0
                    o["viewers_saw_end"] = received.filter(\.finished).count
                    o["updates_min"] = received.map(\.updates).min() ?? 0
                }
                return o
            },
        ]
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    private func ms(_ seconds: Double) -> String { String(format: "%.3f", seconds * 1000) }
}

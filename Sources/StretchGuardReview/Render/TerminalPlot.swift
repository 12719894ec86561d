import StretchGuardCore

/// Twist and flexion over time as a character plot for the terminal: two panels sharing a time axis, each
/// column the min…max of its samples, and a row beneath marking holds (`=`), twist alerts (`T`), bounce
/// alerts (`B`), "stop / it hurts" presses (`!`) and gaps (`~`). ASCII only, so it reads on any console.
///
/// A two-sensor session shows the spine's angles (lumbar flexion, spinal twist) with the hips' beneath each
/// (hip flexion, pelvis twist), and marks the hip-hinge (`H`) and hips-still (`S`) cues and the ticks the
/// pelvis did not report (`p`).
///
/// Each row stands for one round value (a multiple of 5°, 10°, …) and holds the samples within half a step
/// of it, so that standing upright draws on the 0° row, not across two.
public struct TerminalPlot: Sendable {
    /// Plot columns (the time axis), in characters. Default 64 (about 72 with the labels).
    public var columns: Int
    /// Most rows of the flexion panel. Default 8.
    public var flexionRows: Int
    /// Most rows of the twist panel (odd, so that 0° has a row of its own). Default 9.
    public var twistRows: Int

    /// A plot of the given size.
    public init(columns: Int = 64, flexionRows: Int = 8, twistRows: Int = 9) {
        precondition(columns >= 16 && flexionRows >= 3 && twistRows >= 3, "TerminalPlot: too small")
        self.columns = columns
        self.flexionRows = flexionRows
        self.twistRows = twistRows
    }

    /// Steps between rows the panels pick from, in degrees.
    static let steps: [Double] = [5, 10, 15, 20, 30, 45, 60, 90]

    /// The plot's lines (no trailing spaces).
    public func render(_ analysis: SessionAnalysis) -> [String] {
        let track = analysis.track
        let end = max(analysis.duration, 1)
        let flexion = MinMaxSeries(times: track.time, values: track.flexion, start: 0, end: end, count: columns,
                                   transform: { $0 / degree })
        let twist = MinMaxSeries(times: track.time, values: track.twist, start: 0, end: end, count: columns,
                                 transform: { $0 / degree })
        let alert = analysis.profile.twist.alertAngle / degree
        let flexionAxis = Self.flexionAxis(flexion.range, rows: flexionRows)
        let twistAxis = Self.twistAxis(twist.range, alert: alert, rows: twistRows)

        guard analysis.hasPelvis else {
            var lines = ["flexion, ° (+ forward)"]
            lines += panel(flexion, axis: flexionAxis, guides: [])
            lines.append("twist, ° (+ chest to the left); alert beyond ±\(ReviewFormat.decimal(alert, 0))°")
            lines += panel(twist, axis: twistAxis, guides: [alert, -alert])
            lines.append(Self.label("") + String(marks(analysis, series: flexion)).trimmingTrailing())
            lines += axis(end: end)
            lines.append("  = hold  T twist alert  B bounce alert  ! stop / it hurts  ~ no samples")
            return lines
        }
        let hipFlexion = MinMaxSeries(times: track.time, values: track.hipFlexion, start: 0, end: end, count: columns,
                                      transform: { $0 / degree })
        let pelvisTwist = MinMaxSeries(times: track.time, values: track.pelvisTwist, start: 0, end: end,
                                       count: columns, transform: { $0 / degree })
        let spine = analysis.isSpinal ? "lumbar (spine) " : "thorax "
        var lines = ["\(spine)flexion, ° (+ forward)"]
        lines += panel(flexion, axis: flexionAxis, guides: [])
        lines.append("hip flexion, ° (+ forward)")
        lines += panel(hipFlexion, axis: Self.flexionAxis(hipFlexion.range, rows: flexionRows), guides: [])
        lines.append("\(analysis.isSpinal ? "spinal " : "thorax ")twist, ° (+ chest to the left); alert beyond ±\(ReviewFormat.decimal(alert, 0))°")
        lines += panel(twist, axis: twistAxis, guides: [alert, -alert])
        lines.append("pelvis twist, ° (+ hips to the left)")
        lines += panel(pelvisTwist, axis: Self.twistAxis(pelvisTwist.range, alert: 0, rows: twistRows), guides: [])
        var marks = marks(analysis, series: flexion)
        for gap in analysis.recording.gaps where gap.stream == .pelvis {
            let from = flexion.column(at: gap.start - analysis.recording.startTime)
            let to = flexion.column(at: gap.end - analysis.recording.startTime)
            for c in from...max(from, to) where marks[c] == " " || marks[c] == "=" { marks[c] = "p" }
        }
        lines.append(Self.label("") + String(marks).trimmingTrailing())
        lines += axis(end: end)
        lines.append("  = hold  T twist alert  B bounce alert  H bend from the hips  S hips still")
        lines.append("  ! stop / it hurts  ~ no samples  p no pelvis reading")
        return lines
    }

    /// A panel's rows: the value of the top row and the step down to each next row, in degrees.
    struct Axis: Equatable {
        var top: Double, step: Double, rows: Int
        var bottom: Double { top - Double(rows - 1) * step }
        /// The row holding `value` (clamped to the panel).
        func row(_ value: Double) -> Int {
            min(max(Int(((top - value) / step).rounded()), 0), rows - 1)
        }
    }

    /// One panel: a row per value, top row first, with the top, zero and bottom values labelled. A guide
    /// (the alert angle) dots its row when it falls exactly on one.
    private func panel(_ series: MinMaxSeries, axis: Axis, guides: [Double]) -> [String] {
        var grid = [[Character]](repeating: [Character](repeating: " ", count: columns), count: axis.rows)
        for guide in guides {
            let r = axis.row(guide)
            guard abs(axis.top - Double(r) * axis.step - guide) < 1e-9 else { continue }
            for c in 0..<columns { grid[r][c] = "." }
        }
        for (c, column) in series.columns.enumerated() {
            guard let column else { continue }
            for r in axis.row(column.max)...axis.row(column.min) { grid[r][c] = "*" }
        }
        return grid.enumerated().map { r, cells in
            let value = axis.top - Double(r) * axis.step
            let labelled = r == 0 || r == axis.rows - 1 || abs(value) < 1e-9
            return Self.label(labelled ? ReviewFormat.decimal(value, 0) : "") + String(cells).trimmingTrailing()
        }
    }
    /// The marks row: per column the most important thing going on.
    private func marks(_ analysis: SessionAnalysis, series: MinMaxSeries) -> [Character] {
        var flags = [SessionTrack.Flags](repeating: [], count: columns)
        let track = analysis.track
        for i in 0..<track.count { flags[series.column(at: track.time[i])].formUnion(track.flags[i]) }
        var row = [Character](repeating: " ", count: columns)
        for c in 0..<columns {
            if flags[c].contains(.twistAlert) {
                row[c] = "T"
            } else if flags[c].contains(.bounce) {
                row[c] = "B"
            } else if flags[c].contains(.hipHinge) {
                row[c] = "H"
            } else if flags[c].contains(.hipsStill) {
                row[c] = "S"
            } else if series.columns[c] == nil {
                row[c] = "~"
            } else if flags[c].contains(.holding) {
                row[c] = "="
            }
        }
        for gap in analysis.recording.gaps where gap.stream == .thorax {
            let from = series.column(at: gap.start - analysis.recording.startTime)
            let to = series.column(at: gap.end - analysis.recording.startTime)
            for c in from...max(from, to) where row[c] == " " || row[c] == "=" { row[c] = "~" }
        }
        for marker in analysis.recording.markers where marker.kind == .stop {
            row[series.column(at: marker.time - analysis.recording.startTime)] = "!"
        }
        return row
    }

    /// The time axis: a rule with a tick every quarter and the times beneath.
    private func axis(end: Double) -> [String] {
        let ticks = 4
        var rule = [Character](repeating: "-", count: columns + 1)
        var labels = [Character](repeating: " ", count: columns + 12)
        for k in 0...ticks {
            let c = k * columns / ticks
            rule[c] = "+"
            let text = ReviewFormat.clock(end * Double(k) / Double(ticks), tenths: false)
            let at = k == ticks ? max(0, columns - text.count) : max(0, c - 1)
            for (i, ch) in text.enumerated() where at + i < labels.count { labels[at + i] = ch }
        }
        return [String(Self.label("").dropLast()) + String(rule),
                String(repeating: " ", count: Self.label("").count) + String(labels).trimmingTrailing()]
    }

    /// A value range within ±360° (a broken angle — not a number, or absurdly large — is drawn at the
    /// edge, never turned into a row count that traps).
    static func plottable(_ range: (min: Double, max: Double)?) -> (min: Double, max: Double)? {
        guard let range else { return nil }
        func clamp(_ x: Double) -> Double { x.isNaN ? 0 : min(max(x, -360), 360) }
        return (clamp(range.min), clamp(range.max))
    }

    /// Flexion's axis: rows at multiples of the smallest step that fits `rows`, from the row holding the
    /// lowest value (at most 0) to the one holding the highest (at least one step).
    static func flexionAxis(_ range: (min: Double, max: Double)?, rows: Int) -> Axis {
        let range = plottable(range)
        let low = min(0, range?.min ?? 0), high = max(0, range?.max ?? 0)
        for step in steps {
            let top = max(step, ((high - step / 2) / step).rounded(.up) * step)
            let bottom = min(0, ((low + step / 2) / step).rounded(.down) * step)
            let count = Int(((top - bottom) / step).rounded()) + 1
            if count <= rows || step == steps.last { return Axis(top: top, step: step, rows: count) }
        }
        return Axis(top: 90, step: 90, rows: 3)
    }

    /// Twist's axis: symmetric about 0 (an odd number of rows), past the largest |twist| and the alert angle.
    static func twistAxis(_ range: (min: Double, max: Double)?, alert: Double, rows: Int) -> Axis {
        let range = plottable(range)
        let largest = max(abs(range?.min ?? 0), abs(range?.max ?? 0))
        let half = max(1, (rows - 1) / 2)
        for step in steps {
            let k = max(Int(((largest - step / 2) / step).rounded(.up)), Int((alert / step).rounded(.up)), 1)
            if k <= half || step == steps.last { return Axis(top: Double(k) * step, step: step, rows: 2 * k + 1) }
        }
        return Axis(top: 90, step: 90, rows: 3)
    }

    /// Flexion's range for continuous plots: from min(0, lowest) to max(10, highest), in steps of 10°.
    static func flexionRange(_ range: (min: Double, max: Double)?) -> (Double, Double) {
        let range = plottable(range)
        let low = min(0, ((range?.min ?? 0) / 10).rounded(.down) * 10)
        let high = max(10, ((range?.max ?? 0) / 10).rounded(.up) * 10)
        return (low, high)
    }

    /// Twist's limit for continuous plots: symmetric, past the alert angle and the largest |twist|, in
    /// steps of 5°.
    static func twistLimit(_ range: (min: Double, max: Double)?, alert: Double) -> Double {
        let range = plottable(range)
        let largest = max(abs(range?.min ?? 0), abs(range?.max ?? 0), alert + 1)
        return (largest / 5).rounded(.up) * 5
    }

    /// A value label right-aligned in the label column, then the axis line.
    static func label(_ text: String) -> String { ReviewFormat.right(text, 6) + " |" }
}

extension String {
    /// The string without trailing spaces.
    func trimmingTrailing() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

import StretchGuardCore

/// The report's plot as inline SVG: flexion (top panel) and twist (bottom panel) over time, each drawn as
/// a min/max envelope with one column per pixel, holds as green bands labelled with their seconds, twist
/// alerts shaded red and bounce alerts orange, "stop / it hurts" markers as labelled vertical lines, gaps
/// hatched, and the profile's thresholds as dashed guides.
///
/// Elements carry classes (`hold`, `alert-twist`, `alert-bounce`, `marker`, `gap`, `series-flexion`,
/// `series-twist`) so that tests and style sheets can find them; every shaded span has a `<title>` tooltip.
public struct SVGPlot: Sendable {
    /// Width of the drawing, in SVG px (it scales to the page).
    public var width: Double = 1100
    /// Height of the flexion panel, in px.
    public var flexionHeight: Double = 190
    /// Height of the twist panel, in px.
    public var twistHeight: Double = 150

    let left = 58.0, right = 18.0, top = 30.0, gap = 26.0, bottom = 36.0

    /// A plot with the default size.
    public init() {}

    /// The `<svg>` element.
    public func render(_ analysis: SessionAnalysis) -> String {
        let end = max(analysis.duration, 1)
        let plotWidth = width - left - right
        let columns = max(16, Int(plotWidth.rounded()))
        let track = analysis.track
        let flexion = MinMaxSeries(times: track.time, values: track.flexion, start: 0, end: end, count: columns,
                                   transform: { $0 / degree })
        let twist = MinMaxSeries(times: track.time, values: track.twist, start: 0, end: end, count: columns,
                                 transform: { $0 / degree })
        let alert = analysis.profile.twist.alertAngle / degree
        let (flexLow, flexHigh) = TerminalPlot.flexionRange(flexion.range)
        let twistLimit = TerminalPlot.twistLimit(twist.range, alert: alert)
        let flexPanel = Panel(top: top, height: flexionHeight, low: flexLow, high: flexHigh)
        let twistPanel = Panel(top: top + flexionHeight + gap, height: twistHeight, low: -twistLimit, high: twistLimit)
        let height = twistPanel.bottom + bottom
        let x = { (t: Double) in left + t / end * plotWidth }
        let startTime = analysis.recording.startTime

        var svg = SVGWriter()
        svg.open("svg", ["id": "posture-plot", "xmlns": "http://www.w3.org/2000/svg", "role": "img",
                         "viewBox": "0 0 \(n(width)) \(n(height))", "width": "100%",
                         "aria-label": "Flexion and twist over time, with holds, alerts and markers"])
        svg.raw("""
            <defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
            <rect width="6" height="6" fill="#f3f4f6"/><line x1="0" y1="0" x2="0" y2="6" stroke="#9ca3af" stroke-width="2"/>\
            </pattern></defs>
            """)
        for panel in [flexPanel, twistPanel] {
            svg.element("rect", ["class": "panel-bg", "x": n(left), "y": n(panel.top), "width": n(plotWidth),
                                 "height": n(panel.height), "fill": "#ffffff", "stroke": "#e5e7eb"])
        }
        let spanTop = flexPanel.top, spanHeight = twistPanel.bottom - flexPanel.top
        // Spans first, so that the series draw over them.
        for hold in analysis.holds {
            let x0 = x(hold.start), w = max(x(hold.end) - x0, 1)
            svg.open("rect", ["class": "hold", "x": n(x0), "y": n(spanTop), "width": n(w), "height": n(spanHeight),
                              "fill": "#22c55e", "fill-opacity": "0.13"])
            svg.text("title", "Hold \(hold.number): \(ReviewFormat.decimal(hold.duration, 1)) s from \(ReviewFormat.clock(hold.start))"
                + (hold.reached ? ", target reached" : ""))
            svg.close("rect")
            if w >= 30 {
                svg.text("text", "\(ReviewFormat.decimal(hold.duration, 0)) s",
                         ["class": "hold-label", "x": n(x0 + w / 2), "y": n(top - 8), "text-anchor": "middle",
                          "font-size": "12", "font-weight": "600", "fill": "#15803d"])
            }
        }
        for span in analysis.alerts {
            let x0 = x(span.start), w = max(x(span.end) - x0, 2)
            let (fill, name) = Self.style(span.kind)
            svg.open("rect", ["class": "alert-\(span.kind.rawValue)", "x": n(x0), "y": n(spanTop), "width": n(w),
                              "height": n(spanHeight), "fill": fill, "fill-opacity": "0.25"])
            svg.text("title", "\(name) at \(ReviewFormat.clock(span.start)) for \(ReviewFormat.decimal(span.duration, 1)) s"
                + (span.peak <= 0 ? "" : span.kind == .hipHinge
                    ? ", the spine's share up to \(ReviewFormat.decimal(span.peak * 100, 0)) %"
                    : ", peak \(ReviewFormat.degrees(span.peak))"))
            svg.close("rect")
        }
        for missing in analysis.recording.gaps where missing.stream == .thorax {
            let x0 = x(missing.start - startTime), w = max(x(missing.end - startTime) - x0, 2)
            svg.open("rect", ["class": "gap", "x": n(x0), "y": n(spanTop), "width": n(w), "height": n(spanHeight),
                              "fill": "url(#hatch)"])
            svg.text("title", "\(missing.samples) samples missing (\(missing.reason))")
            svg.close("rect")
        }
        grid(&svg, flexPanel, step: 10, plotWidth: plotWidth, title: "Flexion (°, + forward)")
        grid(&svg, twistPanel, step: twistLimit <= 20 ? 5 : 10, plotWidth: plotWidth,
             title: "Twist (°, + chest to the left)")
        timeAxis(&svg, end: end, x: x, top: flexPanel.top, panels: [flexPanel, twistPanel])
        guides(&svg, analysis: analysis, flexPanel: flexPanel, twistPanel: twistPanel, plotWidth: plotWidth)
        svg.element("path", ["class": "series-flexion", "d": path(flexion, panel: flexPanel, x0: left,
                                                                  columnWidth: plotWidth / Double(columns)),
                             "fill": "none", "stroke": "#2563eb", "stroke-width": "1.6", "stroke-linejoin": "round"])
        svg.element("path", ["class": "series-twist", "d": path(twist, panel: twistPanel, x0: left,
                                                                columnWidth: plotWidth / Double(columns)),
                             "fill": "none", "stroke": "#7c3aed", "stroke-width": "1.6", "stroke-linejoin": "round"])
        // Labels only where they do not overlap the previous one (every line keeps its tooltip).
        var labelledUntil = -Double.infinity
        for marker in analysis.recording.markers {
            let mx = x(marker.time - startTime)
            let label = marker.kind == .stop ? "stop / it hurts" : (marker.note.isEmpty ? "note" : marker.note)
            svg.open("g", ["class": "marker"])
            svg.element("line", ["x1": n(mx), "y1": n(top - 4), "x2": n(mx), "y2": n(twistPanel.bottom),
                                 "stroke": "#111827", "stroke-width": "1.5", "stroke-dasharray": "5 3"])
            let labelWidth = 7 * Double(label.count) + 8  // px, at 12 px bold
            let anchor = mx + labelWidth > left + plotWidth ? "end" : "start"
            let (from, to) = anchor == "end" ? (mx - labelWidth, mx) : (mx, mx + labelWidth)
            if from > labelledUntil {
                svg.text("text", label, ["x": n(mx + (anchor == "end" ? -4 : 4)), "y": n(flexPanel.top + 30),
                                         "font-size": "12", "font-weight": "600", "fill": "#111827",
                                         "text-anchor": anchor, "stroke": "#ffffff", "stroke-width": "3",
                                         "paint-order": "stroke"])
                labelledUntil = to
            }
            svg.text("title", "\(label) at \(ReviewFormat.clock(marker.time - startTime))")
            svg.close("g")
        }
        svg.close("svg")
        return svg.output
    }

    /// One panel's place and value range (°).
    /// An alert span's fill colour and name.
    static func style(_ kind: AlertSpan.Kind) -> (fill: String, name: String) {
        switch kind {
        case .twist: return ("#ef4444", "Twist alert")
        case .bounce: return ("#f97316", "Bounce alert")
        case .hipHinge: return ("#eab308", "Bend from the hips")
        case .hipsStill: return ("#0ea5e9", "Keep the hips still")
        }
    }

    struct Panel {
        var top: Double, height: Double, low: Double, high: Double
        var bottom: Double { top + height }
        func y(_ value: Double) -> Double { top + (high - min(max(value, low), high)) / (high - low) * height }
    }

    /// Horizontal grid lines and their labels every `step` degrees, and the panel's title.
    func grid(_ svg: inout SVGWriter, _ panel: Panel, step: Double, plotWidth: Double, title: String) {
        var value = (panel.low / step).rounded(.up) * step
        while value <= panel.high + 1e-9 {
            let y = panel.y(value)
            svg.element("line", ["x1": n(left), "y1": n(y), "x2": n(left + plotWidth), "y2": n(y),
                                 "stroke": value == 0 ? "#9ca3af" : "#eef0f3", "stroke-width": "1"])
            svg.text("text", ReviewFormat.decimal(value, 0), ["x": n(left - 6), "y": n(y + 4), "text-anchor": "end",
                                                              "font-size": "11", "fill": "#6b7280"])
            value += step
        }
        svg.text("text", title, ["x": n(left + 6), "y": n(panel.top + 14), "font-size": "12", "fill": "#374151"])
    }

    /// Vertical grid lines at round times, labelled m:ss beneath the lower panel.
    func timeAxis(_ svg: inout SVGWriter, end: Double, x: (Double) -> Double, top: Double, panels: [Panel]) {
        let steps: [Double] = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600]
        let step = steps.first { end / $0 <= 10 } ?? 7200
        var t = 0.0
        while t <= end + 1e-9 {
            for panel in panels {
                svg.element("line", ["x1": n(x(t)), "y1": n(panel.top), "x2": n(x(t)), "y2": n(panel.bottom),
                                     "stroke": "#eef0f3", "stroke-width": "1"])
            }
            let anchor = t + step > end + 1e-9 && t > 0 ? "end" : (t == 0 ? "start" : "middle")
            svg.text("text", ReviewFormat.clock(t, tenths: false),
                     ["x": n(x(t)), "y": n(panels.last!.bottom + 18), "text-anchor": anchor, "font-size": "11",
                      "fill": "#6b7280"])
            t += step
        }
    }

    /// The twist alert angle (±, red) and the stretch position's entry angle (green), dashed.
    private func guides(_ svg: inout SVGWriter, analysis: SessionAnalysis, flexPanel: Panel, twistPanel: Panel,
                        plotWidth: Double) {
        let alert = analysis.profile.twist.alertAngle / degree
        for value in [alert, -alert] {
            let y = twistPanel.y(value)
            svg.element("line", ["class": "guide-twist", "x1": n(left), "y1": n(y), "x2": n(left + plotWidth),
                                 "y2": n(y), "stroke": "#ef4444", "stroke-width": "1", "stroke-dasharray": "6 4"])
        }
        let hold = analysis.profile.hold
        let enter: Double? = switch hold.position {
        case .flexion, .any: hold.enterAngle / degree
        case .backwardBend: -hold.enterAngle / degree
        case .sideBend: nil
        }
        if let enter, enter > flexPanel.low, enter < flexPanel.high {
            svg.element("line", ["class": "guide-hold", "x1": n(left), "y1": n(flexPanel.y(enter)),
                                 "x2": n(left + plotWidth), "y2": n(flexPanel.y(enter)), "stroke": "#16a34a",
                                 "stroke-width": "1", "stroke-dasharray": "6 4"])
        }
    }

    /// The series as one path: per column a vertical stroke from min to max, joined column to column;
    /// columns without samples break the line.
    func path(_ series: MinMaxSeries, panel: Panel, x0: Double, columnWidth: Double) -> String {
        var d = ""
        d.reserveCapacity(series.columns.count * 24)
        var drawing = false
        var lastY = 0.0
        for (c, column) in series.columns.enumerated() {
            guard let column else {
                drawing = false
                continue
            }
            let x = n(x0 + (Double(c) + 0.5) * columnWidth)
            let (yMin, yMax) = (panel.y(column.min), panel.y(column.max))
            // Start each column at the end nearer the previous point, so the line does not zigzag.
            let (first, second) = abs(yMin - lastY) < abs(yMax - lastY) ? (yMin, yMax) : (yMax, yMin)
            d += (drawing ? "L" : "M") + x + " " + n(first)
            if abs(second - first) >= 0.05 { d += "L" + x + " " + n(second) }
            lastY = second
            drawing = true
        }
        return d
    }

    /// A coordinate with one decimal.
    func n(_ value: Double) -> String { ReviewFormat.decimal(value, 1) }
}

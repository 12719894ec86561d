import StretchGuardCore

extension SVGPlot {
    /// A two-sensor session's hips as an inline SVG (`id="hips-plot"`): the spine's (lumbar) flexion and the
    /// hip flexion on one panel, so that a forward bend shows how much of it the hips did, and the pelvis
    /// twist beneath; the hip-hinge and hips-still cues shaded, the ticks without a pelvis reading hatched.
    /// Same width, margins and time axis as ``render(_:)``.
    ///
    /// - Returns: the `<svg>` element.
    public func renderHips(_ analysis: SessionAnalysis) -> String {
        let end = max(analysis.duration, 1)
        let plotWidth = width - left - right
        let columns = max(16, Int(plotWidth.rounded()))
        let columnWidth = plotWidth / Double(columns)
        let track = analysis.track
        func series(_ values: [Double]) -> MinMaxSeries {
            MinMaxSeries(times: track.time, values: values, start: 0, end: end, count: columns, transform: { $0 / degree })
        }
        let lumbar = series(track.flexion), hips = series(track.hipFlexion), pelvisTwist = series(track.pelvisTwist)
        let lows = [lumbar.range?.min, hips.range?.min].compactMap { $0 }
        let highs = [lumbar.range?.max, hips.range?.max].compactMap { $0 }
        let (flexLow, flexHigh) = TerminalPlot.flexionRange(lows.isEmpty ? nil : (lows.min()!, highs.max()!))
        let twistLimit = TerminalPlot.twistLimit(pelvisTwist.range, alert: 9)
        let flexPanel = Panel(top: top, height: flexionHeight, low: flexLow, high: flexHigh)
        let twistPanel = Panel(top: top + flexionHeight + gap, height: twistHeight, low: -twistLimit, high: twistLimit)
        let height = twistPanel.bottom + bottom
        let x = { (t: Double) in left + t / end * plotWidth }
        let startTime = analysis.recording.startTime
        let spine = analysis.isSpinal ? "Lumbar (spine)" : "Thorax"

        var svg = SVGWriter()
        svg.open("svg", ["id": "hips-plot", "xmlns": "http://www.w3.org/2000/svg", "role": "img",
                         "viewBox": "0 0 \(n(width)) \(n(height))", "width": "100%",
                         "aria-label": "\(spine) flexion against hip flexion, and pelvis twist, over time"])
        svg.raw("""
            <defs><pattern id="hatch-pelvis" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
            <rect width="6" height="6" fill="#f3f4f6"/><line x1="0" y1="0" x2="0" y2="6" stroke="#9ca3af" stroke-width="2"/>\
            </pattern></defs>
            """)
        for panel in [flexPanel, twistPanel] {
            svg.element("rect", ["class": "panel-bg", "x": n(left), "y": n(panel.top), "width": n(plotWidth),
                                 "height": n(panel.height), "fill": "#ffffff", "stroke": "#e5e7eb"])
        }
        let spanTop = flexPanel.top, spanHeight = twistPanel.bottom - flexPanel.top
        for span in analysis.alerts where span.kind == .hipHinge || span.kind == .hipsStill {
            let x0 = x(span.start), w = max(x(span.end) - x0, 2)
            let (fill, name) = Self.style(span.kind)
            svg.open("rect", ["class": "alert-\(span.kind.rawValue)", "x": n(x0), "y": n(spanTop), "width": n(w),
                              "height": n(spanHeight), "fill": fill, "fill-opacity": "0.25"])
            svg.text("title", "\(name) at \(ReviewFormat.clock(span.start)) for \(ReviewFormat.decimal(span.duration, 1)) s")
            svg.close("rect")
        }
        for missing in analysis.recording.gaps {
            let x0 = x(missing.start - startTime), w = max(x(missing.end - startTime) - x0, 2)
            svg.open("rect", ["class": "gap-\(missing.stream.rawValue)", "x": n(x0), "y": n(spanTop), "width": n(w),
                              "height": n(spanHeight), "fill": "url(#hatch-pelvis)"])
            let what = missing.stream == .pelvis ? "pelvis readings" : "samples"
            svg.text("title", "\(missing.samples) \(what) missing (\(missing.reason))")
            svg.close("rect")
        }
        grid(&svg, flexPanel, step: 10, plotWidth: plotWidth, title: "\(spine) and hip flexion (°, + forward)")
        grid(&svg, twistPanel, step: twistLimit <= 20 ? 5 : 10, plotWidth: plotWidth,
             title: "Pelvis twist (°, + hips to the left)")
        timeAxis(&svg, end: end, x: x, top: flexPanel.top, panels: [flexPanel, twistPanel])
        svg.element("path", ["class": "series-lumbar-flexion", "d": path(lumbar, panel: flexPanel, x0: left, columnWidth: columnWidth),
                             "fill": "none", "stroke": "#2563eb", "stroke-width": "1.6", "stroke-linejoin": "round"])
        svg.element("path", ["class": "series-hip-flexion", "d": path(hips, panel: flexPanel, x0: left, columnWidth: columnWidth),
                             "fill": "none", "stroke": "#16a34a", "stroke-width": "1.6", "stroke-linejoin": "round"])
        svg.element("path", ["class": "series-pelvis-twist", "d": path(pelvisTwist, panel: twistPanel, x0: left,
                                                                      columnWidth: columnWidth),
                             "fill": "none", "stroke": "#0d9488", "stroke-width": "1.6", "stroke-linejoin": "round"])
        svg.close("svg")
        return svg.output
    }
}

/// The live page's traces: a `<canvas>` panel drawing the last 30 s of one or two angles (degrees against
/// session seconds) with dashed threshold lines and the "stop / it hurts" markers. Defines the global
/// `LiveTraces` used by ``LivePageScript``; colours are the report's (twist #7c3aed, flexion #2563eb, hip
/// #0d9488, thresholds in the palette's red, amber and green).
enum LiveTraceScript {
    static let source = #"""
        const LiveTraces = (() => {
          'use strict';
          const WINDOW_S = 30;

          // Sizes the canvas's bitmap to its box on screen (sharp on high-density tablets).
          function fit(canvas) {
            const box = canvas.getBoundingClientRect();
            const ratio = window.devicePixelRatio || 1;
            const width = Math.max(1, Math.round(box.width * ratio)), height = Math.max(1, Math.round(box.height * ratio));
            if (canvas.width !== width || canvas.height !== height) { canvas.width = width; canvas.height = height; }
            const ctx = canvas.getContext('2d');
            ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
            return { ctx, width: box.width, height: box.height };
          }

          // A step for grid lines that gives about five of them over `span` degrees.
          function gridStep(span) {
            for (const step of [5, 10, 15, 20, 30, 45, 60]) if (span / step <= 6) return step;
            return 90;
          }

          // Draws one panel.
          //   points: [{t, …}] oldest first, t in s; series: [{key, colour}] (a null value breaks the line);
          //   range: {min, max} in degrees (widened to fit the data); lines: [{value, colour, label}];
          //   stops: [t, …] in s; now: the newest time, in s.
          function draw(canvas, { points, series, range, lines, stops, now }) {
            const { ctx, width, height } = fit(canvas);
            const left = 46, right = 10, top = 10, bottom = 24;
            const plotWidth = Math.max(1, width - left - right), plotHeight = Math.max(1, height - top - bottom);
            let min = range.min, max = range.max;
            for (const line of lines) { min = Math.min(min, line.value); max = Math.max(max, line.value); }
            for (const p of points) for (const s of series) {
              const v = p[s.key];
              if (typeof v === 'number' && isFinite(v)) { min = Math.min(min, v); max = Math.max(max, v); }
            }
            const step = gridStep(max - min);
            min = Math.floor(min / step) * step; max = Math.ceil(max / step) * step;
            const start = now - WINDOW_S;
            const x = (t) => left + (t - start) / WINDOW_S * plotWidth;
            const y = (v) => top + (max - v) / (max - min) * plotHeight;

            ctx.clearRect(0, 0, width, height);
            ctx.fillStyle = '#ffffff';
            ctx.fillRect(left, top, plotWidth, plotHeight);
            ctx.font = '13px system-ui, sans-serif';
            ctx.lineWidth = 1;
            // Grid and degree labels.
            ctx.textAlign = 'right'; ctx.textBaseline = 'middle';
            for (let v = min; v <= max + 1e-9; v += step) {
              ctx.strokeStyle = v === 0 ? '#9ca3af' : '#eef0f3';
              ctx.beginPath(); ctx.moveTo(left, y(v)); ctx.lineTo(left + plotWidth, y(v)); ctx.stroke();
              ctx.fillStyle = '#6b7280'; ctx.fillText(v + '°', left - 6, y(v));
            }
            // Time labels: seconds before now.
            ctx.textAlign = 'center'; ctx.textBaseline = 'top';
            for (let ago = WINDOW_S; ago >= 0; ago -= 10) {
              if (ago === 0) ctx.textAlign = 'right';
              ctx.fillText(ago === 0 ? 'now' : '−' + ago + ' s', x(now - ago), top + plotHeight + 5);
            }
            ctx.strokeStyle = '#e5e7eb'; ctx.strokeRect(left, top, plotWidth, plotHeight);

            ctx.save();
            ctx.beginPath(); ctx.rect(left, top, plotWidth, plotHeight); ctx.clip();
            // Thresholds, dashed, labelled at the left (the newest samples are at the right).
            ctx.setLineDash([6, 4]); ctx.lineWidth = 1.5;
            ctx.textAlign = 'left'; ctx.textBaseline = 'bottom';
            for (const line of lines) {
              ctx.strokeStyle = line.colour;
              ctx.beginPath(); ctx.moveTo(left, y(line.value)); ctx.lineTo(left + plotWidth, y(line.value)); ctx.stroke();
              if (line.label) { ctx.fillStyle = line.colour; ctx.fillText(line.label, left + 4, y(line.value) - 2); }
            }
            // Stop markers.
            ctx.strokeStyle = '#111827'; ctx.setLineDash([5, 3]);
            ctx.textAlign = 'left'; ctx.textBaseline = 'top';
            for (const t of stops) {
              if (t < start) continue;
              ctx.beginPath(); ctx.moveTo(x(t), top); ctx.lineTo(x(t), top + plotHeight); ctx.stroke();
              ctx.fillStyle = '#dc2626'; ctx.fillText('stop', x(t) + 4, top + 2);
            }
            // The series.
            ctx.setLineDash([]); ctx.lineWidth = 2.5; ctx.lineJoin = 'round';
            for (const s of series) {
              ctx.strokeStyle = s.colour;
              ctx.beginPath();
              let drawing = false;
              for (const p of points) {
                const v = p[s.key];
                if (typeof v !== 'number' || !isFinite(v)) { drawing = false; continue; }
                if (drawing) ctx.lineTo(x(p.t), y(v)); else ctx.moveTo(x(p.t), y(v));
                drawing = true;
              }
              ctx.stroke();
            }
            ctx.restore();
          }

          return { WINDOW_S, draw };
        })();

        """#
}

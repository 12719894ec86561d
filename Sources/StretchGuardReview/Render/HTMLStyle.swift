/// The report's inline style sheet and plot legend (no external fonts or images); the browser view's pages
/// build on the same style sheet and palette.
public enum HTMLStyle {
    /// The legend above the plot: swatches for the series and shaded spans.
    static let legend = """
        <div class="legend">\
        <span><i class="swatch line" style="background:#2563eb"></i>flexion</span>\
        <span><i class="swatch line" style="background:#7c3aed"></i>twist</span>\
        <span><i class="swatch" style="background:rgba(34,197,94,.3)"></i>hold (seconds above)</span>\
        <span><i class="swatch" style="background:rgba(239,68,68,.35)"></i>twist alert</span>\
        <span><i class="swatch" style="background:rgba(249,115,22,.35)"></i>bounce alert</span>\
        <span><i class="swatch marker"></i>stop / it hurts</span>\
        <span><i class="swatch hatch"></i>no samples</span>\
        <span><i class="swatch dashed"></i>alert and stretch thresholds</span>\
        </div>
        """

    /// The style sheet (its `:root` holds the palette: `--ink`, `--muted`, `--line`, `--bg`, `--card`,
    /// `--good`, `--warn`, `--bad`, `--accent`).
    public static let css = """
        :root { --ink:#111827; --muted:#6b7280; --line:#e5e7eb; --bg:#f5f7fa; --card:#ffffff;
                --good:#16a34a; --warn:#ea580c; --bad:#dc2626; --accent:#2563eb; }
        * { box-sizing: border-box; }
        body { margin:0; background:var(--bg); color:var(--ink);
               font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 1180px; margin: 0 auto; padding: 28px 24px 40px; }
        header { margin-bottom: 20px; }
        .eyebrow { margin:0; text-transform:uppercase; letter-spacing:.08em; font-size:12px; color:var(--accent);
                   font-weight:600; }
        h1 { margin:4px 0 4px; font-size:28px; line-height:1.2; }
        .meta { margin:0; color:var(--muted); font-size:16px; }
        h2 { margin:0 0 12px; font-size:18px; }
        .cards { display:grid; grid-template-columns:repeat(auto-fit, minmax(140px, 1fr)); gap:12px; margin-bottom:20px; }
        .card { background:var(--card); border:1px solid var(--line); border-top:4px solid #cbd5e1; border-radius:10px;
                padding:12px 14px; box-shadow:0 1px 2px rgba(0,0,0,.04); }
        .card.good { border-top-color:var(--good); }
        .card.warn { border-top-color:var(--warn); }
        .card.bad { border-top-color:var(--bad); }
        .card .value { font-size:26px; font-weight:700; line-height:1.1; }
        .card.bad .value { color:var(--bad); }
        .card.warn .value { color:var(--warn); }
        .card .label { font-size:13px; font-weight:600; margin-top:2px; }
        .card .detail { font-size:12px; color:var(--muted); }
        .panel { background:var(--card); border:1px solid var(--line); border-radius:10px; padding:16px 18px;
                 margin-bottom:20px; box-shadow:0 1px 2px rgba(0,0,0,.04); }
        svg { display:block; font-family: inherit; }
        .legend { display:flex; flex-wrap:wrap; gap:6px 16px; font-size:12px; color:var(--muted); margin-bottom:8px; }
        .legend span { display:inline-flex; align-items:center; gap:6px; }
        .swatch { display:inline-block; width:16px; height:12px; border-radius:2px; }
        .swatch.line { height:3px; }
        .swatch.marker { width:0; height:14px; border-left:2px dashed var(--ink); border-radius:0; }
        .swatch.hatch { background: repeating-linear-gradient(45deg, #f3f4f6 0 3px, #9ca3af 3px 5px); }
        .swatch.dashed { height:0; border-top:2px dashed var(--bad); border-radius:0; }
        table { width:100%; border-collapse:collapse; font-size:14px; }
        th { text-align:left; font-size:12px; color:var(--muted); font-weight:600; border-bottom:2px solid var(--line);
             padding:6px 8px; white-space:nowrap; }
        td { padding:6px 8px; border-bottom:1px solid var(--line); vertical-align:middle; }
        td.num { font-variant-numeric: tabular-nums; white-space:nowrap; }
        td.flag-bounce { color:var(--warn); font-weight:700; }
        td.flag-twist { color:var(--bad); font-weight:700; }
        .bar-col { min-width:170px; }
        .bar { display:inline-block; vertical-align:middle; width:90px; height:10px; background:#eef2f7; border-radius:5px;
               overflow:hidden; margin-right:8px; }
        .bar .fill { height:100%; background:#93c5fd; }
        tr.reached .bar .fill { background:var(--good); }
        .bar-text { font-size:12px; color:var(--muted); }
        #timeline td.time { width:80px; color:var(--muted); font-variant-numeric: tabular-nums; white-space:nowrap; }
        #timeline td:nth-child(2) { width:18px; }
        .dot { display:inline-block; width:9px; height:9px; border-radius:50%; background:#cbd5e1; }
        tr.hold_started .dot, tr.hold_reached .dot, tr.hold_ended .dot { background:var(--good); }
        tr.twist_alert_started .dot, tr.twist_alert_ended .dot, tr.stop .dot { background:var(--bad); }
        tr.bounce_started .dot, tr.bounce_ended .dot, tr.impact .dot { background:var(--warn); }
        tr.warning td:last-child { font-weight:600; }
        tr.stop td:last-child { color:var(--bad); }
        .empty { color:var(--muted); margin:0; }
        footer { color:var(--muted); font-size:12px; }
        footer p { margin:2px 0; }
        @media print { body { background:#fff; } .panel, .card { box-shadow:none; } }

        """
}

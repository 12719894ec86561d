import StretchGuardReview

/// `/assets/style.css`: the report's style sheet and palette (``HTMLStyle``), then what the browser view adds —
/// links on the session list, and the live page laid out for a tablet at arm's length, portrait or landscape.
/// No web fonts: the system's.
enum PageStyle {
    /// The whole style sheet.
    static let css = HTMLStyle.css + lists + live

    /// The session list and the error page.
    static let lists = """
        :root { --caution:#ca8a04; }
        [hidden] { display:none !important; }
        a { color:var(--accent); }
        code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size:.92em; }
        .bar .fill { display:block; }
        .bar.reached .fill { background:var(--good); }
        td.links a { margin-right:12px; font-weight:600; }
        .live-link { display:flex; align-items:center; gap:12px; margin:0 0 20px; padding:16px 20px; border-radius:10px;
                     background:var(--bad); color:#fff; font-size:20px; font-weight:700; text-decoration:none; }
        .live-dot { font-size:22px; animation: pulse 1.4s ease-in-out infinite; }
        @keyframes pulse { 50% { opacity:.35; } }
        .empty.panel { font-size:17px; }
        .unreadable { color:var(--bad); margin:8px 0 0; }
        .error-message { font-size:18px; }

        """

    /// The live page.
    static let live = """
        body.live { font-size:18px; }
        body.live main { max-width:1400px; padding:14px 16px 24px; }
        .live-head { display:flex; align-items:center; gap:16px; flex-wrap:wrap; margin-bottom:12px; }
        .live-head .titles { flex:1 1 240px; }
        .live-head h1 { font-size:26px; }
        .clock { font-size:44px; font-weight:700; font-variant-numeric: tabular-nums; }
        .connection { display:inline-flex; align-items:center; gap:8px; padding:6px 12px; border-radius:999px;
                      background:var(--card); border:1px solid var(--line); font-size:16px; font-weight:600; }
        .connection i { width:12px; height:12px; border-radius:50%; background:var(--muted); }
        .connection.live i { background:var(--good); }
        .connection.connecting i, .connection.reconnecting i { background:var(--caution); }
        .connection.ended i { background:var(--ink); }
        .banner { width:100%; padding:18px 22px; border-radius:12px; margin-bottom:14px; font-size:32px; font-weight:800;
                  line-height:1.15; background:var(--card); color:var(--ink); border:1px solid var(--line); }
        .banner[data-state="twist-alert"] { background:var(--bad); color:#fff; border-color:var(--bad); }
        .banner[data-state="bounce"] { background:var(--warn); color:#fff; border-color:var(--warn); }
        .banner[data-state="twist-warning"], .banner[data-state="pelvis-lost"] { background:var(--caution); color:#fff;
                  border-color:var(--caution); }
        .banner[data-state="hold"], .banner[data-state="plan-done"] { background:var(--good); color:#fff; border-color:var(--good); }
        .banner[data-state="plan"], .banner[data-state="plan-rest"] { color:var(--ink); border-color:var(--good); }
        .banner[data-state="stop"], .banner[data-state="fault"] { background:var(--ink); color:#fff; }
        .banner[data-state="ended"], .banner[data-state="waiting"] { color:var(--muted); }
        .live-grid { display:grid; gap:14px; grid-template-columns: 1fr; }
        .live-grid .panel { margin-bottom:0; }
        @media (orientation: landscape) and (min-width: 900px) {
          .live-grid { grid-template-columns: minmax(0, 2.2fr) minmax(300px, 1fr); }
          .live-grid .traces { grid-row: span 3; }
        }
        .trace { width:100%; height:min(34vh, 320px); min-height:180px; display:block; }
        @media (orientation: portrait) { .trace { height:26vh; } }
        .readouts { display:grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap:10px 18px; }
        .readout .label, .health .label { display:block; font-size:15px; color:var(--muted); font-weight:600; }
        .readout .value { font-size:48px; font-weight:800; font-variant-numeric: tabular-nums; line-height:1.05; }
        #twist-value.warning { color:var(--caution); }
        #twist-value.alert { color:var(--bad); }
        .hold { grid-column: 1 / -1; }
        .progress { height:22px; background:#eef2f7; border-radius:11px; overflow:hidden; margin:6px 0 4px; }
        .progress .fill { height:100%; width:0; background:#93c5fd; transition: width .2s linear; }
        .hold.reached .progress .fill { background:var(--good); }
        #hold-text { font-size:30px; font-weight:700; font-variant-numeric: tabular-nums; }
        .health dl { display:grid; grid-template-columns: repeat(auto-fit, minmax(120px, 1fr)); gap:8px 16px; margin:0; }
        .health dd { margin:0; font-size:24px; font-weight:700; font-variant-numeric: tabular-nums; }
        .health dd.bad { color:var(--bad); }
        .marker-list, .event-list { list-style:none; margin:0 0 12px; padding:0; }
        .marker-list li { color:var(--bad); font-weight:700; font-size:20px; padding:4px 0; }
        .marker-list li.none { color:var(--muted); font-weight:400; font-size:16px; }
        .event-list li { font-size:16px; padding:3px 0; border-bottom:1px solid var(--line); }
        .marker-list time, .event-list time { display:inline-block; min-width:64px; color:var(--muted);
                  font-variant-numeric: tabular-nums; font-weight:600; }
        .legend .swatch.hip { background:#0d9488; }

        """
}

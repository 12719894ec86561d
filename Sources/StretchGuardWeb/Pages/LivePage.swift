import StretchGuardReview

/// `GET /live`: the live session's page. Static markup; ``LivePageScript`` fills it from the WebSocket
/// `/api/live/ws`: the twist (`#twist-value`) and flexion, the traces of the last 30 s with the thresholds
/// (`#trace-twist`, `#trace-flexion`), the alert banner (`#alert-banner`, its `data-state` one of `waiting`,
/// `clear`, `hold`, `twist-warning`, `twist-alert`, `bounce`, `pelvis-lost`, `baseline`, `ended`), the hold
/// timer, the session clock, the sensor's health, the "stop / it hurts" markers and the connection.
enum LivePage {
    /// The document; its script and style sheet are fetched with the token when one is needed.
    static func render(links: PageLinks) -> String {
        PageShell.document(title: "StretchGuard — live session", bodyClass: "live", links: links) { page in
            page.raw(body)
            page.open("script", ["src": links.liveScript])
            page.close("script")
        }
    }

    /// Everything but the script.
    static let body = """
        <main>
        <header class="live-head">
          <div class="titles"><p class="eyebrow">StretchGuard · live</p><h1 id="session-title">Live session</h1>
            <p class="meta" id="session-meta">waiting for the session…</p></div>
          <div class="clock" id="session-clock" title="session time">0:00</div>
          <div class="connection connecting" id="connection"><i></i><span>connecting…</span></div>
        </header>
        <div class="banner" id="alert-banner" data-state="waiting" role="status" aria-live="assertive">Waiting for the session…</div>
        <div class="live-grid">
          <section class="panel traces">
            <h2 id="trace-heading">Twist and flexion, last 30 s</h2>
            <div class="legend">
              <span><i class="swatch line" style="background:#7c3aed"></i>twist</span>
              <span><i class="swatch line" style="background:#2563eb"></i><b id="flexion-legend">flexion</b></span>
              <span id="hip-legend" hidden><i class="swatch line hip"></i>hip flexion</span>
              <span><i class="swatch dashed"></i>alert and stretch thresholds</span>
              <span><i class="swatch marker"></i>stop / it hurts</span>
            </div>
            <canvas class="trace" id="trace-twist" aria-label="twist over the last 30 s"></canvas>
            <canvas class="trace" id="trace-flexion" aria-label="flexion over the last 30 s"></canvas>
          </section>
          <section class="panel readouts">
            <div class="readout"><span class="label">Twist</span><span class="value" id="twist-value">–</span></div>
            <div class="readout"><span class="label" id="flexion-label">Flexion</span><span class="value" id="flexion-value">–</span></div>
            <div class="readout" id="hip-readout" hidden><span class="label">Hip flexion</span><span class="value" id="hip-value">–</span></div>
            <div class="hold" id="hold"><span class="label">Hold toward the target</span>
              <div class="progress"><div class="fill" id="hold-fill"></div></div><span id="hold-text">0 / 30 s</span></div>
          </section>
          <section class="panel health">
            <h2>Sensor</h2>
            <dl>
              <div><dt class="label">rate</dt><dd id="sensor-rate">–</dd></div>
              <div><dt class="label">dropped samples</dt><dd id="sensor-dropped">0</dd></div>
              <div><dt class="label">read faults</dt><dd id="sensor-faults">0</dd></div>
              <div id="pelvis-health" hidden><dt class="label">pelvis sensor</dt><dd id="sensor-pelvis">–</dd></div>
            </dl>
          </section>
          <section class="panel markers">
            <h2>Stop / it hurts</h2>
            <ol class="marker-list" id="stop-list"><li class="none">none so far</li></ol>
            <h2>Events</h2>
            <ol class="event-list" id="event-list"></ol>
          </section>
        </div>
        <footer><p><a data-path="/" href="/">All sessions</a> · updates over a WebSocket, about 20 times a second</p></footer>
        </main>
        """
}

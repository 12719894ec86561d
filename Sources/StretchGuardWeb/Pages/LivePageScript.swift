/// The live page's script (served at `/assets/live.js` after ``LiveTraceScript``): follows the WebSocket
/// `/api/live/ws` — a `hello` (the profile's thresholds in degrees, the hold target in s, one or two
/// sensors), then `update`s (a snapshot as `GET /api/live` gives it, the events since the last one,
/// `finished`) — and shows them. Reconnects by itself with a growing pause (1 s, 2 s, 4 s, then every 5 s)
/// while the session has not finished. The pairing token is read from the page's address once and kept
/// in a variable only (never stored), for the socket's URL and the page's links.
enum LivePageScript {
    /// Both scripts, as served.
    static let served = LiveTraceScript.source + source

    static let source = #"""
        (() => {
          'use strict';
          const token = new URLSearchParams(location.search).get('token');
          const withToken = (path) =>
            token ? path + (path.includes('?') ? '&' : '?') + 'token=' + encodeURIComponent(token) : path;
          const $ = (id) => document.getElementById(id);
          const colours = { twist: '#7c3aed', flexion: '#2563eb', hip: '#0d9488', bad: '#dc2626', caution: '#ca8a04', good: '#16a34a' };
          const settings = { twistWarning: 10, twistAlert: 15, holdEnter: 20, holdPosition: 'any', holdTarget: 30, twoSensors: false };
          const points = [];        // {t (s), twist, flexion, hip (degrees)}, the last 30 s
          const stops = [];         // session times of the "stop / it hurts" presses, in s
          const seen = new Set();   // events shown already (a reconnect sends the recent ones again)
          let now = 0, finished = false, socket = null, retryDelay = 1000, dirty = true, last = null;

          for (const link of document.querySelectorAll('a[data-path]')) link.href = withToken(link.dataset.path);

          const clock = (seconds) => {
            if (typeof seconds !== 'number') return '–';
            const whole = Math.max(0, Math.floor(seconds || 0));
            const h = Math.floor(whole / 3600), m = Math.floor(whole / 60) % 60, s = whole % 60;
            return (h > 0 ? h + ':' + String(m).padStart(2, '0') : String(m)) + ':' + String(s).padStart(2, '0');
          };
          const degrees = (value) => (typeof value === 'number' && isFinite(value)) ? value.toFixed(1) + '°' : '–';

          function setConnection(state, text) {
            const element = $('connection');
            element.className = 'connection ' + state;
            element.querySelector('span').textContent = text;
          }

          function connect() {
            setConnection('connecting', 'connecting…');
            const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
            const ws = new WebSocket(scheme + '//' + location.host + withToken('/api/live/ws'));
            socket = ws;
            ws.onopen = () => setConnection('live', 'live');
            ws.onmessage = (message) => {
              let data;
              try { data = JSON.parse(message.data); } catch (error) { return; }
              if (data.type === 'hello') hello(data); else if (data.type === 'update') update(data);
            };
            ws.onclose = () => {
              if (socket !== ws) return;
              socket = null;
              if (finished) { setConnection('ended', 'session ended'); return; }
              const delay = retryDelay;
              retryDelay = Math.min(retryDelay * 2, 5000);
              setConnection('reconnecting', 'reconnecting in ' + Math.round(delay / 1000) + ' s');
              setTimeout(connect, delay);
            };
          }

          function hello(h) {
            retryDelay = 1000;
            settings.twistWarning = h.twist_warning_deg; settings.twistAlert = h.twist_alert_deg;
            settings.holdEnter = h.hold_enter_deg; settings.holdPosition = h.hold_position; settings.holdTarget = h.hold_target_s;
            settings.twoSensors = !!h.two_sensors;
            $('session-title').textContent = h.session_id == null ? 'Live session' : 'Live session ' + h.session_id;
            $('session-meta').textContent = 'profile ' + h.profile + ' · ' + (h.two_sensors ? 'two sensors' : 'one sensor')
              + ' · twist alert at ' + h.twist_alert_deg + '°, hold ' + h.hold_target_s + ' s';
            $('hip-readout').hidden = !settings.twoSensors;
            $('hip-legend').hidden = !settings.twoSensors;
            $('pelvis-health').hidden = !settings.twoSensors;
            $('flexion-label').textContent = settings.twoSensors ? 'Lumbar flexion' : 'Flexion';
            $('flexion-legend').textContent = settings.twoSensors ? 'lumbar flexion' : 'flexion';
            dirty = true;
          }

          function update(u) {
            const s = u.snapshot;
            if (s) {
              if (points.length && s.elapsed_s < points[points.length - 1].t) { points.length = 0; stops.length = 0; }
              now = s.elapsed_s;
              points.push({ t: s.elapsed_s, twist: s.twist_deg, flexion: s.flexion_deg,
                            hip: s.two_sensors && !s.pelvis_lost ? s.hip_flexion_deg : null });
              while (points.length && points[0].t < now - LiveTraces.WINDOW_S - 1) points.shift();
              last = s;
              show(s);
            }
            for (const event of u.events || []) addEvent(event);
            if (u.missed_events > 0) addLine($('event-list'), now, u.missed_events + ' events missed (the connection was slow)');
            if (u.finished) { finished = true; if (last) banner(last); setConnection('ended', 'session ended'); }
            dirty = true;
          }

          function show(s) {
            const twist = $('twist-value');
            twist.textContent = degrees(s.twist_deg);
            twist.className = 'value ' + s.twist_level;
            $('flexion-value').textContent = degrees(s.flexion_deg);
            $('hip-value').textContent = s.pelvis_lost ? 'lost' : degrees(s.hip_flexion_deg);
            $('session-clock').textContent = clock(s.elapsed_s);
            const target = s.hold_target_s || settings.holdTarget;
            const held = s.holding ? s.hold_s : 0;
            $('hold-fill').style.width = Math.min(100, held / target * 100).toFixed(1) + '%';
            $('hold-text').textContent = Math.floor(held) + ' / ' + Math.round(target) + ' s';
            $('hold').className = 'hold' + (s.holding && held >= target ? ' reached' : '');
            const sensor = s.sensor || {};
            $('sensor-rate').textContent = sensor.rate_hz == null ? '–' : sensor.rate_hz.toFixed(1) + ' Hz';
            $('sensor-dropped').textContent = String(sensor.dropped_samples ?? 0);
            $('sensor-faults').textContent = String(sensor.faults ?? 0);
            $('sensor-faults').className = sensor.faults > 0 ? 'bad' : '';
            if (s.two_sensors) {
              $('sensor-pelvis').textContent = s.pelvis_lost ? 'lost' : 'ok' + (s.pelvis_missed_ticks ? ' (' + s.pelvis_missed_ticks + ' missed)' : '');
              $('sensor-pelvis').className = s.pelvis_lost ? 'bad' : '';
            }
            banner(s);
          }

          // The banner: the most urgent cue first.
          function banner(s) {
            let state = 'clear', text = 'Form OK';
            if (finished) { state = 'ended'; text = 'Session ended'; }
            else if (s.capturing_baseline) { state = 'baseline'; text = 'Capturing the neutral posture — stand still'; }
            else if (s.twist_level === 'alert') { state = 'twist-alert'; text = 'Twist — turn back to the centre'; }
            else if (s.bouncing) { state = 'bounce'; text = 'Bouncing — hold still'; }
            else if (s.twist_level === 'warning') { state = 'twist-warning'; text = 'Twisting — nearly at the limit'; }
            else if (s.two_sensors && s.pelvis_lost) { state = 'pelvis-lost'; text = 'Pelvis sensor lost — judging the upper back alone'; }
            else if (s.holding) {
              state = 'hold';
              text = s.hold_s >= s.hold_target_s ? 'Hold target reached — well done' : 'Holding — keep breathing';
            }
            else if (s.plan) {
              // A guided session: where the wearer is in the plan.
              const step = 'Step ' + s.plan.step + ' of ' + s.plan.steps;
              if (s.plan.phase === 'rest') { state = 'plan-rest'; text = 'Rest — ' + Math.ceil(s.plan.rest_left_s) + ' s, then ' + (s.plan.step < s.plan.steps ? 'step ' + (s.plan.step + 1) : 'done'); }
              else if (s.plan.phase === 'done') { state = 'plan-done'; text = 'Plan done for today — well done'; }
              else if (s.plan.phase === 'stopped') { state = 'stop'; text = 'Plan stopped for today (stop / it hurts)'; }
              else if (s.plan.phase === 'release') { state = 'plan'; text = step + ' — come up slowly'; }
              else { state = 'plan'; text = step + ' — get into position'; }
            }
            const element = $('alert-banner');
            if (element.dataset.state !== state) element.dataset.state = state;
            if (element.textContent !== text) element.textContent = text;
          }

          function addLine(list, elapsed, text, limit) {
            const none = list.querySelector('.none');
            if (none) none.remove();
            const item = document.createElement('li');
            const time = document.createElement('time');
            time.textContent = clock(elapsed);
            item.append(time, ' ', text);
            list.prepend(item);
            while (limit && list.children.length > limit) list.lastElementChild.remove();
          }

          function addEvent(event) {
            const key = event.time_s + '|' + event.kind + '|' + event.text;
            if (seen.has(key)) return;
            seen.add(key);
            if (event.kind === 'stop_marked') {
              if (typeof event.elapsed_s === 'number') stops.push(event.elapsed_s);
              addLine($('stop-list'), event.elapsed_s, 'stop / it hurts');
            }
            addLine($('event-list'), event.elapsed_s, event.text, 12);
          }

          // Where a hold begins on the flexion trace: forward (+), backward (−), either, or not on this trace.
          function holdLines() {
            const label = 'stretch ' + settings.holdEnter + '°';
            switch (settings.holdPosition) {
              case 'flexion': return [{ value: settings.holdEnter, colour: colours.good, label }];
              case 'extension': return [{ value: -settings.holdEnter, colour: colours.good, label: 'stretch −' + settings.holdEnter + '°' }];
              case 'side_bend': return [];
              default: return [{ value: settings.holdEnter, colour: colours.good, label }, { value: -settings.holdEnter, colour: colours.good }];
            }
          }

          function frame() {
            if (dirty) {
              dirty = false;
              const twistLines = [
                { value: settings.twistAlert, colour: colours.bad, label: 'alert ' + settings.twistAlert + '°' },
                { value: -settings.twistAlert, colour: colours.bad },
                { value: settings.twistWarning, colour: colours.caution, label: 'warning ' + settings.twistWarning + '°' },
                { value: -settings.twistWarning, colour: colours.caution },
              ];
              LiveTraces.draw($('trace-twist'), { points, now, stops, lines: twistLines,
                series: [{ key: 'twist', colour: colours.twist }],
                range: { min: -settings.twistAlert * 1.6, max: settings.twistAlert * 1.6 } });
              const flexionSeries = [{ key: 'flexion', colour: colours.flexion }];
              if (settings.twoSensors) flexionSeries.push({ key: 'hip', colour: colours.hip });
              LiveTraces.draw($('trace-flexion'), { points, now, stops, series: flexionSeries,
                lines: holdLines(),
                range: { min: -10, max: 90 } });
            }
            requestAnimationFrame(frame);
          }

          window.addEventListener('resize', () => { dirty = true; });
          connect();
          requestAnimationFrame(frame);
        })();

        """#
}

// Header clock (simulated time in the city's time zone), weather, speed and pause controls.
// Follows the store: `clock` (frames), `connection` (a clock without a live feed stops) and `me`
// (only trainers and admins may change the city's clock; everyone else sees it read-only).
import { api } from '../core/api.js';
import { cityTimeZone, cityZoneName, formatDate, formatNumber, formatTime, formatTimeOfDay, minutesOfDay, toMillis } from '../core/format.js';
import { onLanguageChange, t } from '../core/i18n.js';
import { may } from '../core/session.js';
import { store } from '../core/store.js';
import { ClockJump } from './clock-jump.js';

export const SPEEDS = [1, 10, 60, 360];

export class ClockView {
  constructor(root) {
    this.el = {
      clock: root.querySelector('[data-testid="clock"]'),
      time: root.querySelector('#clock-time'),
      date: root.querySelector('#clock-date'),
      tz: root.querySelector('#clock-tz'),
      paused: root.querySelector('#clock-paused'),
      weather: root.querySelector('#weather'),
      sun: root.querySelector('#weather-sun'),
      temp: root.querySelector('#weather-temp'),
      rain: root.querySelector('#weather-rain'),
      speed: root.querySelector('[data-testid="speed-select"]'),
      pause: root.querySelector('[data-testid="pause-button"]'),
      controls: root.querySelector('.sim-controls'),
      hint: root.querySelector('#sim-hint'),
    };
    this.state = null;       // last clock received
    this.anchorSim = NaN;    // simulated ms at anchorWall
    this.anchorWall = 0;
    this.busy = false;
    this.stale = true;       // no live connection: do not run ahead of what the server said

    this.el.clock.dataset.stale = 'true';
    for (const s of SPEEDS) this.addSpeedOption(s);
    this.el.speed.addEventListener('change', () => this.send({ speed: Number(this.el.speed.value) }));
    this.el.pause.addEventListener('click', () => this.send({ paused: !this.state?.paused }));
    this.jump = new ClockJump(this.el.controls, {
      now: () => this.now(),
      jump: async (simTime) => { const clock = await api.setClock({ simTime }); if (clock) this.update(clock); },
    });
    onLanguageChange(() => this.render());
    store.subscribe('clock', (c) => this.update(c));
    store.subscribe('connection', (state) => this.setStale(state !== 'connected'));
    store.subscribe('me', () => this.paintAllowed());
    onLanguageChange(() => this.paintAllowed());
    this.paintAllowed();
    setInterval(() => this.renderTime(), 250);
  }

  /** Enabled for trainers and admins; read-only with a hint for everyone else. */
  paintAllowed() {
    const allowed = may('controlClock');
    this.el.speed.disabled = !allowed;
    this.el.pause.disabled = !allowed || this.busy;
    this.el.controls.dataset.readonly = String(!allowed);
    this.el.hint.hidden = allowed;
    this.jump?.setAllowed(allowed);
    this.el.hint.textContent = allowed ? '' : t('clock.readOnly');
    this.el.controls.title = allowed ? '' : t('clock.readOnly');
    for (const c of [this.el.speed, this.el.pause]) {
      if (allowed) c.removeAttribute('aria-describedby');
      else c.setAttribute('aria-describedby', 'sim-hint');
    }
  }

  addSpeedOption(s) {
    if ([...this.el.speed.options].some(o => Number(o.value) === s)) return;
    const o = document.createElement('option');
    o.value = String(s);
    o.textContent = `${s}×`;
    const after = [...this.el.speed.options].find(x => Number(x.value) > s);
    this.el.speed.insertBefore(o, after ?? null);
  }

  /** Current simulated time (ms), advanced locally between clock frames. */
  now() {
    if (!this.state || !Number.isFinite(this.anchorSim)) return NaN;
    if (this.state.paused || this.stale) return this.anchorSim;
    return this.anchorSim + (performance.now() - this.anchorWall) * (Number(this.state.speed) || 1);
  }

  /** While the live connection is down the clock stops where the server last was. */
  setStale(stale) {
    if (stale === this.stale) return;
    const now = this.now();
    this.stale = stale;
    if (Number.isFinite(now)) { this.anchorSim = now; this.anchorWall = performance.now(); }
    this.el.clock.dataset.stale = String(stale);
    this.renderTime();
  }

  update(clock) {
    if (!clock) return;
    this.state = { ...this.state, ...clock };
    const sim = toMillis(clock.simTime);
    if (Number.isFinite(sim)) {
      this.anchorSim = sim;
      this.anchorWall = performance.now();
    }
    this.render();
  }

  async send(change) {
    if (this.busy || !may('controlClock')) return;
    this.busy = true;
    this.el.pause.disabled = true;
    try {
      const clock = await api.setClock(change);
      if (clock) this.update(clock);
    } catch (e) {
      console.warn('Clock change failed', e);
      this.render(); // put the controls back to the server's state
    } finally {
      this.busy = false;
      this.paintAllowed();
    }
  }

  render() {
    const s = this.state;
    if (!s) return;
    const speed = Number(s.speed);
    if (Number.isFinite(speed)) {
      this.addSpeedOption(speed);
      this.el.speed.value = String(speed);
    }
    const paused = !!s.paused;
    this.el.pause.dataset.paused = String(paused);
    this.el.pause.setAttribute('aria-pressed', String(paused));
    this.el.pause.querySelector('.label').textContent = paused ? t('pause.resume') : t('pause.pause');
    this.el.pause.querySelector('.icon').textContent = paused ? '▶' : '❚❚';
    this.el.pause.setAttribute('aria-label', paused ? t('pause.resumeLabel') : t('pause.pauseLabel'));
    this.el.pause.title = this.el.pause.getAttribute('aria-label');
    this.el.paused.hidden = !paused;
    this.el.clock.dataset.paused = String(paused);

    const temp = Number(s.temperatureC);
    this.el.temp.textContent = Number.isFinite(temp) ? `${formatNumber(temp, 1)} °C` : '– °C';
    const rain = Number(s.rainMmH);
    this.el.rain.textContent = rain > 0.05 ? `☂ ${t('weather.rain', { value: formatNumber(rain, 1) })}` : t('weather.dry');
    this.el.rain.dataset.raining = String(rain > 0.05);
    this.renderTime();
  }

  renderTime() {
    const ms = this.now();
    if (!Number.isFinite(ms)) return;
    this.el.time.textContent = formatTime(ms);
    this.el.time.dateTime = new Date(ms).toISOString();
    this.el.date.textContent = formatDate(ms);
    this.el.tz.textContent = cityZoneName(ms);
    this.el.tz.title = cityTimeZone();
    const s = this.state;
    const mins = minutesOfDay(ms);
    const rise = minutesOfDay(s.sunrise), set = minutesOfDay(s.sunset);
    if (Number.isFinite(rise) && Number.isFinite(set)) {
      const day = mins >= rise && mins < set;
      this.el.sun.textContent = day ? '☀' : '☾';
      this.el.sun.dataset.day = String(day);
      const label = `${day ? t('clock.day') : t('clock.night')} · ${t('clock.sunrise', { time: formatTimeOfDay(s.sunrise) })} · ${t('clock.sunset', { time: formatTimeOfDay(s.sunset) })}`;
      this.el.sun.title = label;
      this.el.sun.setAttribute('aria-label', label);
    }
  }
}

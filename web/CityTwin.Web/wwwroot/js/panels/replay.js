// Replay: one time slider over the last 24 hours for the whole map (area colours, asset colours,
// alarm counts), played at 1×, 10× or 60×, and a clear way back to live. While replaying, live
// frames do not touch the map (app.js asks `active`); back to live, the viewport is subscribed
// again and the server sends the live state of everything in view.
import { api } from '../core/api.js';
import { el } from '../core/dom.js';
import { formatDate, formatTime } from '../core/format.js';
import { onLanguageChange, t } from '../core/i18n.js';

export const WINDOW_MS = 24 * 3600_000;
export const SPEEDS = [1, 10, 60];
const MINUTE = 60_000;
const PLAY_TICK_MS = 250;

export class Replay {
  /**
   * @param {HTMLElement} stage where the bar goes (over the map)
   * @param {{now: () => number, bbox: () => string|null,
   *          apply: (frame: {areas: any[], assets: any[]}) => void, onLive: () => void}} ctx
   *   bbox: the viewport when assets are drawn, null when zoomed out (areas only)
   */
  constructor(stage, ctx) {
    this.ctx = ctx;
    this.active = false;
    this.t = NaN;          // replayed instant (ms)
    this.end = NaN;        // live time when the slider was last drawn
    this.speed = 1;
    this.playing = 0;      // interval id while playing
    this.inFlight = false;
    this.shown = NaN;      // minute last drawn
    this.abort = new AbortController();

    this.root = el('div', 'replay-bar');
    this.root.setAttribute('data-testid', 'replay-bar');
    this.root.dataset.active = 'false';
    this.openBtn = el('button', 'btn replay-open');
    this.openBtn.type = 'button';
    this.openBtn.setAttribute('data-testid', 'replay-button');
    this.openBtn.addEventListener('click', () => this.start());

    this.controls = el('div', 'replay-controls');
    this.controls.hidden = true;
    this.badge = el('span', 'replay-badge');
    this.time = el('output', 'replay-time');
    this.time.setAttribute('data-testid', 'replay-time');
    this.slider = /** @type {HTMLInputElement} */ (el('input', 'replay-slider'));
    this.slider.type = 'range';
    this.slider.setAttribute('data-testid', 'replay-slider');
    this.slider.addEventListener('input', () => {
      const to = Number(this.slider.value); // read before pausing repaints the slider
      this.pause();
      this.seek(to);
    });
    this.playBtn = el('button', 'btn replay-play');
    this.playBtn.type = 'button';
    this.playBtn.setAttribute('data-testid', 'replay-play');
    this.playBtn.addEventListener('click', () => (this.playing ? this.pause() : this.play()));
    this.speedBtns = SPEEDS.map(s => {
      const b = el('button', 'btn compact', `${s}×`);
      b.type = 'button';
      b.setAttribute('data-testid', `replay-speed-${s}`);
      b.addEventListener('click', () => { this.speed = s; this.paint(); if (!this.playing) this.play(); });
      return b;
    });
    const speeds = el('div', 'replay-speeds');
    speeds.setAttribute('role', 'group');
    speeds.append(...this.speedBtns);
    this.liveBtn = el('button', 'btn primary replay-live');
    this.liveBtn.type = 'button';
    this.liveBtn.setAttribute('data-testid', 'replay-live');
    this.liveBtn.addEventListener('click', () => this.stop());
    const head = el('div', 'replay-head');
    head.append(this.badge, this.time, this.liveBtn);
    const row = el('div', 'replay-row');
    row.append(this.playBtn, speeds, this.slider);
    this.controls.append(head, row);
    this.root.append(this.openBtn, this.controls);
    stage.append(this.root);
    onLanguageChange(() => this.paint());
    this.paint();
  }

  /** Enters replay one hour back (or at the start of the window when less has passed). */
  start() {
    if (this.active) return;
    const now = this.ctx.now();
    if (!Number.isFinite(now)) return;
    this.active = true;
    this.abort = new AbortController();
    this.root.dataset.active = 'true';
    document.body.dataset.replay = 'true';
    this.seek(now - 3600_000);
  }

  /**
   * Enters replay at an instant (or moves there when already replaying), as a tour stop asks.
   * Answers false, and changes nothing, when the instant is outside the kept 24 hours.
   * @param {number} ms
   */
  showAt(ms) {
    const now = this.ctx.now();
    if (!Number.isFinite(now) || !Number.isFinite(ms) || ms > now || ms < now - WINDOW_MS) return false;
    this.pause();
    if (!this.active) {
      this.active = true;
      this.abort = new AbortController();
      this.root.dataset.active = 'true';
      document.body.dataset.replay = 'true';
    }
    this.seek(ms);
    return true;
  }

  /** Back to live. */
  stop() {
    if (!this.active) return;
    this.pause();
    this.abort.abort();
    this.active = false;
    this.shown = NaN;
    this.root.dataset.active = 'false';
    delete document.body.dataset.replay;
    this.paint();
    this.ctx.onLive();
  }

  play() {
    if (!this.active || this.playing) return;
    this.playing = window.setInterval(() => {
      const next = this.t + this.speed * PLAY_TICK_MS;
      if (next >= this.ctx.now()) { this.seek(this.ctx.now()); this.pause(); return; }
      this.seek(next);
    }, PLAY_TICK_MS);
    this.paint();
  }

  pause() {
    if (this.playing) window.clearInterval(this.playing);
    this.playing = 0;
    this.paint();
  }

  /** Moves to an instant inside the window and draws its minute. @param {number} ms */
  seek(ms) {
    const now = this.ctx.now();
    this.t = Math.min(now, Math.max(now - WINDOW_MS, ms));
    this.paint();
    this.fetch();
  }

  /** The viewport moved: the assets in view are drawn at the replayed minute too. */
  refresh() {
    if (!this.active) return;
    this.shown = NaN;
    this.fetch();
  }

  async fetch() {
    const minute = Math.floor(this.t / MINUTE) * MINUTE;
    if (!this.active || this.inFlight || minute === this.shown) return;
    this.inFlight = true;
    const signal = this.abort.signal;
    try {
      const bbox = this.ctx.bbox();
      const frame = await api.replay({ t: new Date(minute).toISOString(), bbox: bbox ?? undefined }, signal);
      if (!this.active || signal.aborted) return;
      this.shown = minute;
      this.ctx.apply(frame);
      this.root.dataset.shown = new Date(minute).toISOString();
      this.root.dataset.empty = String(!frame.areas?.length);
    } catch (e) {
      if (!signal.aborted) console.warn('Replay unavailable', e);
    } finally {
      this.inFlight = false;
    }
    // The slider moved on while that minute loaded: draw where it is now.
    if (this.active && Math.floor(this.t / MINUTE) * MINUTE !== this.shown) this.fetch();
  }

  paint() {
    this.openBtn.textContent = `↺ ${t('replay.open')}`;
    this.openBtn.title = t('replay.openTitle');
    this.openBtn.hidden = this.active;
    this.controls.hidden = !this.active;
    this.badge.textContent = t('replay.badge');
    this.liveBtn.textContent = `● ${t('replay.live')}`;
    this.playBtn.textContent = this.playing ? '❚❚' : '▶';
    this.playBtn.setAttribute('aria-label', this.playing ? t('replay.pause') : t('replay.play'));
    this.playBtn.title = this.playBtn.getAttribute('aria-label') ?? '';
    this.slider.setAttribute('aria-label', t('replay.slider'));
    this.speedBtns.forEach((b, i) => b.setAttribute('aria-pressed', String(SPEEDS[i] === this.speed)));
    if (!this.active || !Number.isFinite(this.t)) return;
    this.end = this.ctx.now();
    // Whole minutes, so the slider's steps land on the minutes history keeps.
    this.slider.min = String(Math.ceil((this.end - WINDOW_MS) / MINUTE) * MINUTE);
    this.slider.max = String(Math.floor(this.end));
    this.slider.step = String(MINUTE);
    this.slider.value = String(Math.floor(this.t));
    this.time.textContent = `${formatDate(this.t)} ${formatTime(this.t, { seconds: false })}`;
    this.time.dataset.t = new Date(this.t).toISOString();
  }
}

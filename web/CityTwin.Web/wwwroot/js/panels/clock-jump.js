// Jump the simulated clock (trainers and admins): presets for a time of day on the city's current
// date, or any date and time. A jump starts a new timeline on the server: history after the new
// instant is dropped and the whole twin continues from there.
import { cityWallTime } from '../core/citytime.js';
import { cityDate, formatTime } from '../core/format.js';
import { el } from '../core/dom.js';
import { onLanguageChange, t } from '../core/i18n.js';

/** Times of day a trainer reaches for: the morning rush hour and a night with the streetlights on. */
export const PRESETS = [
  { key: 'morningRush', time: '08:00' },
  { key: 'night', time: '22:00' },
];

export class ClockJump {
  /**
   * @param {HTMLElement} host where the button and its panel go
   * @param {{jump: (simTime: string) => Promise<void>, now: () => number}} ctx
   */
  constructor(host, ctx) {
    this.ctx = ctx;
    this.button = el('button', 'btn', '');
    this.button.type = 'button';
    this.button.setAttribute('data-testid', 'clock-jump');
    this.button.setAttribute('aria-expanded', 'false');
    this.panel = el('div', 'jump-panel');
    this.panel.setAttribute('data-testid', 'jump-panel');
    this.panel.hidden = true;
    host.append(this.button, this.panel);
    this.button.addEventListener('click', () => this.toggle());
    document.addEventListener('keydown', e => { if (e.key === 'Escape') this.toggle(false); });
    onLanguageChange(() => this.render());
    this.render();
  }

  /** @param {boolean} allowed */
  setAllowed(allowed) {
    this.button.hidden = !allowed;
    if (!allowed) this.toggle(false);
  }

  /** @param {boolean} [open] */
  toggle(open = this.panel.hidden) {
    this.panel.hidden = !open;
    this.button.setAttribute('aria-expanded', String(open));
    if (open) this.render();
  }

  render() {
    this.button.textContent = `↷ ${t('jump.button')}`;
    this.button.title = t('jump.title');
    const now = this.ctx.now();
    const today = Number.isFinite(now) ? cityDate(now) : '';
    this.panel.replaceChildren();
    this.panel.append(el('p', 'muted small', t('jump.note')));
    const presets = el('div', 'jump-presets');
    for (const p of PRESETS) {
      const b = el('button', 'btn', `${t(`jump.${p.key}`)} · ${p.time}`);
      b.type = 'button';
      b.setAttribute('data-testid', `jump-${p.key}`);
      b.addEventListener('click', () => this.go(today, p.time));
      presets.append(b);
    }
    this.panel.append(presets);
    const form = el('form', 'jump-form');
    const date = /** @type {HTMLInputElement} */ (el('input'));
    date.type = 'date';
    date.value = today;
    date.required = true;
    date.setAttribute('aria-label', t('jump.date'));
    date.setAttribute('data-testid', 'jump-date');
    const time = /** @type {HTMLInputElement} */ (el('input'));
    time.type = 'time';
    time.value = Number.isFinite(now) ? formatTime(now, { seconds: false }) : '08:00';
    time.required = true;
    time.setAttribute('aria-label', t('jump.time'));
    time.setAttribute('data-testid', 'jump-time');
    const go = el('button', 'btn primary', t('jump.go'));
    go.setAttribute('data-testid', 'jump-go');
    form.append(date, time, go);
    form.addEventListener('submit', e => { e.preventDefault(); this.go(date.value, time.value); });
    this.panel.append(form);
    this.error = el('p', 'error small');
    this.error.hidden = true;
    this.panel.append(this.error);
  }

  /** @param {string} date @param {string} time */
  async go(date, time) {
    const ms = cityWallTime(date, time);
    if (!Number.isFinite(ms)) return;
    try {
      await this.ctx.jump(new Date(ms).toISOString());
      this.toggle(false);
    } catch (e) {
      console.warn('Clock jump failed', e);
      if (this.error) { this.error.hidden = false; this.error.textContent = t('jump.failed'); }
    }
  }
}

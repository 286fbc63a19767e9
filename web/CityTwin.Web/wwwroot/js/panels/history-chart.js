// The inspector's history chart: one column of an asset's or area's history over a chosen range
// (1 h, 24 h, 7 d) from the server's history, continued by live values, with a CSV download of the range.
import { api } from '../core/api.js';
import { el } from '../core/dom.js';
import { toMillis } from '../core/format.js';
import { t } from '../core/i18n.js';
import { Sparkline } from './sparkline.js';

/** Ranges a user picks from, with the step the server summarises them at. */
export const RANGES = [
  { key: '1h', hours: 1, step: '1m' },
  { key: '24h', hours: 24, step: '1m' },
  { key: '7d', hours: 24 * 7, step: '15m' },
];

export class HistoryChart {
  /**
   * @param {HTMLElement} section where the range buttons, the chart and the CSV link go
   * @param {{path: string, column: string, range: string, now: () => number, onRange: (key: string) => void,
   *          unit?: string, title?: string, warning?: number, alarm?: number}} options
   *   path: `assets/{id}`, `dongs/{code}` or `districts/{code}`; column: the channel or KPI charted
   */
  constructor(section, options) {
    this.options = options;
    this.abort = new AbortController();
    const bar = el('div', 'history-ranges');
    bar.setAttribute('role', 'group');
    bar.setAttribute('aria-label', t('history.range'));
    for (const r of RANGES) {
      const b = el('button', 'btn compact', t(`history.range.${r.key}`));
      b.type = 'button';
      b.setAttribute('data-testid', `history-range-${r.key}`);
      b.setAttribute('aria-pressed', String(r.key === options.range));
      b.addEventListener('click', () => options.onRange(r.key));
      bar.append(b);
    }
    this.csv = /** @type {HTMLAnchorElement} */ (el('a', 'csv-link small', t('history.csv')));
    this.csv.setAttribute('data-testid', 'history-csv');
    this.csv.download = '';
    bar.append(this.csv);
    this.box = el('div', 'chart');
    this.box.setAttribute('data-testid', 'inspector-chart');
    this.box.dataset.loading = 'true';
    section.append(bar, this.box);
    this.chart = new Sparkline(this.box, { unit: options.unit, title: options.title, warning: options.warning, alarm: options.alarm, maxPoints: 2000 });
    this.load();
  }

  get range() { return RANGES.find(r => r.key === this.options.range) ?? RANGES[0]; }

  /** The uPlot instance once there are points (tests read its axes). */
  get plot() { return this.chart.plot; }

  async load() {
    const r = this.range;
    const to = this.options.now();
    if (!Number.isFinite(to)) return;
    const span = { from: new Date(to - r.hours * 3600_000).toISOString(), to: new Date(to).toISOString(), step: r.step };
    this.csv.href = api.historyCsvUrl(this.options.path, span);
    try {
      const series = await api.history(this.options.path, span, this.abort.signal);
      const column = (series.columns ?? []).findIndex((/** @type {{name: string}} */ c) => c.name === this.options.column);
      const points = column < 0 ? [] : (series.points ?? []).map((/** @type {any} */ p) => ({ t: toMillis(p.at), v: p.mean?.[column] ?? NaN }));
      this.chart.setData(points);
      this.box.dataset.points = String(points.length);
      if (!points.length) this.box.append(el('p', 'muted small', t('inspector.noHistory')));
    } catch (e) {
      if (this.abort.signal.aborted) return;
      console.warn('History unavailable', e);
      this.box.append(el('p', 'muted small', t('inspector.loadFailed')));
    } finally {
      this.box.dataset.loading = 'false';
    }
  }

  /** A live value continues the line. @param {number} tMs @param {number} v */
  push(tMs, v) { this.chart.push(tMs, v); }

  destroy() {
    this.abort.abort();
    this.chart.destroy();
  }
}

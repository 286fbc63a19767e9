// Small uPlot time series for the inspector: history plus live values, optional threshold lines.
import uPlot from 'uplot';
import { formatNumber, formatTime } from '../core/format.js';

const MAX_POINTS = 600;

export class Sparkline {
  /**
   * @param {HTMLElement} container
   * @param {{unit?: string, title?: string, warning?: number, alarm?: number, color?: string, maxPoints?: number}} options
   *   title: names the y axis (the unit, or what is counted when there is none); maxPoints: how many points it keeps (600)
   */
  constructor(container, options = {}) {
    this.container = container;
    this.options = options;
    this.xs = [];
    this.ys = [];
    this.plot = null;
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(container);
  }

  setData(points) {
    const sorted = points.filter(p => Number.isFinite(p.t) && Number.isFinite(p.v)).sort((a, b) => a.t - b.t);
    this.xs = sorted.map(p => p.t / 1000);
    this.ys = sorted.map(p => p.v);
    this.trim();
    this.render();
  }

  push(tMs, v) {
    if (!Number.isFinite(tMs) || !Number.isFinite(v)) return;
    const t = tMs / 1000;
    const last = this.xs.length ? this.xs[this.xs.length - 1] : -Infinity;
    if (t < last) return; // out of order: the history already covers it
    if (t === last) this.ys[this.ys.length - 1] = v;
    else { this.xs.push(t); this.ys.push(v); }
    this.trim();
    if (this.plot) this.plot.setData(this.data());
    else this.render();
  }

  trim() {
    const extra = this.xs.length - (this.options.maxPoints ?? MAX_POINTS);
    if (extra > 0) { this.xs.splice(0, extra); this.ys.splice(0, extra); }
  }

  /** @returns {uPlot.AlignedData} */
  data() {
    /** @type {uPlot.AlignedData} */
    const d = [this.xs, this.ys];
    const { warning, alarm } = this.options;
    if (Number.isFinite(warning)) /** @type {number[][]} */ (d).push(this.xs.map(() => Number(warning)));
    if (Number.isFinite(alarm)) /** @type {number[][]} */ (d).push(this.xs.map(() => Number(alarm)));
    return d;
  }

  size() {
    return { width: Math.max(160, Math.floor(this.container.clientWidth)), height: 130 };
  }

  render() {
    this.plot?.destroy();
    this.plot = null;
    this.container.replaceChildren();
    if (this.xs.length === 0) return;
    const { unit = '', title = unit, warning, alarm, color = '#5cc8ff' } = this.options;
    const axis = { stroke: '#9fb0c3', grid: { stroke: 'rgba(255,255,255,0.07)', width: 1 }, ticks: { stroke: 'rgba(255,255,255,0.15)', width: 1 }, font: '11px system-ui, sans-serif' };
    /** @type {uPlot.Series[]} */
    const series = [
      { value: (u, v) => (v == null ? '' : formatTime(v * 1000)) },
      { label: unit, stroke: color, width: 2, fill: 'rgba(92,200,255,0.12)', points: { show: this.xs.length < 3 }, value: (u, v) => (v == null ? '–' : `${formatNumber(v)} ${unit}`) },
    ];
    if (Number.isFinite(warning)) series.push({ stroke: '#f5a524', width: 1, dash: [4, 4], points: { show: false } });
    if (Number.isFinite(alarm)) series.push({ stroke: '#ef4444', width: 1, dash: [4, 4], points: { show: false } });
    /** @type {uPlot.Options} */
    const opts = {
      ...this.size(),
      legend: { show: false },
      cursor: { drag: { x: false, y: false }, points: { size: 6 } },
      scales: {
        x: { time: true },
        y: {
          range: (u, min, max) => {
            let lo = Math.min(min, warning ?? min, alarm ?? min);
            let hi = Math.max(max, warning ?? max, alarm ?? max);
            if (lo > 0 && lo < hi * 0.5) lo = 0;
            if (hi === lo) { hi += Math.abs(hi) * 0.1 || 1; lo -= Math.abs(lo) * 0.1 || 0; }
            const pad = (hi - lo) * 0.08;
            return [lo - (lo === 0 ? 0 : pad), hi + pad];
          },
        },
      },
      axes: [
        { ...axis, values: (u, ticks) => { const seconds = ticks.length > 1 && ticks[1] - ticks[0] < 60; return ticks.map(t => formatTime(t * 1000, { seconds })); }, space: 64 },
        // The unit is named on the axis: a sparkline without one reads as a bare number.
        { ...axis, size: 50, space: 22, label: title, labelSize: title ? 16 : 0, labelFont: '11px system-ui, sans-serif', values: (u, ticks) => ticks.map(t => formatNumber(t)) },
      ],
      series,
    };
    this.plot = new uPlot(opts, this.data(), this.container);
  }

  resize() {
    if (this.plot) this.plot.setSize(this.size());
  }

  destroy() {
    this.resizeObserver.disconnect();
    this.plot?.destroy();
    this.plot = null;
  }
}
